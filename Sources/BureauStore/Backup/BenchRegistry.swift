import BureauCore
import Fluent
import Foundation

/// A large synthetic registry written in bulk for `bureau bench backup`: prisoners with one claim and a
/// capture event each, every tenth with a sealed interview, in transactions of 1,000 rows — the rows the
/// real write path produces, without its per-registration audit entry (the bench adds a synthetic log).
public enum BenchRegistry {
    public static func fill(prisoners: Int, on db: any Database, cipher: FieldCipher) async throws {
        let captured = Date(timeIntervalSince1970: 1_736_400_000)
        let now = Date()
        let surnames = ["Петренко", "Коваленко", "Шевченко", "Бондаренко", "Ткаченко", "Кравченко", "Олійник", "Мельник"]
        let given = ["Олег", "Іван", "Петро", "Андрій", "Сергій", "Микола", "Василь", "Юрій"]
        for start in stride(from: 0, to: prisoners, by: 1000) {
            try await db.transaction { tx in
                for n in start..<min(start + 1000, prisoners) {
                    let id = UUID()
                    let prisoner = Prisoner(id: id, internmentNumber: String(format: "BENCH-%07d", n),
                                            powerDependedOn: PowerAllegiance(power: "RUS"), languages: ["ru"],
                                            registeredAt: now, registeredBy: "bench.registrar")
                    let model = PrisonerModel(prisoner)
                    model.capturedAt = captured
                    try await model.create(on: tx)
                    let draft = ClaimDraft(surname: surnames[n % 8] + "\(n)", firstNames: given[(n / 8) % 8],
                                           dateOfBirth: PartialDate(year: 1970 + n % 30), source: .document, isAssessed: true)
                    try await ClaimModel(draft.claim(id: UUID(), prisonerID: id, by: "bench.registrar", at: now)).create(on: tx)
                    let capture = TimelineEvent(id: UUID(), prisonerID: id, occurredAt: captured, recordedAt: now,
                                                recordedBy: "bench.registrar", payload: .capture(Capture(place: "front")))
                    try await EventStorage.model(for: capture, cipher: cipher).create(on: tx)
                    if n % 10 == 0 {
                        let interview = TimelineEvent(id: UUID(), prisonerID: id, occurredAt: captured, recordedAt: now,
                                                      recordedBy: "bench.investigator",
                                                      payload: .interview(Interview(purpose: .intake, language: "uk", mode: .oral,
                                                                                    noCoercionAttested: true,
                                                                                    content: "interview \(n): unit, route and health as stated")))
                        try await EventStorage.model(for: interview, cipher: cipher).create(on: tx)
                    }
                }
            }
        }
    }
}
