import Foundation

/// One account of who a prisoner is, from one source, in the script it was written in.
///
/// A false document is a claim of its own (source `.document`, authenticity `.false`),
/// never an overwrite of the true identity. Which claim is believed is a separate choice:
/// `isAssessed`.
public struct IdentityClaim: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var prisonerID: UUID
    public var surname: String?
    public var firstNames: String?
    /// Father's first name (the patronymic's root for East Slavic names); Annex IV B item 4.
    public var fatherName: String?
    public var dateOfBirth: PartialDate?
    public var placeOfBirth: String?
    public var rank: String?
    public var serviceNumber: String?
    /// ISO 3166-1 alpha-3.
    public var nationality: String?
    public var source: ClaimSource
    public var confidence: ClaimConfidence
    /// For claims read off a document: what the Bureau thinks of the document.
    public var documentAuthenticity: DocumentAuthenticity?
    /// Art. 17(1): core items the prisoner refused to give. Refusal is recorded, never penalised.
    public var refusedItems: Set<CoreIdentityItem>
    public var isAssessed: Bool
    public var note: String?
    public var recordedBy: String
    public var recordedAt: Date

    public init(id: UUID, prisonerID: UUID, surname: String? = nil, firstNames: String? = nil,
                fatherName: String? = nil, dateOfBirth: PartialDate? = nil, placeOfBirth: String? = nil,
                rank: String? = nil, serviceNumber: String? = nil, nationality: String? = nil,
                source: ClaimSource, confidence: ClaimConfidence = .medium,
                documentAuthenticity: DocumentAuthenticity? = nil, refusedItems: Set<CoreIdentityItem> = [],
                isAssessed: Bool = false, note: String? = nil, recordedBy: String, recordedAt: Date) {
        self.id = id
        self.prisonerID = prisonerID
        self.surname = surname
        self.firstNames = firstNames
        self.fatherName = fatherName
        self.dateOfBirth = dateOfBirth
        self.placeOfBirth = placeOfBirth
        self.rank = rank
        self.serviceNumber = serviceNumber
        self.nationality = nationality
        self.source = source
        self.confidence = confidence
        self.documentAuthenticity = documentAuthenticity
        self.refusedItems = refusedItems
        self.isAssessed = isAssessed
        self.note = note
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }

    /// The name as written, surname first, the way lists and capture cards show it.
    public var displayName: String {
        [surname, firstNames, fatherName].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// The writing system of the name, detected from its letters (never chosen by hand).
    public var script: Script {
        Script.dominant(in: displayName)
    }
}

public enum ClaimSource: String, Sendable, Codable, CaseIterable {
    case selfDeclared = "self_declared"
    case document
    case investigator
    case family
    case counterpartList = "counterpart_list"
}

public enum ClaimConfidence: String, Sendable, Codable, CaseIterable {
    case low, medium, high, confirmed
}

public enum DocumentAuthenticity: String, Sendable, Codable, CaseIterable {
    case genuine
    /// Genuine document issued to somebody else (the Russian military ID in another man's name).
    case thirdParty = "third_party"
    case forged
    case unverified
}

/// Art. 17(1): the only items a prisoner is bound to give.
public enum CoreIdentityItem: String, Sendable, Codable, CaseIterable, Comparable {
    case surname
    case firstNames = "first_names"
    case rank
    case dateOfBirth = "date_of_birth"
    case serviceNumber = "service_number"

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
