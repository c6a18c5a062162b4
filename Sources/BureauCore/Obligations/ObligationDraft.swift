import Foundation

/// The evidence that fulfils an obligation: which entry, effective when.
struct Fulfilment: Hashable {
    var eventID: UUID
    var at: Date

    init(_ event: TimelineEvent) {
        eventID = event.id
        at = event.occurredAt
    }

    init(eventID: UUID, at: Date) {
        self.eventID = eventID
        self.at = at
    }
}

/// An obligation before its state is decided.
struct ObligationDraft {
    var rule: RuleID
    /// Short stable key of the duty within the rule (`offer`, `forward`, `notify`).
    var key: String
    /// Distinguishes obligations from one trigger (the recipient, usually); part of the id.
    var part: String?
    /// The anchor of the id: the trigger's id, or the prisoner and a period.
    var anchor: String
    var duty: String
    var owedTo: [Addressee]
    var trigger: TimelineEvent?
    var triggeredAt: Date
    var dueAt: Date
    var basis: DeadlineBasis
    var deadlineRule: String
    var fulfilledBy: [EventKind]
    var fulfilment: Fulfilment?
    var barsUntil: Date?
    /// Owed only while the prisoner is in custody: dropped if he dies, escapes, is released or
    /// repatriated before the deadline without it being met.
    var lapsesOutOfCustody: Bool
    /// A standing exemption found by the rule itself (an Art. 119(5) hold for GC3-118-repat).
    var exemption: ObligationState?

    init(rule: RuleID, key: String, part: String? = nil, trigger: TimelineEvent?, anchor: String? = nil,
         triggeredAt: Date? = nil, dueAt: Date, basis: DeadlineBasis, deadlineRule: String, duty: String,
         owedTo: [Addressee], fulfilledBy: [EventKind], fulfilment: Fulfilment?, lapsesOutOfCustody: Bool) {
        self.rule = rule
        self.key = key
        self.part = part
        self.trigger = trigger
        self.anchor = anchor ?? trigger.map { $0.id.uuidString.lowercased() } ?? "none"
        self.triggeredAt = triggeredAt ?? trigger?.occurredAt ?? dueAt
        self.dueAt = dueAt
        self.basis = basis
        self.deadlineRule = deadlineRule
        self.duty = duty
        self.owedTo = owedTo
        self.fulfilledBy = fulfilledBy
        self.fulfilment = fulfilment
        self.lapsesOutOfCustody = lapsesOutOfCustody
    }

    var id: String {
        [rule.rawValue, anchor, key, part].compactMap { $0 }.joined(separator: ":")
    }
}

/// Deadline arithmetic in UTC: days are 86,400 s, months are calendar months.
enum UTCTime {
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    static func adding(months: Int, to date: Date) -> Date {
        calendar.date(byAdding: .month, value: months, to: date)!
    }

    static func describe(_ interval: TimeInterval) -> String {
        if interval == 0 { return "0 h" }
        if interval.truncatingRemainder(dividingBy: ObligationPolicy.day) == 0 {
            let days = Int(interval / ObligationPolicy.day)
            return days == 1 ? "1 day" : "\(days) days"
        }
        if interval.truncatingRemainder(dividingBy: ObligationPolicy.hour) == 0 {
            return "\(Int(interval / ObligationPolicy.hour)) h"
        }
        return "\(Int(interval / 60)) min"
    }

    static func policy(_ interval: TimeInterval, _ setting: String) -> String {
        "policy: \(describe(interval)) (\(setting))"
    }
}
