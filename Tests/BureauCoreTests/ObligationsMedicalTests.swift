import BureauCore
import Foundation
import Testing

/// GC3-31-monthly, GC3-30-cert, GC3-112-MMC, GC3-120-cert, GC3-121-inquiry.
@Suite struct ObligationsMedicalTests {
    let t0 = Clocks.captured
    let day = Clocks.day
    let hour = Clocks.hour

    var inspection: EventPayload { .medical(MedicalEntry(kind: .inspection, weightKg: 61.5, summary: "TB screen negative")) }
    var certificate: EventPayload { .medical(MedicalEntry(kind: .certificate, summary: "fracture of the left tibia")) }

    // MARK: GC3-31-monthly

    // covers: GC3-31-monthly notYetDue due overdue
    @Test("The first monthly inspection is due 31 days after capture")
    func firstInspectionClock() {
        let record = ClockRecord()
        record.expectClock(.monthlyInspection, trigger: Clocks.captureID, dueAt: t0 + 31 * day, basis: .treaty)
    }

    // covers: GC3-31-monthly lastMoment recurring
    @Test("An inspection on day 31 is on time and the next is due 31 days after it")
    func inspectionRestartsTheMonth() {
        var record = ClockRecord()
        let first = record.add(inspection, at: t0 + 31 * day)
        record.expectFulfilled(.monthlyInspection, trigger: Clocks.captureID, by: first, at: t0 + 31 * day, late: false)
        record.expectClock(.monthlyInspection, trigger: first, dueAt: t0 + 62 * day, basis: .treaty)
    }

    // covers: GC3-31-monthly late
    @Test("An inspection one second after day 31 is late")
    func lateInspection() {
        var record = ClockRecord()
        let late = record.add(inspection, at: t0 + 31 * day + 1)
        record.expectFulfilled(.monthlyInspection, trigger: Clocks.captureID, by: late, at: t0 + 31 * day + 1, late: true)
    }

    // covers: GC3-31-monthly other
    @Test("Death ends the monthly inspections; a month already missed stays overdue")
    func deathEndsInspections() {
        var record = ClockRecord()
        _ = record.add(.death(DeathEntry(place: "Camp 1", causeCategory: .natural)), at: t0 + 40 * day)
        let open = record.obligations(.monthlyInspection, at: t0 + 100 * day)
        #expect(open.map(\.status) == [.overdue])
        #expect(open.first?.dueAt == t0 + 31 * day)
    }

    // MARK: GC3-30-cert

    // covers: GC3-30-cert notYetDue due overdue
    @Test("A requested certificate is issued within 7 days (policy)")
    func certificateClock() {
        var record = ClockRecord()
        let request = record.add(.certificateRequest(CertificateRequest(subject: "leg wound")), at: t0 + 5 * day)
        record.expectClock(.medicalCertificate, trigger: request, key: "issue", dueAt: t0 + 12 * day, basis: .policy)
    }

    // covers: GC3-30-cert lastMoment late
    @Test("Certificate on the last second is on time; its CTA duplicate one second late is late")
    func certificateAndDuplicate() {
        var record = ClockRecord()
        let request = record.add(.certificateRequest(CertificateRequest()), at: t0 + 5 * day)
        let issued = record.add(certificate, at: t0 + 12 * day)
        record.expectFulfilled(.medicalCertificate, trigger: request, key: "issue", by: issued, at: t0 + 12 * day, late: false)
        record.expectClock(.medicalCertificate, trigger: issued, key: "duplicate", dueAt: t0 + 15 * day, basis: .policy)
        let duplicate = record.add(.notification(NotificationEntry(subject: .certificateDuplicate, recipient: .centralTracingAgency,
                                                                   concerningEventID: issued)), at: t0 + 15 * day + 1)
        record.expectFulfilled(.medicalCertificate, trigger: issued, key: "duplicate", by: duplicate,
                               at: t0 + 15 * day + 1, late: true)
    }

