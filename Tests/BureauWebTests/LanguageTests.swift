import BureauCore
@testable import BureauWeb
import Foundation
import Testing
import Vapor
import VaporTesting

extension WebSuite {
    @Suite struct LanguageTests {
        static let catalog = try! Catalog.loadBundled()

        @Test func everyLanguageHasEveryKey() {
            let keys = Catalog.languages.map { Set(Self.catalog.messages[$0]!.keys) }
            #expect(keys[0] == keys[1])
            #expect(keys[0] == keys[2])
            for language in Catalog.languages {
                for (key, text) in Self.catalog.messages[language]! {
                    #expect(!text.trimmingCharacters(in: .whitespaces).isEmpty, "\(language): \(key) is empty")
                }
            }
        }

        /// Keys built from enumerations at run time (`status.pow`, `role.auditor`, …) and the keys
        /// written in the templates.
        @Test func everyKeyTheCodeAndTemplatesUseExists() throws {
            var keys: [String] = []
            keys += ProtectedStatus.allCases.map { "status.\($0.rawValue)" }
            keys += ClaimSource.allCases.map { "source.\($0.rawValue)" }
            keys += ClaimConfidence.allCases.map { "confidence.\($0.rawValue)" }
            keys += DocumentAuthenticity.allCases.map { "authenticity.\($0.rawValue)" }
            keys += CoreIdentityItem.allCases.map { "item.\($0.rawValue)" }
            keys += EventKind.allCases.map { "event.\($0.rawValue)" }
            keys += Role.allCases.map { "role.\($0.rawValue)" }
            keys += FieldClass.allCases.map { "class.\($0.rawValue)" }
            keys += CustodyMove.FacilityType.allCases.map { "facility.\($0.rawValue)" }
            keys += MedicalEntry.Kind.allCases.map { "medical.\($0.rawValue)" }
            keys += HeldDocument.Custody.allCases.map { "custody.\($0.rawValue)" }
            keys += EffectsSeizure.Item.Disposition.allCases.map { "disposition.\($0.rawValue)" }
            keys += EffectsSeizure.Item.Ground.allCases.map { "ground.\($0.rawValue)" }
            keys += Interview.Purpose.allCases.map { "purpose.\($0.rawValue)" }
            keys += Interview.Mode.allCases.map { "mode.\($0.rawValue)" }
            keys += DispositionPageKeys.all
            let views = URL(fileURLWithPath: Resources.views)
            let pattern = try NSRegularExpression(pattern: #"#t\("([^"]+)"\)"#)
            for file in try FileManager.default.contentsOfDirectory(atPath: views.path) where file.hasSuffix(".leaf") {
                let text = try String(contentsOf: views.appendingPathComponent(file), encoding: .utf8)
                keys += pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
                    String(text[Range($0.range(at: 1), in: text)!])
                }
            }
            let missing = Set(keys).filter { Self.catalog.messages["en"]?[$0] == nil }
            #expect(missing.isEmpty, "missing keys: \(missing.sorted())")
        }

