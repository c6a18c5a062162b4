import Foundation

extension Addressee {
    var label: String {
        switch self {
        case .centralTracingAgency: return "the CTA"
        case .protectingPower: return "the Protecting Power"
        case .icrc: return "the ICRC"
        case .powerDependedOn: return "the Power he depends on"
        case .prisoner: return "the prisoner"
        case .family: return "his family"
        case .representative: return "the prisoners' representative"
        case .bureau: return "the Bureau"
        }
    }
}

/// GC3-122-initial, GC3-122-events, GC3-122-health, GC3-119-held.
extension RuleContext {
    func initialNotificationDrafts() -> [ObligationDraft] {
        guard let capture else { return [] }
        return notificationRecipients.map { recipient in
            let sent = first(from: capture.occurredAt) { event in
                guard let notice = event.payload.notificationData, notice.recipient == recipient else { return false }
                return refers(notice.concerningEventID, to: capture)
                    || (notice.concerningEventID == nil && notice.subject == .initialRegistration)
            }
            return ObligationDraft(
                rule: .initialNotification, key: "notify", part: recipient.rawValue, trigger: capture,
                dueAt: capture.occurredAt + policy.initialNotification, basis: .policy,
                deadlineRule: UTCTime.policy(policy.initialNotification, "initialNotification")
                    + "; Art. 122 \"immediately\"",
                duty: "Forward his registration (Art. 17 data) to \(recipient.label)", owedTo: [recipient],
                fulfilledBy: [.notification], fulfilment: sent.map(Fulfilment.init), lapsesOutOfCustody: false)
        }
    }

    /// Art. 122(5) (and Art. 94 for recaptures). The first arrival after a capture is not a transfer
    /// (the initial notice covers it); a hospital arrival is always an admission.
    func eventNotificationDrafts() -> [ObligationDraft] {
        var drafts: [ObligationDraft] = []
        var movedSinceCapture = false
        for event in events {
            var subject: NotificationEntry.Subject?
            var what = ""
            switch event.payload {
            case .capture:
                movedSinceCapture = false
            case .recapture(let recapture):
                movedSinceCapture = false
                subject = .recapture
                what = "recapture at \(recapture.place)"
            case .custodyMove(let move):
                if move.facilityType == .hospital {
                    subject = .hospitalAdmission
                    what = "admission to hospital \(move.facility)"
                } else if movedSinceCapture {
                    subject = .transfer
                    what = "transfer to \(move.facility)"
                }
                movedSinceCapture = true
            case .release:
                subject = .release
                what = "release"
            case .repatriation:
                // The destination stays out of the duty text: it can reveal an asylum wish (gc3.md §7, guard 12).
                subject = .repatriation
                what = "repatriation"
            case .escape:
                subject = .escape
                what = "escape"
            case .death:
                subject = .death
                what = "death"
            default:
                break
            }
            guard let subject else { continue }
            for recipient in notificationRecipients {
                drafts.append(ObligationDraft(
                    rule: .eventNotification, key: subject.rawValue, part: recipient.rawValue, trigger: event,
                    dueAt: event.occurredAt + policy.eventNotification, basis: .policy,
                    deadlineRule: UTCTime.policy(policy.eventNotification, "eventNotification")
                        + "; Art. 122 \"immediately\"",
                    duty: "Notify \(recipient.label) of his \(what)", owedTo: [recipient],
                    fulfilledBy: [.notification], fulfilment: notification(to: recipient, about: event).map(Fulfilment.init),
                    lapsesOutOfCustody: false))
            }
        }
        return drafts
    }

    /// Art. 122(6): weekly while flagged seriously ill. Each report restarts the week; clearing the
    /// flag ends the chain (a week already missed stays missed).
    func healthReportDrafts() -> [ObligationDraft] {
        var periods: [(start: TimelineEvent, end: Date?)] = []
        var open: TimelineEvent?
        for event in events {
            guard let flag = event.payload.medicalData?.seriouslyIll else { continue }
            if flag, open == nil {
                open = event
            } else if !flag, let start = open {
                periods.append((start, event.occurredAt))
                open = nil
            }
        }
        if let open { periods.append((open, nil)) }
        let week = 7 * ObligationPolicy.day
        var drafts: [ObligationDraft] = []
        for recipient in notificationRecipients {
            for period in periods {
                var anchor = period.start
                while true {
                    let due = anchor.occurredAt + week
                    let report = first(from: anchor.occurredAt, strictly: anchor.id != period.start.id) { event in
                        guard let notice = event.payload.notificationData else { return false }
                        return notice.recipient == recipient && notice.subject == .healthReport
                    }
                    if let end = period.end, end <= due, report.map({ $0.occurredAt > end }) ?? true { break }
                    drafts.append(ObligationDraft(
                        rule: .healthReport, key: "weekly", part: recipient.rawValue, trigger: anchor,
                        dueAt: due, basis: .treaty,
                        deadlineRule: "7 days after the seriously-ill flag or the last report (Art. 122(6) \"weekly\")",
                        duty: "Send the weekly health report on this seriously ill prisoner to \(recipient.label)",
                        owedTo: [recipient], fulfilledBy: [.notification], fulfilment: report.map(Fulfilment.init),
                        lapsesOutOfCustody: true))
                    guard let report, period.end.map({ report.occurredAt < $0 }) ?? true else { break }
                    anchor = report
                }
            }
        }
        return drafts
    }

    /// Art. 119(5): the names of prisoners held back are communicated.
    func heldBackDrafts() -> [ObligationDraft] {
        events(.repatriationHold).flatMap { hold in
            notificationRecipients.map { recipient in
                ObligationDraft(
                    rule: .heldBack, key: "notify", part: recipient.rawValue, trigger: hold,
                    dueAt: hold.occurredAt + policy.heldBackNotice, basis: .policy,
                    deadlineRule: UTCTime.policy(policy.heldBackNotice, "heldBackNotice"),
                    duty: "Communicate to \(recipient.label) that he is held back for criminal proceedings",
                    owedTo: [recipient], fulfilledBy: [.notification],
                    fulfilment: notification(to: recipient, about: hold).map(Fulfilment.init),
                    lapsesOutOfCustody: false)
            }
        }
    }
}
