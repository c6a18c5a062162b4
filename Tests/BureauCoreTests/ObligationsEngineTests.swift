import BureauCore
import Foundation
import Testing

/// The engine as a whole: waivers, refusals of impossible or empty fulfilments, corrections, custody
/// gaps, purity, catalogue and access matrix.
@Suite struct ObligationsEngineTests {
    let t0 = Clocks.captured
    let day = Clocks.day

    func event(_ payload: EventPayload, at date: Date, id n: Int = 900) -> TimelineEvent {
        TimelineEvent(id: Clocks.id(n), prisonerID: Clocks.prisonerID, occurredAt: date, recordedAt: date,
                      recordedBy: "officer", payload: payload)
    }

    func refusal(_ payload: EventPayload, at date: Date, in record: ClockRecord) -> DomainError? {
        let new = event(payload, at: date)
        do {
            try TimelineRules.validate(new, existing: record.events, claims: [], now: date)
            try Obligations.validateFulfilment(new, record: record.snapshot, at: date, policy: record.policy)
            return nil
        } catch {
            return error
        }
    }

    // MARK: Waivers

    @Test("A waiver with reason and approver sets the obligation aside; the screen shows both")
    func waiverSetsAside() throws {
        var record = ClockRecord()
        let card = try #require(record.obligations(.captureCard, at: t0).first)
        let waiver = record.add(.waiver(ObligationWaiver(obligationID: card.id, reason: "prisoner unconscious in ICU",
                                                         approver: "Col. Hrytsenko")), at: t0 + day)
        #expect(record.obligations(.captureCard, at: t0 + 30 * day).first?.state
                == .waived(reason: "prisoner unconscious in ICU", approver: "Col. Hrytsenko", by: waiver))
    }

    @Test("A waiver without reason or approver is refused, naming the field")
    func waiverNeedsReasonAndApprover() throws {
        let record = ClockRecord()
        let card = try #require(record.obligations(.captureCard, at: t0).first)
        let noReason = refusal(.waiver(ObligationWaiver(obligationID: card.id, reason: " ", approver: "Col. H")),
                               at: t0 + day, in: record)
        #expect(noReason?.code == "waiver_reason_required")
        #expect(noReason?.field == "data.reason")
        let noApprover = refusal(.waiver(ObligationWaiver(obligationID: card.id, reason: "ICU", approver: "")),
                                 at: t0 + day, in: record)
        #expect(noApprover?.code == "waiver_approver_required")
        #expect(noApprover?.field == "data.approver")
    }

    @Test("A waiver or notice for an obligation that does not exist is refused")
    func fulfilmentOfNothingRefused() {
        var record = ClockRecord()
        let unknown = refusal(.waiver(ObligationWaiver(obligationID: "GC3-70-card:nothing:offer", reason: "r", approver: "a")),
                              at: t0 + day, in: record)
        #expect(unknown?.code == "obligation_unknown")
        let badRule = refusal(.waiver(ObligationWaiver(obligationID: "GC3-999:x", reason: "r", approver: "a")),
                              at: t0 + day, in: record)
        #expect(badRule?.code == "obligation_unknown")
        // Nobody owes the family a notification about the capture.
        let toFamily = refusal(.notification(NotificationEntry(subject: .initialRegistration, recipient: .family,
                                                               concerningEventID: Clocks.captureID)),
                               at: t0 + day, in: record)
        #expect(toFamily?.code == "obligation_unknown")
        #expect(toFamily?.field == "data.concerningEventID")
        // A censorship entry naming no letter; a transfer list naming a capture.
        let noLetter = refusal(.censorship(CensorshipEntry(itemEventID: Clocks.id(777), outcome: .passed)),
                               at: t0 + day, in: record)
        #expect(noLetter?.code == "reference_unknown")
        #expect(noLetter?.field == "data.itemEventID")
        let wrongKind = refusal(.transferList(TransferList(transferEventID: Clocks.captureID, listReference: "TL-1")),
                                at: t0 + day, in: record)
        #expect(wrongKind?.code == "reference_wrong_kind")
        // A closed obligation cannot be waived.
        let offered = record.add(.captureCard(CaptureCardEntry(action: .offered)), at: t0 + day)
        _ = offered
        let card = record.obligations(.captureCard, at: t0 + 2 * day)[0]
        let closed = refusal(.waiver(ObligationWaiver(obligationID: card.id, reason: "r", approver: "a")),
                             at: t0 + 2 * day, in: record)
        #expect(closed?.code == "obligation_closed")
    }

    // MARK: Impossible timelines and unlawful entries

    @Test("Out-of-order and unlawful entries are refused with the field at fault")
    func impossibleEntries() {
        var record = ClockRecord()
        let beforeCapture = refusal(.transferOrder(TransferOrder(destination: "Camp 2", plannedDeparture: t0)),
                                    at: t0 - day, in: record)
        #expect(beforeCapture?.code == "event_before_capture")
        #expect(refusal(.recapture(RecaptureEntry(place: "Sumy")), at: t0 + day, in: record)?.code == "recapture_without_escape")
        let tooLong = refusal(.disciplinaryAward(DisciplinaryAward(caseReference: "D-1", offence: "insult", punishment: .confinement,
                                                                   days: 31, awardedBy: "Lt. Col. S")), at: t0 + day, in: record)
        #expect(tooLong?.code == "punishment_too_long")
        #expect(tooLong?.field == "data.days")
        let noGround = refusal(.medicalClearance(MedicalClearance(transferEventID: Clocks.captureID, fitToTravel: false,
                                                                  examiner: "Dr. K")), at: t0 + day, in: record)
        #expect(noGround?.code == "safety_ground_required")
        let hold = refusal(.repatriationHold(RepatriationHold(caseReference: "K-1", ground: .proceedingsPending,
                                                              reason: "r", approver: "a")), at: t0 + day, in: record)
        #expect(hold?.code == "hold_without_case")
        let refusalWithoutEnd = record.add(.visitRequest(VisitRequest(visitor: .icrc)), at: t0 + day)
        let openEnded = refusal(.visitRefusal(VisitRefusal(requestEventID: refusalWithoutEnd, reason: "shelling", until: t0 + day)),
                                at: t0 + 2 * day, in: record)
        #expect(openEnded?.field == "data.until")
        _ = record.add(.death(DeathEntry(place: "Camp 1", causeCategory: .natural)), at: t0 + 3 * day)
        let afterDeath = refusal(.custodyMove(CustodyMove(facility: "Camp 2", facilityType: .camp)), at: t0 + 4 * day, in: record)
        #expect(afterDeath?.code == "after_end_of_captivity")
    }

    // MARK: Custody gaps, corrections, purity

    @Test("An escape ends the open card duty; the recapture starts a new one")
    func escapeAndRecapture() {
        var record = ClockRecord()
        _ = record.add(.custodyMove(CustodyMove(facility: "Camp 1", facilityType: .camp)), at: t0 + day)
        _ = record.add(.escape(EscapeEntry(fromFacility: "Camp 1")), at: t0 + 3 * day)
        #expect(record.obligations(.captureCard, at: t0 + 10 * day).isEmpty)
        let recapture = record.add(.recapture(RecaptureEntry(place: "Chernihiv")), at: t0 + 20 * day)
        let cards = record.obligations(.captureCard, at: t0 + 21 * day)
        #expect(cards.map(\.triggerEventID) == [recapture])
        #expect(cards.first?.dueAt == t0 + 27 * day)
    }

    @Test("A corrected arrival date moves the card deadline")
    func correctionMovesDeadline() {
        var record = ClockRecord()
        let wrong = record.add(.custodyMove(CustodyMove(facility: "Camp 1", facilityType: .camp)), at: t0 + 5 * day)
        let right = record.add(.custodyMove(CustodyMove(facility: "Camp 1", facilityType: .camp)), at: t0 + 2 * day,
                               supersedes: wrong)
        let cards = record.obligations(.captureCard, at: t0 + 6 * day)
        #expect(cards.map(\.triggerEventID) == [right])
        #expect(cards.first?.dueAt == t0 + 9 * day)
    }

    @Test("Entries dated after 'now' are not seen, and deriving twice gives the same answer")
    func pureAndAsOf() {
        var record = ClockRecord()
        _ = record.add(.captureCard(CaptureCardEntry(action: .offered)), at: t0 + 5 * day)
        let before = record.obligations(.captureCard, at: t0 + 4 * day)
        #expect(before.first?.status == .notYetDue)
        #expect(record.obligations(at: t0 + 4 * day) == record.obligations(at: t0 + 4 * day))
    }

    @Test("Across prisoners, obligations come ordered by deadline, with counts per rule")
    func dashboardOrderAndCounts() {
        let first = ClockRecord()
        var second = ClockRecord(capturedAt: t0 - 3 * day)
        second.prisoner.id = Clocks.id(2)
        second.events = second.events.map { var event = $0; event.prisonerID = Clocks.id(2); return event }
        let all = Obligations.derive(for: [first.snapshot, second.snapshot], at: t0 + 8 * day)
        #expect(all.map(\.dueAt) == all.map(\.dueAt).sorted())
        let counts = Obligations.counts(all)
        #expect(counts[.captureCard]?[.overdue] == 2)
        #expect(counts[.initialNotification]?[.overdue] == 2)
    }

    // MARK: Catalogue, JSON, access

    @Test("The catalogue lists every rule once, with its article")
    func catalogueComplete() {
        #expect(RuleCatalogue.all.map(\.id) == RuleID.allCases)
        #expect(RuleCatalogue.rule(.captureCard).article.hasPrefix("70"))
        #expect(RuleCatalogue.rule(.healthReport).fieldClass == .health)
    }

    @Test("Obligation state encodes as {status, by, at, late}")
    func stateJSON() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.dateEncodingStrategy = .iso8601
        let state = ObligationState.fulfilled(by: Clocks.id(5), at: t0, late: true)
        let text = String(decoding: try encoder.encode(state), as: UTF8.self)
        #expect(text == #"{"at":"2025-01-09T10:00:00Z","by":"00000000-0000-0000-0000-000000000005","late":true,"status":"fulfilled"}"#)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        #expect(try decoder.decode(ObligationState.self, from: Data(text.utf8)) == state)
        #expect(String(decoding: try encoder.encode(ObligationState.notYetDue), as: UTF8.self) == #"{"status":"not_yet_due"}"#)
    }

    @Test("New entries round-trip as {kind, data} JSON")
    func payloadJSON() throws {
        let payloads: [EventPayload] = [
            .captureCard(CaptureCardEntry(action: .forwarded, cardEventID: Clocks.id(3), forwardedTo: [.centralTracingAgency])),
            .notification(NotificationEntry(subject: .trialNotice, recipient: .protectingPower, concerningEventID: Clocks.id(4),
                                            receivedAt: t0)),
            .transferOrder(TransferOrder(destination: "Camp 2", plannedDeparture: t0)),
            .mmcDecision(MMCDecision(decision: .neutralAccommodation)),
            .waiver(ObligationWaiver(obligationID: "GC3-70-card:x:offer", reason: "r", approver: "a")),
        ]
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.dateEncodingStrategy = .iso8601
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        for payload in payloads {
            let data = try encoder.encode(payload)
            #expect(try decoder.decode(EventPayload.self, from: data) == payload)
        }
        let text = String(decoding: try encoder.encode(payloads[3]), as: UTF8.self)
        #expect(text == #"{"data":{"decision":"B"},"kind":"mmc_decision"}"#)
    }

    @Test("Every new kind can be recorded by some role, in the role's own field")
    func accessMatrix() {
        let recordable = Set(Role.allCases.flatMap { AccessPolicy.writableEventKinds(of: $0) })
        #expect(Set(EventKind.allCases).subtracting(recordable).isEmpty)
        #expect(AccessPolicy.canRecord(.campOfficer, .transferOrder))
        #expect(AccessPolicy.canRecord(.campOfficer, .correspondence))
        #expect(AccessPolicy.canRecord(.medicalOfficer, .medicalClearance))
        #expect(AccessPolicy.canRecord(.liaisonOfficer, .notification))
        #expect(AccessPolicy.canRecord(.legalOfficer, .trialSchedule))
        #expect(AccessPolicy.canRecord(.legalOfficer, .waiver))
        #expect(!AccessPolicy.canRecord(.liaisonOfficer, .waiver))
        #expect(!AccessPolicy.canRecord(.campOfficer, .medicalClearance))
        for role in Role.allCases {
            for kind in AccessPolicy.writableEventKinds(of: role) where kind.fieldClass == .health {
                #expect(AccessPolicy.canRead(role, .health), "\(role) writes \(kind) but cannot read health")
            }
        }
    }
}
