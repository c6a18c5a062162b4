import BureauCore
import Foundation
import Testing

@Suite struct PartialDateTests {
    @Test(arguments: ["1999", "2005-03", "2000-02-29"])
    func acceptsYearMonthAndFullDates(_ text: String) {
        #expect(PartialDate(iso: text)?.description == text)
    }

    @Test(arguments: ["99", "1999-13", "2001-02-29", "1999-1-1", "abcd", "", "1999-04-31"])
    func rejectsImpossibleDates(_ text: String) {
        #expect(PartialDate(iso: text) == nil)
    }

    @Test func earliestInstantOfAYearIsNewYear() {
        let date = PartialDate(iso: "2005")!.earliestInstant
        #expect(date == ISO8601DateFormatter().date(from: "2005-01-01T00:00:00Z"))
    }
}

@Suite struct ScriptTests {
    @Test func detectsScriptsOfNamesAsWritten() {
        #expect(Script.dominant(in: "김정은") == .hangul)
        #expect(Script.dominant(in: "Ким Чен Ын") == .cyrillic)
        #expect(Script.dominant(in: "Шевченко Олександр Петрович") == .cyrillic)
        #expect(Script.dominant(in: "Kim Chŏng-ŭn") == .latin)
        #expect(Script.dominant(in: "  -- ") == .none)
    }
}

@Suite struct ClaimRulesTests {
    let capture = ISO8601DateFormatter().date(from: "2025-01-09T10:00:00Z")!
    let now = ISO8601DateFormatter().date(from: "2026-11-27T12:00:00Z")!

    func error(_ draft: ClaimDraft) -> DomainError? {
        do {
            try ClaimRules.validate(draft, field: "claims[0]", capturedAt: capture, now: now)
            return nil
        } catch {
            return error
        }
    }

    @Test func aHangulNameIsAValidClaim() {
        #expect(error(ClaimDraft(surname: "박", firstNames: "성민", dateOfBirth: PartialDate(year: 2005), source: .selfDeclared)) == nil)
    }

    @Test func birthAfterCaptureIsRefusedWithTheField() {
        let failure = error(ClaimDraft(surname: "Ким", dateOfBirth: PartialDate(iso: "2025-02-01"), source: .selfDeclared))
        #expect(failure?.code == "born_after_capture")
        #expect(failure?.field == "claims[0].dateOfBirth")
        #expect(failure?.kind == .unprocessable)
    }

    @Test func aClaimWithNothingIsRefused() {
        #expect(error(ClaimDraft(source: .selfDeclared))?.code == "claim_empty")
    }

    @Test func aRefusedSurnameAloneIsAClaim() {
        // Art. 17: refusing to give one's name is recorded, and is not an error.
        #expect(error(ClaimDraft(source: .selfDeclared, refusedItems: [.surname, .rank])) == nil)
    }

    @Test func anItemCannotBeBothGivenAndRefused() {
        #expect(error(ClaimDraft(surname: "Lee", source: .selfDeclared, refusedItems: [.surname]))?.code == "refused_and_given")
    }

    @Test func authenticityBelongsToDocumentsOnly() {
        #expect(error(ClaimDraft(surname: "Lee", source: .family, documentAuthenticity: .forged))?.field
            == "claims[0].documentAuthenticity")
    }

    @Test func nationalityMustBeAlpha3() {
        #expect(error(ClaimDraft(surname: "Lee", nationality: "Korea", source: .family))?.code == "invalid_country")
    }
}

@Suite struct TimelineRulesTests {
    let prisoner = UUID(uuidString: "00000000-0000-0000-0000-0000000000AA")!
    let captureTime = ISO8601DateFormatter().date(from: "2025-01-09T10:00:00Z")!
    let now = ISO8601DateFormatter().date(from: "2025-03-01T12:00:00Z")!

