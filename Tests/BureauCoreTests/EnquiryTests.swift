import BureauCore
import Foundation
import Testing

/// GC3-122-enquiry and the tracing workflow (issue 12): the clock per enquiry, four eyes on a
/// positive outcome, and what an answer may say.
@Suite struct EnquiryTests {
    static let received = ISO8601DateFormatter().date(from: "2026-11-27T09:00:00Z")!
    let day = ObligationPolicy.day
    let t0 = EnquiryTests.received

    static func enquiry(names: [String] = ["Ri Chol-ho"], kind: Enquirer.Kind = .centralTracingAgency) -> Enquiry {
        Enquiry(id: UUID(), enquirer: Enquirer(kind: kind, name: "ICRC Central Tracing Agency", channel: .ctaPortal,
                                               reference: "CTA-2026-0042"),
                person: PersonSought(names: names, dateOfBirth: PartialDate(year: 1999), fatherName: "Ri Yong-su"),
                language: "ko", receivedAt: received, recordedBy: "to.lysenko", recordedAt: received)
    }

    func answered(_ enquiry: Enquiry, at date: Date) throws -> Enquiry {
        var e = try EnquiryWorkflow.record(.noRecord, note: nil, on: enquiry, id: UUID(), by: "to.lysenko", at: date)
        let reply = try EnquiryReply.build(for: e, outcome: e.outcome!, record: nil, at: date)
        e.answers.append(EnquiryAnswer(id: UUID(), outcomeID: e.outcome!.id, recipient: .centralTracingAgency, language: "ko",
                                       content: reply, letter: "…", issuedBy: "to.lysenko", issuedAt: date))
        return e
    }

    // covers: GC3-122-enquiry notYetDue due overdue
    @Test("An enquiry is due 30 days after receipt (policy): not yet due, due in the last 48 h, overdue on day 31")
    func clockStates() {
        let e = Self.enquiry()
        #expect(EnquiryClock.obligation(for: e, at: t0).status == .notYetDue)
        #expect(EnquiryClock.obligation(for: e, at: t0).dueAt == t0 + 30 * day)
        #expect(EnquiryClock.obligation(for: e, at: t0 + 27 * day).status == .notYetDue)
        #expect(EnquiryClock.obligation(for: e, at: t0 + 28 * day).status == .due)
        #expect(EnquiryClock.obligation(for: e, at: t0 + 30 * day).status == .due)
        #expect(EnquiryClock.obligation(for: e, at: t0 + 30 * day + 1).status == .overdue)
        #expect(EnquiryClock.obligation(for: e, at: t0 + 31 * day).status == .overdue)
        var policy = ObligationPolicy()
        policy.enquiryReply = 14 * day
        #expect(EnquiryClock.obligation(for: e, at: t0 + 15 * day, policy: policy).status == .overdue)
    }

    // covers: GC3-122-enquiry lastMoment
    @Test("An answer issued on the 30th day exactly is on time")
    func answeredOnTheLastMoment() throws {
        let e = try answered(Self.enquiry(), at: t0 + 30 * day)
        guard case .fulfilled(_, let at, let late) = EnquiryClock.obligation(for: e, at: t0 + 40 * day).state else {
            Issue.record("not fulfilled")
            return
        }
        #expect(at == t0 + 30 * day)
        #expect(!late)
    }

    // covers: GC3-122-enquiry late
    @Test("An answer issued after day 30 fulfils the duty late")
    func answeredLate() throws {
        let e = try answered(Self.enquiry(), at: t0 + 31 * day)
        guard case .fulfilled(_, _, let late) = EnquiryClock.obligation(for: e, at: t0 + 40 * day).state else {
            Issue.record("not fulfilled")
            return
        }
        #expect(late)
        // Answered "no record", it stays standing for matching, its clock met.
        #expect(e.status == .standing)
        #expect(e.status.isOpen)
    }

    // covers: GC3-122-enquiry other
    @Test("Unanswered enquiries by age band; answered ones leave the ageing view")
    func ageing() throws {
        let fresh = Self.enquiry()
        var old = Self.enquiry()
        old.receivedAt = t0 - 45 * day
        let done = try answered(Self.enquiry(), at: t0 + day)
        let bands = EnquiryClock.ageing([fresh, old, done], at: t0 + 3 * day)
        #expect(bands.map(\.band) == EnquiryClock.AgeBand.allCases)
        #expect(bands.first { $0.band == .week }?.count == 1)
        #expect(bands.first { $0.band == .twoMonths }?.count == 1)
        #expect(bands.map(\.count).reduce(0, +) == 2)
    }

