import Foundation
import Testing
@testable import BureauCore

/// The case state machine as an officer meets it: who may do what, in which order.
@Suite struct DispositionWorkflowTests {
    let now = DispositionDemo.now
    let facts = DispositionDemo.petrovFacts()

    /// Petrov's medical repatriation, opened and submitted: every guard clear.
    func underReview(author: StaffMember = DispositionDemo.author) throws -> DispositionCase {
        let (draft, _) = try DispositionWorkflow.open(id: DispositionDemo.id(700), prisonerID: DispositionDemo.petrov.id,
                                                      kind: .directMedicalRepatriation, route: Route(destination: "RUS"),
                                                      receivingPower: "RUS", by: author, at: now, facts: facts)
        return try DispositionWorkflow.transition(draft, to: .underLegalReview, by: author, at: now, facts: facts)
            .dispositionCase
    }

    func refusal(_ c: DispositionCase, _ target: DispositionTransition, by actor: StaffMember) -> TransitionRefusal? {
        DispositionDemo.refusal { () throws(TransitionRefusal) in
            try DispositionWorkflow.transition(c, to: target, by: actor, at: now, facts: facts)
        }
    }

    @Test func anIllegalTransitionIsRefused() throws {
        let (draft, _) = try DispositionWorkflow.open(id: DispositionDemo.id(700), prisonerID: DispositionDemo.petrov.id,
                                                      kind: .directMedicalRepatriation, route: Route(destination: "RUS"),
                                                      receivingPower: "RUS", by: DispositionDemo.author, at: now, facts: facts)
        let handover = Handover(at: now, place: "crossing", receivingParty: "RUS", icrcPresent: false)
        let early = try #require(refusal(draft, .executed(handover), by: DispositionDemo.camp))
        #expect(early.codes == ["illegal_transition"])
        #expect(early.kind == .conflict)
        #expect(refusal(draft, .approved(), by: DispositionDemo.approverA)?.codes == ["illegal_transition"])
        let review = try underReview()
        #expect(refusal(review, .underLegalReview, by: DispositionDemo.author)?.codes == ["illegal_transition"])
    }

