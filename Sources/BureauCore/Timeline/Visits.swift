import Foundation

/// Art. 126: who may visit prisoners.
public enum Visitor: String, Sendable, Codable, CaseIterable {
    case icrc
    case protectingPower = "protecting_power"
}

/// A request by the ICRC or the Protecting Power to visit the prisoner or his place of custody.
public struct VisitRequest: Sendable, Hashable, Codable {
    public var visitor: Visitor
    public var requestedBy: String?

    public init(visitor: Visitor, requestedBy: String? = nil) {
        self.visitor = visitor
        self.requestedBy = requestedBy
    }
}

/// A visit that took place (Art. 126), with or without a private interview.
public struct VisitEntry: Sendable, Hashable, Codable {
    public var visitor: Visitor
    /// The request this visit answers; nil means the oldest open request by the same visitor.
    public var requestEventID: UUID?
    public var delegates: String?
    public var privateInterview: Bool

    public init(visitor: Visitor, requestEventID: UUID? = nil, delegates: String? = nil, privateInterview: Bool) {
        self.visitor = visitor
        self.requestEventID = requestEventID
        self.delegates = delegates
        self.privateInterview = privateInterview
    }
}

/// Art. 126(2): a visit refused for reasons of imperative military necessity, only as an exceptional
/// and temporary measure: the reason and the end of the restriction are required.
public struct VisitRefusal: Sendable, Hashable, Codable {
    public var requestEventID: UUID
    public var reason: String
    public var until: Date

    public init(requestEventID: UUID, reason: String, until: Date) {
        self.requestEventID = requestEventID
        self.reason = reason
        self.until = until
    }
}
