import BureauCore
import Foundation
import Testing

/// The Annex IV B capture card content, prefilled from the assessed identity and the timeline.
@Suite struct CaptureCardContentTests {
    let t0 = Clocks.captured
    let day = Clocks.day

    func claims() -> [IdentityClaim] {
        [
            // The Russian military ID in another man's name: a claim, never the card's identity.
            IdentityClaim(id: Clocks.id(20), prisonerID: Clocks.prisonerID, surname: "Монгуш", firstNames: "Аяс",
                          source: .document, documentAuthenticity: .thirdParty, recordedBy: "registrar", recordedAt: t0),
            IdentityClaim(id: Clocks.id(21), prisonerID: Clocks.prisonerID, surname: "리", firstNames: "철민",
                          fatherName: "영호", dateOfBirth: PartialDate(year: 1999), placeOfBirth: "Hamhung",
                          rank: "Sergeant", serviceNumber: "KPA-771", nationality: "PRK", source: .selfDeclared,
                          refusedItems: [.serviceNumber], isAssessed: true, recordedBy: "registrar", recordedAt: t0 + day),
        ]
    }

    @Test("The card takes the assessed claim, leaves refused items blank and prints Korean beside Ukrainian")
    func assessedIdentity() {
        var record = ClockRecord()
        _ = record.add(.custodyMove(CustodyMove(facility: "Camp 1", facilityType: .camp)), at: t0 + day)
        let card = CaptureCardContent.build(prisoner: record.prisoner, claims: claims(), timeline: record.events,
                                            at: t0 + 2 * day)
        #expect(card.surname?.asWritten == "리")
        #expect(card.surname?.script == .hangul)
        #expect(card.surname?.romanized == nil) // placeholder until NameMatching supplies romanization
        #expect(card.fatherFirstName?.asWritten == "영호")
        #expect(card.dateOfBirth == PartialDate(year: 1999))
        #expect(card.rank == "Sergeant")
        #expect(card.serviceNumber == nil)
        #expect(card.refusedItems == [.serviceNumber])
        #expect(card.identityClaimID == Clocks.id(21))
        #expect(card.powerDependedOn == "PRK")
        #expect(card.capturedOn == t0)
        #expect(card.comingFrom == nil)
        #expect(card.presentFacility == "Camp 1")
        #expect(card.internmentNumber == "UA-2025-0001")
        #expect(card.languages == ["ko", "uk"])
        #expect(card.signature == nil)
        #expect(card.health == .slightlyWounded) // broken leg at capture, not in hospital
    }

    @Test("After a transfer the card says where he comes from; the romanizer is a parameter")
    func transferAndRomanizer() {
        var record = ClockRecord()
        _ = record.add(.custodyMove(CustodyMove(facility: "Kyiv military hospital", facilityType: .hospital)), at: t0 + day)
        _ = record.add(.medical(MedicalEntry(kind: .note, seriouslyIll: true)), at: t0 + day)
        _ = record.add(.custodyMove(CustodyMove(facility: "Camp 1", facilityType: .camp)), at: t0 + 30 * day)
        let card = CaptureCardContent.build(prisoner: record.prisoner, claims: claims(), timeline: record.events,
                                            at: t0 + 31 * day, romanize: { text, _ in text == "리" ? "Ri" : "Chŏl-min" })
        #expect(card.capturedOn == nil)
        #expect(card.comingFrom == "Kyiv military hospital")
        #expect(card.surname?.romanized == "Ri")
        #expect(card.firstNames?.romanized == "Chŏl-min")
        #expect(card.health == .seriouslyWounded)
    }

    @Test("Without an assessed claim the identity stays empty rather than taken from a false document")
    func noAssessedClaim() {
        let record = ClockRecord()
        let card = CaptureCardContent.build(prisoner: record.prisoner, claims: [claims()[0]], timeline: record.events, at: t0)
        #expect(card.surname == nil)
        #expect(card.identityClaimID == nil)
        #expect(CaptureCardContent.placeholderRomanization("Kim", .latin) == "Kim")
    }
}
