import Foundation
import Testing
@testable import BureauCore

/// The one redaction place and the tables it reads (issue 9).
@Suite struct NeedToKnowTests {
    @Test func everyGuardSentenceHasAClass() {
        #expect(Set(GuardCatalog.classes.keys) == Set(GuardCatalog.english.keys),
                "guard keys without a class: \(Set(GuardCatalog.english.keys).subtracting(GuardCatalog.classes.keys).sorted())")
        #expect(GuardCatalog.dataClass(of: "guard.99.new_point") == .will, "an unclassified guard is treated as the most restricted")
    }

    @Test func aRestrictedGuardLineKeepsItsPlaceButNotItsWords() {
        let results = [
            GuardResult.fail(2, "GC III Art. 12", .enforce, "guard.2.serious_risk", ["state": "PRK"]),
            GuardResult.pass(3, "GC III Art. 109(3)", .enforce, "guard.3.wishes_return", ["date": "2026-11-20"]),
            GuardResult.fail(7, "GC III Art. 66", .enforce, "guard.7.no_final_statement"),
        ]
        let liaison = NeedToKnow(.liaisonOfficer).redact(results)
        #expect(liaison.map(\.key) == ["guard.restricted", "guard.restricted", "guard.7.no_final_statement"])
        #expect(liaison.map(\.status) == [.failed, .passed, .failed])
        #expect(liaison.map(\.article) == results.map(\.article))
        #expect(liaison.allSatisfy { !$0.message.contains("PRK") && !$0.message.contains("2026-11-20") && $0.parameters.isEmpty })
        #expect(NeedToKnow(.approver).redact(results) == results)
        // Health readers see the medical line, not the risk one.
        let medical = GuardResult.fail(1, "GC III Art. 110(1)", .enforce, "guard.1.eligible_in_exchange")
        #expect(NeedToKnow(.medicalOfficer).redact([medical, results[0]]).map(\.key) == ["guard.1.eligible_in_exchange", "guard.restricted"])
    }

    @Test func recordsAreShownOnlyToTheirClassReaders() {
        let ri = DispositionDemo.ri.id
        let toThirdState = PartyRoleAssignment(partyID: DispositionDemo.rok.id, prisonerID: ri, role: .thirdState)
        let origin = PartyRoleAssignment(partyID: DispositionDemo.dprk.id, prisonerID: ri, role: .powerDependedOn)
        let parties = [DispositionDemo.rok, DispositionDemo.dprk, DispositionDemo.icrc]
        #expect(NeedToKnow(.liaisonOfficer).visible(parties, roles: [toThirdState, origin]).map(\.stateCode) == ["PRK", nil],
                "the third state he asked for is not named to a reader of core data")
        #expect(NeedToKnow(.legalOfficer).visible(parties, roles: [toThirdState, origin]).count == 3)
        #expect(NeedToKnow(.campOfficer).visible([toThirdState, origin]) == [origin])
    }

    @Test func riskIsReadByThoseWhoDecide() {
        let readers = Set(Role.allCases.filter { AccessPolicy.canRead($0, .risk) })
        #expect(readers == [.legalOfficer, .approver])
        #expect(AccessPolicy.roles(with: .readWill) == [.legalOfficer, .approver])
    }

    @Test func pagesOfferOnlyWhatTheWorkflowAllows() throws {
        let facts = DispositionDemo.petrovFacts()
        let (draft, _) = try DispositionWorkflow.open(id: DispositionDemo.id(710), prisonerID: DispositionDemo.petrov.id,
                                                      kind: .directMedicalRepatriation, route: Route(destination: "RUS"),
                                                      receivingPower: "RUS", by: DispositionDemo.liaison,
                                                      at: DispositionDemo.now, facts: facts)
        #expect(DispositionWorkflow.availableActions(draft, for: DispositionDemo.liaison) == [.submit, .withdraw])
        #expect(DispositionWorkflow.availableActions(draft, for: DispositionDemo.author) == [.submit, .withdraw])
        #expect(DispositionWorkflow.availableActions(draft, for: DispositionDemo.camp).isEmpty)
        let review = try DispositionWorkflow.transition(draft, to: .underLegalReview, by: DispositionDemo.liaison,
                                                        at: DispositionDemo.now, facts: facts).dispositionCase
        #expect(DispositionWorkflow.availableActions(review, for: DispositionDemo.approverA) == [.approve, .withdraw])
        let once = try DispositionWorkflow.transition(review, to: .approved(), by: DispositionDemo.approverA,
                                                      at: DispositionDemo.now, facts: facts).dispositionCase
        #expect(DispositionWorkflow.availableActions(once, for: DispositionDemo.approverA) == [.withdraw],
                "nobody approves twice")
        let approved = try DispositionWorkflow.transition(once, to: .approved(), by: DispositionDemo.approverB,
                                                          at: DispositionDemo.now, facts: facts).dispositionCase
        #expect(DispositionWorkflow.availableActions(approved, for: DispositionDemo.camp) == [.execute])
    }
}
