import Foundation
import Testing
@testable import BureauCore

/// Exchange negotiations: proposals by rule, exclusions with reasons, totals, reconciliation.
@Suite struct DispositionExchangeTests {
    let now = DispositionDemo.now

    func negotiation() -> ExchangeNegotiation {
        ExchangeNegotiation(id: DispositionDemo.id(500), counterpart: "rus", createdBy: "li.bondar", createdAt: now)
    }

    @Test func candidatesComeSeriouslyWoundedFirstThenLongestHeld() {
        let recent = DispositionDemo.exchangeable(30, capturedAt: DispositionDemo.date("2026-02-01"))
        let early = DispositionDemo.exchangeable(31, capturedAt: DispositionDemo.date("2025-02-01"))
        let wounded = DispositionDemo.exchangeable(32, capturedAt: DispositionDemo.date("2026-03-01"), seriouslyIll: true)
        let proposal = negotiation().propose(from: [recent, early, wounded, DispositionDemo.riFacts(), DispositionDemo.petrovFacts()], at: now)
        #expect(proposal.proposed.map(\.prisonerID) == [wounded.prisoner.id, early.prisoner.id, recent.prisoner.id])
        #expect(proposal.proposed.first?.category == .seriouslyWoundedOrSick)
        // The wounded man is proposed, but his Art. 110 examination is flagged before he can go.
        #expect(proposal.proposed.first?.warnings.map(\.key) == ["guard.1.eligibility_not_assessed"])
        #expect(Set(proposal.excluded.map(\.prisonerID)) == [DispositionDemo.ri.id, DispositionDemo.petrov.id])

        let limited = negotiation().propose(from: [recent, early, wounded],
                                            rule: ProposalRule(seriouslyWoundedFirst: false, limit: 2), at: now)
        #expect(limited.proposed.map(\.prisonerID) == [early.prisoner.id, recent.prisoner.id])
    }

    @Test func aPrisonerStillMissingRecordsIsExcludedButNotBarred() throws {
        var unheard = DispositionDemo.exchangeable(33, capturedAt: DispositionDemo.capture)
        unheard.willStatements = []
        let proposal = negotiation().propose(from: [unheard], at: now)
        let exclusion = try #require(proposal.excluded.first)
        #expect(exclusion.reasons.map(\.key) == ["guard.2.no_will_statement"])
        #expect(!exclusion.barred, "hear him, and he may be proposed")
    }

    @Test func theRouteHomeRunsThroughTheCounterpart() {
        let exchange = negotiation()
        #expect(exchange.route(for: DispositionDemo.riFacts()) == Route(destination: "PRK", transit: ["RUS"]))
        #expect(exchange.route(for: DispositionDemo.petrovFacts()) == Route(destination: "RUS"))
    }

    @Test func totalsAndRatioPerCategory() throws {
        var exchange = negotiation()
        exchange.counterpartList = [
            CounterpartEntry(id: DispositionDemo.id(1), line: 2, direction: .offered, name: "Коваль Олег", category: .otherRank),
            CounterpartEntry(id: DispositionDemo.id(2), line: 3, direction: .offered, name: "Мельник Іван", category: .otherRank),
            CounterpartEntry(id: DispositionDemo.id(3), line: 4, direction: .offered, name: "Бойко Андрій", category: .officer),
            CounterpartEntry(id: DispositionDemo.id(4), line: 5, direction: .requested, name: "Смирнов", category: .otherRank),
        ]
        for n in 34...35 {
            exchange = try exchange.adding(DispositionDemo.exchangeable(n, capturedAt: DispositionDemo.capture), category: .otherRank,
                                           by: DispositionDemo.liaison, at: now)
        }
        let totals = exchange.totals
        #expect(totals.ours == [.otherRank: 2])
        #expect(totals.theirs == [.otherRank: 2, .officer: 1])
        #expect(totals.ratio(.otherRank) == 1.0)
        #expect(totals.ratio(.officer) == 0.0)
        #expect(totals.ratio == 2.0 / 3.0)
        let again = DispositionDemo.refusal { () throws(TransitionRefusal) in
            try exchange.adding(DispositionDemo.exchangeable(34, capturedAt: DispositionDemo.capture), category: .otherRank,
                                by: DispositionDemo.liaison, at: now)
        }
        #expect(again?.codes == ["already_listed"])
    }

