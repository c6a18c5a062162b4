import BureauCore
import Foundation

/// Everything one reader may see of one prisoner.
public struct PrisonerFile: Sendable {
    public var prisoner: Prisoner
    public var claims: [IdentityClaim]
    /// Entries the reader may see, in date order, corrections included (flagged by `supersededBy`).
    public var timeline: [TimelineEntry]
    /// Classes of data that exist for this prisoner but the reader's role may not see.
    public var withheld: Set<FieldClass>
    public var capturedAt: Date?
    /// Corrections of status, Power, unit and claims, oldest first (issue 8).
    public var corrections: [RecordCorrection] = []
    /// Voidings requested or confirmed that this reader may learn of.
    public var voidings: [Voiding] = []
    /// When the whole registration was voided as made in error.
    public var voidedAt: Date? = nil

    public var assessedClaim: IdentityClaim? {
        claims.first(where: \.isAssessed) ?? claims.first
    }
}

/// A timeline entry as shown to one reader.
public struct TimelineEntry: Sendable {
    public var event: TimelineEvent
    /// The correction that replaced this entry, if any.
    public var supersededBy: UUID?
    /// True when part of the entry (interview content) was withheld from this reader.
    public var redacted: Bool

    public init(event: TimelineEvent, supersededBy: UUID?, redacted: Bool) {
        self.event = event
        self.supersededBy = supersededBy
        self.redacted = redacted
    }
}

public struct PrisonerSummary: Sendable {
    public var prisoner: Prisoner
    public var names: [String]
    public var assessedName: String?
    public var capturedAt: Date?
}

public struct PrisonerQuery: Sendable {
    public var text: String?
    public var power: String?
    public var status: ProtectedStatus?
    /// Show only prisoners voided as registered in error (default lists hide them).
    public var voided: Bool = false
    public var page: Int
    public var perPage: Int

    public init(text: String? = nil, power: String? = nil, status: ProtectedStatus? = nil, page: Int = 1,
                perPage: Int = 25) {
        self.text = text
        self.power = power
        self.status = status
        self.page = page
        self.perPage = perPage
    }
}

public struct PrisonerPage: Sendable {
    public var items: [PrisonerSummary]
    public var page: Int
    public var perPage: Int
    public var total: Int
}
