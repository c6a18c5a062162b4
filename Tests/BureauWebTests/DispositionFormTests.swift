import BureauCore
import BureauStore
@testable import BureauWeb
import Foundation
import Testing
import Vapor
import VaporTesting

/// A browser session: the session cookie and the CSRF token a signed-in page carries in `_csrf`.
struct FormSession {
    var token: String
    var csrf: String

    static func signIn(_ bureau: TestBureau, _ role: Role, name: String) async throws -> FormSession {
        try await bureau.makeUser(name, role)
        let login = try await bureau.send(.POST, "api/v1/session", token: nil, json: try await bureau.signInJSON(name))
        return FormSession(token: try login.content.get(String.self, at: "token"),
                           csrf: try login.content.get(String.self, at: "csrfToken"))
    }

    func headers(language: String) -> HTTPHeaders {
        var headers = HTTPHeaders()
        headers.add(name: "Cookie", value: "bureau_session=\(token)")
        headers.add(name: .acceptLanguage, value: language)
        return headers
    }

    func get(_ bureau: TestBureau, _ path: String, language: String = "en") async throws -> TestingHTTPResponse {
        try await bureau.app.testing().sendRequest(.GET, path, headers: headers(language: language))
    }

    /// Posts the fields url-encoded, as a browser does, with the `_csrf` field unless `csrf` is false.
    func post(_ bureau: TestBureau, _ path: String, _ fields: [(String, String)], language: String = "en",
              csrf: Bool = true) async throws -> TestingHTTPResponse {
        var headers = headers(language: language)
        headers.contentType = .urlEncodedForm
        let all = (csrf ? [("_csrf", self.csrf)] : []) + fields
        let body = all.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await bureau.app.testing().sendRequest(.POST, path, headers: headers, body: ByteBuffer(string: body))
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed)!
    }
}

extension WebSuite {
    @Suite struct DispositionFormTests {
        static let willFields: [(String, String)] = [
            ("statedAt", "2026-11-26T10:00"), ("question", "Where do you want to go when you leave captivity?"),
            ("answer", "third_state"), ("answerState", "kor"), ("ownWords", "대한민국으로 가고 싶습니다."),
            ("translation", "I want to go to South Korea."), ("language", "ko"),
            ("interpreterName", "Anna Pak"), ("interpreterAffiliation", "ICRC-contracted interpreter"),
            ("icrcDelegate", "on"), ("delegateName", "M. Keller"), ("privateInterview", "on"), ("mode", "written"),
        ]

        @Test func theWillStatementFormRecordsAStatement() async throws {
            try await withBureau { bureau in
                let registrar = try await bureau.signedIn(.registrar)
                let id = try await bureau.register(DispositionFixtures.ri, token: registrar)
                let legal = try await FormSession.signIn(bureau, .legalOfficer, name: "lo.kovalenko")
                let prisonerPage = try await legal.get(bureau, "/prisoners/\(id)")
                #expect(prisonerPage.body.string.contains("/prisoners/\(id)/will-statements/new"))
                let page = try await legal.get(bureau, "/prisoners/\(id)/will-statements/new")
                #expect(page.status == .ok)
                #expect(page.body.string.contains(legal.csrf))

                let posted = try await legal.post(bureau, "/prisoners/\(id)/will-statements", Self.willFields)
                #expect(posted.status == .seeOther, "\(posted.body.string)")
                #expect(posted.headers.first(name: .location) == "/prisoners/\(id)?saved=1")

                let statements = try await bureau.expect(.GET, "api/v1/prisoners/\(id)/will-statements", token: legal.token, .ok)
                let list = try #require(statements.value([]) as? [[String: Any]])
                #expect(list.count == 1)
                let statement = try #require(list.first)
                #expect((statement["answer"] as? [String: Any])?["state"] as? String == "KOR")
                #expect(statement["ownWords"] as? String == "대한민국으로 가고 싶습니다.")
                #expect(statement["language"] as? String == "ko")
                #expect((statement["interpreter"] as? [String: Any])?["name"] as? String == "Anna Pak")
                #expect(statement["privatelyConfirmed"] as? Bool == true)
                #expect(statement["mode"] as? String == "written")
                #expect(statement["recordedBy"] as? String == "lo.kovalenko")
            }
        }

