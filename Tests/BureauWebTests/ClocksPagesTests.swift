import BureauCore
import BureauStore
@testable import BureauWeb
import Foundation
import Testing
import Vapor
import VaporTesting

extension WebSuite {
    /// The dashboard, the prisoner's obligations tab and the printable capture card.
    @Suite struct ClocksPagesTests {
        func page(_ bureau: TestBureau, _ path: String, token: String, language: String = "en") async throws -> TestingHTTPResponse {
            try await bureau.send(.GET, path, token: token, headers: [("Accept-Language", language)])
        }

        @Test func theDashboardShowsTheDemoPrisonerWhoseCardIsOverdue() async throws {
            try await withBureau { bureau in
                _ = try await DemoRegistry.load(into: bureau.services.registry, now: bureau.clock.now)
                let list = try await bureau.services.registry.list(.init(text: "리"), by: DemoRegistry.registrar)
                let prisoner = try #require(list.items.first?.prisoner)
                let token = try await bureau.signedIn(.registrar)
                let response = try await page(bureau, "/obligations", token: token)
                #expect(response.status == .ok)
                let html = response.body.string
                let rows = html.components(separatedBy: "<tr ").filter {
                    $0.hasPrefix(#"class="status-overdue" data-obligation="GC3-70-card:"#)
                        && $0.contains("/prisoners/\(prisoner.id.uuidString)\">\(prisoner.internmentNumber)")
                }
                let cells = try #require(rows.first, "no overdue capture card row for \(prisoner.internmentNumber)")
                #expect(cells.contains(#"<span class="tag basis-treaty""#))
                #expect(cells.contains("/prisoners/\(prisoner.id.uuidString)/capture-card"))
                #expect(cells.contains("Offer a capture card"))
                // Counts per rule, and the filter by rule keeps only cards.
                #expect(html.contains(#"<tr data-rule="GC3-70-card"><td><a href="/obligations?rule=GC3-70-card" title="GC3-70-card">"#))
                let cards = try await page(bureau, "/obligations?rule=GC3-70-card", token: token).body.string
                #expect(cards.contains("data-rule=\"GC3-70-card\""))
                #expect(!cards.contains("data-rule=\"GC3-122-initial\" data"))
                // One prisoner: every row is his.
                let own = try await page(bureau, "/obligations?state=all&prisoner=\(prisoner.id.uuidString)", token: token).body.string
                #expect(own.contains(prisoner.internmentNumber))
            }
        }

        @Test func thePrisonerTabShowsOpenObligationsAndTheHistory() async throws {
            try await withBureau { bureau in
                let fixture = try await ClocksFixture.make(bureau)
                let before = try await page(bureau, "/prisoners/\(fixture.id)/obligations", token: fixture.registrar).body.string
                #expect(before.contains("id=\"open-obligations\""))
                // (Registration with his languages already establishes one he understands: GC3-17-language.)
                let historyBefore = before.range(of: "History of fulfilled obligations").map { String(before[$0.lowerBound...]) } ?? ""
                #expect(!historyBefore.contains("data-rule=\"GC3-70-card\""))
                let camp = try await bureau.signedIn(.campOfficer)
                // The page's own form: offered, now.
                var headers = HTTPHeaders()
                headers.bearerAuthorization = BearerAuthorization(token: camp)
                headers.contentType = .urlEncodedForm
                let posted = try await bureau.app.testing().sendRequest(.POST, "/prisoners/\(fixture.id)/capture-card",
                                                                        headers: headers, body: ByteBuffer(string: "action=offered"))
                #expect(posted.status == .seeOther, "\(posted.body.string)")
                let after = try await page(bureau, "/prisoners/\(fixture.id)/obligations", token: fixture.registrar).body.string
                let history = try #require(after.range(of: "id=\"fulfilled-obligations\""))
                #expect(after[history.lowerBound...].contains("data-rule=\"GC3-70-card\""))
                #expect(after[history.lowerBound...].contains(">late<"))
                let record = try await page(bureau, "/prisoners/\(fixture.id)", token: fixture.registrar).body.string
                #expect(record.contains("/prisoners/\(fixture.id)/obligations"))
            }
        }

        @Test func theCaptureCardIsBilingualAndPrintable() async throws {
            try await withBureau { bureau in
                let fixture = try await ClocksFixture.make(bureau)
                let html = try await page(bureau, "/prisoners/\(fixture.id)/capture-card", token: fixture.registrar).body.string
                #expect(html.contains("id=\"capture-card\""))
                #expect(html.contains("<span lang=\"ko\">성</span>"))
                #expect(html.contains("<span lang=\"uk\">Прізвище</span>"))
                #expect(html.contains("김 <span class=\"card-roman\">(Gim)</span>"))
                #expect(html.contains("size:15cm 10.5cm"))
                #expect(html.contains("data-item=\"14\""))
                // Only those who record cards get the form.
                #expect(!html.contains("id=\"card-form\""))
                let camp = try await bureau.signedIn(.campOfficer)
                let forCamp = try await page(bureau, "/prisoners/\(fixture.id)/capture-card", token: camp).body.string
                #expect(forCamp.contains("id=\"card-form\""))
                // A bad step is refused on the page with nothing written.
                let events = try await bureau.eventCount()
                var headers = HTTPHeaders()
                headers.bearerAuthorization = BearerAuthorization(token: camp)
                headers.contentType = .urlEncodedForm
                let bad = try await bureau.app.testing().sendRequest(.POST, "/prisoners/\(fixture.id)/capture-card",
                                                                     headers: headers, body: ByteBuffer(string: "action=lost"))
                #expect(bad.status == .badRequest)
                #expect(try await bureau.eventCount() == events)
            }
        }

        @Test func everyRuleHasTranslatedDuties() {
            let catalog = LanguageTests.catalog
            for language in Catalog.languages {
                let keys = catalog.messages[language]!.keys
                for rule in RuleID.allCases {
                    #expect(keys.contains { $0.hasPrefix("obligation.\(rule.rawValue).") }, "\(language): \(rule.rawValue)")
                }
                for subject in NotificationEntry.Subject.allCases {
                    #expect(keys.contains("subject.\(subject.rawValue)"))
                }
                for addressee in Addressee.allCases { #expect(keys.contains("addressee.\(addressee.rawValue)")) }
                for status in ObligationStatus.allCases { #expect(keys.contains("ostatus.\(status.rawValue)")) }
                for action in CaptureCardEntry.Action.allCases { #expect(keys.contains("card.action.\(action.rawValue)")) }
            }
        }
    }
}
