import BureauCore
import BureauStore
@testable import BureauWeb
import Foundation
import NameMatching
import Testing

extension WebSuite {
    /// A prisoner's unit counts as evidence when the live index ranks him, whether his record was there
    /// when the index loaded or registered after (units are kept by the key's prisoner part).
    @Suite struct LiveIndexUnitTests {
        func register(_ bureau: TestBureau, surname: String, unit: String) async throws {
            let claim = ClaimDraft(surname: surname, firstNames: "Олег", dateOfBirth: PartialDate(year: 1990),
                                   source: .document, isAssessed: true)
            let registration = Registration(powerDependedOn: PowerAllegiance(power: "RUS"), unit: unit, languages: [],
                                            claims: [claim], capturedAt: Date(timeIntervalSince1970: 1_736_400_000),
                                            capture: Capture(place: "front"))
            _ = try await bureau.services.registry.register(registration, by: Principal(username: "registrar", role: .registrar))
        }

        @Test func theUnitIsEvidenceBeforeAndAfterTheIndexLoads() async throws {
            try await withBureau { bureau in
                try await register(bureau, surname: "Петренко", unit: "3rd Rifle Brigade")
                let names = bureau.services.context.names
                try await names.ensureLoaded(from: bureau.app.db)
                try await register(bureau, surname: "Коваленко", unit: "5th Tank Regiment")
                for (surname, unit) in [("Петренко", "3rd Rifle Brigade"), ("Коваленко", "5th Tank Regiment")] {
                    let same = names.search("\(surname) Олег", evidence: MatchEvidence(unit: unit), top: 3)
                    #expect(same.first?.notes.contains("same unit") == true, "\(surname): \(same.first?.notes ?? [])")
                    let other = names.search("\(surname) Олег", evidence: MatchEvidence(unit: "1st Guards"), top: 3)
                    #expect(other.first?.notes.contains("same unit") == false, "\(surname)")
                }
            }
        }
    }
}
