import BureauCore
import Foundation
import Testing

/// GC3-122-initial, GC3-122-events, GC3-122-health, GC3-119-held: what the Bureau must tell the
/// Central Tracing Agency (and a Protecting Power, where one is configured).
@Suite struct ObligationsNotificationTests {
    let t0 = Clocks.captured
    let day = Clocks.day
    let hour = Clocks.hour

    func notice(_ subject: NotificationEntry.Subject, to recipient: Addressee = .centralTracingAgency,
                about event: UUID?) -> EventPayload {
        .notification(NotificationEntry(subject: subject, recipient: recipient, concerningEventID: event,
                                        channel: "ICRC portal"))
    }

    func move(_ facility: String, _ type: CustodyMove.FacilityType = .camp) -> EventPayload {
        .custodyMove(CustodyMove(facility: facility, facilityType: type))
    }

    // MARK: GC3-122-initial

    // covers: GC3-122-initial notYetDue due overdue
    @Test("Registration forwarded to the CTA within 48 h of capture (policy), shown as policy")
    func initialNoticeClock() {
        var record = ClockRecord()
        record.policy.dueSoonWindow = 12 * hour
        record.expectClock(.initialNotification, trigger: Clocks.captureID, owedTo: .centralTracingAgency,
                           dueAt: t0 + 48 * hour, basis: .policy)
        // No Protecting Power is configured: the CTA alone is owed.
        #expect(record.obligations(.initialNotification, at: t0).map(\.owedTo) == [[.centralTracingAgency]])
    }

    // covers: GC3-122-initial lastMoment
    @Test("A notice sent at 48 h exactly is on time")
    func initialNoticeLastMoment() {
        var record = ClockRecord()
        let sent = record.add(notice(.initialRegistration, about: Clocks.captureID), at: t0 + 48 * hour)
        record.expectFulfilled(.initialNotification, trigger: Clocks.captureID, owedTo: .centralTracingAgency,
                               by: sent, at: t0 + 48 * hour, late: false)
    }

