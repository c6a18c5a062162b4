import Foundation

/// The Convention clocks: every GC III obligation owed for a prisoner, derived from his timeline.
///
/// Pure: no I/O, no clock of its own; `now` and the policy are arguments. Nothing about an
/// obligation is stored — fulfilling one is recording an entry, waiving one is recording a waiver.
public enum Obligations {
    /// Every obligation for one prisoner as at `now`, open and closed, ordered by deadline.
    public static func derive(for record: PrisonerRecordSnapshot, at now: Date,
                              policy: ObligationPolicy = .standard) -> [Obligation] {
        let context = RuleContext(record: record, now: now, policy: policy)
        var waivers: [String: (TimelineEvent, ObligationWaiver)] = [:]
        for event in context.events {
            if let waiver = event.payload.waiverData { waivers[waiver.obligationID] = (event, waiver) }
        }
        let facility = context.currentFacility
        return RuleID.allCases
            .flatMap { context.drafts(for: $0) }
            .filter { !context.lapsed($0) }
            .map { draft in
                Obligation(
                    id: draft.id, rule: draft.rule, article: RuleCatalogue.rule(draft.rule).article, duty: draft.duty,
                    dutyKey: "obligation.\(draft.rule.rawValue).\(draft.key)", owedTo: draft.owedTo,
                    prisonerID: record.prisoner.id, triggerEventID: draft.trigger?.id, triggerKind: draft.trigger?.kind,
                    triggeredAt: draft.triggeredAt, dueAt: draft.dueAt, deadlineBasis: draft.basis,
                    deadlineRule: draft.deadlineRule, fulfilledBy: draft.fulfilledBy,
                    facility: facility?.facility, facilityTimeZone: facility?.timeZone, barsUntil: draft.barsUntil,
                    state: state(of: draft, at: now, policy: policy, waiver: waivers[draft.id]))
            }
            .sorted { ($0.dueAt, $0.rule, $0.id) < ($1.dueAt, $1.rule, $1.id) }
    }

    /// Obligations across many prisoners (the dashboard), ordered by deadline.
    public static func derive(for records: [PrisonerRecordSnapshot], at now: Date,
                              policy: ObligationPolicy = .standard) -> [Obligation] {
        records.flatMap { derive(for: $0, at: now, policy: policy) }
            .sorted { ($0.dueAt, $0.rule, $0.id) < ($1.dueAt, $1.rule, $1.id) }
    }

    /// Counts per rule and status, for the dashboard's summary.
    public static func counts(_ obligations: [Obligation]) -> [RuleID: [ObligationStatus: Int]] {
        var counts: [RuleID: [ObligationStatus: Int]] = [:]
        for obligation in obligations {
            counts[obligation.rule, default: [:]][obligation.status, default: 0] += 1
        }
        return counts
    }

    static func state(of draft: ObligationDraft, at now: Date, policy: ObligationPolicy,
                      waiver: (TimelineEvent, ObligationWaiver)?) -> ObligationState {
        if let fulfilment = draft.fulfilment {
            return .fulfilled(by: fulfilment.eventID, at: fulfilment.at, late: fulfilment.at > draft.dueAt)
        }
        if let (event, waiver) = waiver {
            return .waived(reason: waiver.reason, approver: waiver.approver, by: event.id)
        }
        if let exemption = draft.exemption { return exemption }
        if now > draft.dueAt { return .overdue }
        if draft.dueAt.timeIntervalSince(now) <= policy.dueSoonWindow { return .due }
        return .notYetDue
    }

    /// Refuses an entry that claims to fulfil or waive an obligation that does not exist.
    ///
    /// Call it with `TimelineRules.validate`, before writing: a waiver must name an open obligation;
    /// a notification about an entry must be one some rule owes to that recipient (a health report
    /// needs a seriously-ill flag). `TimelineRules.validate` already checks that referenced entries
    /// exist and are of the right kind.
    public static func validateFulfilment(_ event: TimelineEvent, record: PrisonerRecordSnapshot, at now: Date,
                                          policy: ObligationPolicy = .standard) throws(DomainError) {
        switch event.payload {
        case .waiver(let waiver):
            let obligations = derive(for: record, at: max(now, event.occurredAt), policy: policy)
            guard let obligation = obligations.first(where: { $0.id == waiver.obligationID }) else {
                throw DomainError(.unprocessable, code: "obligation_unknown",
                                  "no obligation with that id is owed for this prisoner", field: "data.obligationID")
            }
            guard obligation.status.isOpen else {
                throw DomainError(.conflict, code: "obligation_closed",
                                  "that obligation is already \(obligation.status.rawValue)", field: "data.obligationID")
            }
        case .notification(let notice):
            // A notice of subject `other` claims to fulfil nothing.
            if notice.subject == .other { return }
            guard let concerning = notice.concerningEventID else {
                if notice.subject == .healthReport {
                    let owed = derive(for: record, at: max(now, event.occurredAt), policy: policy).contains {
                        $0.rule == .healthReport && $0.owedTo.contains(notice.recipient)
                    }
                    if !owed {
                        throw DomainError(.unprocessable, code: "obligation_unknown",
                                          "no weekly health report is owed: the prisoner is not flagged seriously ill (or not to this recipient)",
                                          field: "data.subject")
                    }
                }
                return
            }
            let target = Timeline.current(concerning, in: record.timeline)
            let targetIDs: Set<UUID> = target.map { Timeline.lineage(of: $0, in: record.timeline) } ?? [concerning]
            let owed = derive(for: record, at: max(now, event.occurredAt), policy: policy).contains { obligation in
                guard let trigger = obligation.triggerEventID, targetIDs.contains(trigger),
                      obligation.fulfilledBy.contains(.notification) else { return false }
                return obligation.owedTo.contains(notice.recipient)
            }
            if !owed {
                throw DomainError(.unprocessable, code: "obligation_unknown",
                                  "no notification to \(notice.recipient.rawValue) is owed about that entry",
                                  field: "data.concerningEventID")
            }
        default:
            return
        }
    }
}
