import BureauCore
import BureauStore
@testable import BureauWeb
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

extension WebSuite {
    /// Tracing search over the live name index: every claim of every prisoner, across scripts.
    @Suite struct SearchTests {
        @Test func findsPrisonersAcrossScriptsAndFollowsWrites() async throws {
            try await withBureau { bureau in
                let registrar = try await bureau.signedIn(.registrar)
                let korean = try await bureau.send(.POST, "api/v1/prisoners", token: registrar,
                                                   json: Fixtures.registration(surname: "김", firstNames: "정은"))
                let koreanID = try korean.content.get(String.self, at: "id")
                let other = try await bureau.send(.POST, "api/v1/prisoners", token: registrar,
                                                  json: Fixtures.registration(surname: "박", firstNames: "성민"))
                #expect(other.status == .created)
                let ukrainianStyle = try await bureau.send(.POST, "api/v1/prisoners", token: registrar, json: Fixtures.registration(
                    surname: "Шевченко", firstNames: "Олександр", power: "RUS"))
                let shevchenkoID = try ukrainianStyle.content.get(String.self, at: "id")

                let kim = try await bureau.send(.GET, "api/v1/search?name=Kim%20Jong%20Un", token: registrar)
                #expect(kim.status == .ok)
                #expect(kim.each([], "matchedName").first == "김 정은")
                #expect(try kim.content.get(String.self, at: 0, "prisoner", "id") == koreanID)
                #expect(try kim.content.get(String.self, at: 0, "explanation").isEmpty == false)

                let latin = try await bureau.send(.GET, "api/v1/search?name=Aleksandr%20Shevchenko", token: registrar)
                #expect(try latin.content.get(String.self, at: 0, "prisoner", "id") == shevchenkoID)

                let audit = try #require(try await bureau.lastAudit())
                #expect(audit.action == "prisoner.search")
                #expect(audit.detail?.contains("Aleksandr Shevchenko") == true)

                // A claim recorded later is searchable at once.
                let claim = try await bureau.send(.POST, "api/v1/prisoners/\(shevchenkoID)/claims", token: registrar,
                                                  json: #"{"surname": "Ковальчук", "firstNames": "Петро", "source": "document", "documentAuthenticity": "forged"}"#)
                #expect(claim.status == .created)
                let newName = try await bureau.send(.GET, "api/v1/search?name=Petro%20Kovalchuk", token: registrar)
                #expect(try newName.content.get(String.self, at: 0, "prisoner", "id") == shevchenkoID)
                #expect(newName.each([], "matchedName").first == "Ковальчук Петро")
            }
        }

        @Test func searchNeedsANameAndAValidDate() async throws {
            try await withBureau { bureau in
                let registrar = try await bureau.signedIn(.registrar)
                let none = try await bureau.send(.GET, "api/v1/search", token: registrar)
                #expect(none.status == .badRequest)
                #expect(none.errorField == "name")
                let badDate = try await bureau.send(.GET, "api/v1/search?name=Kim&dob=1999-13", token: registrar)
                #expect(badDate.errorField == "dob")
                let admin = try await bureau.signedIn(.administrator)
                #expect(try await bureau.send(.GET, "api/v1/search?name=Kim", token: admin).status == .forbidden)
            }
        }

        @Test func theIndexIsRebuiltFromTheDatabase() async throws {
            try await withBureau { bureau in
                _ = try await DemoRegistry.load(into: bureau.services.registry, now: bureau.clock.now)
                // A fresh index, as at start-up, reads every claim back.
                let fresh = LiveNameIndex()
                try await fresh.ensureLoaded(from: bureau.app.db)
                let claims = try await ClaimModel.query(on: bureau.app.db).count()
                #expect(fresh.count == claims)
                let hits = fresh.search("Ri Chol Ho", dateOfBirth: "1999", top: 3)
                let page = try await bureau.services.registry.list(.init(text: "리"), by: DemoRegistry.registrar)
                #expect(hits.first?.prisonerID == page.items.first?.prisoner.id)
            }
        }

        @Test func theListSearchBoxRanksAndExplains() async throws {
            try await withBureau { bureau in
                let registrar = try await bureau.signedIn(.registrar)
                _ = try await bureau.send(.POST, "api/v1/prisoners", token: registrar,
                                          json: Fixtures.registration(surname: "김", firstNames: "정은"))
                let page = try await bureau.send(.GET, "prisoners?q=Kim%20Jong-un", token: registrar,
                                                 headers: [("Accept-Language", "en")])
                #expect(page.status == .ok)
                #expect(page.body.string.contains("id=\"ranked\""))
                #expect(page.body.string.contains("김 정은"))
            }
        }
    }
}
