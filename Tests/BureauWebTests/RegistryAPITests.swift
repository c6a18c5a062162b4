import BureauCore
import BureauStore
@testable import BureauWeb
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

extension WebSuite {
    @Suite struct RegistryAPITests {
        @Test func registrarRegistersAndReadsAPrisonerInHisScripts() async throws {
            try await withBureau { bureau in
                let token = try await bureau.signedIn(.registrar)
                let created = try await bureau.send(.POST, "api/v1/prisoners", token: token, json: Fixtures.registration())
                #expect(created.status == .created)
                let id = try created.content.get(String.self, at: "id")
                #expect(created.headers.first(name: .location) == "/api/v1/prisoners/\(id)")

                let read = try await bureau.send(.GET, "api/v1/prisoners/\(id)", token: token,
                                                 headers: [("X-Bureau-Purpose", "tracing request")])
                #expect(read.status == .ok)
                let names = read.each(["claims"], "displayName")
                #expect(names == ["김 정호", "Ким Чон Хо"])
                let scripts = read.each(["claims"], "script")
                #expect(scripts == ["hangul", "cyrillic"])
                #expect(try read.content.get(String.self, at: "internmentNumber").hasPrefix("UA-2026-"))
                #expect(try read.content.get(Bool.self, at: "powerDependedOn", "contested"))

                let audit = try #require(try await bureau.lastAudit())
                #expect(audit.action == "prisoner.read")
                #expect(audit.entityID == id)
                #expect(audit.purpose == "tracing request")
                #expect(audit.actor == "registrar")
            }
        }

        @Test func timelineShowsTheCaptureAndACorrectionSupersedes() async throws {
            try await withBureau { bureau in
                let registrar = try await bureau.signedIn(.registrar)
                let created = try await bureau.send(.POST, "api/v1/prisoners", token: registrar, json: Fixtures.registration())
                let id = try created.content.get(String.self, at: "id")
                let move = try await bureau.send(.POST, "api/v1/prisoners/\(id)/events", token: registrar, json: """
                    {"kind": "custody_move", "occurredAt": "2025-01-11T08:00:00Z",
                     "data": {"facility": "Military hospital, Kyiv", "facilityType": "hospital", "timeZone": "Europe/Kyiv"}}
                    """)
                #expect(move.status == .created)
                let moveID = try move.content.get(String.self, at: "id")
                let fix = try await bureau.send(.POST, "api/v1/prisoners/\(id)/events", token: registrar, json: """
                    {"kind": "custody_move", "occurredAt": "2025-01-11T09:00:00Z", "supersedes": "\(moveID)",
                     "data": {"facility": "Military hospital No. 2, Kyiv", "facilityType": "hospital"}}
                    """)
                #expect(fix.status == .created)

                let timeline = try await bureau.send(.GET, "api/v1/prisoners/\(id)/timeline", token: registrar)
                #expect(timeline.status == .ok)
                #expect(timeline.each([], "kind") == ["capture", "custody_move", "custody_move"])
                let superseded = try timeline.content.get(String.self, at: 1, "supersededBy")
                #expect(superseded == (try fix.content.get(String.self, at: "id")))
                #expect(try timeline.content.get(String.self, at: 2, "data", "facility") == "Military hospital No. 2, Kyiv")
            }
        }

        @Test func interviewContentIsSealedAndShownOnlyToInvestigators() async throws {
            try await withBureau { bureau in
                let registrar = try await bureau.signedIn(.registrar)
                let investigator = try await bureau.signedIn(.investigator)
                let created = try await bureau.send(.POST, "api/v1/prisoners", token: registrar, json: Fixtures.registration())
                let id = try created.content.get(String.self, at: "id")
                let secret = "Answered in writing: wishes to go to a third state"
                let interview = try await bureau.send(.POST, "api/v1/prisoners/\(id)/events", token: investigator, json: """
                    {"kind": "interview", "occurredAt": "2025-01-15T10:00:00Z",
                     "data": {"purpose": "intake", "language": "ko", "mode": "written", "noCoercionAttested": true,
                              "interpreter": {"name": "Interpreter A", "affiliation": "Contracted linguist", "affiliationState": "KOR"},
                              "content": "\(secret)"}}
                    """)
                #expect(interview.status == .created)

                let forInvestigator = try await bureau.send(.GET, "api/v1/prisoners/\(id)/timeline", token: investigator)
                #expect(try forInvestigator.content.get(String.self, at: 1, "data", "content") == secret)
                let forRegistrar = try await bureau.send(.GET, "api/v1/prisoners/\(id)/timeline", token: registrar)
                #expect(try forRegistrar.content.get(Bool.self, at: 1, "redacted"))
                #expect(!forRegistrar.body.string.contains(secret))
                #expect(try forRegistrar.content.get(String.self, at: 1, "data", "language") == "ko")

                let rows = try await EventModel.query(on: bureau.app.db).filter(\.$kind == "interview").all()
                #expect(rows.count == 1)
                #expect(!rows[0].payload.contains(secret))
                #expect(rows[0].sealed?.hasPrefix("v1:") == true)
                #expect(!(rows[0].sealed ?? "").contains("third state"))
            }
        }

        @Test func listFiltersByNameAndPages() async throws {
            try await withBureau { bureau in
                let registrar = try await bureau.signedIn(.registrar)
                for index in 0..<7 {
                    let response = try await bureau.send(.POST, "api/v1/prisoners", token: registrar,
                                                         json: Fixtures.registration(firstNames: "정호\(index)"))
                    #expect(response.status == .created)
                }
                _ = try await bureau.send(.POST, "api/v1/prisoners", token: registrar,
                                          json: Fixtures.registration(surname: "Шевченко", firstNames: "Олександр", power: "RUS"))
                let page = try await bureau.send(.GET, "api/v1/prisoners?perPage=3&page=2", token: registrar)
                #expect(try page.content.get(Int.self, at: "total") == 8)
                #expect(page.each(["items"], "internmentNumber").count == 3)
                let filtered = try await bureau.send(.GET, "api/v1/prisoners?q=%D1%88%D0%B5%D0%B2%D1%87%D0%B5%D0%BD%D0%BA%D0%BE",
                                                     token: registrar)
                #expect(try filtered.content.get(Int.self, at: "total") == 1)
                #expect(try filtered.content.get(String.self, at: "items", 0, "name") == "Шевченко Олександр")
                let byPower = try await bureau.send(.GET, "api/v1/prisoners?power=RUS", token: registrar)
                #expect(try byPower.content.get(Int.self, at: "total") == 1)
            }
        }

        @Test func aFalseDocumentStaysAsItsOwnClaim() async throws {
            try await withBureau { bureau in
                let registrar = try await bureau.signedIn(.registrar)
                let created = try await bureau.send(.POST, "api/v1/prisoners", token: registrar, json: Fixtures.registration())
                let id = try created.content.get(String.self, at: "id")
                let claim = try await bureau.send(.POST, "api/v1/prisoners/\(id)/claims", token: registrar, json: """
                    {"surname": "Монгуш", "firstNames": "Айдын", "serviceNumber": "ВН-417733", "source": "document",
                     "documentAuthenticity": "third_party", "confidence": "low"}
                    """)
                #expect(claim.status == .created)
                let read = try await bureau.send(.GET, "api/v1/prisoners/\(id)", token: registrar)
                #expect(read.each(["claims"], "surname") == ["김", "Ким", "Монгуш"])
                #expect(try read.content.get(Bool.self, at: "claims", 0, "isAssessed"))
                #expect(try read.content.get(Bool.self, at: "claims", 2, "isAssessed") == false)
            }
        }
    }
}
