import BureauCore
import BureauStore
@testable import BureauWeb
import Foundation
import Testing
import Vapor
import VaporTesting

extension WebSuite {
    @Suite struct CSVExportTests {
        /// The counterpart writes a "name" that is a spreadsheet formula; our export opens it as text.
        @Test func theCounterpartListExportNeutralisesFormulae() async throws {
            try await withBureau { bureau in
                let liaison = try await FormSession.signIn(bureau, .liaisonOfficer, name: "li.bondar")
                let exchange = try await bureau.send(.POST, "api/v1/exchanges", token: liaison.token, json: #"{"counterpart": "RUS"}"#)
                let id = try exchange.content.get(String.self, at: "id")
                let csv = "name;rank\n\"=HYPERLINK(\"\"http://evil.example\"\",\"\"Ivanov\"\")\";private\n-2+3;private\n@SUM(A1);private\n"
                let imported = try await bureau.sendCSV(Data(csv.utf8), to: "api/v1/exchanges/\(id)/counterpart-list", token: liaison.token)
                #expect(imported.status == .created, "\(imported.body.string)")
                let export = try await liaison.get(bureau, "/exchanges/\(id)/counterpart-list.csv")
                #expect(export.status == .ok)
                #expect(export.headers.contentType?.subType == "csv")
                let lines = export.body.string.components(separatedBy: "\r\n")
                #expect(lines[0].hasPrefix("Line,"))
                #expect(lines[1].contains(#"'=HYPERLINK(""http://evil.example"",""Ivanov"")"#), "\(lines[1])")
                #expect(lines[2].contains(",'-2+3,"))
                #expect(lines[3].contains(",'@SUM(A1),"))
                #expect(!export.body.string.contains(",=") && !export.body.string.contains("\"="))
            }
        }
    }
}
