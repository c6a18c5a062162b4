import Foundation
import Testing
@testable import BureauCore

/// Guard 8 (GC III Art. 13(2)): a release request is refused while anything identifiable remains,
/// assessed by a legal officer, decided by a second person, and a release without one is a breach.
@Suite struct MediaReleaseGuardTests {
    let now = DispositionDemo.now
    let legal = DispositionDemo.author
    let approver = DispositionDemo.approverA
    let rawDigest = String(repeating: "a1", count: 32)
    let editedDigest = String(repeating: "b2", count: 32)

    func interview(_ digest: String, measures: Set<MediaReleaseRequest.Measure> = [],
                   consents: Bool? = nil) -> MediaReleaseRequest {
        MediaReleaseRequest(
            id: DispositionDemo.id(800), prisonerID: DispositionDemo.ri.id, medium: .video,
            description: "Interview recorded at the collection point, 4 min", digest: digest.uppercased(),
            requester: "Press office, General Staff", purpose: "Documentary on foreign fighters",
            identifiable: [.face, .voice, .name], measures: measures,
            prisonerView: consents.map { .init(consents: $0, recordedBy: "lo.kovalenko", recordedAt: now) },
            riskAssessmentIDs: [DispositionDemo.id(1200)], familyRisk: "Reprisals against his family in the DPRK",
            recordedBy: "ignored", recordedAt: now)
    }

    func keys(_ request: MediaReleaseRequest) -> Set<String> {
        Set(LegalGuards.mediaRelease(request).filter(\.blocks).map(\.key))
    }

    // guard: 8
    @Test func aFaceAndVoiceStillIdentifiableAreRefusedWithTheArticle() throws {
        let filed = try MediaReleaseWorkflow.file(interview(rawDigest), by: legal)
        #expect(filed.digest == rawDigest)
        #expect(filed.recordedBy == legal.userID)
        let identifiable = try #require(LegalGuards.mediaRelease(filed).first { $0.key == "guard.8.identifiable" })
        #expect(identifiable.severity == .enforce)
        #expect(identifiable.article == "GC III Art. 13(2)")
        #expect(identifiable.message.contains("face, voice, name"))
        // The legal officer cannot recommend it, and the approver cannot approve it even after an assessment.
        #expect(throws: DomainError.self) { try MediaReleaseWorkflow.assess(filed, approve: true, reasoning: "ok", by: legal, at: now) }
        let assessed = try MediaReleaseWorkflow.assess(filed, approve: false, reasoning: "Face and voice identify him", by: legal, at: now)
        do {
            _ = try MediaReleaseWorkflow.decide(assessed, approve: true, reasoning: "ok", by: approver, at: now)
            Issue.record("approved an identifiable release")
        } catch {
            #expect(error.code == "release_identifiable")
            #expect(error.message.contains("Art. 13(2)"))
        }
        let refused = try MediaReleaseWorkflow.decide(assessed, approve: false, reasoning: "Identifiable", by: approver, at: now)
        #expect(refused.state == .refused)
        #expect(refused.decision?.article == "GC III Art. 13(2)")
    }

    // guard: 8
    @Test func hisConsentIsRecordedButNeverEnough() {
        let request = interview(rawDigest, consents: true)
        #expect(keys(request).isSuperset(of: ["guard.8.identifiable", "guard.8.consent_not_sufficient"]))
    }

    // guard: 8
    @Test func blurredAndAlteredWithNoNameIsApprovedByTwo() throws {
        let edited = try MediaReleaseWorkflow.file(interview(editedDigest, measures: [.blurring, .voiceAlteration, .namesRemoved]),
                                                   by: legal)
        #expect(edited.remainingIdentifiable.isEmpty)
        #expect(keys(edited) == ["guard.8.no_legal_assessment"])
        let assessed = try MediaReleaseWorkflow.assess(edited, approve: true, reasoning: "Nothing identifies him", by: legal, at: now)
        #expect(LegalGuards.mediaRelease(assessed).allClear)
        // The assessor is not the second person, even when he also holds the approver role.
        let both = StaffMember(legal.userID, roles: [.legalOfficer, .approver])
        #expect(throws: DomainError.self) { try MediaReleaseWorkflow.decide(assessed, approve: true, reasoning: "ok", by: both, at: now) }
        let approved = try MediaReleaseWorkflow.decide(assessed, approve: true, reasoning: "Masked", by: approver, at: now)
        #expect(approved.state == .approved)
        #expect(throws: DomainError.self) { try MediaReleaseWorkflow.decide(approved, approve: false, reasoning: "x", by: approver, at: now) }
    }

    // guard: 8
    @Test func theRiskAtHomeMustBeConsidered() {
        var request = interview(editedDigest, measures: [.blurring, .voiceAlteration, .namesRemoved])
        request.riskAssessmentIDs = []
        request.familyRisk = "  "
        #expect(keys(request).contains("guard.8.risk_not_considered"))
        #expect(request.dataClass == .core)
        #expect(interview(rawDigest).dataClass == .risk)
    }

    // guard: 8
    @Test func aReleaseWithoutAnApprovedRequestIsABreach() throws {
        let approved = MediaReleaseRequest(
            id: DispositionDemo.id(801), prisonerID: DispositionDemo.ri.id, medium: .video, description: "edited",
            digest: editedDigest, requester: "Press office", purpose: "p", identifiable: [.face], measures: [.blurring],
            familyRisk: "r", recordedBy: "lo", recordedAt: now,
            assessment: .init(approve: true, reasoning: "r", by: "lo", at: now),
            decision: .init(approve: true, reasoning: "r", by: "ap", at: now))
        func breach(_ digest: String) -> MediaReleaseBreach {
            MediaReleaseBreach(id: DispositionDemo.id(802), prisonerID: DispositionDemo.ri.id, medium: .video,
                               description: "Second interview video", digest: digest, publishedIn: "Telegram channel",
                               publishedAt: now, recordedBy: "x", recordedAt: now)
        }
        let recorded = try MediaReleaseWorkflow.recordBreach(breach(rawDigest), approved: [approved], by: legal)
        #expect(recorded.isOpen)
        #expect(throws: DomainError.self) { try MediaReleaseWorkflow.recordBreach(breach(editedDigest), approved: [approved], by: legal) }
        #expect(throws: DomainError.self) { try MediaReleaseWorkflow.recordBreach(breach("not-a-digest"), approved: [], by: legal) }
        let closed = try MediaReleaseWorkflow.closeBreach(recorded, note: "Take-down requested", by: legal, at: now)
        #expect(!closed.isOpen)
    }

    @Test func badInputIsRefusedByField() {
        var request = interview(rawDigest)
        request.description = " "
        do { _ = try MediaReleaseWorkflow.file(request, by: legal); Issue.record("accepted") } catch { #expect(error.field == "description") }
        request = interview("abc")
        do { _ = try MediaReleaseWorkflow.file(request, by: legal); Issue.record("accepted") } catch { #expect(error.code == "invalid_digest") }
        do { _ = try MediaReleaseWorkflow.file(interview(rawDigest), by: DispositionDemo.liaison); Issue.record("accepted") } catch {
            #expect(error.code == "role_required")
        }
    }
}
