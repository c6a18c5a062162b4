import BureauCore
import Foundation
import Testing

/// GC3-90-limits, GC3-95-prehearing, GC3-103-pretrial (Arts. 90, 95, 103).
@Suite struct ObligationsDisciplineTests {
    let t0 = Clocks.captured
    let day = Clocks.day

    func award(_ record: inout ClockRecord, at date: Date, days: Int = 20, deducted: Int? = nil,
               case reference: String = "D-3") -> UUID {
        record.add(.disciplinaryAward(DisciplinaryAward(caseReference: reference, offence: "attempted escape",
                                                        punishment: .confinement, days: days,
                                                        preHearingDaysDeducted: deducted, awardedBy: "Lt. Col. Shevchuk")),
                   at: date)
    }

    func step(_ award: UUID, _ action: PunishmentExecution.Action) -> EventPayload {
        .punishmentExecution(PunishmentExecution(awardEventID: award, action: action))
    }

    func confinement(_ purpose: ConfinementEntry.Purpose, _ action: ConfinementEntry.Action, _ reference: String) -> EventPayload {
        .confinement(ConfinementEntry(purpose: purpose, action: action, caseReference: reference))
    }

    // MARK: GC3-90-limits

    // covers: GC3-90-limits notYetDue due overdue
    @Test("A punishment must begin within one month of the award")
    func executionClock() {
        var record = ClockRecord()
        let awarded = award(&record, at: t0 + 50 * day)
        record.expectClock(.disciplinaryLimits, trigger: awarded, key: "execute",
                           dueAt: Clocks.months(1, after: t0 + 50 * day), basis: .treaty)
    }

    // covers: GC3-90-limits lastMoment late
    @Test("Started on the last second of the month; 20 days less 5 pre-hearing days end 15 days later, one second late")
    func executionAndEnd() {
        var record = ClockRecord()
        let awarded = award(&record, at: t0 + 50 * day, deducted: 5)
        let startAt = Clocks.months(1, after: t0 + 50 * day)
        let started = record.add(step(awarded, .started), at: startAt)
        record.expectFulfilled(.disciplinaryLimits, trigger: awarded, key: "execute", by: started, at: startAt, late: false)
        record.expectClock(.disciplinaryLimits, trigger: started, key: "complete", dueAt: startAt + 15 * day, basis: .treaty)
        let completed = record.add(step(awarded, .completed), at: startAt + 15 * day + 1)
        record.expectFulfilled(.disciplinaryLimits, trigger: started, key: "complete", by: completed,
                               at: startAt + 15 * day + 1, late: true)
    }

    // covers: GC3-90-limits recurring
    @Test("A second award has its own month; Art. 90(3) refuses a second 10-day punishment within 3 days of the first")
    func secondAwardAndGap() {
        var record = ClockRecord()
        let first = award(&record, at: t0 + 50 * day, days: 10)
        _ = record.add(step(first, .started), at: t0 + 51 * day)
        _ = record.add(step(first, .completed), at: t0 + 61 * day)
        let second = award(&record, at: t0 + 62 * day, days: 12, case: "D-4")
        #expect(record.obligation(.disciplinaryLimits, trigger: second, key: "execute", at: t0 + 63 * day)?.dueAt
                == Clocks.months(1, after: t0 + 62 * day))
        let tooSoon = TimelineEvent(id: Clocks.id(900), prisonerID: Clocks.prisonerID, occurredAt: t0 + 63 * day,
                                    recordedAt: t0 + 63 * day, recordedBy: "camp", payload: step(second, .started))
        #expect(throws: DomainError.self) {
            try TimelineRules.validate(tooSoon, existing: record.events, claims: [], now: t0 + 63 * day)
        }
    }

    // MARK: GC3-95-prehearing

    // covers: GC3-95-prehearing notYetDue due overdue
    @Test("Confinement awaiting a disciplinary hearing ends within 14 days")
    func preHearingClock() {
        var record = ClockRecord()
        let start = record.add(confinement(.preHearing, .start, "D-3"), at: t0 + 40 * day)
        record.expectClock(.preHearingConfinement, trigger: start, dueAt: t0 + 54 * day, basis: .treaty)
    }

    // covers: GC3-95-prehearing lastMoment late recurring
    @Test("Released on day 14 is on time; a second confinement ended by an award one second late is late")
    func preHearingEnds() {
        var record = ClockRecord()
        let first = record.add(confinement(.preHearing, .start, "D-3"), at: t0 + 40 * day)
        let released = record.add(confinement(.preHearing, .end, "D-3"), at: t0 + 54 * day)
        record.expectFulfilled(.preHearingConfinement, trigger: first, by: released, at: t0 + 54 * day, late: false)
        let second = record.add(confinement(.preHearing, .start, "D-5"), at: t0 + 70 * day)
        let awarded = award(&record, at: t0 + 84 * day + 1, days: 10, deducted: 10, case: "D-5")
        record.expectFulfilled(.preHearingConfinement, trigger: second, by: awarded, at: t0 + 84 * day + 1, late: true)
    }

    // MARK: GC3-103-pretrial

    // covers: GC3-103-pretrial notYetDue due overdue
    @Test("Pre-trial confinement ends within three months")
    func preTrialClock() {
        var record = ClockRecord()
        let start = record.add(confinement(.preTrial, .start, "K-17"), at: t0 + 40 * day)
        record.expectClock(.preTrialConfinement, trigger: start, dueAt: Clocks.months(3, after: t0 + 40 * day), basis: .treaty)
    }

    // covers: GC3-103-pretrial lastMoment late recurring
    @Test("A judgment at three months ends it on time; a later confinement released one second late is late")
    func preTrialEnds() {
        var record = ClockRecord()
        let first = record.add(confinement(.preTrial, .start, "K-17"), at: t0 + 40 * day)
        let due = Clocks.months(3, after: t0 + 40 * day)
        let judgment = record.add(.judgment(JudgmentEntry(caseReference: "K-17", outcome: .acquitted)), at: due)
        record.expectFulfilled(.preTrialConfinement, trigger: first, by: judgment, at: due, late: false)
        let second = record.add(confinement(.preTrial, .start, "K-20"), at: t0 + 200 * day)
        let secondDue = Clocks.months(3, after: t0 + 200 * day)
        let released = record.add(confinement(.preTrial, .end, "K-20"), at: secondDue + 1)
        record.expectFulfilled(.preTrialConfinement, trigger: second, by: released, at: secondDue + 1, late: true)
    }
}
