import Foundation
import Testing
@testable import BureauCore

/// Guard 10: groups derived from the registry, Art. 22(3) separation warned, Art. 79 representatives.
@Suite struct GroupGuardTests {
    let now = DispositionDemo.now
    let ri = DispositionDemo.ri
    let petrov = DispositionDemo.petrov

    func soldier(_ n: Int, power: String, language: String, forces: String) -> Prisoner {
        Prisoner(id: DispositionDemo.id(n), internmentNumber: "UA-2025-\(n)", powerDependedOn: PowerAllegiance(power: power),
                 forcesServedWith: forces, languages: [language], registeredAt: DispositionDemo.capture, registeredBy: "rg")
    }

    // guard: 10
    @Test func koreanSpeakersOfTheDPRKInRussianUnitsAreAGroupApartFromRussians() {
        let kim = soldier(10, power: "PRK", language: "ko-KP", forces: "RUS")
        let groups = PrisonerGroups.derive([
            Placement(prisoner: ri, facility: "Camp 1", section: "B"), Placement(prisoner: kim, facility: "Camp 1"),
            Placement(prisoner: petrov, facility: "Camp 1", section: "A"),
        ])
        #expect(groups.map(\.key.code) == ["PRK/ko/RUS", "RUS/ru/RUS"])
        #expect(Set(groups[0].members) == [ri.id, kim.id])
        #expect(PrisonerGroup.Key(code: "PRK/ko/RUS") == groups[0].key)
    }

    // guard: 10
    @Test func aKoreanMovedAmongRussianSoldiersOnlyRaisesTheArticle22Warning() {
        let russians = [petrov, soldier(11, power: "RUS", language: "ru", forces: "RUS")]
        let results = LegalGuards.placement(Placement(prisoner: ri, facility: "Camp 1", section: "A"), occupants: russians,
                                            consentRecorded: false)
        let failing = results.filter(\.blocks)
        #expect(failing.map(\.key) == ["guard.10.apart_from_group"])
        #expect(failing.allSatisfy { $0.severity == .warn && $0.article == "GC III Art. 22(3)" })
        #expect(failing[0].message.contains("Camp 1 · A"))
        // Overridable by two people: a request alone does nothing, a confirmation by someone else does.
        var override = GuardOverride(key: "guard.10.apart_from_group", reason: "Section B closed for repairs",
                                     requestedBy: "lo.kovalenko", requestedAt: now)
        #expect(!LegalGuards.placement(Placement(prisoner: ri, facility: "Camp 1", section: "A"), occupants: russians,
                                       consentRecorded: false, overrides: [override]).allClear)
        override.confirmedBy = "ap.shevchenko"
        override.confirmedAt = now
        let overridden = LegalGuards.placement(Placement(prisoner: ri, facility: "Camp 1", section: "A"), occupants: russians,
                                               consentRecorded: false, overrides: [override])
        #expect(overridden.allClear)
        #expect(overridden.first?.status == .overridden)
        // His recorded consent clears it too.
        #expect(LegalGuards.placement(Placement(prisoner: ri, facility: "Camp 1"), occupants: russians, consentRecorded: true).allClear)
    }

    // guard: 10
    @Test func separationFromTheForcesHeServedWithIsWarned() {
        let ukrainians = [soldier(12, power: "PRK", language: "ko", forces: "PRK")]
        let keys = LegalGuards.placement(Placement(prisoner: ri, facility: "Camp 2"), occupants: ukrainians, consentRecorded: false)
            .filter(\.blocks).map(\.key)
        #expect(keys == ["guard.10.separated_from_forces"])
        let withOwn = LegalGuards.placement(Placement(prisoner: ri, facility: "Camp 2"),
                                            occupants: [soldier(13, power: "PRK", language: "ko", forces: "RUS")], consentRecorded: false)
        #expect(withOwn.map(\.key) == ["guard.10.with_own_group"])
    }

    // guard: 10
    @Test func aGroupWithoutAnElectedRepresentativeIsFlagged() {
        let groups = PrisonerGroups.derive([Placement(prisoner: ri, facility: "Camp 1"), Placement(prisoner: petrov, facility: "Camp 1")])
        let russianRep = GroupRepresentative(facility: "Camp 1", group: "RUS/ru/RUS", prisonerID: petrov.id,
                                             electedAt: DispositionDemo.date("2026-03-01"), approved: true)
        let results = LegalGuards.representation(groups, elected: [russianRep], at: now)
        #expect(results.filter(\.blocks).map { $0.parameters["group"] } == ["PRK/ko/RUS"])
        #expect(results.first { $0.key == "guard.10.group_without_representative" }?.article == "GC III Art. 79")
        // Six months on, the Russian group's mandate has run out as well (GC3-79-rep).
        let later = LegalGuards.representation(groups, elected: [russianRep], at: DispositionDemo.date("2026-09-15"))
        #expect(later.filter(\.blocks).count == 2)
    }

    // guard: 10
    @Test func anElectionNamesItsGroupAndRepresentsIt() {
        let groups = PrisonerGroups.derive([Placement(prisoner: ri, facility: "Camp 1")])
        let election = RepresentativeElection(facility: "Camp 1", approved: true, group: groups[0].key.code)
        let elected = [GroupRepresentative(election: election, prisonerID: ri.id, at: DispositionDemo.date("2026-05-01"))]
            .compactMap { $0 }
        #expect(LegalGuards.representation(groups, elected: elected, at: now).allClear)
        #expect(GroupRepresentative(election: RepresentativeElection(facility: "Camp 1", approved: true), prisonerID: ri.id,
                                    at: now) == nil)
        // Not approved by the Detaining Power (Art. 79(4)): the group is still without a representative.
        let refused = RepresentativeElection(facility: "Camp 1", approved: false, refusalReason: "r", group: groups[0].key.code)
        let notApproved = [GroupRepresentative(election: refused, prisonerID: ri.id, at: DispositionDemo.date("2026-05-01"))]
            .compactMap { $0 }
        #expect(!LegalGuards.representation(groups, elected: notApproved, at: now).allClear)
    }
}
