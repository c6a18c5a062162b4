import BureauCore
import Foundation
import Testing

/// GC3-46-list, GC3-47-sick, GC3-48-notice: duties before a transfer leaves (Arts. 46–48).
@Suite struct ObligationsTransferTests {
    let t0 = Clocks.captured
    let day = Clocks.day
    let hour = Clocks.hour

    func order(_ record: inout ClockRecord, at date: Date, departure: Date, to destination: String = "Camp 2") -> UUID {
        record.add(.transferOrder(TransferOrder(destination: destination, plannedDeparture: departure,
                                                reason: "camp closure")), at: date)
    }

    func sick(_ record: inout ClockRecord) {
        _ = record.add(.custodyMove(CustodyMove(facility: "Kyiv military hospital", facilityType: .hospital)), at: t0 + day)
    }

    // MARK: GC3-46-list

    // covers: GC3-46-list notYetDue due overdue
    @Test("The transfer list is due before the planned departure")
    func listClock() {
        var record = ClockRecord()
        let transfer = order(&record, at: t0 + 10 * day, departure: t0 + 14 * day)
        record.expectClock(.transferList, trigger: transfer, dueAt: t0 + 14 * day, basis: .treaty)
    }

    // covers: GC3-46-list lastMoment late
    @Test("A list at the departure instant is on time; a list one second after is late")
    func listOnTimeAndLate() {
        var record = ClockRecord()
        let first = order(&record, at: t0 + 10 * day, departure: t0 + 14 * day)
        let list = record.add(.transferList(TransferList(transferEventID: first, listReference: "TL-2025-031")), at: t0 + 14 * day)
        record.expectFulfilled(.transferList, trigger: first, by: list, at: t0 + 14 * day, late: false)
        let second = order(&record, at: t0 + 20 * day, departure: t0 + 24 * day, to: "Camp 3")
        let late = record.add(.transferList(TransferList(transferEventID: second, listReference: "TL-2025-044")),
                              at: t0 + 24 * day + 1)
        record.expectFulfilled(.transferList, trigger: second, by: late, at: t0 + 24 * day + 1, late: true)
    }

    // covers: GC3-46-list recurring
    @Test("A second transfer needs its own list; a cancelled order needs none")
    func secondTransferSecondList() {
        var record = ClockRecord()
        let first = order(&record, at: t0 + 10 * day, departure: t0 + 14 * day)
        _ = record.add(.transferList(TransferList(transferEventID: first, listReference: "TL-1")), at: t0 + 13 * day)
        let second = order(&record, at: t0 + 20 * day, departure: t0 + 24 * day, to: "Camp 3")
        #expect(record.obligation(.transferList, trigger: second, at: t0 + 23 * day)?.status == .due)
        _ = record.add(.transferOrder(TransferOrder(destination: "Camp 3", plannedDeparture: t0 + 24 * day, cancelled: true)),
                       at: t0 + 23 * day, supersedes: second)
        #expect(record.obligations(.transferList, at: t0 + 30 * day).map(\.status) == [.fulfilled])
    }

    // MARK: GC3-47-sick

    // covers: GC3-47-sick notYetDue due overdue
    @Test("Moving a prisoner in hospital needs medical clearance before departure; a healthy one does not")
    func clearanceClock() {
        var record = ClockRecord()
        sick(&record)
        let transfer = order(&record, at: t0 + 10 * day, departure: t0 + 14 * day)
        record.expectClock(.transferOfSick, trigger: transfer, dueAt: t0 + 14 * day, basis: .treaty)

        var healthy = ClockRecord()
        _ = order(&healthy, at: t0 + 10 * day, departure: t0 + 14 * day)
        #expect(healthy.obligations(.transferOfSick, at: t0 + 12 * day).isEmpty)
    }

