import BureauCore
import Foundation
import Testing

/// GC3-118-repat (Art. 118): release and repatriation without delay after active hostilities cease;
/// the clock starts at the configured cessation date.
@Suite struct ObligationsRepatriationTests {
    let t0 = Clocks.captured
    let day = Clocks.day
    var cessation: Date { t0 + 400 * day }

    func record(cessation: Date?) -> ClockRecord {
        var record = ClockRecord()
        record.policy.cessationOfHostilities = cessation
        return record
    }

    // covers: GC3-118-repat notYetDue due overdue
    @Test("After the cessation date, repatriation is due within 60 days (policy); before it, nothing is owed")
    func repatriationClock() {
        let none = record(cessation: nil)
        #expect(none.obligations(.repatriation, at: t0 + 1000 * day).isEmpty)
        let record = record(cessation: cessation)
        #expect(record.obligations(.repatriation, at: cessation - 1).isEmpty)
        record.expectClock(.repatriation, trigger: nil, dueAt: cessation + 60 * day, basis: .policy)
        let seen = record.obligation(.repatriation, trigger: nil, at: cessation)
        #expect(seen?.triggeredAt == cessation)
        #expect(seen?.deadlineRule.contains("repatriationAfterCessation") == true)
        #expect(seen?.id == "GC3-118-repat:00000000-0000-0000-0000-000000000001:repatriate")
    }

    // covers: GC3-118-repat lastMoment
    @Test("Repatriated on day 60: on time")
    func repatriatedOnTime() {
        var record = record(cessation: cessation)
        let home = record.add(.repatriation(RepatriationEntry(destinationState: "PRK", basis: .endOfHostilities)),
                              at: cessation + 60 * day)
        record.expectFulfilled(.repatriation, trigger: nil, by: home, at: cessation + 60 * day, late: false)
    }

    // covers: GC3-118-repat late
    @Test("Released one second after day 60: late")
    func releasedLate() {
        var record = record(cessation: cessation)
        let released = record.add(.release(ReleaseEntry(basis: "third-State transfer under Art. 12 safeguards")),
                                  at: cessation + 60 * day + 1)
        record.expectFulfilled(.repatriation, trigger: nil, by: released, at: cessation + 60 * day + 1, late: true)
    }

    // covers: GC3-118-repat other
    @Test("A prisoner captured after the cessation is owed repatriation from his capture")
    func capturedAfterCessation() {
        let record = record(cessation: t0 - 10 * day)
        #expect(record.obligation(.repatriation, trigger: nil, at: t0 + day)?.dueAt == t0 + 60 * day)
    }

    // covers: GC3-118-repat other
    @Test("An Art. 119(5) hold waives it with the hold's reason and approver; an acquittal lifts the hold")
    func holdWaivesUntilAcquittal() {
        var record = record(cessation: cessation)
        _ = record.add(.judicialCharge(JudicialCharge(caseReference: "K-17", charges: ["murder of a civilian"])),
                       at: cessation - 30 * day)
        let hold = record.add(.repatriationHold(RepatriationHold(caseReference: "K-17", ground: .proceedingsPending,
                                                                 reason: "trial pending", approver: "Col. Hrytsenko")),
                              at: cessation + day)
        let held = record.obligation(.repatriation, trigger: nil, at: cessation + 90 * day)
        #expect(held?.state == .waived(reason: "Art. 119(5) hold (case K-17): trial pending", approver: "Col. Hrytsenko",
                                       by: hold))
        _ = record.add(.judgment(JudgmentEntry(caseReference: "K-17", outcome: .acquitted)), at: cessation + 100 * day)
        #expect(record.obligation(.repatriation, trigger: nil, at: cessation + 101 * day)?.status == .overdue)
    }

    // covers: GC3-118-repat other
    @Test("Death before the deadline ends the duty")
    func deathEndsIt() {
        var record = record(cessation: cessation)
        _ = record.add(.death(DeathEntry(place: "Camp 1", causeCategory: .natural)), at: cessation + 10 * day)
        #expect(record.obligations(.repatriation, at: cessation + 100 * day).isEmpty)
    }
}
