import Foundation

/// GC3-90-limits, GC3-95-prehearing, GC3-103-pretrial, GC3-104-notice, GC3-101-stay.
extension RuleContext {
    /// Art. 90: execution begins within one month of the award, and ends when the days awarded (less
    /// pre-hearing confinement) have run.
    func disciplinaryLimitDrafts() -> [ObligationDraft] {
        var drafts: [ObligationDraft] = []
        for award in events(.disciplinaryAward) {
            let data = award.payload.disciplinaryAwardData!
            func step(_ action: PunishmentExecution.Action, from instant: Date) -> TimelineEvent? {
                first(from: instant) { event in
                    guard let execution = event.payload.punishmentExecutionData, execution.action == action else { return false }
                    return refers(execution.awardEventID, to: award)
                }
            }
            let started = step(.started, from: award.occurredAt)
            drafts.append(ObligationDraft(
                rule: .disciplinaryLimits, key: "execute", trigger: award,
                dueAt: UTCTime.adding(months: 1, to: award.occurredAt), basis: .treaty,
                deadlineRule: "1 month after the award (Art. 90(2))",
                duty: "Begin the \(data.punishment.rawValue) punishment (\(data.days) days) or let it lapse",
                owedTo: [.prisoner], fulfilledBy: [.punishmentExecution], fulfilment: started.map(Fulfilment.init),
                lapsesOutOfCustody: true))
            if let started {
                let completed = step(.completed, from: started.occurredAt)
                drafts.append(ObligationDraft(
                    rule: .disciplinaryLimits, key: "complete", trigger: started,
                    dueAt: started.occurredAt + Double(data.daysToServe) * ObligationPolicy.day, basis: .treaty,
                    deadlineRule: "the days awarded less pre-hearing confinement, at most 30 (Art. 90(1))",
                    duty: "End the \(data.punishment.rawValue) punishment after \(data.daysToServe) days",
                    owedTo: [.prisoner], fulfilledBy: [.punishmentExecution],
                    fulfilment: completed.map(Fulfilment.init), lapsesOutOfCustody: true))
            }
        }
        return drafts
    }

    private func confinementDrafts(_ purpose: ConfinementEntry.Purpose, rule: RuleID, limit: (Date) -> Date,
                                   deadlineRule: String, duty: String, endedBy: [EventKind]) -> [ObligationDraft] {
        events.compactMap { start in
            guard let data = start.payload.confinementData, data.purpose == purpose, data.action == .start else { return nil }
            let end = first(from: start.occurredAt, strictly: true) { event in
                if let other = event.payload.confinementData {
                    return other.purpose == purpose && other.action == .end && other.caseReference == data.caseReference
                }
                if purpose == .preHearing, let award = event.payload.disciplinaryAwardData {
                    return award.caseReference == data.caseReference
                }
                if purpose == .preTrial, let judgment = event.payload.judgmentData {
                    return judgment.caseReference == data.caseReference
                }
                return false
            }
            return ObligationDraft(
                rule: rule, key: "end", trigger: start, dueAt: limit(start.occurredAt), basis: .treaty,
                deadlineRule: deadlineRule, duty: "\(duty) (case \(data.caseReference))", owedTo: [.prisoner],
                fulfilledBy: endedBy, fulfilment: end.map(Fulfilment.init), lapsesOutOfCustody: true)
        }
    }

    func preHearingDrafts() -> [ObligationDraft] {
        confinementDrafts(.preHearing, rule: .preHearingConfinement, limit: { $0 + 14 * ObligationPolicy.day },
                          deadlineRule: "14 days (Art. 95)", duty: "End confinement awaiting a disciplinary hearing",
                          endedBy: [.confinement, .disciplinaryAward])
    }

    func preTrialDrafts() -> [ObligationDraft] {
        confinementDrafts(.preTrial, rule: .preTrialConfinement, limit: { UTCTime.adding(months: 3, to: $0) },
                          deadlineRule: "3 months (Art. 103)", duty: "End confinement awaiting trial",
                          endedBy: [.confinement, .judgment])
    }

    /// Art. 104: notice received at least three weeks before the trial by the Protecting Power (the CTA
    /// where none is appointed), the prisoner and his representative. A new schedule for the same case
    /// replaces the old one (the trial was adjourned), and notice must be given again.
    func trialNoticeDrafts() -> [ObligationDraft] {
        var latest: [String: TimelineEvent] = [:]
        for event in events {
            guard let trial = event.payload.trialScheduleData else { continue }
            latest[trial.caseReference] = event
        }
        return latest.values.sorted { $0.occurredAt < $1.occurredAt }.flatMap { schedule in
            let trial = schedule.payload.trialScheduleData!
            return [protectingPowerOrCTA, .prisoner, .representative].map { recipient in
                ObligationDraft(
                    rule: .trialNotice, key: "notice", part: recipient.rawValue, trigger: schedule,
                    dueAt: trial.trialAt - 21 * ObligationPolicy.day, basis: .treaty,
                    deadlineRule: "received at least 3 weeks before the trial (Art. 104(4))",
                    duty: "Notice of the trial (\(trial.court), case \(trial.caseReference)) received by \(recipient.label)",
                    owedTo: [recipient], fulfilledBy: [.notification],
                    fulfilment: receipt(by: recipient, of: schedule, subjects: [.trialNotice]), lapsesOutOfCustody: true)
            }
        }
    }

    /// Arts. 101, 107: the detailed communication of a death sentence; no execution until six months
    /// after the Protecting Power received it.
    func deathSentenceStayDrafts() -> [ObligationDraft] {
        events.compactMap { judgment in
            guard let data = judgment.payload.judgmentData, data.deathSentence else { return nil }
            let recipient = protectingPowerOrCTA
            let received = receipt(by: recipient, of: judgment, subjects: [.detailedCommunication])
            var draft = ObligationDraft(
                rule: .deathSentenceStay, key: "communication", part: recipient.rawValue, trigger: judgment,
                dueAt: judgment.occurredAt + policy.detailedCommunication, basis: .policy,
                deadlineRule: UTCTime.policy(policy.detailedCommunication, "detailedCommunication")
                    + "; Art. 107 \"as soon as possible\"",
                duty: "Detailed communication of the death sentence (case \(data.caseReference)) received by \(recipient.label); no execution within 6 months of receipt",
                owedTo: [recipient], fulfilledBy: [.notification], fulfilment: received, lapsesOutOfCustody: false)
            draft.barsUntil = received.map { UTCTime.adding(months: 6, to: $0.at) }
            return draft
        }
    }
}
