import BureauCore
import BureauStore
@testable import BureauWeb
import Foundation
import Testing
import Vapor
import VaporTesting

/// Keys built at run time by the disposition pages, and a small disposition record for page tests.
enum DispositionPageKeys {
    static var all: [String] {
        var keys = Array(GuardCatalog.english.keys)
        keys += DispositionCase.Kind.allCases.map { "casekind.\($0.rawValue)" }
        keys += DispositionCase.State.allCases.map { "casestate.\($0.rawValue)" }
        keys += ["submit", "approve", "execute", "withdraw"].map { "caseaction.\($0)" }
        keys += GuardResult.Status.allCases.map { "guardstatus.\($0.rawValue)" }
        keys += GuardResult.Severity.allCases.map { "severity.\($0.rawValue)" }
        keys += WillStatement.Mode.allCases.map { "willmode.\($0.rawValue)" }
        keys += [WillAnswer.returnHome, .stay, .thirdState("KOR"), .undecided].map { "answer.\($0.code)" }
        keys += RiskAssessment.Outcome.allCases.map { "riskoutcome.\($0.rawValue)" }
        keys += RiskAssessment.Risk.allCases.map { "risk.\($0.rawValue)" }
        keys += Consultation.Direction.allCases.map { "consultation.\($0.rawValue)" }
        keys += Consultation.Kind.allCases.map { "consultation.\($0.rawValue)" }
        keys += Consultation.Channel.allCases.map { "channel.\($0.rawValue)" }
        keys += DispositionNotice.Kind.allCases.map { "notice.\($0.rawValue)" }
        keys += CounterpartEntry.Direction.allCases.map { "direction.\($0.rawValue)" }
        keys += ExchangeCategory.allCases.map { "category.\($0.rawValue)" }
        keys += NonCrossingReason.allCases.map { "noncrossing.\($0.rawValue)" }
        return keys
    }

    /// A case with a will statement, risk assessments and a refused exchange for one demo prisoner,
    /// and an exchange with an imported counterpart list.
    static func demo(_ bureau: TestBureau, prisoner: UUID) async throws -> (UUID, UUID) {
        let store = bureau.services.disposition
        let legal = Principal(username: "demo.legal", role: .legalOfficer)
        let now = bureau.clock.now
        _ = try await store.recordWillStatement(
            WillStatement(id: UUID(), prisonerID: prisoner, statedAt: now.addingTimeInterval(-86_400),
                          question: "Where do you want to go?", answer: .thirdState("KOR"), ownWords: "대한민국으로 가고 싶습니다.",
                          translation: "I want to go to South Korea.", language: "ko",
                          interpreter: .init(name: "Anna Pak", affiliation: "ICRC-contracted interpreter"),
                          witnesses: [.init(name: "M. Keller", affiliation: "ICRC", isICRCDelegate: true)],
                          privateInterview: true, mode: .written, recordedBy: "", recordedAt: now),
            for: prisoner, by: legal)
        _ = try await store.recordRiskAssessment(
            RiskAssessment(id: UUID(), prisonerID: prisoner, route: Route(destination: "PRK", transit: ["RUS"]),
                           risksConsidered: Set(RiskAssessment.Risk.allCases), sources: ["OHCHR"],
                           findings: "Capture treated as treason", outcome: .seriousRisk, assessor: "", reviewer: "lo.second",
                           assessedAt: now.addingTimeInterval(-3_600)),
            for: prisoner, by: legal)
        let opened = try await store.openCase(CaseRequest(prisonerID: prisoner, kind: .thirdStateTransfer,
                                                          route: Route(destination: "KOR"), receivingPower: "KOR", exchangeID: nil),
                                              by: legal)
        let exchange = try await store.createExchange(counterpart: "RUS", agreement: nil, by: legal)
        _ = try await store.importCounterpartList(exchange.id, data: Data("ФИО\nРи Чхоль Хо\nKim Jong Ho\n".utf8),
                                                  direction: .requested, encoding: .auto, by: legal)
        return (opened.dispositionCase.id, exchange.id)
    }
}