    func event(_ id: Int, at offset: TimeInterval, _ payload: EventPayload, supersedes: Int? = nil) -> TimelineEvent {
        TimelineEvent(id: UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", id))!, prisonerID: prisoner,
                      occurredAt: captureTime.addingTimeInterval(offset), recordedAt: now, recordedBy: "tester",
                      supersedes: supersedes.map { UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", $0))! },
                      payload: payload)
    }

    var capture: TimelineEvent { event(1, at: 0, .capture(Capture(place: "Kursk region"))) }

    func error(_ new: TimelineEvent, existing: [TimelineEvent]) -> DomainError? {
        do {
            try TimelineRules.validate(new, existing: existing, claims: [], now: now)
            return nil
        } catch {
            return error
        }
    }

    @Test func aMoveBeforeTheCaptureIsRefused() {
        let move = event(2, at: -3_600, .custodyMove(CustodyMove(facility: "Camp 1", facilityType: .camp)))
        #expect(error(move, existing: [capture])?.code == "event_before_capture")
    }

    @Test func nothingButACaptureComesFirst() {
        let move = event(2, at: 3_600, .custodyMove(CustodyMove(facility: "Camp 1", facilityType: .camp)))
        #expect(error(move, existing: [])?.code == "no_capture")
    }

    @Test func aSecondCaptureMustBeACorrection() {
        #expect(error(event(2, at: 60, .capture(Capture(place: "Elsewhere"))), existing: [capture])?.code == "capture_exists")
        #expect(error(event(2, at: 60, .capture(Capture(place: "Elsewhere")), supersedes: 1), existing: [capture]) == nil)
    }

    @Test func aCorrectionCannotChangeTheKindOrBeRepeated() {
        let move = event(2, at: 60, .custodyMove(CustodyMove(facility: "Camp 1", facilityType: .camp)))
        #expect(error(event(3, at: 60, .capture(Capture(place: "X")), supersedes: 2), existing: [capture, move])?.code
            == "supersedes_other_kind")
        let fix = event(3, at: 90, .custodyMove(CustodyMove(facility: "Camp 2", facilityType: .camp)), supersedes: 2)
        #expect(error(fix, existing: [capture, move]) == nil)
        let again = event(4, at: 90, .custodyMove(CustodyMove(facility: "Camp 3", facilityType: .camp)), supersedes: 2)
        #expect(error(again, existing: [capture, move, fix])?.code == "already_superseded")
    }

    @Test func anInterviewNeedsTheNoCoercionAttestationAndAnInterpreter() {
        let coerced = event(2, at: 60, .interview(Interview(purpose: .intake, language: "ko", mode: .written,
                                                           noCoercionAttested: false)))
        #expect(error(coerced, existing: [capture])?.code == "coercion_not_attested")
        let alone = event(2, at: 60, .interview(Interview(purpose: .intake, language: "ko", mode: .written,
                                                         noCoercionAttested: true)))
        #expect(error(alone, existing: [capture])?.field == "data.interpreter")
    }

    @Test func moneyNeedsAReceipt() {
        let money = event(2, at: 60, .money(MoneySeizure(amountMinor: 150_000, currency: "RUB", officer: "Lt. K.",
                                                         receiptNumber: " ")))
        #expect(error(money, existing: [capture])?.field == "data.receiptNumber")
    }

    @Test func takingAnItemNeedsAnArticle18Ground() {
        let effects = event(2, at: 60, .effects(EffectsSeizure(items: [.init(description: "Family photo", disposition: .taken)])))
        #expect(error(effects, existing: [capture])?.code == "taken_without_ground")
    }

    @Test func theEffectiveTimelineDropsSupersededEntries() {
        let move = event(2, at: 60, .custodyMove(CustodyMove(facility: "Camp 1", facilityType: .camp)))
        let fix = event(3, at: 90, .custodyMove(CustodyMove(facility: "Camp 2", facilityType: .camp)), supersedes: 2)
        #expect(Timeline.effective([fix, capture, move]).map(\.id) == [capture.id, fix.id])
    }
}

@Suite struct AccessPolicyTests {
    @Test func theAdministratorSeesNoCaseData() {
        #expect(AccessPolicy.readableClasses(of: .administrator).isEmpty)
        #expect(!AccessPolicy.allows(.administrator, .readRegistry))
    }

    @Test func onlyInvestigatorsAndLegalOfficersReadInterviews() {
        let readers = Role.allCases.filter { AccessPolicy.canRead($0, .interviews) }
        #expect(Set(readers) == [.investigator, .legalOfficer])
    }

    @Test func onlyTheAuditorReadsTheAuditTrail() {
        #expect(Role.allCases.filter { AccessPolicy.allows($0, .readAudit) } == [.auditor])
    }
}
