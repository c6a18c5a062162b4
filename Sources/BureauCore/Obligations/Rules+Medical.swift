import Foundation

/// GC3-31-monthly, GC3-30-cert, GC3-112-MMC, GC3-120-cert, GC3-121-inquiry.
extension RuleContext {
    /// Art. 31: an inspection at least monthly (31 days), from capture; each inspection restarts the
    /// clock; a recapture starts a new chain.
    func monthlyInspectionDrafts() -> [ObligationDraft] {
        let interval = 31 * ObligationPolicy.day
        let starts = events.filter { $0.kind == .capture || $0.kind == .recapture }
        var drafts: [ObligationDraft] = []
        for (index, start) in starts.enumerated() {
            let end = index + 1 < starts.count ? starts[index + 1].occurredAt : nil
            var anchor = start
            while true {
                let inspection = first(from: anchor.occurredAt, strictly: anchor.id != start.id) {
                    $0.payload.medicalData?.kind == .inspection
                }
                drafts.append(ObligationDraft(
                    rule: .monthlyInspection, key: "inspect", trigger: anchor,
                    dueAt: anchor.occurredAt + interval, basis: .treaty,
                    deadlineRule: "31 days after capture or the last inspection (Art. 31 \"at least once a month\")",
                    duty: "Medical inspection with weight and screening for contagious disease",
                    owedTo: [.prisoner], fulfilledBy: [.medical], fulfilment: inspection.map(Fulfilment.init),
                    lapsesOutOfCustody: true))
                guard let inspection, end.map({ inspection.occurredAt < $0 }) ?? true else { break }
                anchor = inspection
            }
        }
        return drafts
    }

    /// Art. 30: a certificate on request (the oldest open request is met by the next certificate),
    /// and a duplicate of every certificate to the CTA.
    func medicalCertificateDrafts() -> [ObligationDraft] {
        let certificates = events.filter { $0.payload.medicalData?.kind == .certificate }
        var used: Set<UUID> = []
        var drafts: [ObligationDraft] = []
        for request in events(.certificateRequest) {
            let certificate = certificates.first { $0.occurredAt >= request.occurredAt && !used.contains($0.id) }
            if let certificate { used.insert(certificate.id) }
            drafts.append(ObligationDraft(
                rule: .medicalCertificate, key: "issue", trigger: request,
                dueAt: request.occurredAt + policy.certificateIssue, basis: .policy,
                deadlineRule: UTCTime.policy(policy.certificateIssue, "certificateIssue"),
                duty: "Issue the requested certificate of illness or injury and its treatment",
                owedTo: [.prisoner], fulfilledBy: [.medical], fulfilment: certificate.map(Fulfilment.init),
                lapsesOutOfCustody: true))
        }
        for certificate in certificates {
            drafts.append(ObligationDraft(
                rule: .medicalCertificate, key: "duplicate", trigger: certificate,
                dueAt: certificate.occurredAt + policy.certificateDuplicate, basis: .policy,
                deadlineRule: UTCTime.policy(policy.certificateDuplicate, "certificateDuplicate"),
                duty: "Send the duplicate of the medical certificate to the CTA", owedTo: [.centralTracingAgency],
                fulfilledBy: [.notification],
                fulfilment: notification(to: .centralTracingAgency, about: certificate).map(Fulfilment.init),
                lapsesOutOfCustody: false))
        }
        return drafts
    }