        @Test func anInvestigatorRecordsAWillStatementButCannotOpenACase() async throws {
            try await withBureau { bureau in
                let registrar = try await bureau.signedIn(.registrar)
                let id = try await bureau.register(DispositionFixtures.ri, token: registrar)
                let investigator = try await FormSession.signIn(bureau, .investigator, name: "in.moroz")
                let posted = try await investigator.post(bureau, "/prisoners/\(id)/will-statements", Self.willFields)
                #expect(posted.status == .seeOther, "\(posted.body.string)")
                #expect(try await bureau.rows(WillStatementsTable.self) == 1)
                #expect(try await investigator.get(bureau, "/prisoners/\(id)/cases/new").status == .forbidden)
                #expect(try await investigator.get(bureau, "/prisoners/\(id)/risk-assessments/new").status == .forbidden)
                let registrarSession = try await FormSession.signIn(bureau, .registrar, name: "rg.second")
                let refused = try await registrarSession.post(bureau, "/prisoners/\(id)/will-statements", Self.willFields)
                #expect(refused.status == .forbidden)
                #expect(try await bureau.rows(WillStatementsTable.self) == 1)
            }
        }

        @Test(arguments: ["uk", "en", "ru"])
        func aWillStatementWithoutInterpreterComesBackFilledIn(_ language: String) async throws {
            try await withBureau { bureau in
                let registrar = try await bureau.signedIn(.registrar)
                let id = try await bureau.register(DispositionFixtures.ri, token: registrar)
                let legal = try await FormSession.signIn(bureau, .legalOfficer, name: "lo.kovalenko")
                let fields = Self.willFields.filter { !$0.0.hasPrefix("interpreter") }
                let refused = try await legal.post(bureau, "/prisoners/\(id)/will-statements", fields, language: language)
                #expect(refused.status == .unprocessableEntity)
                let html = refused.body.string
                #expect(html.contains("<html lang=\"\(language)\">"))
                let message = try #require(bureau.services.catalog.messages[language]?["error.interpreter_required"])
                #expect(html.contains(message.replacingOccurrences(of: "'", with: "&#39;")) || html.contains(message))
                #expect(html.contains("대한민국으로 가고 싶습니다."))
                #expect(html.contains("M. Keller"))
                #expect(html.contains(#"<option value="third_state" selected>"#))
                #expect(try await bureau.rows(WillStatementsTable.self) == 0)

                let thirdState = Self.willFields.map { $0.0 == "answerState" ? ($0.0, "Korea") : $0 }
                let badState = try await legal.post(bureau, "/prisoners/\(id)/will-statements", thirdState, language: language)
                #expect([.badRequest, .unprocessableEntity].contains(badState.status), "\(badState.status)")
                let stateLabel = try #require(bureau.services.catalog.messages[language]?["field.answerState"])
                #expect(badState.body.string.contains(stateLabel.replacingOccurrences(of: "\"", with: "&quot;")),
                        "\(badState.body.string)")
                #expect(badState.body.string.contains(#"value="Korea""#))
                #expect(try await bureau.rows(WillStatementsTable.self) == 0)
            }
        }

        @Test func aFormWithoutTheCSRFTokenIsRefused() async throws {
            try await withBureau { bureau in
                let registrar = try await bureau.signedIn(.registrar)
                let id = try await bureau.register(DispositionFixtures.ri, token: registrar)
                let legal = try await FormSession.signIn(bureau, .legalOfficer, name: "lo.kovalenko")
                let refused = try await legal.post(bureau, "/prisoners/\(id)/will-statements", Self.willFields, csrf: false)
                #expect(refused.status == .forbidden)
                #expect(try await bureau.rows(WillStatementsTable.self) == 0)
            }
        }