    @Test func aReviewerConfirmsOneOfTheCandidatesOrNone() throws {
        let review = CounterpartMatchReview(entryID: DispositionDemo.id(1), candidates: [
            MatchCandidate(prisonerID: DispositionDemo.petrov.id, score: 0.4, explanation: "surname differs by one letter"),
            MatchCandidate(prisonerID: DispositionDemo.ri.id, score: 0.9, explanation: "리 = Ри"),
        ])
        #expect(review.candidates.first?.prisonerID == DispositionDemo.ri.id, "ranked by score")
        let stranger = DispositionDemo.domainError { () throws(DomainError) in
            try review.confirmed(DispositionDemo.id(77), by: "rv", at: now)
        }
        #expect(stranger?.code == "not_a_candidate")
        let none = try review.confirmed(nil, by: "rv.oliinyk", at: now)
        #expect(none.isReviewed && none.confirmedPrisonerID == nil)
        #expect(DispositionDemo.domainError { () throws(DomainError) in try none.confirmed(DispositionDemo.ri.id, by: "rv", at: now) }?.code
            == "already_reviewed")
    }

    @Test func reconciliationAccountsForEveryoneOnTheList() throws {
        var exchange = negotiation()
        let crossing = DispositionDemo.exchangeable(36, capturedAt: DispositionDemo.capture)
        let staying = DispositionDemo.exchangeable(37, capturedAt: DispositionDemo.capture)
        exchange = try exchange.adding(crossing, category: .otherRank, caseID: DispositionDemo.id(636), by: DispositionDemo.liaison, at: now)
        exchange = try exchange.adding(staying, category: .otherRank, caseID: DispositionDemo.id(637), by: DispositionDemo.liaison, at: now)
        var crossedCase = exchange.candidateCase(for: crossing, caseID: DispositionDemo.id(636), author: "lo", at: now)
        let facts = [crossing.prisoner.id: crossing, staying.prisoner.id: staying]
        let outcomes: [UUID: ReconciliationEntry.Outcome] = [
            crossing.prisoner.id: .crossed(at: now),
            staying.prisoner.id: .didNotCross(.declinedAtCrossing, note: "Refused to board at the crossing"),
        ]
        // Nobody "crossed" whose case was never executed through the guards.
        let unexecuted = DispositionDemo.domainError { () throws(DomainError) in
            try exchange.reconciled(outcomes, cases: [crossedCase], factsByPrisoner: facts, by: DispositionDemo.camp, at: now)
        }
        #expect(unexecuted?.code == "crossed_without_executed_case")
        // Everyone on the list needs an outcome.
        let partial = DispositionDemo.domainError { () throws(DomainError) in
            try exchange.reconciled([staying.prisoner.id: .didNotCross(.logistics, note: nil)], cases: [], factsByPrisoner: facts,
                                    by: DispositionDemo.camp, at: now)
        }
        #expect(partial?.code == "outcome_missing")

        crossedCase.state = .executed
        let (done, notices) = try exchange.reconciled(outcomes, cases: [crossedCase], factsByPrisoner: facts,
                                                      by: DispositionDemo.camp, at: now)
        #expect(done.crossed == [crossing.prisoner.id])
        #expect(done.didNotCross == [staying.prisoner.id])
        // He remains in custody: the CTA is told, never why (his refusal is as restricted as his will).
        #expect(notices.count == 1)
        #expect(notices.first?.kind == .remainsInCustody)
        #expect(notices.first?.prisonerID == staying.prisoner.id)
        #expect(notices.first?.destination == nil)
        let twice = DispositionDemo.domainError { () throws(DomainError) in
            try done.reconciled(outcomes, cases: [crossedCase], factsByPrisoner: facts, by: DispositionDemo.camp, at: now)
        }
        #expect(twice?.code == "already_reconciled")
    }

    @Test func anOtherReasonNeedsANote() throws {
        let exchange = try negotiation().adding(DispositionDemo.exchangeable(38, capturedAt: DispositionDemo.capture), category: .otherRank,
                                                by: DispositionDemo.liaison, at: now)
        let error = DispositionDemo.domainError { () throws(DomainError) in
            try exchange.reconciled([DispositionDemo.id(38): .didNotCross(.other, note: nil)], cases: [], factsByPrisoner: [:],
                                    by: DispositionDemo.camp, at: now)
        }
        #expect(error?.code == "reason_required")
    }

    @Test func someoneFoundEligibleAfterListingMustComeOff() throws {
        var listed = DispositionDemo.exchangeable(39, capturedAt: DispositionDemo.capture, seriouslyIll: true)
        var exchange = try negotiation().adding(listed, category: .seriouslyWoundedOrSick, by: DispositionDemo.liaison, at: now)
        #expect(exchange.listReview([listed], at: now).isEmpty)
        // The Mixed Medical Commission now decides A: he is owed repatriation, not a place in the trade.
        listed.medicalEligibility.append(MedicalRepatriationEligibility(
            id: DispositionDemo.id(394), prisonerID: listed.prisoner.id, category: .noRecoveryWithinYear,
            commissionDecision: .a, decidedAt: now, decidedBy: "MMC 2", supersedes: DispositionDemo.id(393)))
        let review = exchange.listReview([listed], at: now)
        #expect(review.first?.reasons.map(\.key) == ["guard.1.eligible_in_exchange"])
        #expect(DispositionDemo.domainError { () throws(DomainError) in
            try exchange.removing(listed.prisoner.id, reason: "", by: DispositionDemo.liaison) }?.code == "reason_required")
        exchange = try exchange.removing(listed.prisoner.id, reason: "MMC decision A of 1 June", by: DispositionDemo.liaison)
        #expect(exchange.totals.ourTotal == 0)
    }
}
