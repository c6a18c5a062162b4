import Foundation

/// A decision to move the prisoner to another place of custody (Arts. 46–48). The arrival itself
/// is a `CustodyMove`; this entry opens the duties that must be met before departure.
public struct TransferOrder: Sendable, Hashable, Codable {
    public var destination: String
    public var plannedDeparture: Date
    public var reason: String?
    /// A correction with `cancelled: true` withdraws the transfer and its duties.
    public var cancelled: Bool?

    public init(destination: String, plannedDeparture: Date, reason: String? = nil, cancelled: Bool? = nil) {
        self.destination = destination
        self.plannedDeparture = plannedDeparture
        self.reason = reason
        self.cancelled = cancelled
    }
}

/// Art. 48: official notice to the prisoner of his departure and his new postal address.
public struct TransferNotice: Sendable, Hashable, Codable {
    public var transferEventID: UUID
    public var newPostalAddress: String

    public init(transferEventID: UUID, newPostalAddress: String) {
        self.transferEventID = transferEventID
        self.newPostalAddress = newPostalAddress
    }
}

/// Art. 46: the complete list of the prisoners transferred, drawn up before departure.
public struct TransferList: Sendable, Hashable, Codable {
    public var transferEventID: UUID
    public var listReference: String

    public init(transferEventID: UUID, listReference: String) {
        self.transferEventID = transferEventID
        self.listReference = listReference
    }
}

/// Art. 47: a sick or wounded prisoner is transferred only if the journey does not endanger his
/// recovery, or if his safety imperatively demands it.
public struct MedicalClearance: Sendable, Hashable, Codable {
    public var transferEventID: UUID
    public var fitToTravel: Bool
    /// Required when not fit: why his safety imperatively demands the move.
    public var safetyGround: String?
    public var examiner: String

    public init(transferEventID: UUID, fitToTravel: Bool, safetyGround: String? = nil, examiner: String) {
        self.transferEventID = transferEventID
        self.fitToTravel = fitToTravel
        self.safetyGround = safetyGround
        self.examiner = examiner
    }
}
