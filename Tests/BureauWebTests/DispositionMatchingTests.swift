import BureauCore
import BureauStore
@testable import BureauWeb
import Foundation
import Testing
import Vapor
import VaporTesting

extension WebSuite {
    /// A counterpart list in Cyrillic and Latin, matched against Hangul and Cyrillic records.
    @Suite struct DispositionMatchingTests {
        @Test func aCyrillicAndLatinListMatchesHangulAndCyrillicRecords() async throws {
            try await withBureau { bureau in
                let staff = try await DispositionStaff.signIn(bureau)
                let ri = try await bureau.register(DispositionFixtures.ri, token: staff.registrar)
                let petrov = try await bureau.register(DispositionFixtures.petrov, token: staff.registrar)
                let kim = try await bureau.register(Fixtures.registration(), token: staff.registrar)
                let exchange = try await bureau.expect("api/v1/exchanges", token: staff.liaison,
                                                       json: #"{"counterpart": "RUS"}"#, .created)
                let id = try exchange.content.get(String.self, at: "id")
                let csv = "ФИО;Дата рождения;Категория\nРи Чхоль Хо;1999;other_rank\nKim Jong Ho;;other_rank\nPetrov Ivan Sergeevich;1994-03-02;seriously_wounded_or_sick\n"
                let imported = try await bureau.sendCSV(Data(csv.utf8), to: "api/v1/exchanges/\(id)/counterpart-list",
                                                        token: staff.liaison)
                #expect(imported.status == .created, "\(imported.body.string)")
                let best = (0..<3).map { (imported.value([$0, "candidates", 0, "prisonerID"]) as? String)?.lowercased() }
                #expect(best == [ri.lowercased(), kim.lowercased(), petrov.lowercased()], "\(imported.body.string)")
                let explanation = imported.value([0, "candidates", 0, "explanation"]) as? String
                #expect(explanation?.contains("리") == true)

                // Windows-1251, as a Russian Excel saves it.
                let cp1251: [UInt8] = [0xD4, 0xC8, 0xCE, 0x0A] + [0xCF, 0xE5, 0xF2, 0xF0, 0xEE, 0xE2, 0x20, 0xC8, 0xE2, 0xE0, 0xED, 0x0A]
                let legacy = try await bureau.sendCSV(Data(cp1251), to: "api/v1/exchanges/\(id)/counterpart-list",
                                                      token: staff.liaison)
                #expect(legacy.status == .created, "\(legacy.body.string)")
                #expect(legacy.value([0, "entry", "name"]) as? String == "Петров Иван")
                #expect((legacy.value([0, "candidates", 0, "prisonerID"]) as? String)?.lowercased() == petrov.lowercased())

                // A reviewer confirms; the exchange shows the list with the confirmation.
                let entry = try #require(imported.value([0, "entry", "id"]) as? String)
                let confirmed = try await bureau.expect("api/v1/exchanges/\(id)/matches", token: staff.liaison,
                                                        json: #"{"entryID": "\#(entry)", "prisonerID": "\#(ri)"}"#, .ok)
                #expect(confirmed.value(["confirmedBy"]) as? String == "li.bondar")
                try await bureau.expect("api/v1/exchanges/\(id)/matches", token: staff.liaison,
                                        json: #"{"entryID": "\#(entry)", "prisonerID": "\#(ri)"}"#, .conflict)
                let shown = try await bureau.expect(.GET, "api/v1/exchanges/\(id)", token: staff.liaison, .ok)
                #expect((shown.value(["counterpartList", 0, "confirmedPrisonerID"]) as? String)?.lowercased() == ri.lowercased())
                #expect(shown.each(["counterpartList"], "entry").count == 4)
            }
        }

        /// Issue 12: the exchange page gives the matcher's explanation in the page language, as the
        /// enquiry pages do; the API keeps the reasons as data beside the English sentence.
        @Test func theExchangePageExplainsAMatchInUkrainian() async throws {
            try await withBureau { bureau in
                let staff = try await DispositionStaff.signIn(bureau)
                _ = try await bureau.register(DispositionFixtures.ri, token: staff.registrar)
                let exchange = try await bureau.expect("api/v1/exchanges", token: staff.liaison,
                                                       json: #"{"counterpart": "RUS"}"#, .created)
                let id = try exchange.content.get(String.self, at: "id")
                let imported = try await bureau.sendCSV(Data("ФИО;Дата рождения;Категория\nРи Чхоль Хо;1999;other_rank\n".utf8),
                                                        to: "api/v1/exchanges/\(id)/counterpart-list", token: staff.liaison)
                #expect(imported.status == .created, "\(imported.body.string)")
                #expect(imported.value([0, "candidates", 0, "reasons", 0, "code"]) is String)
                #expect(imported.value([0, "candidates", 0, "matchedName"]) as? String == "리 철호")

                let page = try await bureau.send(.GET, "exchanges/\(id)", token: staff.liaison, headers: [("Accept-Language", "uk")])
                #expect(page.status == .ok)
                let html = page.body.string
                let start = try #require(html.range(of: "class=\"muted explanation\">"))
                let explanation = String(html[start.upperBound...].prefix { $0 != "<" })
                #expect(explanation.hasPrefix("리 철호 — "), "\(explanation)")
                #expect(explanation.contains("прізвище"), "\(explanation)")
                #expect(explanation.contains("той самий рік народження"), "\(explanation)")
                // No English word of the matcher is left (the names are the records' own).
                for english in ["surname", "given", "same year", "transliteration", "romanization", "birth"] {
                    #expect(!explanation.contains(english), "\(english) in \(explanation)")
                }
                let russian = try await bureau.send(.GET, "exchanges/\(id)", token: staff.liaison, headers: [("Accept-Language", "ru")])
                #expect(russian.body.string.contains("фамилия"))
            }
        }
    }
}
