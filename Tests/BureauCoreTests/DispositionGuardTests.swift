import Foundation
import Testing
@testable import BureauCore

/// Each legal guard of gc3.md §7 on the point an officer would notice.
@Suite struct DispositionGuardTests {
    let now = DispositionDemo.now

    func draft(_ kind: DispositionCase.Kind, _ prisoner: Prisoner, route: Route?, receiving: String?,
               exchangeID: UUID? = nil) -> DispositionCase {
        DispositionCase(id: DispositionDemo.id(650), prisonerID: prisoner.id, kind: kind, route: route, receivingPower: receiving,
                        exchangeID: exchangeID, author: "lo", createdAt: now)
    }

    func failing(_ c: DispositionCase, _ facts: DispositionFacts, at time: Date? = nil) -> Set<String> {
        DispositionDemo.keys(LegalGuards.evaluate(c, facts: facts, at: time ?? now))
    }

    // Guard 2

    // guard: 2
    @Test func noDepartureWithoutAWillStatement() {
        var facts = DispositionDemo.petrovFacts()
        facts.willStatements = []
        let c = draft(.directMedicalRepatriation, DispositionDemo.petrov, route: Route(destination: "RUS"), receiving: "RUS")
        let results = LegalGuards.evaluate(c, facts: facts, at: now)
        let missing = results.first { $0.key == "guard.2.no_will_statement" }
        #expect(missing?.severity == .enforce)
        #expect(missing?.remediable == true)
        #expect(missing?.article.contains("109(3)") == true)
        #expect(missing?.message.contains("interpreter") == true)
    }

    // guard: 2
    @Test func anOldWillStatementIsNotCurrent() {
        let facts = DispositionDemo.petrovFacts()
        let c = draft(.directMedicalRepatriation, DispositionDemo.petrov, route: Route(destination: "RUS"), receiving: "RUS")
        #expect(failing(c, facts, at: DispositionDemo.date("2026-10-01")).contains("guard.2.will_statement_stale"))
    }

