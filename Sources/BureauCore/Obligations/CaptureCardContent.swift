import Foundation

/// The content of an Art. 70 capture card (Annex IV B, back of the card), prefilled from the
/// prisoner's assessed identity and timeline. Rendering (15 × 10.5 cm, bilingual) is the web layer's.
///
/// The prisoner completes and signs the card himself; Bureau only prefills what it knows and leaves
/// empty what he refused to give (Art. 17) or what is unknown. gc3.md marks the field list "verify".
public struct CaptureCardContent: Sendable, Hashable, Codable {
    /// A name as written, in its own script, and its standard romanization when one is available.
    public struct CardName: Sendable, Hashable, Codable {
        public var asWritten: String
        public var script: Script
        public var romanized: String?

        public init(asWritten: String, script: Script, romanized: String?) {
            self.asWritten = asWritten
            self.script = script
            self.romanized = romanized
        }
    }

    /// Annex IV B item 11.
    public enum Health: String, Sendable, Codable, CaseIterable {
        case good
        case notWounded = "not_wounded"
        case recovered
        case convalescent
        case sick
        case slightlyWounded = "slightly_wounded"
        case seriouslyWounded = "seriously_wounded"
    }

    /// Turns a name into its standard romanization; nil when it cannot. NameMatching supplies the real one.
    public typealias Romanizer = @Sendable (_ text: String, _ script: Script) -> String?

    /// Until NameMatching provides romanization: Latin names stand as they are, others have none.
    public static let placeholderRomanization: Romanizer = { text, script in
        script == .latin ? text : nil
    }

    /// 1. Power on which the prisoner depends (ISO alpha-3).
    public var powerDependedOn: String
    /// 2. Name.
    public var surname: CardName?
    /// 3. First names.
    public var firstNames: CardName?
    /// 4. Father's first name.
    public var fatherFirstName: CardName?
    /// 5. Date of birth.
    public var dateOfBirth: PartialDate?
    /// 6. Place of birth.
    public var placeOfBirth: String?
    /// 7. Rank.
    public var rank: String?
    /// 8. Service number.
    public var serviceNumber: String?
    /// 9. Address of next of kin (given by the prisoner; Bureau does not hold it by default).
    public var nextOfKinAddress: String?
    /// 10. Captured on (when this is his first place of custody)…
    public var capturedOn: Date?
    /// 10. …or coming from (camp, hospital).
    public var comingFrom: String?
    /// 11. Health.
    public var health: Health
    /// 12. Present address: internment number and place of custody.
    public var internmentNumber: String
    public var presentFacility: String?
    /// 13. Date.
    public var date: Date
    /// 14. Signature: always left for the prisoner.
    public var signature: String? { nil }
    /// Art. 17 items he refused; the card leaves them blank.
    public var refusedItems: [CoreIdentityItem]
    /// The claim the identity comes from (the assessed one); nil when none is assessed.
    public var identityClaimID: UUID?
    /// Languages printed on the card: the prisoner's (ko, ru, uk or en), then the Detaining Power's.
    public var languages: [String]

    private enum CodingKeys: String, CodingKey {
        case powerDependedOn, surname, firstNames, fatherFirstName, dateOfBirth, placeOfBirth, rank, serviceNumber,
             nextOfKinAddress, capturedOn, comingFrom, health, internmentNumber, presentFacility, date,
             refusedItems, identityClaimID, languages
    }

    /// Languages a card is printed in, besides the Detaining Power's.
    public static let cardLanguages = ["ko", "ru", "uk", "en"]

