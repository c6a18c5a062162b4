import BureauCore
import Foundation
import Testing

/// GC3-126-visits and GC3-79-rep (Arts. 126, 79).
@Suite struct ObligationsVisitsAndRepresentativeTests {
    let t0 = Clocks.captured
    let day = Clocks.day

    func request(_ record: inout ClockRecord, at date: Date, _ visitor: Visitor = .icrc) -> UUID {
        record.add(.visitRequest(VisitRequest(visitor: visitor, requestedBy: "ICRC delegation Kyiv")), at: date)
    }

    // MARK: GC3-126-visits

    // covers: GC3-126-visits notYetDue due overdue
    @Test("A requested ICRC visit takes place within 7 days (policy)")
    func visitClock() {
        var record = ClockRecord()
        let asked = request(&record, at: t0 + 30 * day)
        record.expectClock(.visits, trigger: asked, dueAt: t0 + 37 * day, basis: .policy)
        #expect(record.obligation(.visits, trigger: asked, at: t0 + 31 * day)?.owedTo == [.icrc])
    }

    // covers: GC3-126-visits lastMoment late
    @Test("A visit on day 7 is on time; a Protecting Power visit one second late is late")
    func visitOnTimeAndLate() {
        var record = ClockRecord()
        let asked = request(&record, at: t0 + 30 * day)
        let visit = record.add(.visit(VisitEntry(visitor: .icrc, requestEventID: asked, privateInterview: true)),
                               at: t0 + 37 * day)
        record.expectFulfilled(.visits, trigger: asked, by: visit, at: t0 + 37 * day, late: false)
        let power = request(&record, at: t0 + 40 * day, .protectingPower)
        let late = record.add(.visit(VisitEntry(visitor: .protectingPower, privateInterview: false)), at: t0 + 47 * day + 1)
        record.expectFulfilled(.visits, trigger: power, by: late, at: t0 + 47 * day + 1, late: true)
    }

    // covers: GC3-126-visits recurring
    @Test("A temporary refusal moves the deadline to its end; a new request has its own clock")
    func refusalAndNewRequest() {
        var record = ClockRecord()
        let asked = request(&record, at: t0 + 30 * day)
        _ = record.add(.visitRefusal(VisitRefusal(requestEventID: asked, reason: "active shelling of the camp area",
                                                  until: t0 + 45 * day)), at: t0 + 31 * day)
        let seen = record.obligation(.visits, trigger: asked, at: t0 + 40 * day)
        #expect(seen?.dueAt == t0 + 45 * day)
        #expect(seen?.status == .notYetDue)
        let again = request(&record, at: t0 + 60 * day)
        #expect(record.obligation(.visits, trigger: again, at: t0 + 61 * day)?.dueAt == t0 + 67 * day)
        #expect(record.obligation(.visits, trigger: asked, at: t0 + 61 * day)?.status == .overdue)
    }

    // MARK: GC3-79-rep

    func elect(_ record: inout ClockRecord, at date: Date) -> UUID {
        record.add(.representativeElection(RepresentativeElection(facility: "Camp 1", approved: true)), at: date)
    }

    // covers: GC3-79-rep notYetDue due overdue
    @Test("The next election of the prisoners' representative is due 6 months after his election")
    func electionClock() {
        var record = ClockRecord()
        let elected = elect(&record, at: t0 + 60 * day)
        record.expectClock(.representativeElection, trigger: elected, dueAt: Clocks.months(6, after: t0 + 60 * day),
                           basis: .treaty)
    }

    // covers: GC3-79-rep lastMoment recurring
    @Test("Re-election at six months is on time and starts the next six months")
    func reelection() {
        var record = ClockRecord()
        let first = elect(&record, at: t0 + 60 * day)
        let due = Clocks.months(6, after: t0 + 60 * day)
        let second = elect(&record, at: due)
        record.expectFulfilled(.representativeElection, trigger: first, by: second, at: due, late: false)
        record.expectClock(.representativeElection, trigger: second, dueAt: Clocks.months(6, after: due), basis: .treaty)
    }

    // covers: GC3-79-rep late
    @Test("A successor elected one second after six months is late")
    func successorLate() {
        var record = ClockRecord()
        let first = elect(&record, at: t0 + 60 * day)
        let due = Clocks.months(6, after: t0 + 60 * day)
        let end = record.add(.representativeMandateEnd(RepresentativeMandateEnd(reason: .succeeded, successorElectedAt: due + 1)),
                             at: due + 1)
        record.expectFulfilled(.representativeElection, trigger: first, by: end, at: due + 1, late: true)
    }

    // covers: GC3-79-rep other
    @Test("When the representative is transferred the post is vacant: an election is due within 14 days (policy)")
    func vacancyOnTransfer() {
        var record = ClockRecord()
        let elected = elect(&record, at: t0 + 60 * day)
        _ = record.add(.custodyMove(CustodyMove(facility: "Camp 4", facilityType: .camp)), at: t0 + 90 * day)
        let seen = record.obligation(.representativeElection, trigger: elected, at: t0 + 91 * day)
        #expect(seen?.dueAt == t0 + 104 * day)
        #expect(seen?.deadlineBasis == .policy)
    }
}
