import Foundation
import Testing
@testable import BureauCore

/// What a registrar or legal officer sees refused when recording disposition records.
@Suite struct DispositionRecordsTests {
    let now = DispositionDemo.now

    func willError(_ statement: WillStatement, existing: [WillStatement] = []) -> DomainError? {
        DispositionDemo.domainError { () throws(DomainError) in
            try DispositionRules.validate(statement, existing: existing, capturedAt: DispositionDemo.capture, now: now)
        }
    }

    @Test func aCompleteWillStatementIsAccepted() {
        #expect(willError(DispositionDemo.will(DispositionDemo.ri, .thirdState("KOR"), n: 1)) == nil)
    }

    @Test func aWillStatementWithoutLanguageIsRefused() {
        let error = willError(DispositionDemo.will(DispositionDemo.ri, .thirdState("KOR"), n: 1, language: " "))
        #expect(error?.field == "language")
        #expect(error?.code == "required")
    }

    @Test func aWillStatementWithoutInterpreterIsRefused() {
        let error = willError(DispositionDemo.will(DispositionDemo.ri, .thirdState("KOR"), n: 1, interpreter: nil))
        #expect(error?.field == "interpreter")
        #expect(error?.code == "interpreter_required")
        #expect(error?.kind == .unprocessable)
    }

    @Test func anInterpreterWithoutAffiliationIsRefused() {
        let error = willError(DispositionDemo.will(DispositionDemo.ri, .returnHome, n: 1,
                                        interpreter: .init(name: "Anna Pak", affiliation: "")))
        #expect(error?.field == "interpreter.affiliation")
    }

    @Test func aThirdStateMustBeACountryCode() {
        #expect(willError(DispositionDemo.will(DispositionDemo.ri, .thirdState("South Korea"), n: 1))?.field == "answer.state")
    }

    @Test func aStatementBeforeTheCaptureIsRefused() {
        let error = willError(DispositionDemo.will(DispositionDemo.ri, .returnHome, n: 1, at: DispositionDemo.date("2024-12-31")))
        #expect(error?.code == "event_before_capture")
    }

