import BureauCore
import BureauStore
import Foundation
import Vapor

/// `POST /api/v1/prisoners`.
struct RegistrationInput: Codable {
    var internmentNumber: String?
    var status: ProtectedStatus?
    var powerDependedOn: PowerAllegiance
    var forcesServedWith: String?
    var unit: String?
    var languages: [String]?
    var canStateIdentity: Bool?
    var answersOnlyInWriting: Bool?
    var sex: Sex?
    var claims: [ClaimDraft]
    var capturedAt: Date
    var capture: Capture

    var registration: Registration {
        Registration(internmentNumber: internmentNumber, status: status ?? .prisonerOfWar,
                     powerDependedOn: PowerAllegiance(power: powerDependedOn.power.uppercased(),
                                                      contested: powerDependedOn.contested,
                                                      rationale: powerDependedOn.rationale),
                     forcesServedWith: forcesServedWith, unit: unit, languages: languages ?? [],
                     canStateIdentity: canStateIdentity ?? true, answersOnlyInWriting: answersOnlyInWriting ?? false,
                     sex: sex, claims: claims, capturedAt: capturedAt, capture: capture)
    }
}

/// `POST /api/v1/prisoners/{id}/events`: `{"kind": …, "occurredAt": …, "supersedes": …, "data": {…}}`.
struct EventInput: Codable {
    var occurredAt: Date
    var supersedes: UUID?
    var payload: EventPayload

    private enum CodingKeys: String, CodingKey { case occurredAt, supersedes }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        occurredAt = try container.decode(Date.self, forKey: .occurredAt)
        supersedes = try container.decodeIfPresent(UUID.self, forKey: .supersedes)
        payload = try EventPayload(from: decoder)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(occurredAt, forKey: .occurredAt)
        try container.encodeIfPresent(supersedes, forKey: .supersedes)
        try payload.encode(to: encoder)
    }
}

struct ClaimDTO: Content {
    var id: UUID
    var surname: String?
    var firstNames: String?
    var fatherName: String?
    var displayName: String
    var script: Script
    var dateOfBirth: PartialDate?
    var placeOfBirth: String?
    var rank: String?
    var serviceNumber: String?
    var nationality: String?
    var source: ClaimSource
    var confidence: ClaimConfidence
    var documentAuthenticity: DocumentAuthenticity?
    var refusedItems: [CoreIdentityItem]
    var isAssessed: Bool
    var note: String?
    var recordedBy: String
    var recordedAt: Date

    init(_ claim: IdentityClaim) {
        id = claim.id
        surname = claim.surname
        firstNames = claim.firstNames
        fatherName = claim.fatherName
        displayName = claim.displayName
        script = claim.script
        dateOfBirth = claim.dateOfBirth
        placeOfBirth = claim.placeOfBirth
        rank = claim.rank
        serviceNumber = claim.serviceNumber
        nationality = claim.nationality
        source = claim.source
        confidence = claim.confidence
        documentAuthenticity = claim.documentAuthenticity
        refusedItems = claim.refusedItems.sorted()
        isAssessed = claim.isAssessed
        note = claim.note
        recordedBy = claim.recordedBy
        recordedAt = claim.recordedAt
    }
}

struct TimelineEntryDTO: Content {
    var id: UUID
    var kind: EventKind
    var occurredAt: Date
    var recordedAt: Date
    var recordedBy: String
    var supersedes: UUID?
    var supersededBy: UUID?
    /// True when content was withheld from this reader (interview content).
    var redacted: Bool
    var payload: EventPayload

    init(_ entry: TimelineEntry) {
        id = entry.event.id
        kind = entry.event.kind
        occurredAt = entry.event.occurredAt
        recordedAt = entry.event.recordedAt
        recordedBy = entry.event.recordedBy
        supersedes = entry.event.supersedes
        supersededBy = entry.supersededBy
        redacted = entry.redacted
        payload = entry.event.payload
    }

    private enum CodingKeys: String, CodingKey {
        case id, kind, occurredAt, recordedAt, recordedBy, supersedes, supersededBy, redacted, data
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(UUID.self, forKey: .id)
        kind = try container.decode(EventKind.self, forKey: .kind)
        occurredAt = try container.decode(Date.self, forKey: .occurredAt)
        recordedAt = try container.decode(Date.self, forKey: .recordedAt)
        recordedBy = try container.decode(String.self, forKey: .recordedBy)
        supersedes = try container.decodeIfPresent(UUID.self, forKey: .supersedes)
        supersededBy = try container.decodeIfPresent(UUID.self, forKey: .supersededBy)
        redacted = try container.decode(Bool.self, forKey: .redacted)
        payload = try EventPayload.decode(kind: kind, from: container.superDecoder(forKey: .data))
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(kind, forKey: .kind)
        try container.encode(occurredAt, forKey: .occurredAt)
        try container.encode(recordedAt, forKey: .recordedAt)
        try container.encode(recordedBy, forKey: .recordedBy)
        try container.encodeIfPresent(supersedes, forKey: .supersedes)
        try container.encodeIfPresent(supersededBy, forKey: .supersededBy)
        try container.encode(redacted, forKey: .redacted)
        try payload.encodeData(to: container.superEncoder(forKey: .data))
    }
}

struct PrisonerDTO: Content {
    var id: UUID
    var internmentNumber: String
    var status: ProtectedStatus
    var powerDependedOn: PowerAllegiance
    var forcesServedWith: String?
    var unit: String?
    var languages: [String]
    var canStateIdentity: Bool
    var answersOnlyInWriting: Bool
    var sex: Sex?
    var registeredAt: Date
    var registeredBy: String
    var capturedAt: Date?
    var claims: [ClaimDTO]
    /// Classes of data that exist but this reader's role may not see.
    var withheld: [FieldClass]

    init(_ file: PrisonerFile) {
        let prisoner = file.prisoner
        id = prisoner.id
        internmentNumber = prisoner.internmentNumber
        status = prisoner.status
        powerDependedOn = prisoner.powerDependedOn
        forcesServedWith = prisoner.forcesServedWith
        unit = prisoner.unit
        languages = prisoner.languages
        canStateIdentity = prisoner.canStateIdentity
        answersOnlyInWriting = prisoner.answersOnlyInWriting
        sex = prisoner.sex
        registeredAt = prisoner.registeredAt
        registeredBy = prisoner.registeredBy
        capturedAt = file.capturedAt
        claims = file.claims.map(ClaimDTO.init)
        withheld = file.withheld.sorted { $0.rawValue < $1.rawValue }
    }
}

struct PrisonerSummaryDTO: Content {
    var id: UUID
    var internmentNumber: String
    var status: ProtectedStatus
    var power: String
    var powerContested: Bool
    var name: String?
    var names: [String]
    var capturedAt: Date?

    init(_ summary: PrisonerSummary) {
        id = summary.prisoner.id
        internmentNumber = summary.prisoner.internmentNumber
        status = summary.prisoner.status
        power = summary.prisoner.powerDependedOn.power
        powerContested = summary.prisoner.powerDependedOn.contested
        name = summary.assessedName
        names = summary.names
        capturedAt = summary.capturedAt
    }
}

struct PageDTO<Item: Content>: Content {
    var items: [Item]
    var page: Int
    var perPage: Int
    var total: Int
}