    /// Arts. 112–113, Annex II: decision within the month after the examination; decision A or B
    /// executed within three months; NC re-examined at the next visit (six months at most).
    func mixedMedicalCommissionDrafts() -> [ObligationDraft] {
        var drafts: [ObligationDraft] = []
        let recipients: [Addressee] = policy.hasProtectingPower(for: prisoner.powerDependedOn.power)
            ? [.protectingPower, .icrc] : [.icrc]
        for exam in events(.mmcExamination) {
            let decision = first(from: exam.occurredAt) { event in
                guard let data = event.payload.mmcDecisionData else { return false }
                return data.examinationEventID == nil || refers(data.examinationEventID, to: exam)
            }
            drafts.append(ObligationDraft(
                rule: .mixedMedicalCommission, key: "decision", trigger: exam,
                dueAt: UTCTime.adding(months: 1, to: exam.occurredAt), basis: .treaty,
                deadlineRule: "within the month after the examination (Annex II, Art. 12)",
                duty: "Mixed Medical Commission decision communicated", owedTo: recipients,
                fulfilledBy: [.mmcDecision], fulfilment: decision.map(Fulfilment.init), lapsesOutOfCustody: true))
        }
        for decisionEvent in events(.mmcDecision) {
            guard let decision = decisionEvent.payload.mmcDecisionData?.decision else { continue }
            switch decision {
            case .repatriate, .neutralAccommodation:
                let executed = first(from: decisionEvent.occurredAt) { event in
                    guard let repatriation = event.payload.repatriationData else { return false }
                    return decision == .repatriate || repatriation.basis == .neutralAccommodation
                }
                drafts.append(ObligationDraft(
                    rule: .mixedMedicalCommission, key: "execute", trigger: decisionEvent,
                    dueAt: UTCTime.adding(months: 3, to: decisionEvent.occurredAt), basis: .treaty,
                    deadlineRule: "3 months after the decision (Annex II, Art. 12)",
                    duty: decision == .repatriate ? "Repatriate him as the Commission decided (A)"
                        : "Accommodate him in a neutral country as the Commission decided (B)",
                    owedTo: [.prisoner], fulfilledBy: [.repatriation], fulfilment: executed.map(Fulfilment.init),
                    lapsesOutOfCustody: true))
            case .reexamine:
                let exam = first(from: decisionEvent.occurredAt, strictly: true) { $0.kind == .mmcExamination }
                drafts.append(ObligationDraft(
                    rule: .mixedMedicalCommission, key: "reexamine", trigger: decisionEvent,
                    dueAt: UTCTime.adding(months: 6, to: decisionEvent.occurredAt), basis: .treaty,
                    deadlineRule: "6 months: Commissions visit each camp at least every six months (Annex II, Art. 10)",
                    duty: "Re-examination by the Mixed Medical Commission (NC)", owedTo: [.prisoner],
                    fulfilledBy: [.mmcExamination], fulfilment: exam.map(Fulfilment.init), lapsesOutOfCustody: true))
            }
        }
        return drafts
    }

    /// Art. 120(2–3): the death certificate to the Bureau as rapidly as possible.
    func deathCertificateDrafts() -> [ObligationDraft] {
        events(.death).map { death in
            let certificate = first(from: death.occurredAt) { event in
                refers(event.payload.deathCertificateData?.deathEventID, to: death)
            }
            return ObligationDraft(
                rule: .deathCertificate, key: "certificate", trigger: death,
                dueAt: death.occurredAt + policy.deathCertificate, basis: .policy,
                deadlineRule: UTCTime.policy(policy.deathCertificate, "deathCertificate")
                    + "; Art. 120 \"as rapidly as possible\"",
                duty: "Send the death certificate (Annex IV D) to the Bureau", owedTo: [.bureau],
                fulfilledBy: [.deathCertificate], fulfilment: certificate.map(Fulfilment.init),
                lapsesOutOfCustody: false)
        }
    }

    /// Art. 121: an immediate official inquiry and an immediate note to the Protecting Power (the CTA
    /// where none is appointed).
    func deathInquiryDrafts() -> [ObligationDraft] {
        var drafts: [ObligationDraft] = []
        for event in events {
            let what: String
            if let death = event.payload.deathData, death.causeCategory.requiresInquiry(isDeath: true) {
                what = "death"
            } else if let injury = event.payload.seriousInjuryData, injury.cause.requiresInquiry(isDeath: false) {
                what = "serious injury"
            } else {
                continue
            }
            let due = event.occurredAt + policy.inquiryOpening
            let rule = UTCTime.policy(policy.inquiryOpening, "inquiryOpening") + "; Art. 121 \"immediate\""
            let inquiry = first(from: event.occurredAt) { refers($0.payload.officialInquiryData?.concerningEventID, to: event) }
            drafts.append(ObligationDraft(
                rule: .deathInquiry, key: "inquiry", trigger: event, dueAt: due, basis: .policy, deadlineRule: rule,
                duty: "Open an official inquiry into the \(what)", owedTo: [protectingPowerOrCTA],
                fulfilledBy: [.officialInquiry], fulfilment: inquiry.map(Fulfilment.init), lapsesOutOfCustody: false))
            let recipient = protectingPowerOrCTA
            drafts.append(ObligationDraft(
                rule: .deathInquiry, key: "notify", part: recipient.rawValue, trigger: event, dueAt: due,
                basis: .policy, deadlineRule: rule, duty: "Notify \(recipient.label) of the \(what) under inquiry",
                owedTo: [recipient], fulfilledBy: [.notification],
                fulfilment: notification(to: recipient, about: event).map(Fulfilment.init), lapsesOutOfCustody: false))
        }
        return drafts
    }
}