    @Test func anExecutedCaseCannotBeWithdrawnOrReopened() throws {
        var c = try underReview()
        c = try DispositionWorkflow.transition(c, to: .approved(), by: DispositionDemo.approverA, at: now, facts: facts).dispositionCase
        c = try DispositionWorkflow.transition(c, to: .approved(), by: DispositionDemo.approverB, at: now, facts: facts).dispositionCase
        c = try DispositionWorkflow.transition(
            c, to: .executed(Handover(at: now, place: "crossing", receivingParty: "RUS", icrcPresent: false)),
            by: DispositionDemo.camp, at: now, facts: facts).dispositionCase
        #expect(c.state == .executed)
        #expect(refusal(c, .withdrawn(reason: "changed mind"), by: DispositionDemo.author)?.codes == ["illegal_transition"])
        #expect(refusal(c, .approved(), by: DispositionDemo.approverA)?.codes.contains("illegal_transition") == true)
        #expect(DispositionDemo.domainError { () throws(DomainError) in
            try DispositionWorkflow.recordWaiver(c, right: "x", reason: "y", by: DispositionDemo.author, at: now) }?.code == "case_closed")
    }

    @Test func theSameApproverCannotApproveTwice() throws {
        let once = try DispositionWorkflow.transition(try underReview(), to: .approved(), by: DispositionDemo.approverA, at: now,
                                                      facts: facts).dispositionCase
        let twice = try #require(refusal(once, .approved(), by: DispositionDemo.approverA))
        #expect(twice.codes == ["already_approved"])
        #expect(once.state == .underLegalReview)
        #expect(once.approvals.count == 1)
    }

    @Test func theAuthorCannotApproveHisOwnCase() throws {
        let author = StaffMember("lo.approver", roles: [.legalOfficer, .approver])
        let c = try underReview(author: author)
        let refused = try #require(refusal(c, .approved(), by: author))
        #expect(refused.codes == ["author_cannot_approve"])
        #expect(refused.kind == .forbidden)
    }

    @Test func onlyApproversApprove() throws {
        let refused = try #require(refusal(try underReview(), .approved(), by: DispositionDemo.liaison))
        #expect(refused.codes == ["role_required"])
    }

    @Test func aRefusalListsEveryReasonAtOnce() throws {
        // The author, without the approver role, approving a draft that lacks its risk assessment.
        var thin = facts
        thin.riskAssessments = []
        let (draft, _) = try DispositionWorkflow.open(id: DispositionDemo.id(700), prisonerID: DispositionDemo.petrov.id,
                                                      kind: .directMedicalRepatriation, route: Route(destination: "RUS"),
                                                      receivingPower: "RUS", by: DispositionDemo.author, at: now, facts: thin)
        let refused = try #require(DispositionDemo.refusal { () throws(TransitionRefusal) in
            try DispositionWorkflow.transition(draft, to: .approved(), by: DispositionDemo.author, at: now, facts: thin) })
        #expect(Set(refused.codes) == ["illegal_transition", "role_required", "author_cannot_approve",
                                       "guard.2.no_risk_assessment"])
    }

    @Test func withdrawalNeedsAReasonAndIsNeverBlockedByGuards() throws {
        let c = try underReview()
        #expect(refusal(c, .withdrawn(reason: "  "), by: DispositionDemo.author)?.codes == ["reason_required"])
        let withdrawn = try DispositionWorkflow.transition(c, to: .withdrawn(reason: "He asked to wait for his brother"),
                                                           by: DispositionDemo.author, at: now, facts: facts).dispositionCase
        #expect(withdrawn.state == .withdrawn)
        #expect(withdrawn.history.last?.note == "He asked to wait for his brother")
    }

    @Test func aHandoverToAnotherPowerThanApprovedIsRefused() throws {
        var c = try underReview()
        c = try DispositionWorkflow.transition(c, to: .approved(), by: DispositionDemo.approverA, at: now, facts: facts).dispositionCase
        c = try DispositionWorkflow.transition(c, to: .approved(), by: DispositionDemo.approverB, at: now, facts: facts).dispositionCase
        let wrong = Handover(at: now, place: "crossing", receivingParty: "PRK", icrcPresent: false)
        #expect(refusal(c, .executed(wrong), by: DispositionDemo.camp)?.codes == ["wrong_receiving_party"])
        #expect(refusal(c, .executed(Handover(at: now, place: "x", receivingParty: "RUS", icrcPresent: false)),
                        by: DispositionDemo.registrar)?.codes == ["role_required"])
    }

    // guard: 7
    @Test func executionWaitsForTheFinalStatementAndValuables() throws {
        var open = facts
        open.exitChecklist = ExitChecklist(finalStatementIssued: false, valuablesResolved: false)
        var c = try underReview()
        c = try DispositionWorkflow.transition(c, to: .approved(), by: DispositionDemo.approverA, at: now, facts: open).dispositionCase
        c = try DispositionWorkflow.transition(c, to: .approved(), by: DispositionDemo.approverB, at: now, facts: open).dispositionCase
        let refused = try #require(DispositionDemo.refusal { () throws(TransitionRefusal) in
            try DispositionWorkflow.transition(
                c, to: .executed(Handover(at: now, place: "crossing", receivingParty: "RUS", icrcPresent: false)),
                by: DispositionDemo.camp, at: now, facts: open) })
        #expect(Set(refused.codes) == ["guard.7.no_final_statement", "guard.7.valuables_unresolved"])
    }

    @Test func aTransferCaseNeedsARouteAndAReceivingPower() {
        let refused = DispositionDemo.refusal { () throws(TransitionRefusal) in
            try DispositionWorkflow.open(id: DispositionDemo.id(1), prisonerID: DispositionDemo.ri.id, kind: .thirdStateTransfer, route: nil,
                                         receivingPower: nil, by: DispositionDemo.author, at: now, facts: DispositionDemo.riFacts())
        }
        #expect(refused?.errors.first?.field == "route")
        let offRoute = DispositionDemo.refusal { () throws(TransitionRefusal) in
            try DispositionWorkflow.open(id: DispositionDemo.id(1), prisonerID: DispositionDemo.ri.id, kind: .thirdStateTransfer,
                                         route: Route(destination: "KOR"), receivingPower: "POL", by: DispositionDemo.author,
                                         at: now, facts: DispositionDemo.riFacts())
        }
        #expect(offRoute?.codes == ["receiving_power_off_route"])
        let registrar = DispositionDemo.refusal { () throws(TransitionRefusal) in
            try DispositionWorkflow.open(id: DispositionDemo.id(1), prisonerID: DispositionDemo.ri.id, kind: .thirdStateTransfer,
                                         route: Route(destination: "KOR"), receivingPower: "KOR", by: DispositionDemo.registrar,
                                         at: now, facts: DispositionDemo.riFacts())
        }
        #expect(registrar?.codes == ["role_required"])
    }
}

