import BureauCore
import Fluent
import Foundation

public final class PrisonerModel: Model, @unchecked Sendable {
    public static let schema = "prisoners"

    @ID(key: .id) public var id: UUID?
    @Field(key: "internment_number") public var internmentNumber: String
    @Field(key: "status") public var status: String
    @Field(key: "power") public var power: String
    @Field(key: "power_contested") public var powerContested: Bool
    @OptionalField(key: "power_rationale") public var powerRationale: String?
    @OptionalField(key: "forces_served_with") public var forcesServedWith: String?
    @OptionalField(key: "unit") public var unit: String?
    /// Comma-separated BCP 47 codes; a list this short needs no table of its own.
    @Field(key: "languages") public var languages: String
    @Field(key: "can_state_identity") public var canStateIdentity: Bool
    @Field(key: "answers_only_in_writing") public var answersOnlyInWriting: Bool
    @OptionalField(key: "sex") public var sex: String?
    @Field(key: "registered_at") public var registeredAt: Date
    @Field(key: "registered_by") public var registeredBy: String
    /// Capture time, copied from the capture entry so lists can sort and filter without joins.
    @OptionalField(key: "captured_at") public var capturedAt: Date?
    /// Set when a voiding of the whole registration is confirmed: he owes nothing and default lists hide him.
    @OptionalField(key: "voided_at") public var voidedAt: Date?

    @Children(for: \.$prisoner) public var claims: [ClaimModel]

    public init() {}

    init(_ prisoner: Prisoner) {
        id = prisoner.id
        internmentNumber = prisoner.internmentNumber
        status = prisoner.status.rawValue
        power = prisoner.powerDependedOn.power
        powerContested = prisoner.powerDependedOn.contested
        powerRationale = prisoner.powerDependedOn.rationale
        forcesServedWith = prisoner.forcesServedWith
        unit = prisoner.unit
        languages = prisoner.languages.joined(separator: ",")
        canStateIdentity = prisoner.canStateIdentity
        answersOnlyInWriting = prisoner.answersOnlyInWriting
        sex = prisoner.sex?.rawValue
        registeredAt = prisoner.registeredAt
        registeredBy = prisoner.registeredBy
    }

    func domain() throws -> Prisoner {
        guard let id, let status = ProtectedStatus(rawValue: status) else {
            throw StoreError.corrupt("prisoners", id?.uuidString)
        }
        return Prisoner(id: id, internmentNumber: internmentNumber, status: status,
                        powerDependedOn: PowerAllegiance(power: power, contested: powerContested, rationale: powerRationale),
                        forcesServedWith: forcesServedWith, unit: unit,
                        languages: languages.split(separator: ",").map(String.init),
                        canStateIdentity: canStateIdentity, answersOnlyInWriting: answersOnlyInWriting,
                        sex: sex.flatMap(Sex.init(rawValue:)), registeredAt: registeredAt, registeredBy: registeredBy)
    }
}

public final class ClaimModel: Model, @unchecked Sendable {
    public static let schema = "identity_claims"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "prisoner_id") public var prisoner: PrisonerModel
    @OptionalField(key: "surname") public var surname: String?
    @OptionalField(key: "first_names") public var firstNames: String?
    @OptionalField(key: "father_name") public var fatherName: String?
    @OptionalField(key: "date_of_birth") public var dateOfBirth: String?
    @OptionalField(key: "place_of_birth") public var placeOfBirth: String?
    @OptionalField(key: "rank") public var rank: String?
    @OptionalField(key: "service_number") public var serviceNumber: String?
    @OptionalField(key: "nationality") public var nationality: String?
    @Field(key: "source") public var source: String
    @Field(key: "confidence") public var confidence: String
    @OptionalField(key: "document_authenticity") public var documentAuthenticity: String?
    @Field(key: "refused_items") public var refusedItems: String
    @Field(key: "is_assessed") public var isAssessed: Bool
    @OptionalField(key: "note") public var note: String?
    /// Lower-cased name text in every claim, for the plain substring filter of the list page.
    @Field(key: "search_text") public var searchText: String
    @Field(key: "recorded_by") public var recordedBy: String
    @Field(key: "recorded_at") public var recordedAt: Date

    public init() {}

    init(_ claim: IdentityClaim) {
        id = claim.id
        $prisoner.id = claim.prisonerID
        surname = claim.surname
        firstNames = claim.firstNames
        fatherName = claim.fatherName
        dateOfBirth = claim.dateOfBirth?.description
        placeOfBirth = claim.placeOfBirth
        rank = claim.rank
        serviceNumber = claim.serviceNumber
        nationality = claim.nationality
        source = claim.source.rawValue
        confidence = claim.confidence.rawValue
        documentAuthenticity = claim.documentAuthenticity?.rawValue
        refusedItems = claim.refusedItems.sorted().map(\.rawValue).joined(separator: ",")
        isAssessed = claim.isAssessed
        note = claim.note
        searchText = [claim.displayName, claim.serviceNumber ?? ""].joined(separator: " ").lowercased()
        recordedBy = claim.recordedBy
        recordedAt = claim.recordedAt
    }

    func domain() throws -> IdentityClaim {
        guard let id, let source = ClaimSource(rawValue: source), let confidence = ClaimConfidence(rawValue: confidence) else {
            throw StoreError.corrupt("identity_claims", id?.uuidString)
        }
        return IdentityClaim(id: id, prisonerID: $prisoner.id, surname: surname, firstNames: firstNames,
                             fatherName: fatherName, dateOfBirth: dateOfBirth.flatMap(PartialDate.init(iso:)),
                             placeOfBirth: placeOfBirth, rank: rank, serviceNumber: serviceNumber,
                             nationality: nationality, source: source, confidence: confidence,
                             documentAuthenticity: documentAuthenticity.flatMap(DocumentAuthenticity.init(rawValue:)),
                             refusedItems: Set(refusedItems.split(separator: ",").compactMap { CoreIdentityItem(rawValue: String($0)) }),
                             isAssessed: isAssessed, note: note, recordedBy: recordedBy, recordedAt: recordedAt)
    }
}
