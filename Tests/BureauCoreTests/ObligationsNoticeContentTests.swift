import BureauCore
import Foundation
import Testing

/// The content of outbound notices: Art. 17 core data only, and what the outbox should still send.
@Suite struct ObligationsNoticeContentTests {
    let t0 = Clocks.captured
    let day = Clocks.day

    var claim: IdentityClaim {
        IdentityClaim(id: Clocks.id(21), prisonerID: Clocks.prisonerID, surname: "리", firstNames: "철민", fatherName: "영호",
                      dateOfBirth: PartialDate(year: 1999), placeOfBirth: "Hamhung", rank: "Sergeant",
                      serviceNumber: "KPA-771", source: .selfDeclared, refusedItems: [.serviceNumber], isAssessed: true,
                      recordedBy: "registrar", recordedAt: t0)
    }

    func snapshot(_ record: ClockRecord) -> PrisonerRecordSnapshot {
        PrisonerRecordSnapshot(prisoner: record.prisoner, timeline: record.events, claims: [claim])
    }

    @Test("A transfer notice carries the Art. 17 core data he gave, the new camp, and no health or family data")
    func transferNoticeContent() throws {
        var record = ClockRecord()
        _ = record.add(.custodyMove(CustodyMove(facility: "Camp 1", facilityType: .camp)), at: t0 + day)
        _ = record.add(.medical(MedicalEntry(kind: .note, seriouslyIll: true, summary: "infected fracture")), at: t0 + day)
        let moved = record.add(.custodyMove(CustodyMove(facility: "Camp 2", facilityType: .camp)), at: t0 + 5 * day)
        let obligation = try #require(record.obligation(.eventNotification, trigger: moved, at: t0 + 5 * day))
        let content = try #require(NoticeContent.build(for: obligation, record: snapshot(record)))
        #expect(content.subject == .transfer)
        #expect(content.recipient == .centralTracingAgency)
        #expect(content.concerningEventID == moved)
        #expect(content.surname == "리")
        #expect(content.rank == "Sergeant")
        #expect(content.serviceNumber == nil) // refused under Art. 17: never sent
        #expect(content.place == "Camp 2")
        #expect(content.healthSummary == nil)
        #expect(content.powerDependedOn == "PRK")
    }

    @Test("The weekly health report carries the medical summary")
    func healthReportContent() throws {
        var record = ClockRecord()
        let flagged = record.add(.medical(MedicalEntry(kind: .note, seriouslyIll: true, summary: "infected fracture")),
                                 at: t0 + day)
        let obligation = try #require(record.obligation(.healthReport, trigger: flagged, at: t0 + 2 * day))
        let content = try #require(NoticeContent.build(for: obligation, record: snapshot(record)))
        #expect(content.subject == .healthReport)
        #expect(content.healthSummary == "infected fracture")
    }

    @Test("Pending notices: what is owed and not yet sent; a trial notice sent but not yet received is not resent")
    func pendingNotices() {
        var record = ClockRecord()
        #expect(Obligations.pendingNotices(for: snapshot(record), at: t0 + day).map(\.subject) == [.initialRegistration])
        _ = record.add(.notification(NotificationEntry(subject: .initialRegistration, recipient: .centralTracingAgency,
                                                       concerningEventID: Clocks.captureID)), at: t0 + day)
        #expect(Obligations.pendingNotices(for: snapshot(record), at: t0 + 2 * day).isEmpty)
        _ = record.add(.judicialCharge(JudicialCharge(caseReference: "K-17", charges: ["murder of a civilian"])), at: t0 + 90 * day)
        let trial = record.add(.trialSchedule(TrialSchedule(caseReference: "K-17", court: "Kyiv Garrison Military Court",
                                                            place: "Kyiv", trialAt: t0 + 150 * day)), at: t0 + 100 * day)
        let pending = Obligations.pendingNotices(for: snapshot(record), at: t0 + 101 * day)
        #expect(Set(pending.map(\.recipient)) == [.centralTracingAgency, .prisoner, .representative])
        #expect(pending.allSatisfy { $0.charges == ["murder of a civilian"] && $0.trialAt == t0 + 150 * day })
        _ = record.add(.notification(NotificationEntry(subject: .trialNotice, recipient: .prisoner, concerningEventID: trial)),
                       at: t0 + 102 * day)
        #expect(Set(Obligations.pendingNotices(for: snapshot(record), at: t0 + 103 * day).map(\.recipient))
                == [.centralTracingAgency, .representative])
    }
}