    @Test("A positive outcome needs a second officer: never the one who recorded it, and it cannot be answered before")
    func fourEyes() throws {
        let prisoner = UUID()
        var e = try EnquiryWorkflow.record(.held(prisoner), note: nil, on: Self.enquiry(), id: UUID(), by: "to.lysenko", at: t0)
        #expect(e.status == .awaitingConfirmation)
        #expect(throws: DomainError.self) { try EnquiryWorkflow.checkAnswerable(e) }
        let same = #expect(throws: DomainError.self) { try EnquiryWorkflow.confirm(e, by: "to.lysenko", at: t0) }
        #expect(same?.code == "same_officer")
        let again = #expect(throws: DomainError.self) {
            try EnquiryWorkflow.record(.noRecord, note: nil, on: e, id: UUID(), by: "to.hnatyuk", at: t0)
        }
        #expect(again?.code == "outcome_awaiting_confirmation")
        e = try EnquiryWorkflow.confirm(e, by: "to.hnatyuk", at: t0)
        #expect(e.status == .readyToAnswer)
        #expect(e.outcome?.confirmedBy == "to.hnatyuk")
        try EnquiryWorkflow.checkAnswerable(e)
        // Negative outcomes need no second officer.
        let none = try EnquiryWorkflow.record(.noRecord, note: nil, on: Self.enquiry(), id: UUID(), by: "to.lysenko", at: t0)
        #expect(none.status == .readyToAnswer)
        #expect(throws: DomainError.self) { try EnquiryOutcome.Result.make(.needsMoreInformation, prisonerID: nil, question: " ") }
        #expect(throws: DomainError.self) { try EnquiryOutcome.Result.make(.held, prisonerID: nil, question: nil) }
    }

    @Test("A bad enquiry is refused naming the field")
    func validation() {
        var e = Self.enquiry(names: [" "])
        #expect((#expect(throws: DomainError.self) { try EnquiryWorkflow.validate(e, now: t0) })?.field == "person.names")
        e = Self.enquiry()
        e.language = "de"
        #expect((#expect(throws: DomainError.self) { try EnquiryWorkflow.validate(e, now: t0) })?.field == "language")
        e = Self.enquiry(kind: .family)
        #expect((#expect(throws: DomainError.self) { try EnquiryWorkflow.validate(e, now: t0) })?.field == "enquirer.through")
        e = Self.enquiry()
        e.receivedAt = t0 + day
        #expect((#expect(throws: DomainError.self) { try EnquiryWorkflow.validate(e, now: t0) })?.code == "event_in_future")
    }

    static func record(_ timeline: [(Date, EventPayload)], power: String = "PRK") -> PrisonerRecordSnapshot {
        let id = UUID()
        let prisoner = Prisoner(id: id, internmentNumber: "UA-2025-000001", status: .prisonerOfWar,
                                powerDependedOn: PowerAllegiance(power: power, contested: true),
                                languages: ["ko"], registeredAt: received, registeredBy: "rg")
        let claim = IdentityClaim(id: UUID(), prisonerID: id, surname: "리", firstNames: "철호",
                                  dateOfBirth: PartialDate(year: 1999), serviceNumber: "KPA-1", source: .selfDeclared,
                                  refusedItems: [.serviceNumber], isAssessed: true, recordedBy: "rg", recordedAt: received)
        let events = timeline.map { TimelineEvent(id: UUID(), prisonerID: id, occurredAt: $0.0, recordedAt: $0.0,
                                                  recordedBy: "rg", payload: $0.1) }
        return PrisonerRecordSnapshot(prisoner: prisoner, timeline: events, claims: [claim])
    }

    @Test("Held: Art. 17 identity without refused items, since the capture, the camp to write to (never a hospital)")
    func heldReply() throws {
        let captured = t0 - 600 * day
        let record = Self.record([
            (captured, .capture(Capture(place: "Kursk region"))),
            (captured + day, .custodyMove(CustodyMove(facility: "Camp No. 1", facilityType: .camp))),
            (captured + 2 * day, .custodyMove(CustodyMove(facility: "Military Hospital", facilityType: .hospital))),
        ])
        var e = try EnquiryWorkflow.record(.held(record.prisoner.id), note: nil, on: Self.enquiry(), id: UUID(), by: "a", at: t0)
        e = try EnquiryWorkflow.confirm(e, by: "b", at: t0)
        let reply = try EnquiryReply.build(for: e, outcome: e.outcome!, record: record, at: t0)
        #expect(reply.surname == "리")
        #expect(reply.serviceNumber == nil)  // he refused it (Art. 17)
        #expect(reply.heldSince == captured)
        #expect(reply.correspondenceAddress == "Camp No. 1")
        #expect(reply.enquirerReference == "CTA-2026-0042")
        #expect(throws: DomainError.self) { try EnquiryReply.check(.released(record.prisoner.id), against: record) }
        #expect(throws: DomainError.self) { try EnquiryReply.check(.diedInCaptivity(record.prisoner.id), against: record) }
    }

    @Test("Guard 12: a release (a transfer to a third State at his request) is answered without where he went")
    func releaseWithoutDestination() throws {
        let captured = t0 - 600 * day
        let record = Self.record([
            (captured, .capture(Capture(place: "Kursk region"))),
            (t0 - 10 * day, .release(ReleaseEntry(basis: "Transfer to another Power under Art. 12", place: "Seoul"))),
        ])
        var e = try EnquiryWorkflow.record(.released(record.prisoner.id), note: nil, on: Self.enquiry(), id: UUID(), by: "a", at: t0)
        e = try EnquiryWorkflow.confirm(e, by: "b", at: t0)
        let reply = try EnquiryReply.build(for: e, outcome: e.outcome!, record: record, at: t0)
        #expect(reply.releasedAt == t0 - 10 * day)
        #expect(reply.repatriated == false)
        #expect(reply.repatriatedTo == nil)
        let json = String(decoding: try JSONEncoder().encode(reply), as: UTF8.self)
        #expect(!json.contains("Seoul"))
        #expect(!json.contains("Art. 12"))
        #expect(!json.contains("KOR"))
        #expect(throws: DomainError.self) { try EnquiryReply.check(.held(record.prisoner.id), against: record) }
        // A repatriation anywhere but to his own Power is told as a release, with no State named.
        let elsewhere = Self.record([(captured, .capture(Capture(place: "Kursk"))),
                                     (t0 - day, .repatriation(RepatriationEntry(destinationState: "KOR", basis: .other)))])
        var f = try EnquiryWorkflow.record(.released(elsewhere.prisoner.id), note: nil, on: Self.enquiry(), id: UUID(), by: "a", at: t0)
        f = try EnquiryWorkflow.confirm(f, by: "b", at: t0)
        let other = try EnquiryReply.build(for: f, outcome: f.outcome!, record: elsewhere, at: t0)
        #expect(other.repatriatedTo == nil)
        #expect(other.repatriated == false)
    }

    @Test("A CTA list: Cyrillic in Windows-1251, several spellings per cell, errors naming line and column")
    func bulkList() throws {
        let text = "ПІБ;ім'я батька;дата народження;номер запиту;мова\nЛи Чхоль Хо / Ri Chol-ho;Ли Ен Су;1999;CTA-1;ru\nПетров Иван;Сергей;1994-03-02;CTA-2;\n"
        var bytes: [UInt8] = []
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0410...0x044F: bytes.append(UInt8(scalar.value - 0x0410 + 0xC0))
            case 0x0456: bytes.append(0xB3)
            case 0x0406: bytes.append(0xB2)
            default: bytes.append(UInt8(scalar.value))
            }
        }
        let parsed = try EnquiryListImport.parse(Data(bytes))
        #expect(parsed.encoding == .windows1251)
        #expect(parsed.lines.count == 2)
        #expect(parsed.lines[0].person.names == ["Ли Чхоль Хо", "Ri Chol-ho"])
        #expect(parsed.lines[0].person.fatherName == "Ли Ен Су")
        #expect(parsed.lines[0].reference == "CTA-1")
        #expect(parsed.lines[0].language == "ru")
        #expect(parsed.lines[1].line == 3)
        let badDate = #expect(throws: DomainError.self) {
            try EnquiryListImport.parse(Data("name,dob\nRi Chol-ho,1999\nKim,31.02.1999\n".utf8))
        }
        #expect(badDate?.field == "line 3, column 2")
        let noName = #expect(throws: DomainError.self) { try EnquiryListImport.parse(Data("dob,unit\n1999,x\n".utf8)) }
        #expect(noName?.code == "missing_column")
        let empty = #expect(throws: DomainError.self) { try EnquiryListImport.parse(Data("name,dob\n,1999\n".utf8)) }
        #expect(empty?.field == "line 2, column 1")
        let language = #expect(throws: DomainError.self) { try EnquiryListImport.parse(Data("name;language\nKim;de\n".utf8)) }
        #expect(language?.field == "line 2, column 2")
    }
}
