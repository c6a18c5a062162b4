import BureauCore
import Foundation
import Testing

/// What the dashboard and the API build on: filters, role visibility, policy configuration and
/// the generic field listing of the new entry kinds.
@Suite struct ObligationsQueryTests {
    let t0 = Clocks.captured
    let day = Clocks.day

    func record() -> ClockRecord {
        var record = ClockRecord()
        _ = record.add(.custodyMove(CustodyMove(facility: "Camp 1", facilityType: .camp, timeZone: "Europe/Kyiv")), at: t0 + day)
        _ = record.add(.medical(MedicalEntry(kind: .note, seriouslyIll: true)), at: t0 + day)
        return record
    }

    @Test("The dashboard's default shows overdue and due, at the prisoner's current facility")
    func attentionFilter() throws {
        let all = record().obligations(at: t0 + 7 * day)
        let shown = Obligations.filter(all, .attention)
        #expect(!shown.isEmpty)
        #expect(shown.allSatisfy { $0.status == .overdue || $0.status == .due })
        #expect(shown.allSatisfy { $0.facility == "Camp 1" && $0.facilityTimeZone == "Europe/Kyiv" })
        let cards = Obligations.filter(all, ObligationFilter(statuses: nil, rule: try ObligationFilter.rule("GC3-70-card")))
        #expect(cards.map(\.rule) == [.captureCard])
        #expect(Obligations.filter(all, ObligationFilter(facility: "Camp 9")).isEmpty)
    }

    @Test("API state values parse; unknown values are refused naming the parameter")
    func stateParameter() throws {
        #expect(try ObligationFilter.statuses(forState: "overdue") == [.overdue])
        #expect(try ObligationFilter.statuses(forState: nil) == [.overdue, .due])
        #expect(try ObligationFilter.statuses(forState: "all") == nil)
        #expect(throws: DomainError.invalid("state", "use overdue, due, open, fulfilled, waived or all", code: "invalid_value")) {
            try ObligationFilter.statuses(forState: "late")
        }
        #expect(throws: DomainError.self) { try ObligationFilter.rule("GC3-1-nothing") }
    }

    @Test("A liaison officer does not see health obligations; a medical officer does")
    func visibilityByRole() {
        let all = record().obligations(at: t0 + 7 * day)
        #expect(all.contains { $0.rule == .healthReport })
        #expect(!Obligations.visible(all, to: .liaisonOfficer).contains { $0.rule == .healthReport })
        #expect(Obligations.visible(all, to: .medicalOfficer).contains { $0.rule == .healthReport })
        #expect(Obligations.visible(all, to: .administrator).isEmpty)
    }

    @Test("A partial policy configuration keeps the defaults; impossible settings are refused")
    func policyConfiguration() throws {
        let json = #"{"eventNotification": 86400, "cessationOfHostilities": "2026-03-01T00:00:00Z", "protectingPowers": {"PRK": "Sweden"}}"#
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let policy = try decoder.decode(ObligationPolicy.self, from: Data(json.utf8))
        #expect(policy.eventNotification == day)
        #expect(policy.captureCardForwarding == 2 * day)
        #expect(policy.cessationOfHostilities == Clocks.iso("2026-03-01T00:00:00Z"))
        #expect(policy.hasProtectingPower(for: "prk"))
        try policy.validate()
        var bad = ObligationPolicy()
        bad.captureCardAfterCapture = 8 * day
        #expect(throws: DomainError.self) { try bad.validate() }
        bad = ObligationPolicy()
        bad.censorship = -1
        #expect(throws: DomainError.self) { try bad.validate() }
    }

    @Test("New entries list their data as fields for generic display")
    func fields() {
        let payload = EventPayload.transferOrder(TransferOrder(destination: "Camp 2", plannedDeparture: t0, reason: nil))
        #expect(payload.fields == [EventField(name: "destination", value: .text("Camp 2")),
                                   EventField(name: "plannedDeparture", value: .date(t0))])
        let notice = EventPayload.notification(NotificationEntry(subject: .trialNotice, recipient: .protectingPower,
                                                                 concerningEventID: Clocks.id(4)))
        #expect(notice.fields == [EventField(name: "subject", value: .choice("trial_notice")),
                                  EventField(name: "recipient", value: .choice("protecting_power")),
                                  EventField(name: "concerningEventID", value: .reference(Clocks.id(4)))])
        let interview = EventPayload.interview(Interview(purpose: .intake, language: "ko", mode: .written,
                                                         noCoercionAttested: true, content: "restricted words"))
        #expect(!interview.fields.contains { $0.name == "content" })
    }
}
