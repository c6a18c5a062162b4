import Foundation

/// Art. 17(7): the languages he understands, established before he is questioned.
public struct LanguageAssessment: Sendable, Hashable, Codable {
    /// BCP 47 codes (`ko`, `ru`, `uk`).
    public var languages: [String]
    public var interpreterNeeded: Bool
    public var assessedBy: String

    public init(languages: [String], interpreterNeeded: Bool, assessedBy: String) {
        self.languages = languages
        self.interpreterNeeded = interpreterNeeded
        self.assessedBy = assessedBy
    }
}

/// Art. 18(4): the special-register entry for money taken, when it was not made with the seizure.
public struct MoneyRegistration: Sendable, Hashable, Codable {
    public var seizureEventID: UUID
    public var registerEntry: String

    public init(seizureEventID: UUID, registerEntry: String) {
        self.seizureEventID = seizureEventID
        self.registerEntry = registerEntry
    }
}

/// An obligation set aside, with the reason and the person who approved it. A waiver never
/// removes a Convention right (Art. 7); it records why a duty is not being met.
public struct ObligationWaiver: Sendable, Hashable, Codable {
    /// `Obligation.id` of the obligation waived.
    public var obligationID: String
    public var reason: String
    public var approver: String

    public init(obligationID: String, reason: String, approver: String) {
        self.obligationID = obligationID
        self.reason = reason
        self.approver = approver
    }
}