    // covers: GC3-122-initial late
    @Test("With a Protecting Power configured, each recipient has its own clock; one late notice leaves the other open")
    func initialNoticeLateAndPerRecipient() {
        var record = ClockRecord()
        record.policy.protectingPowers = ["PRK": "Sweden"]
        let sent = record.add(notice(.initialRegistration, about: Clocks.captureID), at: t0 + 48 * hour + 1)
        record.expectFulfilled(.initialNotification, trigger: Clocks.captureID, owedTo: .centralTracingAgency,
                               by: sent, at: t0 + 48 * hour + 1, late: true)
        #expect(record.obligation(.initialNotification, trigger: Clocks.captureID, owedTo: .protectingPower,
                                  at: t0 + 3 * day)?.status == .overdue)
    }

    // MARK: GC3-122-events

    // covers: GC3-122-events notYetDue due overdue
    @Test("A transfer is notified within 48 h; the first arrival after capture is not a transfer")
    func transferNoticeClock() {
        var record = ClockRecord()
        let first = record.add(move("Camp 1"), at: t0 + day)
        let second = record.add(move("Camp 2"), at: t0 + 5 * day)
        record.policy.dueSoonWindow = 12 * hour
        #expect(record.obligations(.eventNotification, at: t0 + 5 * day).allSatisfy { $0.triggerEventID != first })
        record.expectClock(.eventNotification, trigger: second, dueAt: t0 + 7 * day, basis: .policy)
        #expect(record.obligation(.eventNotification, trigger: second, at: t0 + 5 * day)?.dutyKey
                == "obligation.GC3-122-events.transfer")
    }

    // covers: GC3-122-events lastMoment late
    @Test("A hospital admission notified at 48 h is on time; an escape notified at 48 h 1 s is late")
    func admissionOnTimeEscapeLate() {
        var record = ClockRecord()
        let hospital = record.add(move("Kyiv military hospital", .hospital), at: t0 + day)
        let sent = record.add(notice(.hospitalAdmission, about: hospital), at: t0 + 3 * day)
        record.expectFulfilled(.eventNotification, trigger: hospital, by: sent, at: t0 + 3 * day, late: false)
        let escape = record.add(.escape(EscapeEntry(fromFacility: "Kyiv military hospital")), at: t0 + 10 * day)
        let late = record.add(notice(.escape, about: escape), at: t0 + 12 * day + 1)
        record.expectFulfilled(.eventNotification, trigger: escape, by: late, at: t0 + 12 * day + 1, late: true)
    }

    // covers: GC3-122-events recurring
    @Test("Every custody change has its own notice: two transfers, a recapture and a death are four clocks")
    func eachEventItsOwnNotice() {
        var record = ClockRecord()
        _ = record.add(move("Camp 1"), at: t0 + day)
        let second = record.add(move("Camp 2"), at: t0 + 5 * day)
        let third = record.add(move("Camp 3"), at: t0 + 9 * day)
        let sent = record.add(notice(.transfer, about: second), at: t0 + 6 * day)
        let escape = record.add(.escape(EscapeEntry()), at: t0 + 20 * day)
        let recapture = record.add(.recapture(RecaptureEntry(place: "Chernihiv")), at: t0 + 21 * day)
        let death = record.add(.death(DeathEntry(place: "Camp 3", causeCategory: .natural)), at: t0 + 40 * day)
        let now = t0 + 41 * day
        #expect(record.obligation(.eventNotification, trigger: second, at: now)?.state
                == .fulfilled(by: sent, at: t0 + 6 * day, late: false))
        #expect(record.obligation(.eventNotification, trigger: third, at: now)?.status == .overdue)
        #expect(record.obligation(.eventNotification, trigger: escape, at: now)?.status == .overdue)
        #expect(record.obligation(.eventNotification, trigger: recapture, at: now)?.status == .overdue)
        #expect(record.obligation(.eventNotification, trigger: death, at: now)?.status == .due)
    }

    // MARK: GC3-122-health

    func flag(_ ill: Bool) -> EventPayload {
        .medical(MedicalEntry(kind: .note, seriouslyIll: ill, summary: ill ? "fractured femur, infection" : "recovering"))
    }

    var report: EventPayload { notice(.healthReport, about: nil) }

    // covers: GC3-122-health notYetDue due overdue
    @Test("A seriously ill prisoner's first weekly report is due 7 days after the flag (treaty)")
    func weeklyReportClock() {
        var record = ClockRecord()
        let flagged = record.add(flag(true), at: t0 + day)
        record.expectClock(.healthReport, trigger: flagged, dueAt: t0 + 8 * day, basis: .treaty)
    }

    // covers: GC3-122-health lastMoment recurring
    @Test("A report on day 7 is on time and restarts the week")
    func reportRestartsTheWeek() {
        var record = ClockRecord()
        let flagged = record.add(flag(true), at: t0 + day)
        let first = record.add(report, at: t0 + 8 * day)
        record.expectFulfilled(.healthReport, trigger: flagged, by: first, at: t0 + 8 * day, late: false)
        record.expectClock(.healthReport, trigger: first, dueAt: t0 + 15 * day, basis: .treaty)
    }

    // covers: GC3-122-health late
    @Test("A report one second late is late; the next week counts from it")
    func lateReport() {
        var record = ClockRecord()
        let flagged = record.add(flag(true), at: t0 + day)
        let late = record.add(report, at: t0 + 8 * day + 1)
        record.expectFulfilled(.healthReport, trigger: flagged, by: late, at: t0 + 8 * day + 1, late: true)
        #expect(record.obligation(.healthReport, trigger: late, at: t0 + 9 * day)?.dueAt == t0 + 15 * day + 1)
    }

    // covers: GC3-122-health other
    @Test("Clearing the flag ends the weekly reports; a report with no one flagged is refused")
    func clearingTheFlagEndsReports() throws {
        var record = ClockRecord()
        let flagged = record.add(flag(true), at: t0 + day)
        let first = record.add(report, at: t0 + 8 * day)
        _ = record.add(flag(false), at: t0 + 10 * day)
        #expect(record.obligation(.healthReport, trigger: first, at: t0 + 30 * day) == nil)
        #expect(record.obligations(.healthReport, at: t0 + 30 * day).map(\.triggerEventID) == [flagged])

        let stray = ClockRecord()
        let event = TimelineEvent(id: Clocks.id(900), prisonerID: Clocks.prisonerID, occurredAt: t0 + day,
                                  recordedAt: t0 + day, recordedBy: "liaison", payload: report)
        #expect(throws: DomainError.self) {
            try Obligations.validateFulfilment(event, record: stray.snapshot, at: t0 + day)
        }
    }

    // MARK: GC3-119-held

    func hold(_ record: inout ClockRecord, at date: Date) -> UUID {
        _ = record.add(.judicialCharge(JudicialCharge(caseReference: "K-17", charges: ["murder of a civilian"])),
                       at: date - day)
        return record.add(.repatriationHold(RepatriationHold(caseReference: "K-17", ground: .proceedingsPending,
                                                             reason: "trial pending", approver: "Col. Hrytsenko")),
                          at: date)
    }

    // covers: GC3-119-held notYetDue due overdue
    @Test("The name of a prisoner held back is communicated within 7 days (policy)")
    func heldBackClock() {
        var record = ClockRecord()
        let held = hold(&record, at: t0 + 10 * day)
        record.expectClock(.heldBack, trigger: held, owedTo: .centralTracingAgency, dueAt: t0 + 17 * day, basis: .policy)
    }

    // covers: GC3-119-held lastMoment late
    @Test("Held-back notices: CTA on the last second, Protecting Power one second late")
    func heldBackFulfilment() {
        var record = ClockRecord()
        record.policy.protectingPowers = ["PRK": "Sweden"]
        let held = hold(&record, at: t0 + 10 * day)
        let cta = record.add(notice(.heldBack, about: held), at: t0 + 17 * day)
        let power = record.add(notice(.heldBack, to: .protectingPower, about: held), at: t0 + 17 * day + 1)
        record.expectFulfilled(.heldBack, trigger: held, owedTo: .centralTracingAgency, by: cta, at: t0 + 17 * day, late: false)
        record.expectFulfilled(.heldBack, trigger: held, owedTo: .protectingPower, by: power, at: t0 + 17 * day + 1, late: true)
    }

    // covers: GC3-119-held recurring
    @Test("A second hold is a second notice")
    func secondHold() {
        var record = ClockRecord()
        let first = hold(&record, at: t0 + 10 * day)
        _ = record.add(notice(.heldBack, about: first), at: t0 + 11 * day)
        let second = record.add(.repatriationHold(RepatriationHold(caseReference: "K-17", ground: .servingSentence,
                                                                   reason: "sentenced to 3 years", approver: "Col. Hrytsenko")),
                                at: t0 + 100 * day)
        #expect(record.obligation(.heldBack, trigger: first, at: t0 + 101 * day)?.status.isOpen == false)
        #expect(record.obligation(.heldBack, trigger: second, at: t0 + 101 * day)?.dueAt == t0 + 107 * day)
    }
}
