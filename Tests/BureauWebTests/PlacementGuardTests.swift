import BureauCore
import BureauStore
@testable import BureauWeb
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

extension WebSuite {
    /// Issue 14, guard 10: a custody move that would hold a prisoner apart from his group or forces
    /// (Art. 22(3)) stops, writes nothing and names the article, until his consent is recorded or an
    /// override with a reason is confirmed by a second person. Runs on SQLite and, with DATABASE_URL, PostgreSQL.
    @Suite struct PlacementGuardTests {
        static func move(_ facility: String, section: String, at: String, type: String = "camp") -> String {
            #"{"kind": "custody_move", "occurredAt": "\#(at)", "data": {"facility": "\#(facility)", "facilityType": "\#(type)", "section": "\#(section)"}}"#
        }

        /// Petrov and Smirnov (Russian soldiers) in Camp 1 section A; Ri (Korean-speaking, DPRK) in section B.
        static func camp(_ bureau: TestBureau, _ staff: DispositionStaff) async throws -> (ri: String, petrov: String, smirnov: String, at: String) {
            let at = ClocksFixture.iso(bureau.clock.now.addingTimeInterval(-86_400))
            let ri = try await bureau.register(DispositionFixtures.ri, token: staff.registrar)
            let petrov = try await bureau.register(DispositionFixtures.petrov, token: staff.registrar)
            let smirnov = try await bureau.register(GroupStoryTests.russian, token: staff.registrar)
            try await bureau.expect("api/v1/prisoners/\(petrov)/events", token: staff.registrar,
                                    json: move("Camp 1", section: "A", at: at), .created)
            // Smirnov joins a Russian soldier: he is separated from nobody, nothing is asked.
            try await bureau.expect("api/v1/prisoners/\(smirnov)/events", token: staff.camp,
                                    json: move("Camp 1", section: "A", at: at), .created)
            // Ri into an empty section: nobody to be apart from.
            try await bureau.expect("api/v1/prisoners/\(ri)/events", token: staff.registrar,
                                    json: move("Camp 1", section: "B", at: at), .created)
            return (ri, petrov, smirnov, at)
        }

        static func events(_ bureau: TestBureau, of prisoner: String) async throws -> Int {
            try await EventModel.query(on: bureau.app.db).filter(\.$prisoner.$id == UUID(uuidString: prisoner)!).count()
        }

        static func moveRi(_ bureau: TestBureau, _ staff: DispositionStaff, _ ri: String, at: String,
                           language: String = "uk") async throws -> TestingHTTPResponse {
            try await bureau.send(.POST, "api/v1/prisoners/\(ri)/events", token: staff.camp,
                                  json: move("Camp 1", section: "A", at: at), headers: [("Accept-Language", language)])
        }