    // guard: 2
    @Test func theRiskAssessmentMustCoverEveryTransitState() {
        var facts = DispositionDemo.riFacts()
        facts.riskAssessments = [DispositionDemo.risk(DispositionDemo.ri, Route(destination: "KOR"), .noSeriousRisk, n: 1)]
        let viaChina = draft(.thirdStateTransfer, DispositionDemo.ri, route: Route(destination: "KOR", transit: ["CHN"]), receiving: "KOR")
        let keys = failing(viaChina, facts)
        #expect(keys.contains("guard.2.transit_not_assessed"))
        #expect(LegalGuards.evaluate(viaChina, facts: facts, at: now).first { $0.key == "guard.2.transit_not_assessed" }?
            .message.contains("CHN") == true)
        facts.riskAssessments = []
        #expect(failing(viaChina, facts).contains("guard.2.no_risk_assessment"))
    }

    // guard: 2
    @Test func anInconclusiveOrUnreviewedAssessmentDoesNotClearTheRoute() {
        var facts = DispositionDemo.riFacts()
        let route = Route(destination: "KOR")
        let c = draft(.thirdStateTransfer, DispositionDemo.ri, route: route, receiving: "KOR")
        facts.riskAssessments = [DispositionDemo.risk(DispositionDemo.ri, route, .inconclusive, n: 1)]
        #expect(failing(c, facts).contains("guard.2.risk_inconclusive"))
        facts.riskAssessments = [DispositionDemo.risk(DispositionDemo.ri, route, .noSeriousRisk, n: 1, reviewer: nil)]
        #expect(failing(c, facts).contains("guard.2.risk_not_reviewed"))
        var partial = DispositionDemo.risk(DispositionDemo.ri, route, .noSeriousRisk, n: 1)
        partial.risksConsidered = [.death, .torture]
        facts.riskAssessments = [partial]
        #expect(failing(c, facts).contains("guard.2.risks_not_considered"))
    }

    // guard: 2
    @Test func aDocumentedSeriousRiskBlocksTheRouteAndCannotBeOverridden() throws {
        let facts = DispositionDemo.riFacts()
        // Even a transfer to the ROK is blocked if it goes through the DPRK.
        let viaPyongyang = draft(.thirdStateTransfer, DispositionDemo.ri, route: Route(destination: "KOR", transit: ["PRK"]),
                                 receiving: "KOR")
        let risk = try #require(LegalGuards.evaluate(viaPyongyang, facts: facts, at: now).first { $0.key == "guard.2.serious_risk" })
        #expect(risk.severity == .enforce)
        #expect(!risk.remediable)
        #expect(risk.message.contains("PRK"))
    }

    // guard: 2
    @Test func noReturnAgainstHisWillWhereRiskIsDocumentedWhateverTheAgreementSays() {
        var facts = DispositionDemo.riFacts()
        facts.exchangeAgreement = ExchangeAgreement(id: DispositionDemo.id(1), reference: "RUS–UKR exchange of 5 Feb 2026",
                                                    clauses: [.init(reference: "§2", text: "All listed persons are exchanged")])
        let home = draft(.releaseEndOfHostilities, DispositionDemo.ri, route: Route(destination: "PRK", transit: ["RUS"]), receiving: "RUS")
        let keys = failing(home, facts)
        #expect(keys.contains("guard.2.return_against_will"))
        #expect(keys.contains("guard.2.serious_risk"))
    }

    // guard: 2
    @Test func aRouteOtherThanTheOneHeAskedForWarns() {
        var facts = DispositionDemo.petrovFacts()
        facts.willStatements = [DispositionDemo.will(DispositionDemo.petrov, .stay, n: 1)]
        let c = draft(.releaseEndOfHostilities, DispositionDemo.petrov, route: Route(destination: "RUS"), receiving: "RUS")
        let result = LegalGuards.evaluate(c, facts: facts, at: now).first { $0.key == "guard.2.against_expressed_will" }
        #expect(result?.severity == .warn)
        #expect(result?.blocks == true)
    }

    // guard: 2
    @Test func article12IsRequiredForAnyTransferToAnotherPower() {
        let facts = DispositionDemo.riFacts()
        // An exchange hands the DPRK soldier to Russia: not, beyond dispute, his own Power.
        let toRussia = draft(.releaseEndOfHostilities, DispositionDemo.ri, route: Route(destination: "RUS"), receiving: "RUS")
        #expect(failing(toRussia, facts).contains("guard.2.no_article12_assessment"))
        var refused = facts
        refused.article12Assessments = [DispositionDemo.article12(DispositionDemo.ri, "KOR", n: 1, satisfied: false)]
        let toROK = draft(.thirdStateTransfer, DispositionDemo.ri, route: Route(destination: "KOR"), receiving: "KOR")
        #expect(failing(toROK, refused).contains("guard.2.article12_not_satisfied"))
        // His own undisputed Power needs no Art. 12 assessment.
        let petrov = draft(.directMedicalRepatriation, DispositionDemo.petrov, route: Route(destination: "RUS"), receiving: "RUS")
        #expect(!LegalGuards.evaluate(petrov, facts: DispositionDemo.petrovFacts(), at: now).contains { $0.article == "GC III Art. 12" })
    }

    // guard: 2
    @Test func withoutAPrivateICRCConfirmationAWarningRemains() {
        var facts = DispositionDemo.petrovFacts()
        facts.willStatements = [DispositionDemo.will(DispositionDemo.petrov, .returnHome, n: 1, privateInterview: false)]
        let c = draft(.directMedicalRepatriation, DispositionDemo.petrov, route: Route(destination: "RUS"), receiving: "RUS")
        let result = LegalGuards.evaluate(c, facts: facts, at: now).first { $0.key == "guard.2.no_private_confirmation" }
        #expect(result?.severity == .warn)
    }

    // Guard 1

    // guard: 1
    @Test func aSeriouslyWoundedPrisonerNotYetAssessedWarnsBeforeAnExchange() {
        let facts = DispositionDemo.exchangeable(40, capturedAt: DispositionDemo.capture, seriouslyIll: true)
        let results = LegalGuards.exchangeEligibility(facts: facts, at: now)
        #expect(results.map(\.key) == ["guard.1.eligibility_not_assessed"])
        #expect(results.first?.severity == .warn)
    }

    // Guard 3

    // guard: 3
    @Test func noMedicalRepatriationAgainstHisWillDuringHostilities() {
        var facts = DispositionDemo.petrovFacts()
        facts.willStatements = [DispositionDemo.will(DispositionDemo.petrov, .stay, n: 1)]
        let c = draft(.directMedicalRepatriation, DispositionDemo.petrov, route: Route(destination: "RUS"), receiving: "RUS")
        let result = LegalGuards.medicalRepatriationWill(c, facts: facts, at: now).first { $0.key == "guard.3.against_will" }
        #expect(result?.severity == .enforce)
        #expect(result?.article == "GC III Arts. 109(3), 110")
        facts.medicalEligibility = []
        #expect(failing(c, facts).contains("guard.3.not_eligible"))
    }

    // guard: 3
    @Test func neutralAccommodationNeedsCommissionDecisionB() {
        let facts = DispositionDemo.petrovFacts()
        let c = draft(.neutralAccommodation, DispositionDemo.petrov, route: Route(destination: "CHE"), receiving: "CHE")
        #expect(failing(c, facts).contains("guard.3.not_eligible_neutral"))
    }

    // Guard 4

    // guard: 4
    @Test func anAgreementClauseWorseningPrisonersPositionIsFlagged() {
        var facts = DispositionDemo.exchangeable(41, capturedAt: DispositionDemo.capture)
        facts.exchangeAgreement = ExchangeAgreement(
            id: DispositionDemo.id(1), reference: "draft 3",
            clauses: [.init(reference: "§7", text: "Persons listed waive any claim to remain", adverseToPrisoners: true)])
        let c = draft(.exchange, facts.prisoner, route: Route(destination: "RUS"), receiving: "RUS", exchangeID: DispositionDemo.id(500))
        let result = LegalGuards.noWaiverOfRights(c, facts: facts).first
        #expect(result?.key == "guard.4.adverse_agreement_clause")
        #expect(result?.message.contains("§7") == true)
    }

    // Guard 5

    // guard: 5
    @Test func anInterpreterFromAnInterestedStateIsFlagged() {
        var facts = DispositionDemo.riFacts()
        var statement = DispositionDemo.will(DispositionDemo.ri, .thirdState("KOR"), n: 1,
                                  interpreter: .init(name: "J. Choi", affiliation: "NIS", affiliationState: "KOR"))
        facts.willStatements = [statement]
        let c = draft(.thirdStateTransfer, DispositionDemo.ri, route: Route(destination: "KOR"), receiving: "KOR")
        #expect(failing(c, facts).contains("guard.5.interested_interpreter"))
        statement.interpreter = DispositionDemo.independentInterpreter
        statement.interpreterEmployedByInterestedState = true
        facts.willStatements = [statement]
        #expect(failing(c, facts).contains("guard.5.interested_interpreter"))
    }

    // guard: 5
    @Test func aWillTakenInALanguageHeDoesNotUnderstandFails() {
        var facts = DispositionDemo.riFacts()
        facts.willStatements = [DispositionDemo.will(DispositionDemo.ri, .thirdState("KOR"), n: 1, language: "ru")]
        let c = draft(.thirdStateTransfer, DispositionDemo.ri, route: Route(destination: "KOR"), receiving: "KOR")
        #expect(failing(c, facts).contains("guard.5.language_not_understood"))
    }

    // Guard 9

    // guard: 9
    @Test func identityWarningsForMissingFalseDocumentsAndContestedPower() {
        let c = draft(.thirdStateTransfer, DispositionDemo.ri, route: Route(destination: "KOR"), receiving: "KOR")
        let results = LegalGuards.identityWarnings(c, facts: DispositionDemo.riFacts())
        #expect(Set(results.blocking.map(\.key)) == ["guard.9.no_identity_document", "guard.9.false_document",
                                                     "guard.9.contested_power"])
        #expect(results.allSatisfy { $0.severity == .warn })
        #expect(results.contains { $0.key == "guard.9.routed_via_cta" && $0.passed })
    }

    // Guard 11

    // guard: 11
    @Test func afterTheCeasefireNobodyIsTraded() throws {
        var facts = DispositionDemo.exchangeable(42, capturedAt: DispositionDemo.capture)
        facts.conflict.cessationOfHostilities = DispositionDemo.date("2026-05-25")
        let c = draft(.exchange, facts.prisoner, route: Route(destination: "RUS"), receiving: "RUS", exchangeID: DispositionDemo.id(500))
        let result = try #require(LegalGuards.evaluate(c, facts: facts, at: now).first { $0.guardNumber == 11 })
        #expect(result.key == "guard.11.exchange_after_cessation")
        #expect(!result.remediable)
    }

    // guard: 11
    @Test func theRepatriationPlanShowsWhoIsDelayed() throws {
        let cessation = DispositionDemo.date("2026-05-25")
        var ri = DispositionDemo.riFacts(), petrov = DispositionDemo.petrovFacts(), other = DispositionDemo.exchangeable(43, capturedAt: DispositionDemo.capture)
        var held = DispositionDemo.exchangeable(44, capturedAt: DispositionDemo.capture)
        ri.conflict.cessationOfHostilities = cessation
        petrov.conflict.cessationOfHostilities = cessation
        other.conflict.cessationOfHostilities = cessation
        held.conflict.cessationOfHostilities = cessation
        let cases = [
            draft(.thirdStateTransfer, DispositionDemo.ri, route: Route(destination: "KOR"), receiving: "KOR"),
            DispositionCase(id: DispositionDemo.id(651), prisonerID: DispositionDemo.petrov.id, kind: .releaseEndOfHostilities,
                            route: Route(destination: "RUS"), receivingPower: "RUS", author: "lo", createdAt: now),
        ]
        let plan = try #require(RepatriationPlan.audit([ri, petrov, other, held], cases: cases, holds: [held.prisoner.id], at: now))
        #expect(plan.map(\.result.key) == ["guard.11.non_return_recorded", "guard.11.repatriation_plan",
                                           "guard.11.not_on_plan", "guard.11.held_art119_5"])
        #expect(plan[2].standing == .delayed(days: 7))
        #expect(RepatriationPlan.audit([DispositionDemo.riFacts()], cases: [], holds: [], at: now) == nil, "hostilities continue")
    }

    // guard: 2
    @Test func anExpiredAssessmentMustBeRedoneButASeriousRiskNeverLapses() {
        var facts = DispositionDemo.riFacts()
        for index in facts.riskAssessments.indices {
            facts.riskAssessments[index].reviewDate = DispositionDemo.date("2026-05-20")
        }
        let toROK = draft(.thirdStateTransfer, DispositionDemo.ri, route: Route(destination: "KOR"), receiving: "KOR")
        #expect(failing(toROK, facts).contains("guard.2.risk_assessment_expired"))
        // The DPRK finding is past its review date, yet it still blocks every route through the DPRK.
        let home = draft(.releaseEndOfHostilities, DispositionDemo.ri, route: Route(destination: "PRK", transit: ["RUS"]),
                         receiving: "RUS")
        #expect(failing(home, facts).isSuperset(of: ["guard.2.serious_risk", "guard.2.return_against_will"]))
        // Only a superseding assessment lifts it.
        var lifted = facts
        lifted.riskAssessments.append(RiskAssessment(
            id: DispositionDemo.id(119), prisonerID: DispositionDemo.ri.id, route: Route(destination: "PRK", transit: ["RUS"]),
            risksConsidered: Set(RiskAssessment.Risk.allCases), sources: ["new evidence"], outcome: .noSeriousRisk,
            assessor: "lo.kovalenko", reviewer: "lo.hrytsenko", assessedAt: now, supersedes: DispositionDemo.id(111)))
        #expect(!failing(home, lifted).contains("guard.2.serious_risk"))
    }

    // guard: 5
    @Test func aRegionalLanguageTagCountsAsHisLanguage() {
        var facts = DispositionDemo.riFacts()
        facts.willStatements = [DispositionDemo.will(DispositionDemo.ri, .thirdState("KOR"), n: 1, language: "ko-KP")]
        let c = draft(.thirdStateTransfer, DispositionDemo.ri, route: Route(destination: "KOR"), receiving: "KOR")
        #expect(!failing(c, facts).contains("guard.5.language_not_understood"))
    }
}