/// Overrides of warn guards: a reason, and a second approver.
@Suite struct DispositionOverrideTests {
    let now = DispositionDemo.now
    let facts = DispositionDemo.riFacts()

    func transfer() throws -> DispositionCase {
        try DispositionWorkflow.open(id: DispositionDemo.id(600), prisonerID: DispositionDemo.ri.id, kind: .thirdStateTransfer,
                                     route: Route(destination: "KOR"), receivingPower: "KOR", by: DispositionDemo.author, at: now,
                                     facts: facts).0
    }

    @Test func anOverrideWithoutReasonIsRefused() throws {
        let error = DispositionDemo.domainError { () throws(DomainError) in
            try DispositionWorkflow.requestOverride(try! transfer(), key: "guard.9.contested_power", reason: " ",
                                                    by: DispositionDemo.author, at: now, facts: facts)
        }
        #expect(error?.code == "override_reason_required")
        #expect(error?.field == "reason")
    }

    @Test func anEnforcedGuardCannotBeOverridden() throws {
        let error = DispositionDemo.domainError { () throws(DomainError) in
            try DispositionWorkflow.requestOverride(try! transfer(), key: "guard.2.no_article12_assessment",
                                                    reason: "urgent", by: DispositionDemo.author, at: now, facts: facts)
        }
        #expect(error?.code == "override_enforce_guard")
    }

    @Test func anOverrideCountsOnlyOnceASecondApproverConfirmsIt() throws {
        let key = "guard.9.contested_power"
        var c = try DispositionWorkflow.requestOverride(try transfer(), key: key, reason: "the ROK receives him",
                                                        by: DispositionDemo.approverA, at: now, facts: facts)
        #expect(DispositionWorkflow.checklist(c, facts: facts, at: now).first { $0.key == key }?.status == .failed)
        let self_ = DispositionDemo.domainError { () throws(DomainError) in
            try DispositionWorkflow.confirmOverride(c, key: key, by: DispositionDemo.approverA, at: now)
        }
        #expect(self_?.code == "second_approver_required")
        let notApprover = DispositionDemo.domainError { () throws(DomainError) in
            try DispositionWorkflow.confirmOverride(c, key: key, by: DispositionDemo.author, at: now)
        }
        #expect(notApprover?.code == "role_required")
        // Nor the case author, even holding the approver role.
        var authored = c
        authored.author = DispositionDemo.approverB.userID
        #expect(DispositionDemo.domainError { () throws(DomainError) in
            try DispositionWorkflow.confirmOverride(authored, key: key, by: DispositionDemo.approverB, at: now) }?.code
            == "second_approver_required")
        c = try DispositionWorkflow.confirmOverride(c, key: key, by: DispositionDemo.approverB, at: now)
        #expect(DispositionWorkflow.checklist(c, facts: facts, at: now).first { $0.key == key }?.status == .overridden)
    }

    @Test func aWaiverNeedsAReasonAndStillWarns() throws {
        let missing = DispositionDemo.domainError { () throws(DomainError) in
            try DispositionWorkflow.recordWaiver(try! transfer(), right: "Art. 118 repatriation", reason: "",
                                                 by: DispositionDemo.author, at: now)
        }
        #expect(missing?.code == "waiver_reason_required")
        let c = try DispositionWorkflow.recordWaiver(try transfer(), right: "Art. 118 repatriation",
                                                     reason: "He asked in writing not to be returned", by: DispositionDemo.author, at: now)
        let waiver = try #require(DispositionWorkflow.checklist(c, facts: facts, at: now).first { $0.guardNumber == 4 })
        #expect(waiver.key == "guard.4.waiver")
        #expect(waiver.blocks && waiver.severity == .warn)
        #expect(waiver.article == "GC III Arts. 6, 7")
    }
}
