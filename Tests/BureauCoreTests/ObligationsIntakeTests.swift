import BureauCore
import Foundation
import Testing

/// GC3-17-language and GC3-18-money: duties of the first hours in custody (Arts. 17(7), 18(4)).
@Suite struct ObligationsIntakeTests {
    let t0 = Clocks.captured
    let day = Clocks.day
    let hour = Clocks.hour

    var interview: EventPayload {
        .interview(Interview(purpose: .intake, language: "ko",
                             interpreter: Interview.Interpreter(name: "Lee S.", affiliation: "SBU interpreter pool"),
                             mode: .written, noCoercionAttested: true))
    }

    func assessment() -> EventPayload {
        .languageAssessment(LanguageAssessment(languages: ["ko"], interpreterNeeded: true, assessedBy: "Capt. Melnyk"))
    }

    // MARK: GC3-17-language

    // covers: GC3-17-language notYetDue due overdue
    @Test("Without known languages, a language he understands is established within 24 h of capture (policy)")
    func languageClock() {
        var record = ClockRecord(languages: [])
        record.policy.dueSoonWindow = 12 * hour
        record.expectClock(.interviewLanguage, trigger: Clocks.captureID, dueAt: t0 + 24 * hour, basis: .policy)
    }

    // covers: GC3-17-language lastMoment
    @Test("An interview before 24 h brings the deadline forward to the interview (treaty); an assessment at that instant is on time")
    func interviewBringsDeadlineForward() {
        var record = ClockRecord(languages: [])
        let assessed = record.add(assessment(), at: t0 + 10 * hour)
        _ = record.add(interview, at: t0 + 10 * hour)
        let seen = record.obligation(.interviewLanguage, trigger: Clocks.captureID, at: t0 + 11 * hour)
        #expect(seen?.dueAt == t0 + 10 * hour)
        #expect(seen?.deadlineBasis == .treaty)
        #expect(seen?.state == .fulfilled(by: assessed, at: t0 + 10 * hour, late: false))
    }

    // covers: GC3-17-language late
    @Test("Questioned before his language was established: the assessment afterwards is late")
    func assessmentAfterInterviewIsLate() {
        var record = ClockRecord(languages: [])
        _ = record.add(interview, at: t0 + 5 * hour)
        #expect(record.obligation(.interviewLanguage, trigger: Clocks.captureID, at: t0 + 5 * hour + 1)?.status == .overdue)
        let assessed = record.add(assessment(), at: t0 + 5 * hour + 1)
        record.expectFulfilled(.interviewLanguage, trigger: Clocks.captureID, by: assessed, at: t0 + 5 * hour + 1, late: true)
    }

    // covers: GC3-17-language other
    @Test("Languages given at registration establish it at the registration time")
    func languagesAtRegistration() {
        let record = ClockRecord(languages: ["ko"], registeredAfter: 2 * hour)
        record.expectFulfilled(.interviewLanguage, trigger: Clocks.captureID, by: Clocks.captureID, at: t0 + 2 * hour,
                               late: false)
        let late = ClockRecord(languages: ["ko"], registeredAfter: 30 * hour)
        late.expectFulfilled(.interviewLanguage, trigger: Clocks.captureID, by: Clocks.captureID, at: t0 + 30 * hour,
                             late: true)
    }

    // MARK: GC3-18-money

    func seizure(register: String? = nil) -> EventPayload {
        .money(MoneySeizure(amountMinor: 150_000, currency: "RUB", officer: "Lt. Bondar, 3rd Bde",
                            receiptNumber: "R-0017", registerEntry: register))
    }

    // covers: GC3-18-money notYetDue due overdue
    @Test("With a 72 h grace (policy), the register entry is due 72 h after the seizure")
    func moneyClockWithGrace() {
        var record = ClockRecord()
        record.policy.moneyRegisterGrace = 72 * hour
        let taken = record.add(seizure(), at: t0 + hour)
        record.expectClock(.moneyRegister, trigger: taken, dueAt: t0 + 73 * hour, basis: .policy)
    }

    // covers: GC3-18-money lastMoment
    @Test("By default (treaty) the entry is due at the seizure: a seizure recorded with its register entry is on time")
    func registeredAtSeizure() {
        var record = ClockRecord()
        let taken = record.add(seizure(register: "SR-2025/44"), at: t0 + hour)
        record.expectFulfilled(.moneyRegister, trigger: taken, by: taken, at: t0 + hour, late: false)
        #expect(record.obligation(.moneyRegister, trigger: taken, at: t0 + 2 * hour)?.deadlineBasis == .treaty)
    }

    // covers: GC3-18-money late
    @Test("Without the entry the duty is overdue one second after the seizure; a later entry is late")
    func registeredLate() {
        var record = ClockRecord()
        let taken = record.add(seizure(), at: t0 + hour)
        #expect(record.obligation(.moneyRegister, trigger: taken, at: t0 + hour)?.status == .due)
        #expect(record.obligation(.moneyRegister, trigger: taken, at: t0 + hour + 1)?.status == .overdue)
        let entry = record.add(.moneyRegistration(MoneyRegistration(seizureEventID: taken, registerEntry: "SR-2025/45")),
                               at: t0 + 3 * hour)
        record.expectFulfilled(.moneyRegister, trigger: taken, by: entry, at: t0 + 3 * hour, late: true)
    }

    // covers: GC3-18-money recurring
    @Test("Each seizure has its own register duty")
    func eachSeizure() {
        var record = ClockRecord()
        let first = record.add(seizure(register: "SR-1"), at: t0 + hour)
        let second = record.add(seizure(), at: t0 + 5 * day)
        #expect(record.obligation(.moneyRegister, trigger: first, at: t0 + 6 * day)?.status == .fulfilled)
        #expect(record.obligation(.moneyRegister, trigger: second, at: t0 + 6 * day)?.status == .overdue)
    }
}
