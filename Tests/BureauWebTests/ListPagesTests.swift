import BureauCore
import BureauStore
@testable import BureauWeb
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Issue 8, item 9: the dashboard and the audit page as lists that grow — paged, grouped, filtered —
/// on the demo registry (about fifty prisoners, some hundreds of obligations and audit entries).
extension WebSuite {
    @Suite struct ListPagesTests {
        func page(_ bureau: TestBureau, _ path: String, token: String, language: String = "uk") async throws
            -> TestingHTTPResponse {
            try await bureau.send(.GET, path, token: token, headers: [("Accept-Language", language)])
        }

        static func all(_ pattern: String, in html: String) -> [String] {
            let regex = try! NSRegularExpression(pattern: pattern)
            return regex.matches(in: html, range: NSRange(html.startIndex..., in: html)).map {
                String(html[Range($0.range(at: 1), in: html)!])
            }
        }

        static func link(_ id: String, in html: String) -> String? {
            all(#"<a href="([^"]*)"[^>]*id="\#(id)""#, in: html).first.map { $0.replacingOccurrences(of: "&amp;", with: "&") }
        }

        /// What a reader sees: no tags, no tooltips, no style sheet.
        static func visible(_ html: String) -> String {
            html.replacingOccurrences(of: #"(?s)<style>.*</style>"#, with: " ", options: .regularExpression)
                .replacingOccurrences(of: #"<[^>]+>"#, with: " ", options: .regularExpression)
        }

        @Test func theDashboardPagesThroughEveryObligationOnceInEachGrouping() async throws {
            try await withBureau { bureau in
                _ = try await DemoRegistry.load(into: bureau.services.registry, now: bureau.clock.now)
                let token = try await bureau.signedIn(.registrar)
                let api = try await bureau.send(.GET, "api/v1/obligations?state=all", token: token)
                let expected = Set(try api.content.get([ObligationDTOProbe].self, at: "items").map(\.id))
                #expect(expected.count > ObligationsPage.pageSize, "the demo has only \(expected.count) obligations")
                for grouping in ["due", "rule", "prisoner"] {
                    var seen: [String] = []
                    var path: String? = "/obligations?state=all&group=\(grouping)"
                    var pages = 0
                    while let next = path {
                        let response = try await page(bureau, next, token: token)
                        #expect(response.status == .ok, "\(next): \(response.status)")
                        let html = response.body.string
                        #expect(html.contains(#"<span id="obligations-total">\#(expected.count)</span>"#))
                        let rows = Self.all(#"data-obligation="([^"]+)""#, in: html)
                        #expect(rows.count <= ObligationsPage.pageSize)
                        seen += rows
                        // Each group holds rows of one rule, one prisoner or one day only.
                        for body in html.components(separatedBy: #"<tbody class="group">"#).dropFirst() {
                            let group = body.components(separatedBy: "</tbody>")[0]
                            switch grouping {
                            case "rule": #expect(Set(Self.all(#"data-rule="([^"]+)""#, in: group)).count == 1)
                            case "prisoner": #expect(Set(Self.all(#"<a href="/prisoners/([0-9A-F-]+)">"#, in: group)).count == 1)
                            default: #expect(Self.all(#"class="group-head"><th scope="colgroup" colspan="7">([^<]+)<"#, in: group).count == 1)
                            }
                        }
                        pages += 1
                        path = Self.link("page-next", in: html)
                    }
                    #expect(pages == (expected.count + 99) / 100)
                    #expect(seen.count == expected.count, "\(grouping): \(seen.count) rows for \(expected.count) obligations")
                    #expect(Set(seen) == expected, "\(grouping): every obligation exactly once")
                }
                // By due date, the default grouping runs from the earliest deadline.
                let first = try await page(bureau, "/obligations?state=all", token: token).body.string
                #expect(first.contains(#"<nav class="pager""#) && first.contains("Сторінка 1 / "))
                // A page past the end shows the last one, not an empty list.
                let beyond = try await page(bureau, "/obligations?state=all&page=999", token: token).body.string
                #expect(beyond.contains("data-obligation="))
            }
        }

        @Test func theDashboardFiltersByStateRuleAndPrisoner() async throws {
            try await withBureau { bureau in
                _ = try await DemoRegistry.load(into: bureau.services.registry, now: bureau.clock.now)
                let token = try await bureau.signedIn(.registrar)
                let overdue = try await page(bureau, "/obligations?state=overdue", token: token).body.string
                let states = Self.all(#"<tr class="status-([a-z_]+)" data-obligation"#, in: overdue)
                #expect(!states.isEmpty && Set(states) == ["overdue"])
                let cards = try await page(bureau, "/obligations?state=all&rule=GC3-70-card", token: token).body.string
                #expect(Set(Self.all(#"data-obligation="[^"]+" data-rule="([^"]+)""#, in: cards)) == ["GC3-70-card"])
                // The rule is named in words; its catalogue id is only a tooltip.
                #expect(Self.visible(cards).contains("Картка про взяття в полон"))
                #expect(!Self.visible(cards).contains("GC3-70-card"))
                // A prisoner by his internment number, typed into the filter.
                let list = try await bureau.services.registry.list(.init(text: "리"), by: DemoRegistry.registrar)
                let prisoner = try #require(list.items.first?.prisoner)
                let his = try await page(bureau, "/obligations?state=all&who=\(prisoner.internmentNumber)", token: token).body.string
                let owners = Set(Self.all(#"<a href="/prisoners/([0-9A-F-]+)">"#, in: his))
                #expect(owners == [prisoner.id.uuidString])
                // Fulfilled late: every row is fulfilled, and says it was late.
                let late = try await page(bureau, "/obligations?state=late", token: token)
                #expect(late.status == .ok)
                let lateRows = late.body.string.components(separatedBy: "<tr class=\"status-").dropFirst()
                for row in lateRows { #expect(row.hasPrefix("fulfilled") && row.contains("tag warn")) }
                // A grouping that does not exist is a clear refusal, in the page language.
                let bad = try await page(bureau, "/obligations?group=colour", token: token)
                #expect(bad.status == .badRequest)
                #expect(bad.headers.contentType?.subType == "html")
                // The API keeps refusing the page's own parameters: a misspelt filter never widens a list.
                let api = try await bureau.send(.GET, "api/v1/obligations?state=late", token: token)
                #expect(api.status == .badRequest)
            }
        }

        @Test func theAuditPageFiltersPagesAndNamesActionsInWords() async throws {
            try await withBureau { bureau in
                _ = try await DemoRegistry.load(into: bureau.services.registry, now: bureau.clock.now)
                let auditor = try await bureau.signedIn(.auditor)
                let registrarEntries = try await AuditModel.query(on: bureau.app.db).filter(\.$actor == "demo.registrar").count()
                #expect(registrarEntries > AuditPage.pageSize)
                // Paging down one account's entries finds each once; the way back up gives the first page again.
                var path: String? = "/audit?actor=demo.registrar"
                var seen: [String] = []
                var firstPage: [String] = []
                var secondPage = ""
                while let next = path {
                    let html = try await page(bureau, next, token: auditor).body.string
                    let rows = Self.all(#"<tr data-seq="([0-9]+)">"#, in: html)
                    if firstPage.isEmpty { firstPage = rows } else if secondPage.isEmpty { secondPage = html }
                    #expect(Set(Self.all(#"<td>([a-z.]+)<br><span class="muted">"#, in: html)) == ["demo.registrar"])
                    seen += rows
                    path = Self.link("audit-older", in: html)
                }
                #expect(seen.count == registrarEntries)
                #expect(Set(seen).count == seen.count)
                let newer = try #require(Self.link("audit-newer", in: secondPage))
                #expect(Self.all(#"<tr data-seq="([0-9]+)">"#, in: try await page(bureau, newer, token: auditor).body.string)
                    == firstPage)

                // One action, in words, with its code in the tooltip only.
                let created = try await page(bureau, "/audit?action=prisoner.create", token: auditor).body.string
                #expect(Set(Self.all(#"data-action="([^"]+)""#, in: created)) == ["prisoner.create"])
                let shown = Self.visible(created)
                #expect(shown.contains("Військовополоненого зареєстровано"))
                #expect(!shown.contains("prisoner.create"))
                // A family: every kind of timeline entry.
                let entries = try await page(bureau, "/audit?action=event.create", token: auditor).body.string
                let codes = Set(Self.all(#"data-action="([^"]+)""#, in: entries))
                #expect(!codes.isEmpty && codes.allSatisfy { $0.hasPrefix("event.create") })

                // One record: every entry names it; the id is cut on the page and whole in the tooltip.
                let list = try await bureau.services.registry.list(.init(text: "리"), by: DemoRegistry.registrar)
                let id = try #require(list.items.first?.prisoner.id.uuidString)
                let about = try await page(bureau, "/audit?record=\(id.prefix(8).lowercased())", token: auditor).body.string
                let records = Set(Self.all(#"title="([0-9A-F-]{36})">"#, in: about))
                #expect(records == [id])
                #expect(!Self.visible(about).contains(id))

                // Dates: an empty period, a reversed one (refused, in the page language), a wrong date.
                let future = try await page(bureau, "/audit?from=2099-01-01", token: auditor)
                #expect(future.status == .ok && future.body.string.contains(#"id="audit-none""#))
                let reversed = try await page(bureau, "/audit?from=2026-12-03&to=2026-12-01", token: auditor)
                #expect(reversed.status == .badRequest)
                #expect(Self.visible(reversed.body.string).contains("кінець періоду раніше за його початок"))
                #expect(try await page(bureau, "/audit?to=2026-02-30", token: auditor).status == .badRequest)
                let today = try await page(bureau, "/audit?actor=demo.registrar&from=2000-01-01&to=2099-12-31",
                                           token: auditor).body.string
                #expect(Self.all(#"<tr data-seq="([0-9]+)">"#, in: today).count == AuditPage.pageSize)
            }
        }

        @Test func everyActionIsNamedInEachLanguage() throws {
            let catalog = try Catalog.loadBundled()
            let actions = ["prisoner.read", "denied.prisoner.read", "event.create.capture", "event.correct.medical",
                           "case.submit", "GET /audit", "user.disable", "something.new"]
            for language in Catalog.languages {
                for action in actions {
                    let label = AuditActionText.label(action, catalog: catalog, language: language)
                    #expect(!label.contains(action) || action.contains(" "), "\(language) \(action): \(label)")
                    #expect(!label.contains("auditaction.") && !label.contains("auditentity.") && !label.contains("auditverb."))
                }
            }
            #expect(AuditActionText.label("user.disable", catalog: catalog, language: "uk") == "Обліковий запис: вимкнено")
        }
    }
}

/// Just the id of an obligation in the API's list.
struct ObligationDTOProbe: Decodable {
    var id: String
}
