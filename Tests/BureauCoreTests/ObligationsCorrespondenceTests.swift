import BureauCore
import Foundation
import Testing

/// GC3-71-quota and GC3-76-censor (Arts. 71, 76).
@Suite struct ObligationsCorrespondenceTests {
    let t0 = Clocks.captured
    let day = Clocks.day
    let hour = Clocks.hour
    var monthEnd: Date { Clocks.months(1, after: t0) }

    func forms(letters: Int, cards: Int, period: Date? = nil) -> EventPayload {
        .correspondenceForms(CorrespondenceForms(letters: letters, cards: cards, periodStart: period))
    }

    func item(_ direction: CorrespondenceItem.Direction, _ form: CorrespondenceItem.Form) -> EventPayload {
        .correspondence(CorrespondenceItem(direction: direction, form: form, correspondent: "mother, Hamhung"))
    }

    // MARK: GC3-71-quota

    // covers: GC3-71-quota notYetDue due overdue
    @Test("Two letters and four cards are owed in the first month of captivity (9 Jan → 9 Feb)")
    func quotaClock() {
        let record = ClockRecord()
        #expect(monthEnd == Clocks.iso("2025-02-09T10:00:00Z"))
        record.expectClock(.correspondenceQuota, trigger: Clocks.captureID, triggeredAt: t0, dueAt: monthEnd, basis: .treaty)
    }

    // covers: GC3-71-quota lastMoment
    @Test("Letters and cards handed in count; the sixth item at the month's last second meets the quota on time")
    func quotaMetByItemsAtTheLastMoment() {
        var record = ClockRecord()
        for offset in 1...2 { _ = record.add(item(.outgoing, .letter), at: t0 + Double(offset) * day) }
        for offset in 3...5 { _ = record.add(item(.outgoing, .card), at: t0 + Double(offset) * day) }
        _ = record.add(item(.incoming, .card), at: t0 + 6 * day) // incoming mail does not count
        #expect(record.obligation(.correspondenceQuota, trigger: Clocks.captureID, triggeredAt: t0, at: t0 + 20 * day)?
            .duty.contains("so far 2 letters, 3 cards") == true)
        let last = record.add(item(.outgoing, .card), at: monthEnd)
        record.expectFulfilled(.correspondenceQuota, trigger: Clocks.captureID, triggeredAt: t0, by: last, at: monthEnd,
                               late: false, viewedAfter: hour)
    }

    // covers: GC3-71-quota late
    @Test("Forms issued after the month ended, for that month, fulfil it late")
    func quotaMadeUpLate() {
        var record = ClockRecord()
        let makeUp = record.add(forms(letters: 2, cards: 4, period: t0), at: monthEnd + 1)
        record.expectFulfilled(.correspondenceQuota, trigger: Clocks.captureID, triggeredAt: t0, by: makeUp,
                               at: monthEnd + 1, late: true)
    }

    // covers: GC3-71-quota recurring
    @Test("Each month is owed anew: the first month's forms do not count for the second")
    func quotaRecursMonthly() {
        var record = ClockRecord()
        let issued = record.add(forms(letters: 2, cards: 4), at: t0 + 3 * day)
        let secondEnd = Clocks.months(2, after: t0)
        record.expectFulfilled(.correspondenceQuota, trigger: Clocks.captureID, triggeredAt: t0, by: issued,
                               at: t0 + 3 * day, late: false)
        record.expectClock(.correspondenceQuota, trigger: Clocks.captureID, triggeredAt: monthEnd, dueAt: secondEnd,
                           basis: .treaty)
    }

    // covers: GC3-71-quota other
    @Test("No quota obligation where correspondence is not limited")
    func quotaOnlyWhenLimited() {
        var record = ClockRecord()
        record.policy.correspondenceIsLimited = false
        #expect(record.obligations(.correspondenceQuota, at: t0 + 40 * day).isEmpty)
    }

    // MARK: GC3-76-censor

    // covers: GC3-76-censor notYetDue due overdue
    @Test("A letter is censored within 72 h (policy)")
    func censorClock() {
        var record = ClockRecord()
        let letter = record.add(item(.outgoing, .letter), at: t0 + 10 * day)
        record.expectClock(.censorship, trigger: letter, dueAt: t0 + 13 * day, basis: .policy)
        #expect(record.obligation(.censorship, trigger: letter, at: t0 + 10 * day)?.owedTo == [.family])
    }

    // covers: GC3-76-censor lastMoment late
    @Test("Censored at 72 h is on time; an incoming card censored at 72 h 1 s is late")
    func censorOnTimeAndLate() {
        var record = ClockRecord()
        let letter = record.add(item(.outgoing, .letter), at: t0 + 10 * day)
        let passed = record.add(.censorship(CensorshipEntry(itemEventID: letter, outcome: .passed)), at: t0 + 13 * day)
        record.expectFulfilled(.censorship, trigger: letter, by: passed, at: t0 + 13 * day, late: false)
        let card = record.add(item(.incoming, .card), at: t0 + 20 * day)
        let withheld = record.add(.censorship(CensorshipEntry(itemEventID: card, outcome: .withheld,
                                                              reason: "map of the camp drawn on the back")),
                                  at: t0 + 23 * day + 1)
        record.expectFulfilled(.censorship, trigger: card, by: withheld, at: t0 + 23 * day + 1, late: true)
    }

    // covers: GC3-76-censor recurring
    @Test("Each item has its own censorship clock")
    func eachItemItsOwnClock() {
        var record = ClockRecord()
        let first = record.add(item(.outgoing, .letter), at: t0 + 10 * day)
        let second = record.add(item(.outgoing, .card), at: t0 + 12 * day)
        _ = record.add(.censorship(CensorshipEntry(itemEventID: first, outcome: .passedWithDeletions)), at: t0 + 11 * day)
        let now = t0 + 14 * day
        #expect(record.obligation(.censorship, trigger: first, at: now)?.status == .fulfilled)
        #expect(record.obligation(.censorship, trigger: second, at: now)?.status == .due)
        #expect(record.obligation(.censorship, trigger: second, at: now)?.dueAt == t0 + 15 * day)
    }
}
