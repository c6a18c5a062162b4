import Foundation

/// What every rule reads: the effective timeline as known at `now`, the prisoner and the policy.
struct RuleContext {
    let prisoner: Prisoner
    let claims: [IdentityClaim]
    let policy: ObligationPolicy
    let now: Date
    /// Every stored entry, corrections included (for following references through corrections).
    let raw: [TimelineEvent]
    /// The entries in force dated at or before `now`, in date order.
    let events: [TimelineEvent]
    /// Periods the prisoner was out of custody: escape to recapture, or from death, release or
    /// repatriation on (`to == nil`).
    let outOfCustody: [(from: Date, to: Date?)]
    private let lineages: [UUID: Set<UUID>]

    init(record: PrisonerRecordSnapshot, now: Date, policy: ObligationPolicy) {
        prisoner = record.prisoner
        claims = record.claims
        self.policy = policy
        self.now = now
        raw = record.timeline
        let effective = Timeline.effective(record.timeline).filter { $0.occurredAt <= now }
        events = effective
        var lineages: [UUID: Set<UUID>] = [:]
        for event in effective where event.supersedes != nil {
            lineages[event.id] = Timeline.lineage(of: event, in: record.timeline)
        }
        self.lineages = lineages
        var gaps: [(from: Date, to: Date?)] = []
        var escapedAt: Date?
        for event in effective {
            switch event.kind {
            case .escape where escapedAt == nil:
                escapedAt = event.occurredAt
            case .recapture:
                if let start = escapedAt { gaps.append((start, event.occurredAt)) }
                escapedAt = nil
            case .death, .release, .repatriation:
                if escapedAt == nil { gaps.append((event.occurredAt, nil)) }
            default:
                break
            }
        }
        if let escapedAt { gaps.append((escapedAt, nil)) }
        outOfCustody = gaps
    }

    var capture: TimelineEvent? { events.first { $0.kind == .capture } }

    func events(_ kind: EventKind) -> [TimelineEvent] {
        events.filter { $0.kind == kind }
    }

    /// Whether `reference` names `target`, directly or through an entry `target` corrected.
    func refers(_ reference: UUID?, to target: TimelineEvent) -> Bool {
        guard let reference else { return false }
        return reference == target.id || (lineages[target.id]?.contains(reference) ?? false)
    }

    /// The first entry at or after `instant` (strictly after, if `strictly`) that satisfies `match`.
    func first(from instant: Date, strictly: Bool = false,
               where match: (TimelineEvent) -> Bool) -> TimelineEvent? {
        // `events` is in date order: find the first candidate by bisection, then scan.
        var low = 0
        var high = events.count
        while low < high {
            let middle = (low + high) / 2
            let date = events[middle].occurredAt
            if strictly ? date <= instant : date < instant { low = middle + 1 } else { high = middle }
        }
        return events[low...].first(where: match)
    }

    /// Art. 122: the CTA always; the Protecting Power too where one is configured for his Power.
    var notificationRecipients: [Addressee] {
        policy.hasProtectingPower(for: prisoner.powerDependedOn.power)
            ? [.centralTracingAgency, .protectingPower] : [.centralTracingAgency]
    }

    /// The Protecting Power if configured, otherwise the CTA as the practical channel (Art. 10 substitute).
    var protectingPowerOrCTA: Addressee {
        policy.hasProtectingPower(for: prisoner.powerDependedOn.power) ? .protectingPower : .centralTracingAgency
    }

    /// The facility holding him now (the latest arrival), if any.
    var currentFacility: CustodyMove? {
        events.last { $0.kind == .custodyMove }?.payload.custodyMoveData
    }

    /// A notification to `recipient` about `target` (or any entry `target` corrected), dated at or after it.
    func notification(to recipient: Addressee, about target: TimelineEvent,
                      subjects: Set<NotificationEntry.Subject>? = nil) -> TimelineEvent? {
        first(from: target.occurredAt) { event in
            guard let notice = event.payload.notificationData, notice.recipient == recipient else { return false }
            if let subjects, !subjects.contains(notice.subject) { return false }
            return refers(notice.concerningEventID, to: target)
        }
    }

    /// Receipt-based fulfilment (Arts. 104, 107): the earliest receipt, at or before now, of a notice
    /// to `recipient` about `target`.
    func receipt(by recipient: Addressee, of target: TimelineEvent,
                 subjects: Set<NotificationEntry.Subject>) -> Fulfilment? {
        events.compactMap { event -> Fulfilment? in
            guard let notice = event.payload.notificationData, notice.recipient == recipient,
                  subjects.contains(notice.subject), refers(notice.concerningEventID, to: target),
                  let received = notice.receivedAt, received <= now else { return nil }
            return Fulfilment(eventID: event.id, at: received)
        }.min { $0.at < $1.at }
    }

    /// Whether the prisoner is sick or wounded at `instant` for Art. 47: flagged seriously ill, in a
    /// hospital, or admitted and not discharged.
    func isSick(at instant: Date) -> Bool {
        var seriouslyIll = false
        var admitted = false
        var inHospital = false
        for event in events where event.occurredAt <= instant {
            if let entry = event.payload.medicalData {
                if let flag = entry.seriouslyIll { seriouslyIll = flag }
                if entry.kind == .admission { admitted = true }
                if entry.kind == .discharge { admitted = false }
            }
            if let move = event.payload.custodyMoveData {
                inHospital = move.facilityType == .hospital
            }
        }
        return seriouslyIll || admitted || inHospital
    }

    /// Whether an unfulfilled draft stopped being owed because custody ended before its deadline,
    /// or because it was triggered while he was out of custody.
    func lapsed(_ draft: ObligationDraft) -> Bool {
        guard draft.lapsesOutOfCustody, draft.fulfilment == nil else { return false }
        for gap in outOfCustody {
            if gap.from >= draft.triggeredAt && gap.from <= draft.dueAt { return true }
            if draft.triggeredAt > gap.from && (gap.to.map { draft.triggeredAt < $0 } ?? true) { return true }
        }
        return false
    }

    func drafts(for rule: RuleID) -> [ObligationDraft] {
        switch rule {
        case .captureCard: return captureCardDrafts()
        case .initialNotification: return initialNotificationDrafts()
        case .eventNotification: return eventNotificationDrafts()
        case .healthReport: return healthReportDrafts()
        case .enquiry: return []  // not a prisoner's duty: see EnquiryClock
        case .monthlyInspection: return monthlyInspectionDrafts()
        case .medicalCertificate: return medicalCertificateDrafts()
        case .correspondenceQuota: return correspondenceQuotaDrafts()
        case .censorship: return censorshipDrafts()
        case .transferList: return transferListDrafts()
        case .transferOfSick: return transferOfSickDrafts()
        case .transferNotice: return transferNoticeDrafts()
        case .interviewLanguage: return interviewLanguageDrafts()
        case .moneyRegister: return moneyRegisterDrafts()
        case .visits: return visitDrafts()
        case .deathCertificate: return deathCertificateDrafts()
        case .deathInquiry: return deathInquiryDrafts()
        case .disciplinaryLimits: return disciplinaryLimitDrafts()
        case .preHearingConfinement: return preHearingDrafts()
        case .preTrialConfinement: return preTrialDrafts()
        case .trialNotice: return trialNoticeDrafts()
        case .deathSentenceStay: return deathSentenceStayDrafts()
        case .representativeElection: return representativeDrafts()
        case .mixedMedicalCommission: return mixedMedicalCommissionDrafts()
        case .repatriation: return repatriationDrafts()
        case .heldBack: return heldBackDrafts()
        }
    }
}
