import BureauCore
import Foundation
import Testing

/// GC3-104-notice and GC3-101-stay (Arts. 104, 101, 107).
@Suite struct ObligationsTrialTests {
    let t0 = Clocks.captured
    let day = Clocks.day
    let hour = Clocks.hour

    func schedule(_ record: inout ClockRecord, at date: Date, trial: Date) -> UUID {
        record.add(.trialSchedule(TrialSchedule(caseReference: "K-17", court: "Kyiv Garrison Military Court",
                                                place: "Kyiv", trialAt: trial)), at: date)
    }

    func charged(_ record: inout ClockRecord) {
        _ = record.add(.judicialCharge(JudicialCharge(caseReference: "K-17", charges: ["murder of a civilian"],
                                                      legalProvisions: ["CC Art. 438"])), at: t0 + 90 * day)
    }

    func notice(_ recipient: Addressee, about schedule: UUID, received: Date?) -> EventPayload {
        .notification(NotificationEntry(subject: .trialNotice, recipient: recipient, concerningEventID: schedule,
                                        channel: "ICRC", receivedAt: received))
    }

    // MARK: GC3-104-notice

    // covers: GC3-104-notice notYetDue due overdue
    @Test("Notice must be received 21 days before the trial, by the CTA (no Protecting Power), the prisoner and his representative")
    func noticeClock() {
        var record = ClockRecord()
        charged(&record)
        let trial = schedule(&record, at: t0 + 100 * day, trial: t0 + 150 * day)
        for recipient in [Addressee.centralTracingAgency, .prisoner, .representative] {
            record.expectClock(.trialNotice, trigger: trial, owedTo: recipient, dueAt: t0 + 129 * day, basis: .treaty)
        }
    }

    // covers: GC3-104-notice lastMoment late
    @Test("Receipt, not sending, counts: received exactly 21 days ahead is on time, one second later is late")
    func receiptCounts() {
        var record = ClockRecord()
        charged(&record)
        let trial = schedule(&record, at: t0 + 100 * day, trial: t0 + 150 * day)
        let toCTA = record.add(notice(.centralTracingAgency, about: trial, received: t0 + 129 * day), at: t0 + 120 * day)
        let toPrisoner = record.add(notice(.prisoner, about: trial, received: t0 + 129 * day + 1), at: t0 + 129 * day)
        record.expectFulfilled(.trialNotice, trigger: trial, owedTo: .centralTracingAgency, by: toCTA,
                               at: t0 + 129 * day, late: false)
        record.expectFulfilled(.trialNotice, trigger: trial, owedTo: .prisoner, by: toPrisoner,
                               at: t0 + 129 * day + 1, late: true)
        // Sent but not yet received is not fulfilment.
        var pending = ClockRecord()
        charged(&pending)
        let other = schedule(&pending, at: t0 + 100 * day, trial: t0 + 150 * day)
        _ = pending.add(notice(.representative, about: other, received: nil), at: t0 + 110 * day)
        #expect(pending.obligation(.trialNotice, trigger: other, owedTo: .representative, at: t0 + 130 * day)?.status == .overdue)
    }

    // covers: GC3-104-notice recurring
    @Test("An adjourned trial (new schedule) needs new notices, due 21 days before the new date")
    func adjournmentRestarts() {
        var record = ClockRecord()
        charged(&record)
        let first = schedule(&record, at: t0 + 100 * day, trial: t0 + 120 * day)
        let second = schedule(&record, at: t0 + 110 * day, trial: t0 + 160 * day)
        let now = t0 + 111 * day
        #expect(record.obligations(.trialNotice, at: now).allSatisfy { $0.triggerEventID == second })
        #expect(record.obligation(.trialNotice, trigger: first, owedTo: .prisoner, at: now) == nil)
        #expect(record.obligation(.trialNotice, trigger: second, owedTo: .prisoner, at: now)?.dueAt == t0 + 139 * day)
    }

    // MARK: GC3-101-stay

    func sentence(_ record: inout ClockRecord, at date: Date) -> UUID {
        charged(&record)
        return record.add(.judgment(JudgmentEntry(caseReference: "K-17", outcome: .convicted, sentence: "death",
                                                  deathSentence: true, final: true)), at: date)
    }

    func communication(about judgment: UUID, received: Date) -> EventPayload {
        .notification(NotificationEntry(subject: .detailedCommunication, recipient: .centralTracingAgency,
                                        concerningEventID: judgment, receivedAt: received))
    }

    // covers: GC3-101-stay notYetDue due overdue
    @Test("The Art. 107 communication of a death sentence is due within 7 days (policy)")
    func communicationClock() {
        var record = ClockRecord()
        let judgment = sentence(&record, at: t0 + 200 * day)
        record.expectClock(.deathSentenceStay, trigger: judgment, dueAt: t0 + 207 * day, basis: .policy)
        #expect(record.obligation(.deathSentenceStay, trigger: judgment, at: t0 + 201 * day)?.barsUntil == nil)
    }

    // covers: GC3-101-stay lastMoment
    @Test("Received on day 7: on time, and no execution before six months after receipt")
    func stayRunsFromReceipt() {
        var record = ClockRecord()
        let judgment = sentence(&record, at: t0 + 200 * day)
        let sent = record.add(communication(about: judgment, received: t0 + 207 * day), at: t0 + 203 * day)
        record.expectFulfilled(.deathSentenceStay, trigger: judgment, by: sent, at: t0 + 207 * day, late: false)
        #expect(record.obligation(.deathSentenceStay, trigger: judgment, at: t0 + 208 * day)?.barsUntil
                == Clocks.months(6, after: t0 + 207 * day))
    }

    // covers: GC3-101-stay late
    @Test("Received one second after day 7: late, and the stay runs from that receipt")
    func lateCommunication() {
        var record = ClockRecord()
        let judgment = sentence(&record, at: t0 + 200 * day)
        let sent = record.add(communication(about: judgment, received: t0 + 207 * day + 1), at: t0 + 206 * day)
        record.expectFulfilled(.deathSentenceStay, trigger: judgment, by: sent, at: t0 + 207 * day + 1, late: true)
        #expect(record.obligation(.deathSentenceStay, trigger: judgment, at: t0 + 208 * day)?.barsUntil
                == Clocks.months(6, after: t0 + 207 * day + 1))
    }

    // covers: GC3-101-stay recurring
    @Test("Each death sentence (a retrial's too) needs its own communication")
    func eachSentence() {
        var record = ClockRecord()
        let first = sentence(&record, at: t0 + 200 * day)
        _ = record.add(communication(about: first, received: t0 + 202 * day), at: t0 + 201 * day)
        let second = record.add(.judgment(JudgmentEntry(caseReference: "K-17", outcome: .convicted, sentence: "death",
                                                        deathSentence: true, final: true)), at: t0 + 300 * day)
        #expect(record.obligation(.deathSentenceStay, trigger: first, at: t0 + 301 * day)?.status == .fulfilled)
        #expect(record.obligation(.deathSentenceStay, trigger: second, at: t0 + 301 * day)?.dueAt == t0 + 307 * day)
    }
}
