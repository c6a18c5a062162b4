import BureauCore
import Foundation
import Testing

/// GC3-70-card (Art. 70, Annex IV B): a capture card within a week of arrival at a camp, restarted by
/// every transfer, and forwarded as rapidly as possible.
@Suite struct ObligationsCaptureCardTests {
    let t0 = Clocks.captured
    let day = Clocks.day

    func arrival(_ record: inout ClockRecord, _ facility: String, _ type: CustodyMove.FacilityType = .camp,
                 at date: Date) -> UUID {
        record.add(.custodyMove(CustodyMove(facility: facility, facilityType: type, timeZone: "Europe/Kyiv")), at: date)
    }

    // covers: GC3-70-card notYetDue due overdue
    @Test("Card due 7 days after arrival at a transit camp; not overdue at 6 d 23 h 59 m 59 s")
    func dueSevenDaysAfterCampArrival() {
        var record = ClockRecord()
        let transit = arrival(&record, "Transit point Sumy", .transit, at: t0 + day)
        record.expectClock(.captureCard, trigger: transit, key: "offer", dueAt: t0 + 8 * day, basis: .treaty)
        let seen = record.obligation(.captureCard, trigger: transit, key: "offer", at: t0 + 8 * day - 1)
        #expect(seen?.status == .due)
        #expect(seen?.facilityTimeZone == "Europe/Kyiv")
        #expect(seen?.owedTo == [.family, .centralTracingAgency])
        // The capture's own clock was restarted by the arrival: one card obligation, not two.
        #expect(record.obligations(.captureCard, at: t0 + 2 * day).count == 1)
    }

    // covers: GC3-70-card notYetDue due overdue
    @Test("Before any camp, the card is owed by policy after capture (7 days by default)")
    func captureClockIsPolicy() {
        let record = ClockRecord()
        record.expectClock(.captureCard, trigger: Clocks.captureID, key: "offer", dueAt: t0 + 7 * day, basis: .policy)
        #expect(record.obligations(.captureCard, at: t0)[0].deadlineRule.contains("captureCardAfterCapture"))
    }

    // covers: GC3-70-card lastMoment
    @Test("A card offered at the last second of day 7 is on time")
    func offeredAtTheLastMoment() {
        var record = ClockRecord()
        let camp = arrival(&record, "Camp 1", at: t0 + day)
        let offered = record.add(.captureCard(CaptureCardEntry(action: .offered)), at: t0 + 8 * day)
        record.expectFulfilled(.captureCard, trigger: camp, key: "offer", by: offered, at: t0 + 8 * day, late: false)
    }

    // covers: GC3-70-card late
    @Test("A card offered one second after day 7 fulfils the duty late")
    func offeredLate() {
        var record = ClockRecord()
        let camp = arrival(&record, "Camp 1", at: t0 + day)
        let written = record.add(.captureCard(CaptureCardEntry(action: .written, language: "ko")), at: t0 + 8 * day + 1)
        record.expectFulfilled(.captureCard, trigger: camp, key: "offer", by: written, at: t0 + 8 * day + 1, late: true)
    }

    // covers: GC3-70-card recurring
    @Test("A second transfer restarts the card clock at the new camp")
    func transferRestartsTheClock() {
        var record = ClockRecord()
        let first = arrival(&record, "Camp 1", at: t0 + day)
        let second = arrival(&record, "Camp 2", at: t0 + 4 * day)
        let now = t0 + 5 * day
        #expect(record.obligation(.captureCard, trigger: first, key: "offer", at: now) == nil)
        #expect(record.obligation(.captureCard, trigger: second, key: "offer", at: now)?.dueAt == t0 + 11 * day)
        record.expectClock(.captureCard, trigger: second, key: "offer", dueAt: t0 + 11 * day, basis: .treaty)
    }

    // covers: GC3-70-card recurring
    @Test("A transfer after a missed deadline does not erase the breach")
    func missedDeadlineStaysMissed() {
        var record = ClockRecord()
        let first = arrival(&record, "Camp 1", at: t0 + day)
        let second = arrival(&record, "Camp 2", at: t0 + 10 * day)
        let now = t0 + 11 * day
        #expect(record.obligation(.captureCard, trigger: first, key: "offer", at: now)?.status == .overdue)
        #expect(record.obligation(.captureCard, trigger: second, key: "offer", at: now)?.status == .notYetDue)
        // One card at the new camp meets both, the first late.
        let card = record.add(.captureCard(CaptureCardEntry(action: .offered)), at: t0 + 12 * day)
        record.expectFulfilled(.captureCard, trigger: first, key: "offer", by: card, at: t0 + 12 * day, late: true)
        record.expectFulfilled(.captureCard, trigger: second, key: "offer", by: card, at: t0 + 12 * day, late: false)
    }

    // covers: GC3-70-card other
    @Test("Forwarding the card written at the old camp does not meet the new camp's duty")
    func forwardingOldCardIsNotANewCard() {
        var record = ClockRecord()
        _ = arrival(&record, "Camp 1", at: t0 + day)
        let written = record.add(.captureCard(CaptureCardEntry(action: .written)), at: t0 + 2 * day)
        let second = arrival(&record, "Camp 2", at: t0 + 3 * day)
        _ = record.add(.captureCard(CaptureCardEntry(action: .forwarded, cardEventID: written, forwardedTo: [.family])),
                       at: t0 + 4 * day)
        #expect(record.obligation(.captureCard, trigger: second, key: "offer", at: t0 + 11 * day)?.status == .overdue)
    }

    // covers: GC3-70-card other
    @Test("A hospital admission for sickness starts a new card week; declining fulfils it")
    func hospitalAndDecline() {
        var record = ClockRecord()
        _ = arrival(&record, "Camp 1", at: t0 + day)
        _ = record.add(.captureCard(CaptureCardEntry(action: .offered)), at: t0 + 2 * day)
        let hospital = arrival(&record, "Kyiv military hospital", .hospital, at: t0 + 20 * day)
        #expect(record.obligation(.captureCard, trigger: hospital, key: "offer", at: t0 + 21 * day)?.dueAt == t0 + 27 * day)
        let declined = record.add(.captureCard(CaptureCardEntry(action: .declined)), at: t0 + 22 * day)
        record.expectFulfilled(.captureCard, trigger: hospital, key: "offer", by: declined, at: t0 + 22 * day, late: false)
    }

    // covers: GC3-70-card other
    @Test("A written card is forwarded within 48 h (policy); a forwarding at 48 h 1 s is late")
    func forwardingClock() {
        var record = ClockRecord()
        let written = record.add(.captureCard(CaptureCardEntry(action: .written, language: "ko")), at: t0 + day)
        record.policy.dueSoonWindow = 12 * Clocks.hour
        record.expectClock(.captureCard, trigger: written, key: "forward", dueAt: t0 + 3 * day, basis: .policy)
        let forwarded = record.add(.captureCard(CaptureCardEntry(action: .forwarded, cardEventID: written,
                                                                 forwardedTo: [.centralTracingAgency, .family])),
                                   at: t0 + 3 * day + 1)
        record.expectFulfilled(.captureCard, trigger: written, key: "forward", by: forwarded, at: t0 + 3 * day + 1, late: true)
    }
}
