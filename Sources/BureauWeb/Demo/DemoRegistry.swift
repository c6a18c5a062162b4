import BureauCore
import BureauStore
import Foundation

/// A fictional registry for demonstrations and manual testing: about fifty prisoners whose
/// names are drawn from common name parts in Cyrillic and Hangul. No record describes a real person.
public enum DemoRegistry {
    public static let registrar = Principal(username: "demo.registrar", role: .registrar)
    static let medic = Principal(username: "demo.medic", role: .medicalOfficer)
    static let investigator = Principal(username: "demo.investigator", role: .investigator)
    static let camp = Principal(username: "demo.camp", role: .campOfficer)

    /// Loads the demo into an empty registry; returns how many prisoners it registered (0 if not empty).
    @discardableResult
    public static func load(into registry: RegistryStore, now: Date) async throws -> Int {
        let existing = try await registry.count()
        guard existing == 0 else { return 0 }
        var random = SeededRandom(seed: 20250109)
        var count = 0
        let base = now.addingTimeInterval(-400 * 86_400)

        for (index, person) in koreanCase().enumerated() {
            try await register(person, capturedAt: base.addingTimeInterval(Double(index) * 3_600), registry: registry)
            count += 1
        }
        for index in 0..<46 {
            let capturedAt = base.addingTimeInterval(Double(index) * 7 * 86_400 + Double(random.next(upTo: 80_000)))
            let russian = random.next(upTo: 4) != 0
            let person = russian ? russianPerson(&random, index: index) : koreanPerson(&random, index: index)
            try await register(person, capturedAt: capturedAt, registry: registry)
            count += 1
        }
        return count
    }

    struct Person {
        var registration: Registration
        var events: [(TimeInterval, EventPayload, Principal)]
    }

    static func register(_ person: Person, capturedAt: Date, registry: RegistryStore) async throws {
        var registration = person.registration
        registration.capturedAt = capturedAt
        let file = try await registry.register(registration, by: registrar, purpose: "demo")
        for (offset, payload, principal) in person.events {
            _ = try await registry.addEvent(payload, occurredAt: capturedAt.addingTimeInterval(offset), supersedes: nil,
                                            to: file.prisoner.id, by: principal, purpose: "demo")
        }
    }

    /// Two foreign nationals serving in another state's unit: one carries a military ID issued to
    /// somebody else, one has no papers and answers only in writing (gc3.md §1, fictionalised).
    static func koreanCase() -> [Person] {
        let allegiance = PowerAllegiance(power: "PRK", contested: true,
                                         rationale: "Deployed as a KPA unit but integrated into Russian formations; Art. 4A(1) either way.")
        let first = Person(registration: Registration(
            powerDependedOn: allegiance, forcesServedWith: "Armed Forces of the Russian Federation",
            unit: "Reconnaissance company (attached)", languages: ["ko"], sex: .male,
            claims: [
                ClaimDraft(surname: "리", firstNames: "철호", dateOfBirth: PartialDate(year: 1999), rank: "하사",
                           nationality: "PRK", source: .selfDeclared, confidence: .medium, isAssessed: true),
                ClaimDraft(surname: "Ри", firstNames: "Чхоль Хо", source: .investigator, confidence: .medium,
                           note: "Kontsevich rendering for Russian-language correspondence"),
                ClaimDraft(surname: "Монгуш", firstNames: "Айдын", fatherName: "Олегович",
                           dateOfBirth: PartialDate(year: 1998, month: 4, day: 2), serviceNumber: "ВН-417733",
                           nationality: "RUS", source: .document, confidence: .low, documentAuthenticity: .thirdParty,
                           note: "Russian military ID issued to another man; kept as evidence"),
            ],
            capturedAt: Date(), capture: Capture(place: "Kursk region, forest east of the village", capturingUnit: "Special operations group",
                                                 unitAtCapture: "Mixed assault group", circumstances: "Found wounded after an assault",
                                                 wounds: ["fractured left leg", "wounds to both hands"])),
            events: [
                (2 * 86_400, .custodyMove(CustodyMove(facility: "Military hospital, Kyiv", facilityType: .hospital,
                                                      timeZone: "Europe/Kyiv", reason: "treatment of wounds")), registrar),
                (2 * 86_400 + 3_600, .medical(MedicalEntry(kind: .admission, seriouslyIll: true,
                                                           summary: "Open fracture; surgery planned")), medic),
                (6 * 86_400, .interview(Interview(purpose: .intake, language: "ko",
                                                  interpreter: .init(name: "Interpreter A", affiliation: "Contracted linguist",
                                                                     affiliationState: "KOR"),
                                                  mode: .oral, noCoercionAttested: true,
                                                  content: "Stated name, rank and year of birth; declined other questions.")), investigator),
                (6 * 86_400 + 600, .document(HeldDocument(documentType: "Military ID", issuer: "Ministry of Defence of the Russian Federation",
                                                          number: "ВН-417733", nameShown: "Монгуш Айдын Олегович",
                                                          authenticity: .thirdParty, custody: .evidence)), registrar),
            ])
        let second = Person(registration: Registration(
            powerDependedOn: allegiance, forcesServedWith: "Armed Forces of the Russian Federation",
            unit: "Rifle platoon (attached)", languages: ["ko"], canStateIdentity: false, answersOnlyInWriting: true, sex: .male,
            claims: [
                ClaimDraft(surname: "박", firstNames: "성민", dateOfBirth: PartialDate(year: 2005), rank: "전사",
                           nationality: "PRK", source: .selfDeclared, confidence: .medium, isAssessed: true,
                           note: "Written answers: jaw wound"),
                ClaimDraft(surname: "Pak", firstNames: "Song Min", source: .investigator, confidence: .medium),
            ],
            capturedAt: Date(), capture: Capture(place: "Kursk region, field position", unitAtCapture: "Rifle platoon",
                                                 circumstances: "Carried no documents", wounds: ["jaw wound"])),
            events: [
                (2 * 86_400, .custodyMove(CustodyMove(facility: "Military hospital, Kyiv", facilityType: .hospital,
                                                      timeZone: "Europe/Kyiv", reason: "jaw surgery")), registrar),
                (9 * 86_400, .interview(Interview(purpose: .intake, language: "ko",
                                                  interpreter: .init(name: "Interpreter B", affiliation: "Contracted linguist"),
                                                  mode: .written, noCoercionAttested: true,
                                                  content: "Answered in writing: name and year of birth.")), investigator),
            ])
        return [first, second]
    }