    /// Prefills a card as at `date` from the assessed claim and the effective timeline.
    public static func build(prisoner: Prisoner, claims: [IdentityClaim], timeline: [TimelineEvent], at date: Date,
                             nextOfKinAddress: String? = nil, health: Health? = nil,
                             detainingPowerLanguage: String = "uk",
                             romanize: Romanizer = placeholderRomanization) -> CaptureCardContent {
        let claim = claims.filter { $0.prisonerID == prisoner.id && $0.isAssessed }.max { $0.recordedAt < $1.recordedAt }
        let refused = claim?.refusedItems ?? []
        func name(_ text: String?, _ item: CoreIdentityItem?) -> CardName? {
            if let item, refused.contains(item) { return nil }
            guard let text = text?.trimmedOrNil else { return nil }
            let script = Script.dominant(in: text)
            return CardName(asWritten: text, script: script, romanized: romanize(text, script))
        }
        func item<T>(_ value: T?, _ item: CoreIdentityItem) -> T? { refused.contains(item) ? nil : value }

        let events = Timeline.effective(timeline).filter { $0.occurredAt <= date }
        let moves = events.compactMap { event in event.payload.custodyMoveData.map { (event, $0) } }
        let capture = events.first { $0.kind == .capture }
        let own = cardLanguages.first { prisoner.languages.contains($0) } ?? "en"
        return CaptureCardContent(
            powerDependedOn: prisoner.powerDependedOn.power,
            surname: name(claim?.surname, .surname), firstNames: name(claim?.firstNames, .firstNames),
            fatherFirstName: name(claim?.fatherName, nil), dateOfBirth: item(claim?.dateOfBirth, .dateOfBirth),
            placeOfBirth: claim?.placeOfBirth, rank: item(claim?.rank, .rank),
            serviceNumber: item(claim?.serviceNumber, .serviceNumber), nextOfKinAddress: nextOfKinAddress,
            capturedOn: moves.count <= 1 ? capture?.occurredAt : nil,
            comingFrom: moves.count >= 2 ? moves[moves.count - 2].1.facility : nil,
            health: health ?? suggestedHealth(events: events, capture: capture?.payload.captureData),
            internmentNumber: prisoner.internmentNumber, presentFacility: moves.last?.1.facility, date: date,
            refusedItems: refused.sorted(), identityClaimID: claim?.id,
            languages: own == detainingPowerLanguage ? [own] : [own, detainingPowerLanguage])
    }

    /// A suggestion from the record; the prisoner's own statement prevails.
    static func suggestedHealth(events: [TimelineEvent], capture: Capture?) -> Health {
        let wounded = !(capture?.wounds.isEmpty ?? true)
        var seriouslyIll = false
        var admitted = false
        var discharged = false
        for event in events {
            if let entry = event.payload.medicalData {
                if let flag = entry.seriouslyIll { seriouslyIll = flag }
                if entry.kind == .admission { admitted = true }
                if entry.kind == .discharge { admitted = false; discharged = true }
            }
            if let move = event.payload.custodyMoveData {
                if move.facilityType == .hospital { admitted = true } else if admitted { admitted = false; discharged = true }
            }
        }
        if seriouslyIll { return wounded ? .seriouslyWounded : .sick }
        if admitted { return wounded ? .slightlyWounded : .sick }
        if wounded { return discharged ? .convalescent : .slightlyWounded }
        return .good
    }

    public init(powerDependedOn: String, surname: CardName?, firstNames: CardName?, fatherFirstName: CardName?,
                dateOfBirth: PartialDate?, placeOfBirth: String?, rank: String?, serviceNumber: String?,
                nextOfKinAddress: String?, capturedOn: Date?, comingFrom: String?, health: Health,
                internmentNumber: String, presentFacility: String?, date: Date, refusedItems: [CoreIdentityItem],
                identityClaimID: UUID?, languages: [String]) {
        self.powerDependedOn = powerDependedOn
        self.surname = surname
        self.firstNames = firstNames
        self.fatherFirstName = fatherFirstName
        self.dateOfBirth = dateOfBirth
        self.placeOfBirth = placeOfBirth
        self.rank = rank
        self.serviceNumber = serviceNumber
        self.nextOfKinAddress = nextOfKinAddress
        self.capturedOn = capturedOn
        self.comingFrom = comingFrom
        self.health = health
        self.internmentNumber = internmentNumber
        self.presentFacility = presentFacility
        self.date = date
        self.refusedItems = refusedItems
        self.identityClaimID = identityClaimID
        self.languages = languages
    }
}
