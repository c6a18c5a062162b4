import BureauCore
import BureauStore
@testable import BureauWeb
import Foundation
import Testing
import Vapor
import VaporTesting

extension WebSuite {
    /// Issue 14, "Done when", guard 10 through the HTTP API: a Korean-speaking prisoner moved into a camp
    /// section of Russian soldiers only raises the Art. 22 warning; a group without a representative is
    /// flagged until an election linked to it (GC3-79-rep) is recorded.
    @Suite struct GroupStoryTests {
        static let russian = """
        {"powerDependedOn": {"power": "RUS"}, "forcesServedWith": "Armed Forces of the Russian Federation", "languages": ["ru"],
         "claims": [{"surname": "Смирнов", "firstNames": "Олег", "dateOfBirth": "1990", "source": "self_declared", "isAssessed": true}],
         "capturedAt": "2025-02-14T06:00:00Z", "capture": {"place": "Sumy oblast"}}
        """

        static func move(_ facility: String, section: String, at: String) -> String {
            #"{"kind": "custody_move", "occurredAt": "\#(at)", "data": {"facility": "\#(facility)", "facilityType": "camp", "section": "\#(section)"}}"#
        }

        // guard: 10
        @Test func aKoreanAmongRussianSoldiersIsWarnedAndAnUnrepresentedGroupFlagged() async throws {
            try await withBureau { bureau in
                let staff = try await DispositionStaff.signIn(bureau)
                let yesterday = ClocksFixture.iso(bureau.clock.now.addingTimeInterval(-86_400))
                let ri = try await bureau.register(DispositionFixtures.ri, token: staff.registrar)
                let petrov = try await bureau.register(DispositionFixtures.petrov, token: staff.registrar)
                let smirnov = try await bureau.register(Self.russian, token: staff.registrar)
                for id in [petrov, smirnov] {
                    try await bureau.expect("api/v1/prisoners/\(id)/events", token: staff.registrar,
                                            json: Self.move("Camp 1", section: "A", at: yesterday), .created)
                }
                try await bureau.expect("api/v1/prisoners/\(ri)/events", token: staff.registrar,
                                        json: Self.move("Camp 1", section: "B", at: yesterday), .created)

                // Moving Ri into section A, among Russian soldiers: the Art. 22(3) warning, nothing enforced.
                let check = try await bureau.expect(.GET, "api/v1/prisoners/\(ri)/placement-check?facility=Camp%201&section=A",
                                                    token: staff.camp, .ok)
                let result = try check.content.decode(PlacementCheckDTO.self)
                #expect(!result.allClear)
                #expect(result.guards.filter(\.blocks).map(\.key) == ["guard.10.apart_from_group"])
                #expect(result.guards.filter(\.blocks).allSatisfy { $0.severity == .warn && $0.article == "GC III Art. 22(3)" })
                let consented = try await bureau.expect(
                    .GET, "api/v1/prisoners/\(ri)/placement-check?facility=Camp%201&section=A&consent=true", token: staff.camp, .ok)
                #expect(try consented.content.decode(PlacementCheckDTO.self).allClear)
                try await bureau.expect(.GET, "api/v1/prisoners/\(ri)/placement-check?facility=%20", token: staff.camp, .badRequest)

                // Two groups in Camp 1, neither with a representative.
                let groups = try await bureau.expect(.GET, "api/v1/groups", token: staff.camp, .ok).content.decode(GroupsDTO.self)
                let korean = "PRK/ko/Armed Forces of the Russian Federation"
                let russians = "RUS/ru/Armed Forces of the Russian Federation"
                #expect(Set(groups.groups.map(\.group)) == [korean, russians])
                #expect(groups.groups.allSatisfy { $0.representation.key == "guard.10.group_without_representative" })

                // The Russian soldiers elect Petrov; the Korean-speaking group is still flagged.
                try await bureau.expect("api/v1/prisoners/\(petrov)/events", token: staff.camp, json: """
                    {"kind": "representative_election", "occurredAt": "\(yesterday)",
                     "data": {"facility": "Camp 1", "approved": true, "group": "\(russians)"}}
                    """, .created)
                let after = try await bureau.expect(.GET, "api/v1/groups", token: staff.camp, .ok).content.decode(GroupsDTO.self)
                let flagged = after.groups.filter { $0.representation.blocks }.map(\.group)
                #expect(flagged == [korean])
                #expect(after.groups.first { $0.group == russians }?.representative?.isEmpty == false)

                let page = try await bureau.send(.GET, "groups", token: staff.camp, headers: [("Accept-Language", "uk")])
                #expect(page.status == .ok)
                #expect(page.body.string.contains("не має обраної довіреної особи"))
                try await bureau.expect(.GET, "api/v1/groups", token: staff.camp, .ok)
            }
        }
    }
}