        /// Every error code the code can give has its sentence in every language, so a page never
        /// falls back to the English message meant for API clients (issue 8: 53 codes had none).
        @Test func everyErrorCodeHasASentenceInEveryLanguage() throws {
            let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("Sources")
            let pattern = try NSRegularExpression(pattern: #"code: "([a-z0-9_]+)""#)
            var codes: Set<String> = []
            let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
            for case let file as URL in files where file.pathExtension == "swift" {
                let text = try String(contentsOf: file, encoding: .utf8)
                // Match explanations carry codes too (`MatchReason`); they are rendered by their own keys.
                for line in text.split(separator: "\n") where !line.contains("MatchReason(") {
                    let line = String(line)
                    for match in pattern.matches(in: line, range: NSRange(line.startIndex..., in: line)) {
                        codes.insert(String(line[Range(match.range(at: 1), in: line)!]))
                    }
                }
            }
            #expect(codes.count > 50, "the scan found only \(codes.count) codes")
            for language in Catalog.languages {
                let missing = codes.filter { Self.catalog.messages[language]?["error.\($0)"] == nil }
                #expect(missing.isEmpty, "\(language): error codes without a sentence: \(missing.sorted())")
            }
        }

        @Test(arguments: [("uk-UA,uk;q=0.9", "uk"), ("en-GB,en;q=0.8", "en"), ("ru", "ru"), ("de-DE", "uk"),
                          ("de;q=1, ru;q=0.5", "ru"), ("", "uk")])
        func acceptLanguagePicksTheDefault(_ header: String, _ expected: String) {
            #expect(Catalog.negotiate(header) == expected)
        }

        static let rawKey = try! NSRegularExpression(pattern:
            #"\b(nav|common|login|setup|error|prisoners?|register|claim|event|users|audit|field|status|source|confidence|authenticity|item|facility|medical|custody|disposition|ground|purpose|mode|role|class|obligations|ostatus|basis|addressee|card|outbox|subject|case|casekind|casestate|caseaction|guardstatus|severity|willmode|answer|riskoutcome|risk|consultation|channel|notice|exchange|direction|category)\.[a-z_A-Z]+\b|\bguard\.[0-9]+\.[a-z_]+"#)

        /// Renders every page a user can reach in all three languages and looks for untranslated keys.
        @Test func noPageShowsARawKey() async throws {
            try await withBureau { bureau in
                _ = try await DemoRegistry.load(into: bureau.services.registry, now: bureau.clock.now)
                let users: [(Role, [String])] = [
                    (.registrar, ["/prisoners", "/prisoners/new", "/prisoners?q=%EB%A6%AC"]),
                    (.investigator, ["/prisoners"]),
                    (.administrator, ["/users"]),
                    (.auditor, ["/audit", "/audit?verify=1"]),
                    (.liaisonOfficer, ["/outbox", "/outbox?status=all", "/obligations"]),
                    (.campOfficer, ["/obligations?state=all"]),
                    (.legalOfficer, ["/cases", "/exchanges"]),
                    (.approver, ["/cases"]),
                ]
                let page = try await bureau.services.registry.list(.init(text: "리"), by: DemoRegistry.registrar)
                let id = try #require(page.items.first?.prisoner.id)
                var paths: [(Role, String)] = []
                for (role, list) in users { paths += list.map { (role, $0) } }
                paths += [(.registrar, "/prisoners/\(id)"), (.investigator, "/prisoners/\(id)"),
                          (.registrar, "/prisoners/\(id)/claims/new"),
                          (.registrar, "/obligations"), (.registrar, "/obligations?rule=GC3-70-card&state=all"),
                          (.registrar, "/prisoners/\(id)/obligations"), (.registrar, "/prisoners/\(id)/capture-card"),
                          (.campOfficer, "/prisoners/\(id)/capture-card"), (.liaisonOfficer, "/prisoners/\(id)/obligations")]
                paths += EventPage.supportedKinds.filter { AccessPolicy.canRecord(.registrar, $0) }
                    .map { (.registrar, "/prisoners/\(id)/events/new?kind=\($0.rawValue)") }
                let (caseID, exchangeID) = try await DispositionPageKeys.demo(bureau, prisoner: id)
                paths += [(.legalOfficer, "/cases/\(caseID)"), (.approver, "/cases/\(caseID)"),
                          (.legalOfficer, "/exchanges/\(exchangeID)"), (.legalOfficer, "/cases?prisoner=\(id)"),
                          (.legalOfficer, "/prisoners/\(id)"), (.legalOfficer, "/prisoners/\(id)/will-statements/new"),
                          (.legalOfficer, "/prisoners/\(id)/risk-assessments/new"), (.legalOfficer, "/prisoners/\(id)/cases/new")]
                paths += [(.investigator, "/prisoners/\(id)/events/new?kind=interview"),
                          (.registrar, "/prisoners/\(UUID().uuidString)")]
                var tokens: [Role: String] = [:]
                for (role, _) in users { tokens[role] = try await bureau.signedIn(role) }
                for language in Catalog.languages {
                    for (role, path) in paths {
                        var headers = HTTPHeaders()
                        headers.bearerAuthorization = BearerAuthorization(token: tokens[role]!)
                        headers.add(name: .acceptLanguage, value: language)
                        let response = try await bureau.app.testing().sendRequest(.GET, path, headers: headers)
                        #expect([.ok, .notFound].contains(response.status), "\(path): \(response.status)")
                        let html = response.body.string
                        #expect(html.contains("<html lang=\"\(language)\">"), "\(path) is not in \(language)")
                        // The audit table lists action names (prisoner.read), which are data, not interface text.
                        let shown = path.hasPrefix("/audit")
                            ? html.replacingOccurrences(of: #"(?s)<tbody>.*</tbody>"#, with: " ", options: .regularExpression) : html
                        let text = shown.replacingOccurrences(of: #"(?s)<style>.*</style>"#, with: " ", options: .regularExpression)
                            .replacingOccurrences(of: #"<[^>]+>"#, with: " ", options: .regularExpression)
                        let found = Self.rawKey.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
                        #expect(found == nil, "\(language) \(path) shows \(found.map { String(text[Range($0.range, in: text)!]) } ?? "")")
                    }
                    let login = try await bureau.app.testing().sendRequest(.GET, "/login", headers: [HTTPHeaders.Name.acceptLanguage.description: language])
                    #expect(login.body.string.contains(Self.catalog.text("login.title", language)))
                }
            }
        }

        @Test func theChosenLanguagePersistsOnTheAccount() async throws {
            try await withBureau { bureau in
                let token = try await bureau.signedIn(.registrar)
                var headers = HTTPHeaders()
                headers.bearerAuthorization = BearerAuthorization(token: token)
                headers.contentType = .urlEncodedForm
                headers.add(name: .acceptLanguage, value: "uk")
                let choose = try await bureau.app.testing().sendRequest(.POST, "/language", headers: headers,
                                                                        body: ByteBuffer(string: "lang=ru&back=/prisoners"))
                #expect(choose.status == .seeOther)
                #expect(choose.headers.first(name: .location) == "/prisoners")
                let me = try await bureau.send(.GET, "api/v1/me", token: token, headers: [("Accept-Language", "en")])
                #expect(try me.content.get(String.self, at: "locale") == "ru")
                let list = try await bureau.send(.GET, "prisoners", token: token, headers: [("Accept-Language", "en")])
                #expect(list.body.string.contains(Self.catalog.text("prisoners.title", "ru")))
            }
        }
    }
}
