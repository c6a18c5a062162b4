import Foundation
import Testing
@testable import BureauCore

/// Issue 5, "Done when": two prisoners, one asking for a third state with a documented risk at home,
/// the other seriously wounded and repatriated without any exchange.
@Suite struct DispositionStoryTests {
    let now = DispositionDemo.now

    @Test func theDemoCaseEndToEnd() throws {
        var ri = DispositionDemo.riFacts()
        let petrov = DispositionDemo.petrovFacts()

        // 1. Russia proposes an exchange and asks for Ri by name; a reviewer confirms the match.
        let entry = CounterpartEntry(id: DispositionDemo.id(501), line: 2, direction: .requested, name: "Ри Ён Чоль")
        var exchange = ExchangeNegotiation(id: DispositionDemo.id(500), counterpart: "RUS",
                                           counterpartList: [entry,
                                                             CounterpartEntry(id: DispositionDemo.id(502), line: 3, direction: .offered,
                                                                              name: "Іваненко Петро")],
                                           createdBy: DispositionDemo.liaison.userID, createdAt: now)
        let review = try CounterpartMatchReview(
            entryID: entry.id, candidates: [MatchCandidate(prisonerID: DispositionDemo.ri.id, score: 0.91,
                                                           explanation: "surname 리 ~ Ри; given name matches")])
            .confirmed(DispositionDemo.ri.id, by: "rv.oliinyk", at: now)
        exchange.matchReviews = [review]

        // 2. The rule proposes nobody: both are excluded, each with his reasons.
        let proposal = exchange.propose(from: [ri, petrov], at: now)
        #expect(proposal.proposed.isEmpty)
        let riExclusion = try #require(proposal.excluded.first { $0.prisonerID == DispositionDemo.ri.id })
        #expect(riExclusion.requestedByCounterpart)
        #expect(riExclusion.barred)
        #expect(Set(riExclusion.reasons.map(\.key)).isSuperset(of: ["guard.2.serious_risk", "guard.2.return_against_will"]))
        let petrovExclusion = try #require(proposal.excluded.first { $0.prisonerID == DispositionDemo.petrov.id })
        #expect(petrovExclusion.reasons.map(\.key) == ["guard.1.eligible_in_exchange"])
        #expect(petrovExclusion.barred)

        // 3. Neither can be put on the list by hand, nor counted.
        let riAdd = try #require(DispositionDemo.refusal { () throws(TransitionRefusal) in
            try exchange.adding(ri, category: .otherRank, by: DispositionDemo.liaison, at: now) })
        #expect(riAdd.codes.contains("guard.2.serious_risk"))
        #expect(riAdd.blockingGuards.allSatisfy { $0.article.contains("refoulement") || $0.article.contains("Art. 12") })
        let petrovAdd = try #require(DispositionDemo.refusal { () throws(TransitionRefusal) in
            try exchange.adding(petrov, category: .seriouslyWoundedOrSick, by: DispositionDemo.liaison, at: now) })
        #expect(petrovAdd.codes == ["guard.1.eligible_in_exchange"])
        #expect(exchange.totals.ourTotal == 0)

        // 4. Ri's third-state transfer to the ROK.
        var (transfer, opened) = try DispositionWorkflow.open(
            id: DispositionDemo.id(600), prisonerID: DispositionDemo.ri.id, kind: .thirdStateTransfer, route: Route(destination: "KOR"),
            receivingPower: "KOR", by: DispositionDemo.author, at: now, facts: ri)
        #expect(DispositionDemo.keys(opened).contains("guard.2.no_article12_assessment"))
        transfer = try DispositionWorkflow.transition(transfer, to: .underLegalReview, by: DispositionDemo.author, at: now,
                                                      facts: ri).dispositionCase
        #expect(transfer.state == .underLegalReview)

        // The identity warnings (a third-party Russian ID, a contested Power) are accepted with reasons,
        // each confirmed by a second approver.
        for (key, reason) in [("guard.9.no_identity_document", "ROK issues travel documents on arrival"),
                              ("guard.9.false_document", "Assessed identity sent to the ROK; the Russian ID stays in evidence"),
                              ("guard.9.contested_power", "Neither candidate Power receives him; the ROK does")] {
            transfer = try DispositionWorkflow.requestOverride(transfer, key: key, reason: reason, by: DispositionDemo.author,
                                                               at: now, facts: ri)
            transfer = try DispositionWorkflow.confirmOverride(transfer, key: key, by: DispositionDemo.approverA, at: now)
        }

        // Without the Art. 12 assessment, approval is refused, and the only reason left is Art. 12.
        let early = try #require(DispositionDemo.refusal { () throws(TransitionRefusal) in
            try DispositionWorkflow.transition(transfer, to: .approved(), by: DispositionDemo.approverA, at: now, facts: ri) })
        #expect(early.codes == ["guard.2.no_article12_assessment"])
        #expect(early.blockingGuards.first?.article == "GC III Art. 12")

        ri.article12Assessments = [DispositionDemo.article12(DispositionDemo.ri, "KOR", n: 131)]
        let first = try DispositionWorkflow.transition(transfer, to: .approved(note: "Art. 12 satisfied"),
                                                       by: DispositionDemo.approverA, at: now, facts: ri)
        transfer = first.dispositionCase
        #expect(transfer.state == .underLegalReview, "one approval is not enough")
        #expect(first.guards.allClear)

        // Executing with one approval is an illegal transition.
        let handover = Handover(at: DispositionDemo.date("2026-06-03"), place: "Kyiv, Boryspil airport", receivingParty: "KOR",
                                receivingOfficial: "Consul J. Lee", icrcPresent: true, icrcDelegate: "M. Keller")
        let tooSoon = try #require(DispositionDemo.refusal { () throws(TransitionRefusal) in
            try DispositionWorkflow.transition(transfer, to: .executed(handover), by: DispositionDemo.liaison,
                                               at: DispositionDemo.date("2026-06-03"), facts: ri) })
        #expect(tooSoon.codes.contains("illegal_transition"))

        let second = try DispositionWorkflow.transition(transfer, to: .approved(), by: DispositionDemo.approverB, at: now, facts: ri)
        transfer = second.dispositionCase
        #expect(transfer.state == .approved)
        #expect(Set(transfer.approvals.map(\.by)) == ["ap.shevchenko", "ap.melnyk"])

        let executed = try DispositionWorkflow.transition(transfer, to: .executed(handover), by: DispositionDemo.liaison,
                                                          at: DispositionDemo.date("2026-06-03"), facts: ri)
        #expect(executed.dispositionCase.state == .executed)
        #expect(executed.guards.allClear)
        #expect(executed.guards.filter { $0.status == .overridden }.count == 3)
        let checked = Set(executed.guards.map(\.guardNumber))
        #expect(checked.isSuperset(of: [2, 5, 7, 9, 12]))
        let notice = try #require(executed.notices.first)
        #expect(notice.kind == .transfer)
        #expect(notice.recipients == [.centralTracingAgency])
        #expect(notice.destinationWithheldFrom == ["PRK", "RUS"], "his wish is never told to the DPRK or Russia")
        #expect(executed.dispositionCase.history.map(\.action) == ["submit", "approve", "approve", "execute"])

        // 5. Petrov is repatriated directly: no exchange, no reciprocity.
        var (medical, _) = try DispositionWorkflow.open(
            id: DispositionDemo.id(700), prisonerID: DispositionDemo.petrov.id, kind: .directMedicalRepatriation, route: Route(destination: "RUS"),
            receivingPower: "RUS", by: DispositionDemo.author, at: now, facts: petrov)
        medical = try DispositionWorkflow.transition(medical, to: .underLegalReview, by: DispositionDemo.author, at: now,
                                                     facts: petrov).dispositionCase
        medical = try DispositionWorkflow.transition(medical, to: .approved(), by: DispositionDemo.approverA, at: now,
                                                     facts: petrov).dispositionCase
        medical = try DispositionWorkflow.transition(medical, to: .approved(), by: DispositionDemo.approverB, at: now,
                                                     facts: petrov).dispositionCase
        let home = try DispositionWorkflow.transition(
            medical, to: .executed(Handover(at: DispositionDemo.date("2026-06-04"), place: "Sumy oblast crossing point",
                                            receivingParty: "RUS", icrcPresent: true, icrcDelegate: "M. Keller")),
            by: DispositionDemo.camp, at: DispositionDemo.date("2026-06-04"), facts: petrov)
        #expect(home.dispositionCase.state == .executed)
        #expect(home.dispositionCase.exchangeID == nil)
        #expect(home.guards.contains { $0.key == "guard.1.not_traded" && $0.passed })
        #expect(home.guards.contains { $0.key == "guard.3.wishes_return" && $0.passed })
        #expect(home.notices.map(\.kind) == [.repatriation])
        #expect(home.notices.first?.destinationWithheldFrom.isEmpty == true)

        // ...and his repatriation can never be tied to the exchange.
        let linked = try #require(DispositionDemo.refusal { () throws(TransitionRefusal) in
            try DispositionWorkflow.open(id: DispositionDemo.id(701), prisonerID: DispositionDemo.petrov.id, kind: .directMedicalRepatriation,
                                         route: Route(destination: "RUS"), receivingPower: "RUS", exchangeID: exchange.id,
                                         by: DispositionDemo.author, at: now, facts: petrov) })
        #expect(linked.codes == ["guard.1.medical_linked_to_exchange"])
        let asExchange = try #require(DispositionDemo.refusal { () throws(TransitionRefusal) in
            try DispositionWorkflow.open(id: DispositionDemo.id(702), prisonerID: DispositionDemo.petrov.id, kind: .exchange,
                                         route: Route(destination: "RUS"), receivingPower: "RUS", exchangeID: exchange.id,
                                         by: DispositionDemo.author, at: now, facts: petrov) })
        #expect(asExchange.codes == ["guard.1.eligible_in_exchange"])
    }
}
