import Foundation

/// A person in the detaining power's hands, registered by the Bureau (GC III Art. 122).
///
/// The record holds only what is stable about the person; who he is (names, documents)
/// lives in `IdentityClaim`s and what happened to him in the timeline.
public struct Prisoner: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    /// The internment serial number the Bureau assigns (POW no. on the capture card).
    public var internmentNumber: String
    public var status: ProtectedStatus
    /// The Power the prisoner depends on (Arts. 4, 122) — kept apart from the forces he served with.
    public var powerDependedOn: PowerAllegiance
    /// The forces and unit he was serving with when captured; may differ from the Power depended on.
    public var forcesServedWith: String?
    public var unit: String?
    /// Languages he understands, as BCP 47 codes (`ko`, `ru`, `uk`), for Art. 17(7) interviews and his documents.
    public var languages: [String]
    /// Art. 17(6): false when wounds or condition stop him stating his identity; then answers may be written.
    public var canStateIdentity: Bool
    /// Art. 17(6) practice: he answers only in writing (a jaw wound, for instance).
    public var answersOnlyInWriting: Bool
    public var sex: Sex?
    public var registeredAt: Date
    public var registeredBy: String

    public init(id: UUID, internmentNumber: String, status: ProtectedStatus = .prisonerOfWar,
                powerDependedOn: PowerAllegiance, forcesServedWith: String? = nil, unit: String? = nil,
                languages: [String] = [], canStateIdentity: Bool = true, answersOnlyInWriting: Bool = false,
                sex: Sex? = nil, registeredAt: Date, registeredBy: String) {
        self.id = id
        self.internmentNumber = internmentNumber
        self.status = status
        self.powerDependedOn = powerDependedOn
        self.forcesServedWith = forcesServedWith
        self.unit = unit
        self.languages = languages
        self.canStateIdentity = canStateIdentity
        self.answersOnlyInWriting = answersOnlyInWriting
        self.sex = sex
        self.registeredAt = registeredAt
        self.registeredBy = registeredBy
    }
}

public enum Sex: String, Sendable, Codable, CaseIterable {
    case male, female
}

/// Art. 4 / Art. 5: who is protected and on what basis.
public enum ProtectedStatus: String, Sendable, Codable, CaseIterable {
    case prisonerOfWar = "pow"
    /// Art. 5: status in doubt; treated as a POW until a competent tribunal decides.
    case presumedPrisonerOfWar = "pow_presumed"
    /// Art. 33 retained medical and religious personnel.
    case retained
}

/// The Power a prisoner depends on, which may be disputed (gc3.md §4: DPRK or Russia).
public struct PowerAllegiance: Sendable, Hashable, Codable {
    /// ISO 3166-1 alpha-3 code of the Power (`RUS`, `PRK`).
    public var power: String
    public var contested: Bool
    public var rationale: String?

    public init(power: String, contested: Bool = false, rationale: String? = nil) {
        self.power = power
        self.contested = contested
        self.rationale = rationale
    }

    private enum CodingKeys: String, CodingKey { case power, contested, rationale }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        power = try container.decode(String.self, forKey: .power)
        // Uncontested unless said otherwise.
        contested = try container.decodeIfPresent(Bool.self, forKey: .contested) ?? false
        rationale = try container.decodeIfPresent(String.self, forKey: .rationale)
    }
}
