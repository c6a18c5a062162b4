import Foundation

/// What a registrar supplies to register a newly captured person: the record, the identity
/// claims known so far, and the capture.
public struct Registration: Sendable {
    public var internmentNumber: String?
    public var status: ProtectedStatus
    public var powerDependedOn: PowerAllegiance
    public var forcesServedWith: String?
    public var unit: String?
    public var languages: [String]
    public var canStateIdentity: Bool
    public var answersOnlyInWriting: Bool
    public var sex: Sex?
    public var claims: [ClaimDraft]
    public var capturedAt: Date
    public var capture: Capture

    public init(internmentNumber: String? = nil, status: ProtectedStatus = .prisonerOfWar,
                powerDependedOn: PowerAllegiance, forcesServedWith: String? = nil, unit: String? = nil,
                languages: [String] = [], canStateIdentity: Bool = true, answersOnlyInWriting: Bool = false,
                sex: Sex? = nil, claims: [ClaimDraft], capturedAt: Date, capture: Capture) {
        self.internmentNumber = internmentNumber
        self.status = status
        self.powerDependedOn = powerDependedOn
        self.forcesServedWith = forcesServedWith
        self.unit = unit
        self.languages = languages
        self.canStateIdentity = canStateIdentity
        self.answersOnlyInWriting = answersOnlyInWriting
        self.sex = sex
        self.claims = claims
        self.capturedAt = capturedAt
        self.capture = capture
    }
}

/// An identity claim before it has an id, author and time.
public struct ClaimDraft: Sendable, Hashable, Codable {
    public var surname: String?
    public var firstNames: String?
    public var fatherName: String?
    public var dateOfBirth: PartialDate?
    public var placeOfBirth: String?
    public var rank: String?
    public var serviceNumber: String?
    public var nationality: String?
    public var source: ClaimSource
    public var confidence: ClaimConfidence?
    public var documentAuthenticity: DocumentAuthenticity?
    public var refusedItems: Set<CoreIdentityItem>?
    public var isAssessed: Bool?
    public var note: String?

    public init(surname: String? = nil, firstNames: String? = nil, fatherName: String? = nil,
                dateOfBirth: PartialDate? = nil, placeOfBirth: String? = nil, rank: String? = nil,
                serviceNumber: String? = nil, nationality: String? = nil, source: ClaimSource,
                confidence: ClaimConfidence? = nil, documentAuthenticity: DocumentAuthenticity? = nil,
                refusedItems: Set<CoreIdentityItem>? = nil, isAssessed: Bool? = nil, note: String? = nil) {
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
    }

    public func claim(id: UUID, prisonerID: UUID, by author: String, at time: Date) -> IdentityClaim {
        IdentityClaim(id: id, prisonerID: prisonerID, surname: surname?.trimmedOrNil, firstNames: firstNames?.trimmedOrNil,
                      fatherName: fatherName?.trimmedOrNil, dateOfBirth: dateOfBirth,
                      placeOfBirth: placeOfBirth?.trimmedOrNil, rank: rank?.trimmedOrNil,
                      serviceNumber: serviceNumber?.trimmedOrNil, nationality: nationality?.trimmedOrNil?.uppercased(),
                      source: source, confidence: confidence ?? .medium, documentAuthenticity: documentAuthenticity,
                      refusedItems: refusedItems ?? [], isAssessed: isAssessed ?? false, note: note?.trimmedOrNil,
                      recordedBy: author, recordedAt: time)
    }
}

extension String {
    /// Nil for empty or blank text, so "" never masquerades as a value.
    public var trimmedOrNil: String? {
        let trimmed = trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}
