import Foundation

/// A correction of what was registered about a prisoner (issue 8, item 4): the new value supersedes
/// the old one, which stays on record with the reason and who changed it. The current value is the
/// newest; the prisoner's page shows the history.
public struct RecordCorrection: Sendable, Hashable, Codable, Identifiable {
    public enum Field: String, Sendable, Codable, CaseIterable {
        case status
        case power
        case unit
        /// An identity claim (rank included) replaced by a corrected one: `before`/`after` are claim ids.
        case claim
    }

    public var id: UUID
    public var prisonerID: UUID
    public var field: Field
    public var before: String?
    public var after: String?
    public var reason: String
    public var recordedBy: String
    public var recordedAt: Date

    public init(id: UUID, prisonerID: UUID, field: Field, before: String?, after: String?, reason: String,
                recordedBy: String, recordedAt: Date) {
        self.id = id
        self.prisonerID = prisonerID
        self.field = field
        self.before = before
        self.after = after
        self.reason = reason
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }

    public static let reasonLimit = 2000
}

/// Voiding a prisoner registered in error (a duplicate, a civilian never held) or one timeline entry
/// made in error. Four eyes: one officer requests it with a reason, a different one confirms; only
/// then does it count. A voided record stays in the registry (nothing is deleted) but owes nothing:
/// no obligation is derived from it, and default lists hide a voided prisoner.
public struct Voiding: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var prisonerID: UUID
    /// The entry voided; nil when the whole registration is.
    public var eventID: UUID?
    /// The kind of the entry voided: its reason speaks of that entry, so it carries the entry's class.
    public var eventKind: EventKind?
    public var reason: String
    public var requestedBy: String
    public var requestedAt: Date
    public var confirmedBy: String?
    public var confirmedAt: Date?

    public init(id: UUID, prisonerID: UUID, eventID: UUID?, eventKind: EventKind? = nil, reason: String, requestedBy: String, requestedAt: Date,
                confirmedBy: String? = nil, confirmedAt: Date? = nil) {
        self.id = id
        self.prisonerID = prisonerID
        self.eventID = eventID
        self.eventKind = eventKind
        self.reason = reason
        self.requestedBy = requestedBy
        self.requestedAt = requestedAt
        self.confirmedBy = confirmedBy
        self.confirmedAt = confirmedAt
    }

    public var isConfirmed: Bool { confirmedAt != nil }
}
