import Foundation

/// Art. 79: this prisoner was elected prisoners' representative. Recorded on the elected
/// prisoner's timeline; the next election is due six months later.
public struct RepresentativeElection: Sendable, Hashable, Codable {
    public var facility: String
    /// Art. 79(4): the Detaining Power's approval; a refusal's reasons go to the Protecting Power.
    public var approved: Bool
    public var refusalReason: String?
    /// The group he represents (`PrisonerGroup.Key.code`, `PRK/ko/RUS`): Art. 79 wants a representative
    /// for each nationality, language and customs group; nil for the whole camp.
    public var group: String?

    public init(facility: String, approved: Bool, refusalReason: String? = nil, group: String? = nil) {
        self.facility = facility
        self.approved = approved
        self.refusalReason = refusalReason
        self.group = group
    }
}

/// The end of this prisoner's mandate as representative, and his successor's election if held.
public struct RepresentativeMandateEnd: Sendable, Hashable, Codable {
    public enum Reason: String, Sendable, Codable, CaseIterable {
        case succeeded, resigned, dismissed, transferred, released, died
    }

    public var reason: Reason
    /// When the successor was elected; nil while the post is vacant.
    public var successorElectedAt: Date?

    public init(reason: Reason, successorElectedAt: Date? = nil) {
        self.reason = reason
        self.successorElectedAt = successorElectedAt
    }
}
