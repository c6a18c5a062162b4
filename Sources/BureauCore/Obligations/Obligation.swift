import Foundation

/// Whether a deadline is fixed by the Convention or set by the Bureau where the Convention says
/// "without delay", "immediately" or "as soon as possible". The screen shows the difference.
public enum DeadlineBasis: String, Sendable, Codable, CaseIterable {
    case treaty
    case policy
}

/// One duty owed under GC III for one prisoner, derived from his timeline; never stored.
///
/// States, at the instant `now` the obligations are derived for:
/// - `overdue`: now is strictly after `dueAt` (a card due at day 7 exactly is not overdue at day 7).
/// - `due`: not overdue, and `dueAt` is within the policy's due-soon window (48 h by default), ends included.
/// - `notYetDue`: `dueAt` is further away than the window.
/// - `fulfilled`: an entry dated at or before now fulfils it; `late` when that entry is dated after `dueAt`
///   (an entry dated exactly at `dueAt` is on time).
/// - `waived`: a waiver entry names it, with reason and approver (a fulfilment takes precedence).
public struct Obligation: Sendable, Hashable, Codable, Identifiable {
    /// Stable across derivations: `<rule>:<anchor>[:<part>]`, the anchor being the triggering entry's
    /// id (lowercase) or, for clocks started by time, the prisoner's id and the period. Waivers name it.
    public var id: String
    public var rule: RuleID
    /// "70", "122(5)", "104".
    public var article: String
    /// What is owed, in English (for the CLI and API clients).
    public var duty: String
    /// Localization key of the duty (`obligation.<rule>.<part>`).
    public var dutyKey: String
    public var owedTo: [Addressee]
    public var prisonerID: UUID
    /// The entry that started the clock; nil when a policy date started it (GC3-118-repat) or a period did.
    public var triggerEventID: UUID?
    public var triggerKind: EventKind?
    public var triggeredAt: Date
    /// The deadline, an instant (UTC). Show it in `facilityTimeZone`.
    public var dueAt: Date
    public var deadlineBasis: DeadlineBasis
    /// How the deadline is computed, e.g. "7 days after arrival at a camp" or "policy: 48 h (eventNotification)".
    public var deadlineRule: String
    /// The kinds of entry that fulfil it: what the "record" action on the screen should offer.
    public var fulfilledBy: [EventKind]
    /// The facility holding him at the instant of derivation (for the dashboard's facility filter).
    public var facility: String?
    /// IANA zone of that facility, for showing `dueAt` in local time; nil when unknown (show UTC).
    public var facilityTimeZone: String?
    /// GC3-101-stay: the earliest instant a death sentence may lawfully be executed (receipt + 6 months).
    public var barsUntil: Date?
    public var state: ObligationState

    public init(id: String, rule: RuleID, article: String, duty: String, dutyKey: String, owedTo: [Addressee],
                prisonerID: UUID, triggerEventID: UUID?, triggerKind: EventKind?, triggeredAt: Date, dueAt: Date,
                deadlineBasis: DeadlineBasis, deadlineRule: String, fulfilledBy: [EventKind],
                facility: String? = nil, facilityTimeZone: String? = nil, barsUntil: Date? = nil, state: ObligationState) {
        self.id = id
        self.rule = rule
        self.article = article
        self.duty = duty
        self.dutyKey = dutyKey
        self.owedTo = owedTo
        self.prisonerID = prisonerID
        self.triggerEventID = triggerEventID
        self.triggerKind = triggerKind
        self.triggeredAt = triggeredAt
        self.dueAt = dueAt
        self.deadlineBasis = deadlineBasis
        self.deadlineRule = deadlineRule
        self.fulfilledBy = fulfilledBy
        self.facility = facility
        self.facilityTimeZone = facilityTimeZone
        self.barsUntil = barsUntil
        self.state = state
    }

    public var status: ObligationStatus { state.status }

    /// For a duty met by sending a notification: the subject that notification carries (to prefill
    /// the outbox or the "record notification" form). Nil for other duties.
    public var noticeSubject: NotificationEntry.Subject? {
        let key = dutyKey.split(separator: ".").last.map(String.init) ?? ""
        switch rule {
        case .initialNotification: return .initialRegistration
        case .eventNotification: return NotificationEntry.Subject(rawValue: key)
        case .healthReport: return .healthReport
        case .heldBack: return .heldBack
        case .trialNotice: return .trialNotice
        case .deathSentenceStay: return .detailedCommunication
        case .deathInquiry: return key == "notify" ? .inquiry : nil
        case .medicalCertificate: return key == "duplicate" ? .certificateDuplicate : nil
        default: return nil
        }
    }

    /// The class of data the obligation reveals (a weekly health report reveals a serious illness):
    /// show it only to roles that may read that class.
    public var fieldClass: FieldClass { RuleCatalogue.rule(rule).fieldClass }
}

/// The state of an obligation at a given instant.
public enum ObligationState: Sendable, Hashable {
    case notYetDue
    case due
    case overdue
    /// Fulfilled by entry `by`, effective at `at` (for Art. 104 notices: the recipient's receipt).
    case fulfilled(by: UUID, at: Date, late: Bool)
    /// Set aside by waiver entry `by` (or an Art. 119(5) hold for GC3-118-repat).
    case waived(reason: String, approver: String, by: UUID)

    public var status: ObligationStatus {
        switch self {
        case .notYetDue: return .notYetDue
        case .due: return .due
        case .overdue: return .overdue
        case .fulfilled: return .fulfilled
        case .waived: return .waived
        }
    }
}

/// The state without its details, for filtering (`state=overdue|due|all`) and counting.
public enum ObligationStatus: String, Sendable, Codable, CaseIterable {
    case notYetDue = "not_yet_due"
    case due
    case overdue
    case fulfilled
    case waived

    /// Still owed: not fulfilled and not waived.
    public var isOpen: Bool { self == .notYetDue || self == .due || self == .overdue }
}

/// JSON: `{"status":"fulfilled","by":"…","at":"…","late":false}`, `{"status":"overdue"}`,
/// `{"status":"waived","reason":"…","approver":"…","by":"…"}`.
extension ObligationState: Codable {
    private enum CodingKeys: String, CodingKey { case status, by, at, late, reason, approver }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(ObligationStatus.self, forKey: .status) {
        case .notYetDue: self = .notYetDue
        case .due: self = .due
        case .overdue: self = .overdue
        case .fulfilled:
            self = .fulfilled(by: try container.decode(UUID.self, forKey: .by),
                              at: try container.decode(Date.self, forKey: .at),
                              late: try container.decode(Bool.self, forKey: .late))
        case .waived:
            self = .waived(reason: try container.decode(String.self, forKey: .reason),
                           approver: try container.decode(String.self, forKey: .approver),
                           by: try container.decode(UUID.self, forKey: .by))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(status, forKey: .status)
        switch self {
        case .notYetDue, .due, .overdue:
            break
        case .fulfilled(let by, let at, let late):
            try container.encode(by, forKey: .by)
            try container.encode(at, forKey: .at)
            try container.encode(late, forKey: .late)
        case .waived(let reason, let approver, let by):
            try container.encode(reason, forKey: .reason)
            try container.encode(approver, forKey: .approver)
            try container.encode(by, forKey: .by)
        }
    }
}
