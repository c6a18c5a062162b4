import BureauCore
@testable import BureauWeb
import Foundation
import Testing
import Vapor
import VaporTesting

extension WebSuite {
    /// Every write of the API reaches the registry from a page form too (issue 8, Build item 3).
    @Suite struct PageFormTableTests {
        static func writes() -> [String] {
            OpenAPIDocument.operations.filter { $0.method != "get" }.map { "\($0.method.uppercased()) \($0.path)" }
        }

        /// A write added to the OpenAPI document without a row, or with a row and no form, fails here.
        @Test func everyAPIWriteHasAPageForm() async throws {
            let rows = Dictionary(PageFormTable.rows.map { ("\($0.method.uppercased()) \($0.path)", $0) },
                                  uniquingKeysWith: { a, _ in a })
            for write in Self.writes() {
                let row = try #require(rows[write], "no row in PageFormTable for \(write)")
                #expect(row.page != nil, "no page form reaches \(write)")
            }
            #expect(Set(rows.keys) == Set(Self.writes()), "rows for operations the API does not have")
        }

        /// Each row's page route is registered, so the table cannot name a form that does not exist.
        @Test func everyFormNamedInTheTableIsARoute() async throws {
            try await withBureau { bureau in
                var registered = Set<String>()
                for route in bureau.app.routes.all {
                    registered.insert("\(route.method.rawValue) /" + route.path.map(\.description).joined(separator: "/"))
                }
                for row in PageFormTable.rows {
                    guard let page = row.page else { continue }
                    #expect(registered.contains("\(page.method) \(page.path)"), "\(page.method) \(page.path) is not a route")
                    if let form = row.form, form.hasPrefix("/"), !form.contains(",") {
                        #expect(registered.contains("GET \(form)"), "GET \(form) is not a route")
                    }
                }
            }
        }
    }
}
