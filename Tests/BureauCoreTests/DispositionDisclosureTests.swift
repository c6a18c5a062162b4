import Foundation
import Testing
@testable import BureauCore

/// Guard 12: the asylum or third-state wish is never disclosed to the Power he depends on or the forces he served with.
@Suite struct DispositionDisclosureTests {
    let facts = DispositionDemo.riFacts()
    let now = DispositionDemo.now

    // guard: 12
    @Test func theWishIsNeverShownToTheDPRKOrRussia() {
        #expect(WillDisclosure.decision(for: .party(DispositionDemo.dprk), facts: facts) == .forbidden)
        #expect(WillDisclosure.decision(for: .party(DispositionDemo.russia), facts: facts) == .forbidden)
        #expect(WillDisclosure.visibleStatements(facts.willStatements, to: .party(DispositionDemo.russia), facts: facts).isEmpty)
        // Not even with a DPO and legal sign-off.
        let approval = DisclosureApproval(dataProtectionOfficer: "dpo", legalOfficer: "lo", reason: "asked", approvedAt: now)
        #expect(WillDisclosure.visibleStatements(facts.willStatements, to: .party(DispositionDemo.dprk), facts: facts,
                                                 approval: approval).isEmpty)
    }

    // guard: 12
    @Test func aThirdStateSeesItOnlyWithDPOAndLegalApproval() {
        #expect(WillDisclosure.decision(for: .party(DispositionDemo.rok), facts: facts) == .needsApproval)
        #expect(WillDisclosure.visibleStatements(facts.willStatements, to: .party(DispositionDemo.rok), facts: facts).isEmpty)
        let approval = DisclosureApproval(dataProtectionOfficer: "dpo.hnatiuk", legalOfficer: "lo.kovalenko",
                                          reason: "ROK asked to confirm his request before accepting him", approvedAt: now)
        #expect(WillDisclosure.visibleStatements(facts.willStatements, to: .party(DispositionDemo.rok), facts: facts,
                                                 approval: approval).count == 1)
    }

    @Test func theICRCAndEntitledStaffSeeIt() {
        #expect(WillDisclosure.decision(for: .party(DispositionDemo.icrc), facts: facts) == .allowed)
        #expect(WillDisclosure.decision(for: .staff(.approver), facts: facts) == .allowed)
        #expect(WillDisclosure.decision(for: .staff(.legalOfficer), facts: facts) == .allowed)
        #expect(WillDisclosure.decision(for: .staff(.liaisonOfficer), facts: facts) == .forbidden)
        #expect(WillDisclosure.decision(for: .staff(.icrcDelegate), facts: facts) == .forbidden)
    }

    @Test func aThirdStateTransferCaseIsHiddenFromThePowerOfOrigin() {
        let transfer = DispositionCase(id: DispositionDemo.id(600), prisonerID: DispositionDemo.ri.id, kind: .thirdStateTransfer,
                                       route: Route(destination: "KOR"), receivingPower: "KOR", author: "lo", createdAt: now)
        #expect(!WillDisclosure.mayLearnOf(transfer, recipient: .party(DispositionDemo.russia), facts: facts))
        #expect(!WillDisclosure.mayLearnOf(transfer, recipient: .staff(.liaisonOfficer), facts: facts))
        #expect(WillDisclosure.mayLearnOf(transfer, recipient: .party(DispositionDemo.icrc), facts: facts))
    }

    func outbound(to party: Party, approval: DisclosureApproval? = nil) -> Consultation {
        Consultation(id: DispositionDemo.id(800), partyID: party.id, direction: .outbound, kind: .note, date: now,
                     channel: .diplomaticNote, summary: "On the future of UA-2025-0001", prisonerIDs: [DispositionDemo.ri.id],
                     disclosesWill: true, disclosureApproval: approval, recordedBy: "li.bondar", recordedAt: now)
    }

    // guard: 12
    @Test func anOutboundNoteRevealingHisWishToRussiaIsRefused() {
        let error = DispositionDemo.domainError { () throws(DomainError) in
            try DispositionRules.validate(outbound(to: DispositionDemo.russia), party: DispositionDemo.russia, factsByPrisoner: [facts], now: now)
        }
        #expect(error?.code == "will_disclosure_forbidden")
        #expect(error?.field == "disclosesWill")
    }

    @Test func anOutboundNoteToTheROKNeedsTwoDifferentSignatures() {
        func error(_ approval: DisclosureApproval?) -> DomainError? {
            DispositionDemo.domainError { () throws(DomainError) in
                try DispositionRules.validate(outbound(to: DispositionDemo.rok, approval: approval), party: DispositionDemo.rok,
                                              factsByPrisoner: [facts], now: now)
            }
        }
        #expect(error(nil)?.code == "disclosure_approval_required")
        #expect(error(.init(dataProtectionOfficer: "lo", legalOfficer: "lo", reason: "r", approvedAt: now))?.code
            == "same_approver")
        #expect(error(.init(dataProtectionOfficer: "dpo", legalOfficer: "lo", reason: "r", approvedAt: now)) == nil)
    }

    // guard: 12
    @Test func aPastLeakShowsOnTheChecklistUntilLegalAcknowledgesIt() {
        var leaked = facts
        leaked.consultations = [outbound(to: DispositionDemo.russia)]
        let transfer = DispositionCase(id: DispositionDemo.id(600), prisonerID: DispositionDemo.ri.id, kind: .thirdStateTransfer,
                                       route: Route(destination: "KOR"), receivingPower: "KOR", author: "lo", createdAt: now)
        let results = LegalGuards.willNotDisclosed(transfer, facts: leaked)
        #expect(results.map(\.key) == ["guard.12.disclosed_to_origin"])
        #expect(results.first?.severity == .warn)
        #expect(LegalGuards.willNotDisclosed(transfer, facts: facts).map(\.key) == ["guard.12.will_protected"])
    }
}
