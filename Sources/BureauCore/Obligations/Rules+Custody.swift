import Foundation

/// GC3-17-language, GC3-18-money, GC3-126-visits, GC3-79-rep.
extension RuleContext {
    /// Art. 17(7): a language he understands, established within the policy time after capture and in
    /// any case before the first interview. Languages given at registration count (at registration time).
    func interviewLanguageDrafts() -> [ObligationDraft] {
        guard let capture else { return [] }
        let policyDue = capture.occurredAt + policy.languageAssessment
        let interview = events.first { $0.kind == .interview }
        let beforeInterview = interview.map { $0.occurredAt < policyDue } ?? false
        let assessment = first(from: capture.occurredAt) { $0.kind == .languageAssessment }.map(Fulfilment.init)
        var registered: Fulfilment?
        if !prisoner.languages.isEmpty && prisoner.registeredAt <= now {
            registered = Fulfilment(eventID: capture.id, at: max(capture.occurredAt, prisoner.registeredAt))
        }
        let fulfilment = [assessment, registered].compactMap { $0 }.min { $0.at < $1.at }
        return [ObligationDraft(
            rule: .interviewLanguage, key: "assess", trigger: capture,
            dueAt: beforeInterview ? interview!.occurredAt : policyDue, basis: beforeInterview ? .treaty : .policy,
            deadlineRule: beforeInterview ? "before the first interview (Art. 17(7))"
                : UTCTime.policy(policy.languageAssessment, "languageAssessment") + ", and before any interview",
            duty: "Establish a language he understands (and the interpreter) before he is questioned",
            owedTo: [.prisoner], fulfilledBy: [.languageAssessment], fulfilment: fulfilment, lapsesOutOfCustody: true)]
    }

    /// Art. 18(4): the special-register entry is made at the seizure; recorded later, it is late.
    func moneyRegisterDrafts() -> [ObligationDraft] {
        events(.money).map { seizure in
            let data = seizure.payload.moneyData!
            var fulfilment: Fulfilment?
            if data.registerEntry?.trimmedOrNil != nil {
                fulfilment = Fulfilment(seizure)
            } else {
                fulfilment = first(from: seizure.occurredAt) {
                    refers($0.payload.moneyRegistrationData?.seizureEventID, to: seizure)
                }.map(Fulfilment.init)
            }
            let grace = policy.moneyRegisterGrace
            return ObligationDraft(
                rule: .moneyRegister, key: "register", trigger: seizure, dueAt: seizure.occurredAt + grace,
                basis: grace == 0 ? .treaty : .policy,
                deadlineRule: grace == 0 ? "at the seizure (Art. 18(4))" : UTCTime.policy(grace, "moneyRegisterGrace"),
                duty: "Enter the \(data.currency) taken in the special register (receipt \(data.receiptNumber))",
                owedTo: [.prisoner], fulfilledBy: [.moneyRegistration], fulfilment: fulfilment,
                lapsesOutOfCustody: false)
        }
    }

    /// Art. 126: a requested visit takes place within the policy time; a justified temporary refusal
    /// moves the deadline to its end, never further.
    func visitDrafts() -> [ObligationDraft] {
        events(.visitRequest).map { request in
            let visitor = request.payload.visitRequestData!.visitor
            var due = request.occurredAt + policy.visitGrant
            var rule = UTCTime.policy(policy.visitGrant, "visitGrant")
            let refusal = events.last { refers($0.payload.visitRefusalData?.requestEventID, to: request) }
            if let until = refusal?.payload.visitRefusalData?.until, until > due {
                due = until
                rule = "end of the temporary refusal (Art. 126(2): imperative military necessity only)"
            }
            let visit = first(from: request.occurredAt) { event in
                guard let data = event.payload.visitData else { return false }
                if let requestID = data.requestEventID { return refers(requestID, to: request) }
                return data.visitor == visitor
            }
            return ObligationDraft(
                rule: .visits, key: "visit", trigger: request, dueAt: due, basis: .policy, deadlineRule: rule,
                duty: "Let \(visitor == .icrc ? "the ICRC" : "the Protecting Power") visit him, with a private interview",
                owedTo: [visitor == .icrc ? .icrc : .protectingPower], fulfilledBy: [.visit],
                fulfilment: visit.map(Fulfilment.init), lapsesOutOfCustody: true)
        }
    }

    /// Art. 79: the next election six months after this one; sooner (policy) once the post falls
    /// vacant — the representative leaves, his mandate ends without a successor, or he is not approved.
    func representativeDrafts() -> [ObligationDraft] {
        let elections = events(.representativeElection)
        return elections.enumerated().map { index, election in
            let data = election.payload.representativeElectionData!
            var fulfilment = index + 1 < elections.count ? Fulfilment(elections[index + 1]) : nil
            for end in events where end.occurredAt >= election.occurredAt {
                guard let at = end.payload.representativeMandateEndData?.successorElectedAt, at <= now,
                      at >= election.occurredAt else { continue }
                if fulfilment.map({ at < $0.at }) ?? true { fulfilment = Fulfilment(eventID: end.id, at: at) }
            }
            var due = UTCTime.adding(months: 6, to: election.occurredAt)
            var basis = DeadlineBasis.treaty
            var rule = "6 months after the election (Art. 79)"
            var vacancy: Date? = data.approved ? nil : election.occurredAt
            if vacancy == nil {
                vacancy = events.first { event in
                    guard event.occurredAt > election.occurredAt,
                          fulfilment.map({ event.occurredAt < $0.at }) ?? true else { return false }
                    switch event.kind {
                    case .representativeMandateEnd, .custodyMove, .death, .release, .repatriation, .escape: return true
                    default: return false
                    }
                }?.occurredAt
            }
            if let vacancy, vacancy + policy.representativeVacancy < due {
                due = vacancy + policy.representativeVacancy
                basis = .policy
                rule = UTCTime.policy(policy.representativeVacancy, "representativeVacancy") + " after the post fell vacant"
            }
            return ObligationDraft(
                rule: .representativeElection, key: "election", trigger: election, dueAt: due, basis: basis,
                deadlineRule: rule, duty: "Hold the next election of the prisoners' representative at \(data.facility)"
                    + (data.group.map { " for the group \($0)" } ?? ""),
                owedTo: [.prisoner], fulfilledBy: [.representativeElection, .representativeMandateEnd],
                fulfilment: fulfilment, lapsesOutOfCustody: false)
        }
    }
}