    // covers: GC3-30-cert recurring
    @Test("Two requests need two certificates: the first certificate meets the older request")
    func twoRequests() {
        var record = ClockRecord()
        let first = record.add(.certificateRequest(CertificateRequest()), at: t0 + 5 * day)
        let second = record.add(.certificateRequest(CertificateRequest()), at: t0 + 6 * day)
        let issued = record.add(certificate, at: t0 + 7 * day)
        let now = t0 + 20 * day
        #expect(record.obligation(.medicalCertificate, trigger: first, key: "issue", at: now)?.state
                == .fulfilled(by: issued, at: t0 + 7 * day, late: false))
        #expect(record.obligation(.medicalCertificate, trigger: second, key: "issue", at: now)?.status == .overdue)
        #expect(record.obligation(.medicalCertificate, trigger: second, key: "issue", at: now)?.dueAt == t0 + 13 * day)
    }

    // MARK: GC3-112-MMC

    func exam(_ record: inout ClockRecord, at date: Date) -> UUID {
        record.add(.mmcExamination(MMCExamination(commission: "MMC-1 (Switzerland, Sweden, Ukraine)")), at: date)
    }

    // covers: GC3-112-MMC notYetDue due overdue
    @Test("A Mixed Medical Commission decision is due within the month after the examination")
    func decisionClock() {
        var record = ClockRecord()
        let examined = exam(&record, at: t0 + 100 * day)
        record.expectClock(.mixedMedicalCommission, trigger: examined, key: "decision",
                           dueAt: Clocks.months(1, after: t0 + 100 * day), basis: .treaty)
    }

    // covers: GC3-112-MMC lastMoment late
    @Test("Decision A on the last second is on time; repatriation one second after 3 months is late")
    func decisionAndExecution() {
        var record = ClockRecord()
        let examined = exam(&record, at: t0 + 100 * day)
        let decidedAt = Clocks.months(1, after: t0 + 100 * day)
        let decision = record.add(.mmcDecision(MMCDecision(examinationEventID: examined, decision: .repatriate)), at: decidedAt)
        record.expectFulfilled(.mixedMedicalCommission, trigger: examined, key: "decision", by: decision, at: decidedAt, late: false)
        let deadline = Clocks.months(3, after: decidedAt)
        #expect(record.obligation(.mixedMedicalCommission, trigger: decision, key: "execute", at: decidedAt)?.dueAt == deadline)
        let home = record.add(.repatriation(RepatriationEntry(destinationState: "PRK", basis: .medical)), at: deadline + 1)
        record.expectFulfilled(.mixedMedicalCommission, trigger: decision, key: "execute", by: home, at: deadline + 1, late: true)
    }

    // covers: GC3-112-MMC recurring
    @Test("Decision NC calls for a re-examination within six months; each examination has its own decision clock")
    func reexamination() {
        var record = ClockRecord()
        let first = exam(&record, at: t0 + 100 * day)
        let nc = record.add(.mmcDecision(MMCDecision(examinationEventID: first, decision: .reexamine)), at: t0 + 110 * day)
        record.expectClock(.mixedMedicalCommission, trigger: nc, key: "reexamine",
                           dueAt: Clocks.months(6, after: t0 + 110 * day), basis: .treaty)
        let second = exam(&record, at: t0 + 200 * day)
        record.expectFulfilled(.mixedMedicalCommission, trigger: nc, key: "reexamine", by: second, at: t0 + 200 * day, late: false)
        #expect(record.obligation(.mixedMedicalCommission, trigger: second, key: "decision", at: t0 + 201 * day)?.status
                == .notYetDue)
    }

    // MARK: GC3-120-cert

    // covers: GC3-120-cert notYetDue due overdue
    @Test("The death certificate reaches the Bureau within 72 h (policy)")
    func deathCertificateClock() {
        var record = ClockRecord()
        let death = record.add(.death(DeathEntry(place: "Kyiv military hospital", causeCategory: .natural)), at: t0 + 50 * day)
        record.expectClock(.deathCertificate, trigger: death, dueAt: t0 + 53 * day, basis: .policy)
    }

    // covers: GC3-120-cert lastMoment
    @Test("A certificate at 72 h is on time")
    func deathCertificateOnTime() {
        var record = ClockRecord()
        let death = record.add(.death(DeathEntry(place: "Kyiv military hospital", causeCategory: .natural)), at: t0 + 50 * day)
        let certificate = record.add(.deathCertificate(DeathCertificate(deathEventID: death, causeOfDeath: "sepsis",
                                                                        certifiedBy: "Maj. Dr. Koval")), at: t0 + 53 * day)
        record.expectFulfilled(.deathCertificate, trigger: death, by: certificate, at: t0 + 53 * day, late: false)
    }

    // covers: GC3-120-cert late
    @Test("A certificate at 72 h 1 s is late")
    func deathCertificateLate() {
        var record = ClockRecord()
        let death = record.add(.death(DeathEntry(place: "Kyiv military hospital", causeCategory: .natural)), at: t0 + 50 * day)
        let certificate = record.add(.deathCertificate(DeathCertificate(deathEventID: death, causeOfDeath: "sepsis",
                                                                        certifiedBy: "Maj. Dr. Koval")), at: t0 + 53 * day + 1)
        record.expectFulfilled(.deathCertificate, trigger: death, by: certificate, at: t0 + 53 * day + 1, late: true)
    }

    // MARK: GC3-121-inquiry

    // covers: GC3-121-inquiry notYetDue due overdue
    @Test("A death caused by a sentry needs an inquiry within 24 h (policy); a natural death needs none")
    func inquiryClock() {
        var record = ClockRecord()
        record.policy.dueSoonWindow = 12 * hour
        let death = record.add(.death(DeathEntry(place: "Camp 1", cause: "gunshot", causeCategory: .sentry)), at: t0 + 50 * day)
        record.expectClock(.deathInquiry, trigger: death, key: "inquiry", dueAt: t0 + 51 * day, basis: .policy)
        record.expectClock(.deathInquiry, trigger: death, key: "notify", dueAt: t0 + 51 * day, basis: .policy)

        var natural = ClockRecord()
        _ = natural.add(.death(DeathEntry(place: "Camp 1", causeCategory: .natural)), at: t0 + 50 * day)
        #expect(natural.obligations(.deathInquiry, at: t0 + 51 * day).isEmpty)
    }

    // covers: GC3-121-inquiry lastMoment late recurring
    @Test("A serious injury by another prisoner, then a death of unknown cause: two inquiries, one on time, one late")
    func injuryThenDeath() {
        var record = ClockRecord()
        let injury = record.add(.seriousInjury(SeriousInjury(cause: .otherPrisoner, description: "stab wound")), at: t0 + 40 * day)
        let opened = record.add(.officialInquiry(OfficialInquiry(concerningEventID: injury, authority: "Military prosecutor")),
                                at: t0 + 41 * day)
        record.expectFulfilled(.deathInquiry, trigger: injury, key: "inquiry", by: opened, at: t0 + 41 * day, late: false)
        let death = record.add(.death(DeathEntry(place: "Camp 1", causeCategory: .unknown)), at: t0 + 50 * day)
        let late = record.add(.officialInquiry(OfficialInquiry(concerningEventID: death, authority: "Military prosecutor")),
                              at: t0 + 51 * day + 1)
        record.expectFulfilled(.deathInquiry, trigger: death, key: "inquiry", by: late, at: t0 + 51 * day + 1, late: true)
        #expect(record.obligation(.deathInquiry, trigger: death, key: "notify", at: t0 + 52 * day)?.status == .overdue)
    }
}