        @Test func theRiskFormRecordsAnAssessmentAndTheCaseFormOpensACase() async throws {
            try await withBureau { bureau in
                let registrar = try await bureau.signedIn(.registrar)
                let id = try await bureau.register(DispositionFixtures.ri, token: registrar)
                let legal = try await FormSession.signIn(bureau, .legalOfficer, name: "lo.kovalenko")
                #expect(try await legal.get(bureau, "/prisoners/\(id)/risk-assessments/new").status == .ok)
                let risk = try await legal.post(bureau, "/prisoners/\(id)/risk-assessments", [
                    ("destination", "prk"), ("transit", "rus, chn"), ("risks[]", "death"), ("risks[]", "family_reprisal"),
                    ("sources", "OHCHR statement 13 May 2026\ndefector testimony"), ("findings", "Capture treated as treason"),
                    ("outcome", "serious_risk"), ("reviewer", "lo.hrytsenko"), ("assessedAt", "2026-11-26T12:00"),
                    ("reviewDate", "2027-05-01"),
                ])
                #expect(risk.status == .seeOther, "\(risk.body.string)")
                #expect(try await bureau.rows(RiskAssessmentsTable.self) == 1)

                #expect(try await legal.get(bureau, "/prisoners/\(id)/cases/new").status == .ok)
                let opened = try await legal.post(bureau, "/prisoners/\(id)/cases", [
                    ("kind", "third_state_transfer"), ("destination", "kor"), ("transit", ""), ("receivingPower", "kor"),
                ])
                #expect(opened.status == .seeOther, "\(opened.body.string)")
                let location = try #require(opened.headers.first(name: .location)?.split(separator: "?").first.map(String.init))
                #expect(location.hasPrefix("/cases/"))
                let caseID = String(location.dropFirst("/cases/".count))

                let file = try await bureau.expect(.GET, "api/v1/cases/\(caseID)", token: legal.token, .ok)
                #expect(try file.content.get(String.self, at: "kind") == "third_state_transfer")
                #expect(try file.content.get(String.self, at: "state") == "draft")
                #expect(try file.content.get(String.self, at: "route", "destination") == "KOR")
                #expect(try file.content.get(String.self, at: "receivingPower") == "KOR")
                #expect(try file.content.get(String.self, at: "author") == "lo.kovalenko")
                let risks = try #require(file.value(["riskAssessments"]) as? [[String: Any]])
                #expect(risks.count == 1)
                let assessment = try #require(risks.first)
                #expect((assessment["route"] as? [String: Any])?["destination"] as? String == "PRK")
                #expect((assessment["route"] as? [String: Any])?["transit"] as? [String] == ["RUS", "CHN"])
                #expect(assessment["risksConsidered"] as? [String] == ["death", "family_reprisal"])
                #expect(assessment["sources"] as? [String] == ["OHCHR statement 13 May 2026", "defector testimony"])
                #expect(assessment["outcome"] as? String == "serious_risk")
                #expect(assessment["assessor"] as? String == "lo.kovalenko")
                #expect(assessment["reviewDate"] != nil)

                let casePage = try await legal.get(bureau, location)
                #expect(casePage.body.string.contains("/prisoners/\(id)/risk-assessments/new"))
            }
        }

        @Test func refusedRiskAndCaseFormsComeBackFilledInAndWriteNothing() async throws {
            try await withBureau { bureau in
                let registrar = try await bureau.signedIn(.registrar)
                let id = try await bureau.register(DispositionFixtures.ri, token: registrar)
                let legal = try await FormSession.signIn(bureau, .legalOfficer, name: "lo.kovalenko")
                // A serious risk needs its findings.
                let risk = try await legal.post(bureau, "/prisoners/\(id)/risk-assessments", [
                    ("destination", "PRK"), ("risks[]", "torture"), ("sources", "defector testimony"),
                    ("outcome", "serious_risk"), ("assessedAt", "2026-11-26T12:00"),
                ])
                #expect(risk.status == .badRequest)
                #expect(risk.body.string.contains("defector testimony"))
                #expect(risk.body.string.contains(#"value="torture" checked"#))
                #expect(!risk.body.string.contains(#"value="death" checked"#))
                #expect(try await bureau.rows(RiskAssessmentsTable.self) == 0)
                // The page names the field the officer sees, not the API's path (route.transit[1]).
                let transit = try await legal.post(bureau, "/prisoners/\(id)/risk-assessments", [
                    ("destination", "PRK"), ("transit", "RUS, China"), ("risks[]", "torture"), ("sources", "UN"),
                    ("outcome", "inconclusive"), ("assessedAt", "2026-11-26T12:00"),
                ], language: "uk")
                #expect(transit.status == .badRequest || transit.status == .unprocessableEntity, "\(transit.status)")
                let transitLabel = try #require(bureau.services.catalog.messages["uk"]?["field.transit"])
                #expect(transit.body.string.contains(transitLabel), "\(transit.body.string)")
                #expect(try await bureau.rows(RiskAssessmentsTable.self) == 0)

                let noKind = try await legal.post(bureau, "/prisoners/\(id)/cases", [("destination", "KOR")])
                #expect(noKind.status == .badRequest)
                #expect(noKind.body.string.contains(#"value="KOR""#))
                let badCountry = try await legal.post(bureau, "/prisoners/\(id)/cases",
                                                      [("kind", "third_state_transfer"), ("destination", "Korea")])
                #expect([.badRequest, .unprocessableEntity].contains(badCountry.status), "\(badCountry.status)")
                #expect(try await bureau.rows(CasesTable.self) == 0)
            }
        }
    }
}