    @Test func statementsAreNeverEditedOnlySuperseded() {
        let first = DispositionDemo.will(DispositionDemo.ri, .undecided, n: 1, at: DispositionDemo.date("2025-01-20"))
        let second = DispositionDemo.will(DispositionDemo.ri, .thirdState("KOR"), n: 2, at: DispositionDemo.date("2025-02-19"), supersedes: first.id)
        #expect(willError(second, existing: [first]) == nil)
        #expect(WillStatement.current([first, second], at: now)?.id == second.id)
        // Superseding the same statement twice is a conflict: supersede the newest.
        let third = DispositionDemo.will(DispositionDemo.ri, .stay, n: 3, supersedes: first.id)
        #expect(willError(third, existing: [first, second])?.code == "already_superseded")
        // Superseding a statement that does not exist is refused.
        #expect(willError(DispositionDemo.will(DispositionDemo.ri, .stay, n: 4, supersedes: DispositionDemo.id(999)), existing: [first])?.code
            == "supersedes_unknown")
        #expect(WillStatement.chronological([second, first]).map(\.id) == [first.id, second.id])
    }

    @Test func theAnswerTravelsAsKindAndState() throws {
        let data = try JSONEncoder().encode(WillAnswer.thirdState("KOR"))
        #expect(String(decoding: data, as: UTF8.self).contains("\"kind\":\"third_state\""))
        #expect(try JSONDecoder().decode(WillAnswer.self, from: data) == .thirdState("KOR"))
        let home = try JSONDecoder().decode(WillAnswer.self, from: Data(#"{"kind":"return_home"}"#.utf8))
        #expect(home == .returnHome)
    }

    @Test func aRiskAssessmentNeedsSourcesAndASecondReviewer() {
        var assessment = DispositionDemo.risk(DispositionDemo.ri, Route(destination: "PRK", transit: ["RUS"]), .seriousRisk, n: 1)
        func error() -> DomainError? {
            DispositionDemo.domainError { () throws(DomainError) in try DispositionRules.validate(assessment, existing: [], now: now) }
        }
        #expect(error() == nil)
        assessment.reviewer = assessment.assessor
        #expect(error()?.code == "reviewer_is_assessor")
        assessment.reviewer = "lo.hrytsenko"
        assessment.sources = [" "]
        #expect(error()?.field == "sources")
        assessment.sources = ["OHCHR"]
        assessment.findings = nil
        #expect(error()?.field == "findings", "a serious risk is documented with its findings")
        assessment.findings = "reprisals"
        assessment.route.transit = ["Russia"]
        #expect(error()?.field == "route.transit[0]")
    }

    @Test func aRiskAssessmentCoversTheWholeRoute() {
        let assessment = DispositionDemo.risk(DispositionDemo.ri, Route(destination: "PRK", transit: ["RUS"]), .seriousRisk, n: 1)
        #expect(assessment.covers(Route(destination: "PRK", transit: ["RUS"])))
        #expect(assessment.covers(Route(destination: "PRK")))
        #expect(!assessment.covers(Route(destination: "PRK", transit: ["CHN"])))
        #expect(!assessment.covers(Route(destination: "RUS")))
    }

    @Test func aMedicalDecisionNeedsTheCommissionOrAnObviousCase() {
        let pending = MedicalRepatriationEligibility(id: DispositionDemo.id(1), prisonerID: DispositionDemo.petrov.id, category: .noRecoveryWithinYear,
                                                     decidedAt: now, decidedBy: "Dr. Lysenko")
        #expect(DispositionDemo.domainError { () throws(DomainError) in try DispositionRules.validate(pending, now: now) }?.field
            == "commissionDecision")
        var neutral = pending
        neutral.category = .neutralHealthThreatened
        neutral.obviousCase = true
        #expect(DispositionDemo.domainError { () throws(DomainError) in try DispositionRules.validate(neutral, now: now) }?.code
            == "obvious_case_not_direct")
        var decided = pending
        decided.commissionDecision = .a
        #expect(decided.eligibleForRepatriation)
        decided.commissionDecision = .notConfirmed
        #expect(!decided.eligible)
        neutral.obviousCase = false
        neutral.commissionDecision = .b
        #expect(neutral.eligibleForNeutralAccommodation && !neutral.eligibleForRepatriation)
    }

    @Test func partiesAndContestedRolesAreChecked() {
        let noCode = Party(id: DispositionDemo.id(1), name: "DPRK", kind: .state)
        #expect(DispositionDemo.domainError { () throws(DomainError) in try DispositionRules.validate(noCode) }?.field == "stateCode")
        #expect(DispositionDemo.domainError { () throws(DomainError) in try DispositionRules.validate(DispositionDemo.icrc) } == nil)
        let contested = PartyRoleAssignment(partyID: DispositionDemo.dprk.id, prisonerID: DispositionDemo.ri.id, role: .powerDependedOn,
                                            contested: true)
        #expect(DispositionDemo.domainError { () throws(DomainError) in try DispositionRules.validate(contested) }?.field == "rationale")
    }

    @Test func anArticle12AssessmentNeedsItsBasis() {
        var assessment = DispositionDemo.article12(DispositionDemo.ri, "KOR", n: 1)
        #expect(assessment.satisfied)
        assessment.basis = ""
        #expect(DispositionDemo.domainError { () throws(DomainError) in try DispositionRules.validate(assessment, now: now) }?.field
            == "basis")
        #expect(!DispositionDemo.article12(DispositionDemo.ri, "KOR", n: 2, satisfied: false).satisfied)
    }

    @Test func aHandoverNamesPlaceAndDelegate() {
        let handover = Handover(at: now, place: "Boryspil", receivingParty: "KOR", icrcPresent: true)
        let error = DispositionDemo.domainError { () throws(DomainError) in
            try DispositionRules.validate(handover, approvedAt: now, now: now)
        }
        #expect(error?.field == "handover.icrcDelegate")
        let early = Handover(at: DispositionDemo.date("2026-05-01"), place: "Boryspil", receivingParty: "KOR", icrcPresent: false)
        #expect(DispositionDemo.domainError { () throws(DomainError) in
            try DispositionRules.validate(early, approvedAt: now, now: now) }?.code == "handover_before_approval")
    }

    @Test func theTimelineGivesCaptureIllnessAndDocuments() {
        var facts = DispositionFacts(prisoner: DispositionDemo.petrov)
        let events = [
            TimelineEvent(id: DispositionDemo.id(1), prisonerID: DispositionDemo.petrov.id, occurredAt: DispositionDemo.date("2025-03-02"), recordedAt: now,
                          recordedBy: "rg", payload: .capture(Capture(place: "Kursk region"))),
            TimelineEvent(id: DispositionDemo.id(2), prisonerID: DispositionDemo.petrov.id, occurredAt: DispositionDemo.date("2025-03-03"), recordedAt: now,
                          recordedBy: "md", payload: .medical(MedicalEntry(kind: .admission, seriouslyIll: true))),
            TimelineEvent(id: DispositionDemo.id(3), prisonerID: DispositionDemo.petrov.id, occurredAt: DispositionDemo.date("2025-03-04"), recordedAt: now,
                          recordedBy: "rg", payload: .document(HeldDocument(documentType: "ID", custody: .withPrisoner))),
        ]
        facts.read(timeline: events)
        #expect(facts.capturedAt == DispositionDemo.date("2025-03-02"))
        #expect(facts.seriouslyIll)
        #expect(facts.documents.count == 1)
    }
}
