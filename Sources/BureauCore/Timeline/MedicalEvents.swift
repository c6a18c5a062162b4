import Foundation

/// Art. 30: the prisoner asks for a certificate of his illness or injury and its treatment.
public struct CertificateRequest: Sendable, Hashable, Codable {
    public var subject: String?

    public init(subject: String? = nil) {
        self.subject = subject
    }
}

/// What caused a death or an injury, as far as known; decides whether Art. 121 requires an inquiry.
public enum HarmCause: String, Sendable, Codable, CaseIterable {
    case natural
    case accident
    case selfInflicted = "self_inflicted"
    case hostilities
    case sentry
    case otherPrisoner = "other_prisoner"
    case otherPerson = "other_person"
    case unknown

    /// Art. 121(1): caused or suspected to have been caused by a sentry, another prisoner or any other
    /// person, or (for deaths) of unknown cause.
    public func requiresInquiry(isDeath: Bool) -> Bool {
        switch self {
        case .sentry, .otherPrisoner, .otherPerson: return true
        case .unknown: return isDeath
        case .natural, .accident, .selfInflicted, .hostilities: return false
        }
    }
}

/// A serious injury in captivity (Art. 121).
public struct SeriousInjury: Sendable, Hashable, Codable {
    public var cause: HarmCause
    public var description: String

    public init(cause: HarmCause, description: String) {
        self.cause = cause
        self.description = description
    }
}

/// Examination by a Mixed Medical Commission (Arts. 112–113, Annex II).
public struct MMCExamination: Sendable, Hashable, Codable {
    public var commission: String
    public var facility: String?

    public init(commission: String, facility: String? = nil) {
        self.commission = commission
        self.facility = facility
    }
}

/// A Mixed Medical Commission decision (Annex IV E: A repatriate, B neutral country, NC re-examine).
public struct MMCDecision: Sendable, Hashable, Codable {
    public enum Decision: String, Sendable, Codable, CaseIterable {
        case repatriate = "A"
        case neutralAccommodation = "B"
        case reexamine = "NC"
    }

    /// The examination decided on; nil means the newest one before the decision.
    public var examinationEventID: UUID?
    public var decision: Decision

    public init(examinationEventID: UUID? = nil, decision: Decision) {
        self.examinationEventID = examinationEventID
        self.decision = decision
    }
}
