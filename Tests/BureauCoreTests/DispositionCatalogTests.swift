import Foundation
import Testing
@testable import BureauCore

/// Every guard result can be shown in the user's language: its key is in the catalogue and its
/// sentence has every placeholder filled.
@Suite struct DispositionCatalogTests {
    let now = DispositionDemo.now

    /// A spread of cases that makes most guards speak, passing and failing.
    func allResults() -> [GuardResult] {
        var results: [GuardResult] = []
        var ri = DispositionDemo.riFacts()
        ri.consultations = [Consultation(id: DispositionDemo.id(1), partyID: DispositionDemo.russia.id, direction: .outbound, kind: .note,
                                         date: now, channel: .letter, summary: "s", prisonerIDs: [DispositionDemo.ri.id],
                                         disclosesWill: true, recordedBy: "x", recordedAt: now)]
        var petrov = DispositionDemo.petrovFacts()
        petrov.conflict.protectingPowers = ["RUS": "Switzerland"]
        var waived = DispositionCase(id: DispositionDemo.id(2), prisonerID: DispositionDemo.ri.id, kind: .thirdStateTransfer,
                                     route: Route(destination: "KOR", transit: ["CHN"]), receivingPower: "KOR",
                                     author: "lo", createdAt: now)
        waived.waivers = [.init(right: "Art. 118", reason: "r", recordedBy: "lo", recordedAt: now)]
        let kinds: [(DispositionCase.Kind, Route?, String?)] = [
            (.exchange, Route(destination: "PRK", transit: ["RUS"]), "RUS"),
            (.directMedicalRepatriation, Route(destination: "RUS"), "RUS"),
            (.neutralAccommodation, Route(destination: "CHE"), "CHE"),
            (.thirdStateTransfer, Route(destination: "KOR"), "KOR"),
            (.releaseEndOfHostilities, Route(destination: "PRK"), "PRK"),
            (.releaseOther, nil, nil),
        ]
        for facts in [ri, petrov, DispositionDemo.exchangeable(50, capturedAt: DispositionDemo.capture, seriouslyIll: true)] {
            for (kind, route, receiving) in kinds {
                let c = DispositionCase(id: DispositionDemo.id(3), prisonerID: facts.prisoner.id, kind: kind, route: route,
                                        receivingPower: receiving, exchangeID: kind == .exchange ? DispositionDemo.id(4) : nil,
                                        author: "lo", createdAt: now)
                results += LegalGuards.evaluate(c, facts: facts, at: now, stage: .execution)
                var after = facts
                after.conflict.cessationOfHostilities = DispositionDemo.date("2026-05-01")
                results += LegalGuards.evaluate(c, facts: after, at: now)
            }
        }
        results += LegalGuards.evaluate(waived, facts: ri, at: now)
        return results
    }

    @Test func everyKeyIsCataloguedAndEverySentenceComplete() {
        let results = allResults()
        #expect(results.count > 100)
        for result in results {
            #expect(GuardCatalog.english[result.key] != nil, "missing from the catalogue: \(result.key)")
            #expect(!result.message.contains("{"), "unfilled placeholder in \(result.key): \(result.message)")
            #expect(result.key.hasPrefix("guard.\(result.guardNumber)."))
        }
        let numbers = Set(results.map(\.guardNumber))
        #expect(numbers == [1, 2, 3, 4, 5, 7, 9, 11, 12])
    }
}
