import BureauCore
import BureauStore
@testable import BureauWeb
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

extension WebSuite {
    /// The prisoner page lists his will statements, risk assessments and cases before any case needs
    /// them, to the roles that may read each (issue 8, item 5); older forms land with "Saved.".
    @Suite struct PrisonerDossierTests {
        @Test func willAndRiskShowOnHisPageOnlyToThoseWhoMayReadThem() async throws {
            try await withBureau { bureau in
                let registrarToken = try await bureau.signedIn(.registrar)
                let ri = try await bureau.register(DispositionFixtures.ri, token: registrarToken)
                let legal = try await FormSession.signIn(bureau, .legalOfficer, name: "lo.kovalenko")
                try await bureau.expect("api/v1/prisoners/\(ri)/will-statements", token: legal.token,
                    json: DispositionFixtures.will(answer: #"{"kind": "return_home"}"#, words: "집에 가고 싶습니다.",
                                                   translation: "Хочу додому."), .created)
                try await bureau.expect("api/v1/prisoners/\(ri)/risk-assessments", token: legal.token,
                    json: DispositionFixtures.risk(destination: "PRK", outcome: "serious_risk",
                                                   findings: "ZQRISKFINDINGQ"), .created)
                let page = try await legal.get(bureau, "/prisoners/\(ri)", language: "uk")
                let html = page.body.string
                #expect(html.contains("id=\"prisoner-wills\""))
                #expect(html.contains("id=\"prisoner-risks\""))
                #expect(html.contains("ZQRISKFINDINGQ"))
                #expect(try await AuditModel.query(on: bureau.app.db).filter(\.$action == "dossier.read").count() >= 1)

                let registrar = FormSession(token: registrarToken, csrf: "")
                let other = try await registrar.get(bureau, "/prisoners/\(ri)", language: "uk")
                #expect(other.status == .ok)
                #expect(!other.body.string.contains("prisoner-wills"))
                #expect(!other.body.string.contains("ZQRISKFINDINGQ"))
                #expect(!other.body.string.contains("prisoner-risks"))
            }
        }

        @Test func anOlderFormLandsOnTheRecordWithSaved() async throws {
            try await withBureau { bureau in
                let registrar = try await FormSession.signIn(bureau, .registrar, name: "reg.one")
                let ri = try await bureau.register(DispositionFixtures.ri, token: registrar.token)
                let posted = try await registrar.post(bureau, "/prisoners/\(ri)/events", [
                    ("kind", "custody_move"), ("occurredAt", "2025-01-12T10:00"), ("facility", "Табір 2"), ("facilityType", "camp"),
                ], language: "uk")
                #expect(posted.status == .seeOther, "\(posted.body.string)")
                let location = try #require(posted.headers.first(name: .location))
                #expect(location == "/prisoners/\(ri)?saved=1")
                let page = try await registrar.get(bureau, location, language: "ru")
                #expect(page.body.string.contains("Сохранено"))
            }
        }
    }
}