        // guard: 10
        @Test func aKoreanMovedAmongRussianSoldiersIsStoppedUntilTwoPeopleConfirmAnOverride() async throws {
            try await withBureau { bureau in
                let staff = try await DispositionStaff.signIn(bureau)
                let (ri, _, _, at) = try await Self.camp(bureau, staff)
                let before = try await Self.events(bureau, of: ri)

                // The warning, in Ukrainian, naming the article; nothing written.
                let refused = try await Self.moveRi(bureau, staff, ri, at: at)
                #expect(refused.status == .conflict, "\(refused.body.string)")
                let body = try refused.content.decode(PlacementRefusalDTO.self)
                #expect(body.error.code == "placement_separation")
                #expect(body.error.message.contains("ст. 22(3)"))
                #expect(body.warnings == ["Ст. 22(3): у Camp 1 · A ніхто не має його громадянства й мови (КНДР · корейська · Armed Forces of the Russian Federation): запишіть його згоду або причину, підтверджену двома особами."])
                #expect(body.reasons.map(\.key) == ["guard.10.apart_from_group"])
                #expect(body.reasons.allSatisfy { $0.article == "GC III Art. 22(3)" && $0.severity == .warn })
                #expect(try await Self.events(bureau, of: ri) == before)
                let english = try await Self.moveRi(bureau, staff, ri, at: at, language: "en")
                #expect(english.status == .conflict)
                #expect(try english.content.decode(PlacementRefusalDTO.self).error.message.contains("GC III Art. 22(3)"))

                // An override with one person only: still refused.
                let requested = try await bureau.expect("api/v1/prisoners/\(ri)/placement-overrides", token: staff.legal, json: """
                    {"facility": "Camp 1", "section": "A", "reason": "Section B is closed for repairs until 20 December"}
                    """, .created)
                let overrideID = try requested.content.get(String.self, at: "id")
                #expect(try requested.content.get(Bool.self, at: "effective") == false)
                #expect(try await Self.moveRi(bureau, staff, ri, at: at).status == .conflict)
                // The requester may not confirm his own: a legal officer has no confirming role, and an approver
                // who requested is refused as his own second person.
                try await bureau.expect("api/v1/placement-overrides/\(overrideID)/confirm", token: staff.legal, .forbidden)
                try await bureau.expect("api/v1/prisoners/\(ri)/placement-overrides", token: staff.legal, json: """
                    {"facility": "Camp 1", "section": "A", "reason": "again"}
                    """, .conflict)
                #expect(try await Self.moveRi(bureau, staff, ri, at: at).status == .conflict)
                #expect(try await Self.events(bureau, of: ri) == before)

                // A second person confirms: the move goes through.
                let confirmed = try await bureau.expect("api/v1/placement-overrides/\(overrideID)/confirm", token: staff.approverA, .ok)
                #expect(try confirmed.content.get(Bool.self, at: "effective"))
                try await bureau.expect("api/v1/placement-overrides/\(overrideID)/confirm", token: staff.approverB, .conflict)
                #expect(try await Self.moveRi(bureau, staff, ri, at: at).status == .created)
                #expect(try await Self.events(bureau, of: ri) == before + 1)

                // Stored and audited; the reason only for readers of his will.
                let asApprover = try await bureau.expect(.GET, "api/v1/prisoners/\(ri)/placement-clearances", token: staff.approverB, .ok)
                    .content.decode(PlacementClearancesDTO.self)
                #expect(asApprover.clearances.map(\.text) == ["Section B is closed for repairs until 20 December"])
                let asCamp = try await bureau.expect(.GET, "api/v1/prisoners/\(ri)/placement-clearances", token: staff.camp, .ok)
                    .content.decode(PlacementClearancesDTO.self)
                #expect(asCamp.clearances.map(\.text) == [""])
                #expect(asCamp.clearances.first?.confirmedBy != nil)
                let actions = try await AuditModel.query(on: bureau.app.db).all().map(\.action)
                #expect(actions.contains("placement.override") && actions.contains("placement.confirm"))

                // On his timeline, in Ukrainian.
                let page = try await bureau.send(.GET, "prisoners/\(ri)", token: staff.approverB, headers: [("Accept-Language", "uk")])
                #expect(page.body.string.contains("Відхилення від ст. 22(3)"))
                #expect(page.body.string.contains("Підтверджено"))
            }
        }

        // guard: 10
        @Test func hisRecordedConsentLetsTheMoveThrough() async throws {
            try await withBureau { bureau in
                let staff = try await DispositionStaff.signIn(bureau)
                let (ri, _, _, at) = try await Self.camp(bureau, staff)
                #expect(try await Self.moveRi(bureau, staff, ri, at: at).status == .conflict)
                try await bureau.expect("api/v1/prisoners/\(ri)/placement-consents", token: staff.camp, json: """
                    {"facility": "Camp 1", "section": "A", "statement": " "}
                    """, .badRequest)
                // Consent for another section does not count.
                try await bureau.expect("api/v1/prisoners/\(ri)/placement-consents", token: staff.camp, json: """
                    {"facility": "Camp 1", "section": "C", "statement": "Asked on 2 December through the interpreter Anna Pak"}
                    """, .created)
                #expect(try await Self.moveRi(bureau, staff, ri, at: at).status == .conflict)
                try await bureau.expect("api/v1/prisoners/\(ri)/placement-consents", token: staff.camp, json: """
                    {"facility": "Camp 1", "section": "A", "statement": "Asked on 2 December through the interpreter Anna Pak"}
                    """, .created)
                #expect(try await Self.moveRi(bureau, staff, ri, at: at).status == .created)
                let actions = try await AuditModel.query(on: bureau.app.db).all().map(\.action)
                #expect(actions.filter { $0 == "placement.consent" }.count == 2)
                // Nothing to override once he consented; an investigator may record neither.
                try await bureau.expect("api/v1/prisoners/\(ri)/placement-overrides", token: staff.legal, json: """
                    {"facility": "Camp 1", "section": "A", "reason": "x"}
                    """, .unprocessableEntity)
                try await bureau.expect("api/v1/prisoners/\(ri)/placement-consents", token: staff.investigator, json: """
                    {"facility": "Camp 1", "section": "A", "statement": "x"}
                    """, .forbidden)
            }
        }

