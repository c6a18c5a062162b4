import Foundation

/// Death in captivity (Arts. 120–121).
public struct DeathEntry: Sendable, Hashable, Codable {
    public var place: String
    public var cause: String?
    public var causeCategory: HarmCause

    public init(place: String, cause: String? = nil, causeCategory: HarmCause) {
        self.place = place
        self.cause = cause
        self.causeCategory = causeCategory
    }
}

/// Art. 120(2–3), Annex IV D: the death certificate (or certified list entry) sent to the Bureau.
public struct DeathCertificate: Sendable, Hashable, Codable {
    public var deathEventID: UUID
    public var causeOfDeath: String
    public var certifiedBy: String
    public var certificateNumber: String?
    public var burialPlace: String?
    public var graveIdentification: String?

    public init(deathEventID: UUID, causeOfDeath: String, certifiedBy: String, certificateNumber: String? = nil,
                burialPlace: String? = nil, graveIdentification: String? = nil) {
        self.deathEventID = deathEventID
        self.causeOfDeath = causeOfDeath
        self.certifiedBy = certifiedBy
        self.certificateNumber = certificateNumber
        self.burialPlace = burialPlace
        self.graveIdentification = graveIdentification
    }
}

/// Art. 121: the official inquiry opened into a death or serious injury.
public struct OfficialInquiry: Sendable, Hashable, Codable {
    /// The `death` or `serious_injury` entry inquired into.
    public var concerningEventID: UUID
    public var authority: String
    public var reference: String?

    public init(concerningEventID: UUID, authority: String, reference: String? = nil) {
        self.concerningEventID = concerningEventID
        self.authority = authority
        self.reference = reference
    }
}

/// Escape (Arts. 91–94). Custody ends until a recapture.
public struct EscapeEntry: Sendable, Hashable, Codable {
    public var fromFacility: String?
    public var circumstances: String?

    public init(fromFacility: String? = nil, circumstances: String? = nil) {
        self.fromFacility = fromFacility
        self.circumstances = circumstances
    }
}

/// Recapture after an escape (Art. 94: notified if the escape was).
public struct RecaptureEntry: Sendable, Hashable, Codable {
    public var place: String

    public init(place: String) {
        self.place = place
    }
}

/// Release from captivity (other than repatriation): on parole, to a third State, at the end of a case.
public struct ReleaseEntry: Sendable, Hashable, Codable {
    public var basis: String
    public var place: String?

    public init(basis: String, place: String? = nil) {
        self.basis = basis
        self.place = place
    }
}

/// Repatriation or accommodation in a neutral country (Arts. 109–119).
public struct RepatriationEntry: Sendable, Hashable, Codable {
    public enum Basis: String, Sendable, Codable, CaseIterable {
        /// Art. 118: after the cessation of active hostilities.
        case endOfHostilities = "end_of_hostilities"
        /// Arts. 109–110: seriously sick or wounded.
        case medical
        /// Art. 110(2), Annex IV E decision B.
        case neutralAccommodation = "neutral_accommodation"
        case exchange
        case other
    }

    /// ISO 3166-1 alpha-3 of the destination State.
    public var destinationState: String
    public var basis: Basis
    public var via: String?

    public init(destinationState: String, basis: Basis, via: String? = nil) {
        self.destinationState = destinationState
        self.basis = basis
        self.via = via
    }
}

/// Art. 119(5): the prisoner is held back from repatriation because of criminal proceedings.
public struct RepatriationHold: Sendable, Hashable, Codable {
    public enum Ground: String, Sendable, Codable, CaseIterable {
        case proceedingsPending = "proceedings_pending"
        case servingSentence = "serving_sentence"
    }

    /// The judicial case (`caseReference` of a charge, trial or judgment on this timeline).
    public var caseReference: String
    public var ground: Ground
    public var reason: String
    public var approver: String

    public init(caseReference: String, ground: Ground, reason: String, approver: String) {
        self.caseReference = caseReference
        self.ground = ground
        self.reason = reason
        self.approver = approver
    }
}
