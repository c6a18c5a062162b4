import Foundation

/// A letter, card, telegram or parcel handed in by the prisoner or arriving for him (Arts. 71–76).
/// Capture cards are recorded as `CaptureCardEntry`, never here: they do not count toward the quota.
public struct CorrespondenceItem: Sendable, Hashable, Codable {
    public enum Direction: String, Sendable, Codable, CaseIterable {
        case outgoing, incoming
    }

    public enum Form: String, Sendable, Codable, CaseIterable {
        case letter, card, telegram, parcel
    }

    public var direction: Direction
    public var form: Form
    /// Addressee (outgoing) or sender (incoming), as written.
    public var correspondent: String?
    public var reference: String?

    public init(direction: Direction, form: Form, correspondent: String? = nil, reference: String? = nil) {
        self.direction = direction
        self.form = form
        self.correspondent = correspondent
        self.reference = reference
    }
}

/// Censorship of one item (Art. 76): done as quickly as possible, never an excuse for delay.
public struct CensorshipEntry: Sendable, Hashable, Codable {
    public enum Outcome: String, Sendable, Codable, CaseIterable {
        case passed
        case passedWithDeletions = "passed_with_deletions"
        /// Art. 76(3): a ban is temporary; the reason is required.
        case withheld
    }

    /// The `correspondence` entry censored.
    public var itemEventID: UUID
    public var outcome: Outcome
    public var censor: String?
    public var reason: String?

    public init(itemEventID: UUID, outcome: Outcome, censor: String? = nil, reason: String? = nil) {
        self.itemEventID = itemEventID
        self.outcome = outcome
        self.censor = censor
        self.reason = reason
    }
}

/// Letter and card forms issued to the prisoner (Art. 71: at least two letters and four cards a
/// month when the Detaining Power limits correspondence).
public struct CorrespondenceForms: Sendable, Hashable, Codable {
    public var letters: Int
    public var cards: Int
    /// The start of the monthly period these forms make up for, when issued after it ended.
    public var periodStart: Date?

    public init(letters: Int, cards: Int, periodStart: Date? = nil) {
        self.letters = letters
        self.cards = cards
        self.periodStart = periodStart
    }
}