    static let russianSurnames = ["Шевченко", "Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов",
                                  "Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов",
                                  "Егоров", "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров"]
    static let russianGiven = ["Александр", "Дмитрий", "Максим", "Сергей", "Андрей", "Алексей", "Артём", "Илья", "Кирилл",
                               "Михаил", "Никита", "Матвей", "Роман", "Егор", "Арсений", "Иван", "Денис", "Евгений"]
    static let russianPatronymics = ["Александрович", "Дмитриевич", "Сергеевич", "Андреевич", "Алексеевич", "Михайлович",
                                     "Иванович", "Викторович", "Николаевич", "Петрович", "Олегович", "Юрьевич"]
    static let koreanSurnames = ["김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권"]
    static let koreanGiven = ["철수", "영호", "성진", "민준", "광철", "명수", "정훈", "현우", "진혁", "승호", "대성", "은철",
                              "혁", "남철", "기철", "용수"]
    static let ranks = ["рядовой", "ефрейтор", "младший сержант", "сержант", "лейтенант"]

    static func russianPerson(_ random: inout SeededRandom, index: Int) -> Person {
        let surname = russianSurnames[random.next(upTo: russianSurnames.count)]
        let given = russianGiven[random.next(upTo: russianGiven.count)]
        let patronymic = russianPatronymics[random.next(upTo: russianPatronymics.count)]
        let year = 1975 + random.next(upTo: 30)
        let wounded = random.next(upTo: 5) == 0
        return Person(registration: Registration(
            powerDependedOn: PowerAllegiance(power: "RUS"), forcesServedWith: "Armed Forces of the Russian Federation",
            unit: "Motor rifle regiment \(100 + random.next(upTo: 900))", languages: ["ru"], sex: .male,
            claims: [ClaimDraft(surname: surname, firstNames: given, fatherName: patronymic,
                                dateOfBirth: PartialDate(year: year, month: 1 + random.next(upTo: 12), day: 1 + random.next(upTo: 28)),
                                rank: ranks[random.next(upTo: ranks.count)],
                                serviceNumber: "АК-\(String(format: "%06d", 100_000 + index * 7_919 % 900_000))",
                                nationality: "RUS", source: .selfDeclared, confidence: .high, isAssessed: true)],
            capturedAt: Date(), capture: Capture(place: ["Donetsk region", "Zaporizhzhia region", "Kharkiv region", "Kursk region"][random.next(upTo: 4)],
                                                 wounds: wounded ? ["shrapnel wound"] : [])),
            events: [
                (86_400, .custodyMove(CustodyMove(facility: "Transit point \(1 + random.next(upTo: 3))", facilityType: .transit,
                                                  timeZone: "Europe/Kyiv")), registrar),
                (5 * 86_400, .custodyMove(CustodyMove(facility: "Camp \(1 + random.next(upTo: 4))", facilityType: .camp,
                                                      timeZone: "Europe/Kyiv", reason: "evacuation from the combat zone", section: "A")), registrar),
                // Art. 70: the card offered on arrival at the camp. The two prisoners of the Korean case
                // (in hospital, never offered one) stay overdue on the obligations dashboard.
                (5 * 86_400 + 7_200, .captureCard(CaptureCardEntry(action: .offered)), camp),
                (12 * 86_400, .medical(MedicalEntry(kind: .inspection, weightKg: Double(60 + random.next(upTo: 35)),
                                                    seriouslyIll: wounded && random.next(upTo: 2) == 0)), medic),
            ])
    }

    static func koreanPerson(_ random: inout SeededRandom, index: Int) -> Person {
        let surname = koreanSurnames[random.next(upTo: koreanSurnames.count)]
        let given = koreanGiven[random.next(upTo: koreanGiven.count)]
        return Person(registration: Registration(
            powerDependedOn: PowerAllegiance(power: "PRK", contested: true,
                                             rationale: "KPA soldier serving in a Russian unit; Power depended on under review"),
            forcesServedWith: "Armed Forces of the Russian Federation", unit: "Assault detachment (attached)",
            languages: ["ko"], sex: .male,
            claims: [ClaimDraft(surname: surname, firstNames: given, dateOfBirth: PartialDate(year: 1995 + random.next(upTo: 10)),
                                nationality: "PRK", source: .selfDeclared, confidence: .medium, isAssessed: true)],
            capturedAt: Date(), capture: Capture(place: "Kursk region")),
            events: [
                // Art. 22(3): Korean-speaking soldiers are held in their own compound, apart from Russian soldiers.
                (3 * 86_400, .custodyMove(CustodyMove(facility: "Camp \(1 + random.next(upTo: 4))", facilityType: .camp,
                                                      timeZone: "Europe/Kyiv", section: "B")), registrar),
                (3 * 86_400 + 7_200, .captureCard(CaptureCardEntry(action: .offered)), camp),
            ])
    }
}

/// A small deterministic generator (SplitMix64) so the demo is the same on every machine.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next(upTo bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }
}