    // covers: GC3-47-sick lastMoment late
    @Test("Clearance at departure is on time; for a seriously ill prisoner one second late is late")
    func clearanceOnTimeAndLate() {
        var record = ClockRecord()
        sick(&record)
        let first = order(&record, at: t0 + 10 * day, departure: t0 + 14 * day)
        let cleared = record.add(.medicalClearance(MedicalClearance(transferEventID: first, fitToTravel: true,
                                                                    examiner: "Maj. Dr. Koval")), at: t0 + 14 * day)
        record.expectFulfilled(.transferOfSick, trigger: first, by: cleared, at: t0 + 14 * day, late: false)

        var ill = ClockRecord()
        _ = ill.add(.medical(MedicalEntry(kind: .note, seriouslyIll: true)), at: t0 + day)
        let transfer = order(&ill, at: t0 + 10 * day, departure: t0 + 14 * day)
        let late = ill.add(.medicalClearance(MedicalClearance(transferEventID: transfer, fitToTravel: false,
                                                              safetyGround: "camp under artillery fire",
                                                              examiner: "Maj. Dr. Koval")), at: t0 + 14 * day + 1)
        ill.expectFulfilled(.transferOfSick, trigger: transfer, by: late, at: t0 + 14 * day + 1, late: true)
    }

    // covers: GC3-47-sick recurring
    @Test("Each transfer of a sick prisoner needs its own clearance")
    func eachTransferItsClearance() {
        var record = ClockRecord()
        sick(&record)
        let first = order(&record, at: t0 + 10 * day, departure: t0 + 14 * day)
        _ = record.add(.medicalClearance(MedicalClearance(transferEventID: first, fitToTravel: true, examiner: "Dr. Koval")),
                       at: t0 + 12 * day)
        let second = order(&record, at: t0 + 15 * day, departure: t0 + 20 * day, to: "Hospital 2")
        #expect(record.obligation(.transferOfSick, trigger: second, at: t0 + 21 * day)?.status == .overdue)
    }

    // MARK: GC3-48-notice

    // covers: GC3-48-notice notYetDue due overdue
    @Test("Notice of departure is due 48 h before it (policy)")
    func noticeClock() {
        var record = ClockRecord()
        let transfer = order(&record, at: t0 + 5 * day, departure: t0 + 14 * day)
        record.expectClock(.transferNotice, trigger: transfer, dueAt: t0 + 12 * day, basis: .policy)
        #expect(record.obligation(.transferNotice, trigger: transfer, at: t0 + 6 * day)?.deadlineRule
            .contains("transferNoticeLead") == true)
    }

    // covers: GC3-48-notice lastMoment late
    @Test("Notice exactly 48 h ahead is on time; an order made 24 h before departure can only be met late")
    func noticeOnTimeAndLate() {
        var record = ClockRecord()
        let first = order(&record, at: t0 + 5 * day, departure: t0 + 14 * day)
        let notice = record.add(.transferNotice(TransferNotice(transferEventID: first, newPostalAddress: "Camp 2, PO box 17")),
                                at: t0 + 12 * day)
        record.expectFulfilled(.transferNotice, trigger: first, by: notice, at: t0 + 12 * day, late: false)
        let rushed = order(&record, at: t0 + 20 * day, departure: t0 + 21 * day, to: "Camp 3")
        #expect(record.obligation(.transferNotice, trigger: rushed, at: t0 + 20 * day)?.status == .overdue)
        let late = record.add(.transferNotice(TransferNotice(transferEventID: rushed, newPostalAddress: "Camp 3")),
                              at: t0 + 20 * day + hour)
        record.expectFulfilled(.transferNotice, trigger: rushed, by: late, at: t0 + 20 * day + hour, late: true)
    }

    // covers: GC3-48-notice recurring
    @Test("A corrected departure date moves the notice deadline; the notice given for the old entry still counts")
    func correctedDepartureMovesDeadline() {
        var record = ClockRecord()
        let first = order(&record, at: t0 + 5 * day, departure: t0 + 14 * day)
        let notice = record.add(.transferNotice(TransferNotice(transferEventID: first, newPostalAddress: "Camp 2")),
                                at: t0 + 6 * day)
        let corrected = record.add(.transferOrder(TransferOrder(destination: "Camp 2", plannedDeparture: t0 + 10 * day)),
                                   at: t0 + 7 * day, supersedes: first)
        let seen = record.obligation(.transferNotice, trigger: corrected, at: t0 + 8 * day)
        #expect(seen?.dueAt == t0 + 8 * day)
        #expect(seen?.state == .fulfilled(by: notice, at: t0 + 6 * day, late: false))
    }
}