        // guard: 10
        @Test func movesThatSeparateNobodyAreNotAffected() async throws {
            try await withBureau { bureau in
                let staff = try await DispositionStaff.signIn(bureau)
                let (ri, petrov, _, at) = try await Self.camp(bureau, staff)
                // A hospital holds him for his wounds, not as a camp group: no Art. 22(3) check.
                try await bureau.expect("api/v1/prisoners/\(ri)/events", token: staff.camp,
                                        json: Self.move("Camp 1", section: "A", at: at, type: "hospital"), .created)
                // Petrov into another section with nobody; back to the Russian soldiers' section.
                try await bureau.expect("api/v1/prisoners/\(petrov)/events", token: staff.camp,
                                        json: Self.move("Camp 2", section: "A", at: at), .created)
                try await bureau.expect("api/v1/prisoners/\(petrov)/events", token: staff.camp,
                                        json: Self.move("Camp 1", section: "A", at: at), .created)
                #expect(try await DispositionRow<PlacementClearancesTable>.query(on: bureau.app.db).count() == 0)
            }
        }

        // guard: 10
        @Test func theCustodyMoveFormShowsTheWarningKeepsTheFormAndOffersConsent() async throws {
            try await withBureau { bureau in
                let staff = try await DispositionStaff.signIn(bureau)
                let (ri, _, _, _) = try await Self.camp(bureau, staff)
                let camp = try await FormSession.signIn(bureau, .campOfficer, name: "co.form")
                let before = try await Self.events(bureau, of: ri)
                let fields: [(String, String)] = [("kind", "custody_move"), ("occurredAt", "2025-03-01T10:00"),
                                                  ("facility", "Camp 1"), ("section", "A"), ("facilityType", "camp"),
                                                  ("timeZone", "Europe/Kyiv"), ("reason", "Переведення")]
                let refused = try await camp.post(bureau, "prisoners/\(ri)/events", fields, language: "uk")
                #expect(refused.status == .conflict)
                let html = refused.body.string
                #expect(html.contains("id=\"placement-warning\""))
                #expect(html.contains("Ст. 22(3) Женевської конвенції III"))
                #expect(html.contains("ніхто не має його громадянства й мови"))
                #expect(html.contains("value=\"Camp 1\"") && html.contains("value=\"Переведення\""))
                #expect(html.contains("Записати його згоду"))
                #expect(html.contains("id=\"placement-override-link\""))
                #expect(try await Self.events(bureau, of: ri) == before)

                let consented = try await camp.post(bureau, "prisoners/\(ri)/placement-consents",
                                                    fields + [("statement", "Погодився 2 грудня через перекладачку Анну Пак")],
                                                    language: "uk")
                #expect(consented.status == .ok)
                #expect(consented.body.string.contains("Його згоду записано"))
                #expect(consented.body.string.contains("value=\"Camp 1\""))
                let recorded = try await camp.post(bureau, "prisoners/\(ri)/events", fields, language: "uk")
                #expect(recorded.status == .seeOther || recorded.status == .found)
                #expect(try await Self.events(bureau, of: ri) == before + 1)
                let timeline = try await camp.get(bureau, "prisoners/\(ri)", language: "uk")
                #expect(timeline.body.string.contains("Згода на окреме тримання (ст. 22(3))"))
                // The camp officer does not read his words (will class).
                #expect(!timeline.body.string.contains("Погодився 2 грудня"))
            }
        }

        // guard: 10
        @Test func aLegalOfficerRequestsOnTheGroupsPageAndAnApproverConfirmsOnTheTimeline() async throws {
            try await withBureau { bureau in
                let staff = try await DispositionStaff.signIn(bureau)
                let (ri, _, _, at) = try await Self.camp(bureau, staff)
                let legal = try await FormSession.signIn(bureau, .legalOfficer, name: "lo.form")
                let approver = try await FormSession.signIn(bureau, .approver, name: "ap.form")
                let check = try await legal.get(bureau, "groups?prisonerID=\(ri)&facility=Camp%201&section=A", language: "uk")
                #expect(check.body.string.contains("id=\"placement-override\""))
                let requested = try await legal.post(bureau, "prisoners/\(ri)/placement-overrides",
                                                     [("facility", "Camp 1"), ("section", "A"),
                                                      ("clearanceReason", "Секцію B закрито на ремонт")], language: "uk")
                #expect(requested.status == .seeOther || requested.status == .found)
                #expect(try await Self.moveRi(bureau, staff, ri, at: at).status == .conflict)
                let page = try await approver.get(bureau, "prisoners/\(ri)", language: "uk")
                let id = try #require(try await DispositionRow<PlacementClearancesTable>.query(on: bureau.app.db).first()?.id)
                #expect(page.body.string.contains("/placement-overrides/\(id.uuidString)/confirm"))
                #expect(page.body.string.contains("Секцію B закрито на ремонт"))
                let confirmed = try await approver.post(bureau, "placement-overrides/\(id.uuidString)/confirm", [], language: "uk")
                #expect(confirmed.status == .seeOther || confirmed.status == .found)
                #expect(try await Self.moveRi(bureau, staff, ri, at: at).status == .created)
            }
        }
    }
}