extension WebSuite {
    @Suite struct DispositionPagesTests {
        @Test func theCasePageShowsTheChecklistAndTheWillSideBySide() async throws {
            try await withBureau { bureau in
                let registrar = try await bureau.signedIn(.registrar)
                let id = try await bureau.register(DispositionFixtures.ri, token: registrar)
                let (caseID, exchangeID) = try await DispositionPageKeys.demo(bureau, prisoner: UUID(uuidString: id)!)
                let approver = try await bureau.signedIn(.approver)
                let page = try await bureau.send(.GET, "cases/\(caseID)", token: approver, headers: [("Accept-Language", "en")])
                #expect(page.status == .ok)
                let html = page.body.string
                #expect(html.contains("대한민국으로 가고 싶습니다.") && html.contains("I want to go to South Korea."))
                #expect(html.contains("class=\"guard-failed\" data-key=\"guard.2.no_article12_assessment\""))
                #expect(html.contains("GC III Art. 12"))
                #expect(html.contains("href=\"/exchanges\""))
                let camp = try await bureau.signedIn(.campOfficer)
                let hidden = try await bureau.send(.GET, "cases/\(caseID)", token: camp)
                #expect(hidden.status == .notFound)

                let legal = try await bureau.signedIn(.legalOfficer)
                let exchange = try await bureau.send(.GET, "exchanges/\(exchangeID)", token: legal, headers: [("Accept-Language", "uk")])
                #expect(exchange.status == .ok)
                #expect(exchange.body.string.contains("리 철호"))
                #expect(exchange.body.string.contains("data-key=\"guard.2.serious_risk\""))
            }
        }

        @Test func aCaseIsSubmittedFromItsPageAndARefusedApprovalShowsEveryReason() async throws {
            try await withBureau { bureau in
                let registrar = try await bureau.signedIn(.registrar)
                let id = try await bureau.register(DispositionFixtures.ri, token: registrar)
                let (caseID, _) = try await DispositionPageKeys.demo(bureau, prisoner: UUID(uuidString: id)!)
                let legal = try await bureau.signedIn(.legalOfficer)
                let approver = try await bureau.signedIn(.approver)
                func post(_ token: String, _ body: String) async throws -> TestingHTTPResponse {
                    var headers = HTTPHeaders()
                    headers.bearerAuthorization = BearerAuthorization(token: token)
                    headers.contentType = .urlEncodedForm
                    headers.add(name: .acceptLanguage, value: "uk")
                    return try await bureau.app.testing().sendRequest(.POST, "cases/\(caseID)/transitions", headers: headers,
                                                                      body: ByteBuffer(string: body))
                }
                let submitted = try await post(legal, "action=submit")
                #expect(submitted.status == .seeOther)
                #expect(submitted.headers.first(name: .location) == "/cases/\(caseID)?saved=1")
                let refused = try await post(approver, "action=approve")
                #expect(refused.status == .unprocessableEntity)
                let html = refused.body.string
                let catalog = bureau.services.catalog
                #expect(html.contains(catalog.text("guard.2.no_article12_assessment", "uk").replacingOccurrences(of: "{power}", with: "KOR")))
                #expect(html.contains(catalog.text("guard.9.contested_power", "uk")))
                #expect(html.contains("data-state=\"under_legal_review\""))
            }
        }

        @Test(arguments: ["ko", "ru", "uk", "en"])
        func theWillStatementFormPrintsInHisLanguage(_ language: String) async throws {
            try await withBureau { bureau in
                let registrar = try await bureau.signedIn(.registrar)
                let id = try await bureau.register(DispositionFixtures.ri, token: registrar)
                let investigator = try await bureau.signedIn(.investigator)
                let form = try await bureau.send(.GET, "prisoners/\(id)/will-statement-form?lang=\(language)", token: investigator)
                #expect(form.status == .ok)
                let html = form.body.string
                #expect(html.contains("<html lang=\"\(language)\">"))
                #expect(html.contains(WillStatementForm.text[language]!["question"]!))
                #expect(html.contains("리 철호"))
                for key in WillStatementForm.keys { #expect(WillStatementForm.text[language]?[key] != nil, "\(language) \(key)") }
                #expect(!html.contains("#("))
            }
        }
    }
}
