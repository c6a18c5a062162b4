import BureauCore
import BureauStore
@testable import BureauWeb
import Foundation
import Testing
import Vapor
import VaporTesting

extension WebSuite {
    /// Issue 8, item 8: what a Ukrainian reader sees on every page holds no codes meant for machines —
    /// country codes (RUS, PRK), language codes (ko), record ids (UUIDs), rule ids (GC3-70-card) or role keys
    /// (legal_officer). Ids may sit in attributes (tooltips, links, form values); the visible text is checked.
    @Suite struct ReadableTextTests {
        static let patterns: [(String, NSRegularExpression)] = [
            ("a record id", #"\b[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\b"#),
            ("a rule id", #"\bGC3-[0-9]+"#),
            ("a country code", #"(?<![\p{L}\d.-])(\#(countryCodes))(?![\p{L}\d.-])"#),
            ("a language code", #"(?<![\p{L}\d./@-])(ko|ru|uk|en)(?![\p{L}\d./@-])"#),
            ("a role key", #"(?<![\p{L}.])(\#(Role.allCases.map(\.rawValue).joined(separator: "|")))(?![\p{L}.])"#),
        ].map { ($0.0, try! NSRegularExpression(pattern: $0.1)) }

        /// Every alpha-3 code except the few that are also everyday Latin words or abbreviations.
        static var countryCodes: String {
            PlaceNames.alpha2.keys.filter { !["AND", "CAN", "PER", "TON", "MAR", "NOR"].contains($0) }.sorted()
                .joined(separator: "|")
        }

        /// Codes still shown, each named by the words around it so that nothing else slips through, and each
        /// with the work that removes it. Guard sentences take their values from the guard catalogue (localised
        /// values are the guard texts' own work); the registration and party forms ask for codes and name them
        /// as examples until they offer a country and language picker; the printed capture card keeps the
        /// Power's code (item 7 decides the card's content).
        static let knownGaps = [
            "«KOR» in «ry) Серйозного ризику для KOR не виявлено",  // guard 2: {state}
            "«ko» in «Art. 17(7) Записано мовою ko",  // guard 17: {language}
            "«PRK» in «кументовано серйозний ризик у PRK",  // guard 2 on the exchange page
            "«KOR» in «зковий GC III Art. 12 KOR є учасницею",  // guard 12: {power}
            "«PRK» in «II Arts. 10, 122, 123 Для PRK немає",  // guard 9: {power}
            "«RUS» in «y on Art. 118)) ✗ Передання RUS",  // guard 12 on the exchange page
            "/capture-card: a country code «PRK»",  // the printed card's item 1
            "Громадянство (ISO: PRK, RUS, UKR)", "Мови (ko, ru, uk)",  // registration form hints
            "(три літери, напр. KOR)",  // party form hint
            "як у паспорті (UKR, RUS, PRK)",  // the correction form's Power hint, a code field like registration's
        ]

        /// What a reader sees: the page without its style sheet, tags and attributes, entities decoded.
        static func visible(_ html: String) -> String {
            html.replacingOccurrences(of: #"(?s)<style>.*?</style>"#, with: " ", options: .regularExpression)
                .replacingOccurrences(of: #"(?s)<script>.*?</script>"#, with: " ", options: .regularExpression)
                // The outbox preview's folded "as sent" block is the batch's own JSON, shown so an operator can
                // check the exact bytes leaving the bureau: machine text by design, behind its labelled preview.
                .replacingOccurrences(of: #"(?s)<pre class="as-sent"[^>]*>.*?</pre>"#, with: " ", options: .regularExpression)
                .replacingOccurrences(of: #"<[^>]+>"#, with: " ", options: .regularExpression)
                .replacingOccurrences(of: "&#58;", with: ":").replacingOccurrences(of: "&amp;", with: "&")
        }

        static func findings(in html: String) -> [String] {
            let text = visible(html)
            var found: [String] = []
            for (what, regex) in patterns {
                for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).prefix(3) {
                    let range = Range(match.range, in: text)!
                    let start = text.index(range.lowerBound, offsetBy: -30, limitedBy: text.startIndex) ?? text.startIndex
                    let end = text.index(range.upperBound, offsetBy: 30, limitedBy: text.endIndex) ?? text.endIndex
                    let words: [Substring] = text[start..<end].split(whereSeparator: { $0.isWhitespace })
                    let context: String = words.joined(separator: " ")
                    found.append("\(what) «\(text[range])» in «\(context)»")
                }
            }
            return found
        }

        @Test func noPageShowsCodesMeantForMachines() async throws {
            try await withBureau { bureau in
                let walk = try await PageWalk.plant(bureau)
                var problems: [String] = []
                for visit in walk.visits {
                    let response = try await PageWalk.get(bureau, visit.path, as: visit.reader.map { walk.readers[$0].1 })
                    let html = response.body.string
                    // Printed documents (the will form, a letter) are in the prisoner's or enquirer's language.
                    if html.contains(#"class="brand""#) {
                        #expect(html.contains("<html lang=\"uk\">"), "\(visit.path) is not in Ukrainian")
                    }
                    problems += Self.findings(in: html).map { "\(visit.path): \($0)" }
                        .filter { finding in !Self.knownGaps.contains { finding.contains($0) } }
                }
                #expect(walk.visits.count > 30)
                #expect(problems.isEmpty, "\(problems.count) codes on Ukrainian pages:\n\(problems.joined(separator: "\n"))")
            }
        }

        @Test func countriesAndLanguagesAreNamedInThePageLanguage() {
            #expect(PlaceNames.country("UKR", language: "uk") == "Україна")
            #expect(PlaceNames.country("RUS", language: "en") == "Russia")
            #expect(PlaceNames.country("PRK", language: "uk") != "PRK")
            #expect(PlaceNames.country("KOR", language: "ru") != "KOR")
            #expect(PlaceNames.language("ko", language: "uk") == "корейська")
            #expect(PlaceNames.language("ru", language: "ru") == "русский")
            #expect(PlaceNames.country("XYZ", language: "uk") == "XYZ", "an unknown code is shown, not hidden")
        }
    }
}
