import Foundation

/// GC3-70-card, GC3-71-quota, GC3-76-censor.
extension RuleContext {
    /// Art. 70: a card on capture, and again on each arrival at a camp (transit included) or hospital,
    /// or admission for sickness. A new trigger before the deadline restarts the clock (the card must
    /// carry the new address); a deadline already missed stays missed.
    func captureCardDrafts() -> [ObligationDraft] {
        let week = 7 * ObligationPolicy.day
        var triggers: [(event: TimelineEvent, due: Date, basis: DeadlineBasis, rule: String, what: String)] = []
        for event in events {
            switch event.payload {
            case .capture, .recapture:
                triggers.append((event, event.occurredAt + policy.captureCardAfterCapture, .policy,
                                 UTCTime.policy(policy.captureCardAfterCapture, "captureCardAfterCapture")
                                     + "; Art. 70 \"immediately upon capture\"",
                                 event.kind == .capture ? "capture" : "recapture"))
            case .custodyMove(let move) where move.facilityType != .penal:
                triggers.append((event, event.occurredAt + week, .treaty,
                                 "7 days after arrival at a camp, transit camp or hospital (Art. 70)",
                                 "arrival at \(move.facility)"))
            case .medical(let entry) where entry.kind == .admission:
                triggers.append((event, event.occurredAt + week, .treaty,
                                 "7 days after admission for sickness (Art. 70)", "admission for sickness"))
            default:
                break
            }
        }
        var drafts: [ObligationDraft] = []
        for (index, trigger) in triggers.enumerated() {
            // Forwarding an earlier card does not enable a new one: only offered, written or declined count.
            let card = first(from: trigger.event.occurredAt) { event in
                guard let action = event.payload.captureCardData?.action else { return false }
                return action != .forwarded
            }
            if index + 1 < triggers.count {
                let next = triggers[index + 1].event.occurredAt
                let metBeforeNext = card.map { $0.occurredAt < next } ?? false
                if !metBeforeNext && next <= trigger.due { continue }
            }
            var draft = ObligationDraft(
                rule: .captureCard, key: "offer", trigger: trigger.event, dueAt: trigger.due, basis: trigger.basis,
                deadlineRule: trigger.rule,
                duty: "Offer a capture card (Annex IV B) after \(trigger.what), for his family and the CTA",
                owedTo: [.family, .centralTracingAgency], fulfilledBy: [.captureCard],
                fulfilment: card.map(Fulfilment.init), lapsesOutOfCustody: true)
            draft.triggeredAt = trigger.event.occurredAt
            drafts.append(draft)
        }
        for written in events where written.payload.captureCardData?.action == .written {
            let forwarded = first(from: written.occurredAt) { event in
                guard let card = event.payload.captureCardData, card.action == .forwarded else { return false }
                return card.cardEventID == nil || refers(card.cardEventID, to: written)
            }
            drafts.append(ObligationDraft(
                rule: .captureCard, key: "forward", trigger: written,
                dueAt: written.occurredAt + policy.captureCardForwarding, basis: .policy,
                deadlineRule: UTCTime.policy(policy.captureCardForwarding, "captureCardForwarding")
                    + "; Art. 70 \"as rapidly as possible\"",
                duty: "Forward the written capture card to the CTA and his family, without censorship delay",
                owedTo: [.family, .centralTracingAgency], fulfilledBy: [.captureCard],
                fulfilment: forwarded.map(Fulfilment.init), lapsesOutOfCustody: false))
        }
        return drafts
    }

    /// Art. 71: where correspondence is limited, at least two letters and four cards each month of
    /// captivity (months counted from capture, UTC). Forms issued and items handed in both count; forms
    /// issued later for a past month (`periodStart`) fulfil it late.
    func correspondenceQuotaDrafts() -> [ObligationDraft] {
        guard policy.correspondenceIsLimited, let capture else { return [] }
        var drafts: [ObligationDraft] = []
        var month = 0
        while month < 1200 {
            let start = UTCTime.adding(months: month, to: capture.occurredAt)
            guard start <= now else { break }
            let end = UTCTime.adding(months: month + 1, to: capture.occurredAt)
            let first = month == 0
            func inPeriod(_ date: Date) -> Bool { (first ? date >= start : date > start) && date <= end }
            var letters = 0
            var cards = 0
            var met: Fulfilment?
            for event in events where met == nil {
                var addLetters = 0
                var addCards = 0
                if let item = event.payload.correspondenceData, item.direction == .outgoing, inPeriod(event.occurredAt) {
                    if item.form == .letter { addLetters = 1 }
                    if item.form == .card { addCards = 1 }
                } else if let forms = event.payload.correspondenceFormsData {
                    let counts = forms.periodStart.map { $0 >= start && $0 < end } ?? inPeriod(event.occurredAt)
                    if counts {
                        addLetters = forms.letters
                        addCards = forms.cards
                    }
                }
                guard addLetters + addCards > 0 else { continue }
                letters += addLetters
                cards += addCards
                if letters >= 2 && cards >= 4 { met = Fulfilment(event) }
            }
            let anchor = "\(prisoner.id.uuidString.lowercased()):\(start.formatted(.iso8601))"
            drafts.append(ObligationDraft(
                rule: .correspondenceQuota, key: "month", trigger: capture, anchor: anchor, triggeredAt: start,
                dueAt: end, basis: .treaty, deadlineRule: "end of each month of captivity (Art. 71)",
                duty: "Allow at least 2 letters and 4 cards this month (so far \(letters) letters, \(cards) cards)",
                owedTo: [.prisoner], fulfilledBy: [.correspondenceForms, .correspondence],
                fulfilment: met, lapsesOutOfCustody: true))
            month += 1
        }
        return drafts
    }

    /// Art. 76: each item censored as quickly as possible.
    func censorshipDrafts() -> [ObligationDraft] {
        events.compactMap { item -> ObligationDraft? in
            guard let data = item.payload.correspondenceData else { return nil }
            let censored = first(from: item.occurredAt) { event in
                refers(event.payload.censorshipData?.itemEventID, to: item)
            }
            return ObligationDraft(
                rule: .censorship, key: "censor", trigger: item,
                dueAt: item.occurredAt + policy.censorship, basis: .policy,
                deadlineRule: UTCTime.policy(policy.censorship, "censorship") + "; Art. 76 \"as quickly as possible\"",
                duty: "Censor the \(data.direction.rawValue) \(data.form.rawValue)",
                owedTo: data.direction == .outgoing ? [.family] : [.prisoner], fulfilledBy: [.censorship],
                fulfilment: censored.map(Fulfilment.init), lapsesOutOfCustody: false)
        }
    }
}
