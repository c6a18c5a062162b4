import BureauCore
import BureauStore
@testable import BureauWeb
import Foundation
import Testing
import Vapor
import VaporTesting

extension WebSuite {
    /// The Art. 12 assessment, the exit checklist and guard overrides, from the pages (issue 8).
    @Suite struct AssessmentFormTests {
        @Test func anArticle12AssessmentIsRecordedFromItsForm() async throws {
            try await withBureau { bureau in
                let registrar = try await bureau.signedIn(.registrar)
                let id = try await bureau.register(DispositionFixtures.ri, token: registrar)
                let legal = try await FormSession.signIn(bureau, .legalOfficer, name: "lo.kovalenko")
                let prisoner = try await legal.get(bureau, "/prisoners/\(id)", language: "uk")
                #expect(prisoner.body.string.contains("/prisoners/\(id)/article12-assessments/new"))
                let page = try await legal.get(bureau, "/prisoners/\(id)/article12-assessments/new", language: "uk")
                #expect(page.status == .ok)
                #expect(page.body.string.contains("Оцінка за ст. 12"))

                // Refused: no receiving Power. The form comes back filled in, in Ukrainian, and nothing is written.
                let refused = try await legal.post(bureau, "/prisoners/\(id)/article12-assessments", [
                    ("receivingPower", ""), ("partyToConvention", "on"), ("basis", "Нота МЗС Республіки Корея"),
                    ("assessedAt", "2026-11-26T10:00"),
                ], language: "uk")
                #expect(refused.status == .badRequest)
                #expect(refused.body.string.contains("Нота МЗС Республіки Корея"))
                #expect(refused.body.string.contains("обов&#39;язкове поле"))
                #expect(try await bureau.rows(Article12Table.self) == 0)

                let saved = try await legal.post(bureau, "/prisoners/\(id)/article12-assessments", [
                    ("receivingPower", "kor"), ("partyToConvention", "on"), ("willing", "on"), ("able", "on"),
                    ("basis", "Note verbale of the ROK MFA"), ("assessedAt", "2026-11-26T10:00"),
                ])
                #expect(saved.status == .seeOther, "\(saved.body.string)")
                #expect(saved.headers.first(name: .location) == "/prisoners/\(id)?saved=1")
                #expect(try await bureau.rows(Article12Table.self) == 1)
                // The officer lands on the record with a confirmation in his language.
                let landed = try await legal.get(bureau, "/prisoners/\(id)?saved=1", language: "uk")
                #expect(landed.body.string.contains("role=\"status\">Збережено.</div>"))

                // A registrar may not assess: the route refuses him and writes nothing.
                let registrarForm = try await FormSession.signIn(bureau, .registrar, name: "rg.other")
                let forbidden = try await registrarForm.post(bureau, "/prisoners/\(id)/article12-assessments", [
                    ("receivingPower", "KOR"), ("assessedAt", "2026-11-26T10:00"),
                ])
                #expect(forbidden.status == .forbidden)
                #expect(try await bureau.rows(Article12Table.self) == 1)
            }
        }

        @Test func theExitChecklistIsRecordedByTheCampOfficer() async throws {
            try await withBureau { bureau in
                let registrar = try await bureau.signedIn(.registrar)
                let id = try await bureau.register(DispositionFixtures.petrov, token: registrar)
                let camp = try await FormSession.signIn(bureau, .campOfficer, name: "co.tkachenko")
                let prisoner = try await camp.get(bureau, "/prisoners/\(id)")
                #expect(prisoner.body.string.contains("/prisoners/\(id)/exit-checklist/edit"))
                let form = try await camp.get(bureau, "/prisoners/\(id)/exit-checklist/edit", language: "ru")
                #expect(form.status == .ok)
                #expect(form.body.string.contains("окончательная справка"))
                let saved = try await camp.post(bureau, "/prisoners/\(id)/exit-checklist", [
                    ("finalStatementIssued", "on"), ("valuablesResolved", "on"),
                ])
                #expect(saved.status == .seeOther, "\(saved.body.string)")
                #expect(saved.headers.first(name: .location) == "/prisoners/\(id)?saved=1")
                let noCSRF = try await camp.post(bureau, "/prisoners/\(id)/exit-checklist", [("valuablesResolved", "on")],
                                                 csrf: false)
                #expect(noCSRF.status == .forbidden)
            }
        }

        /// A warn guard is overridden with a reason by a legal officer and confirmed by an approver, on the case page.
        @Test func anOverrideIsRequestedAndConfirmedByASecondPerson() async throws {
            try await withBureau { bureau in
                let registrar = try await bureau.signedIn(.registrar)
                let investigator = try await bureau.signedIn(.investigator)
                let ri = try await bureau.register(DispositionFixtures.ri, token: registrar)
                try await bureau.expect("api/v1/prisoners/\(ri)/will-statements", token: investigator,
                    json: DispositionFixtures.will(answer: #"{"kind": "third_state", "state": "KOR"}"#,
                                                   words: "대한민국으로 가고 싶습니다.", translation: "I want to go to South Korea."),
                    .created)
                let legal = try await FormSession.signIn(bureau, .legalOfficer, name: "lo.kovalenko")
                let approver = try await FormSession.signIn(bureau, .approver, name: "ap.shevchenko")
                try await bureau.expect("api/v1/prisoners/\(ri)/risk-assessments", token: legal.token,
                    json: DispositionFixtures.risk(destination: "KOR", outcome: "no_serious_risk", findings: "None found."), .created)
                let opened = try await legal.post(bureau, "/prisoners/\(ri)/cases", [
                    ("kind", "third_state_transfer"), ("destination", "KOR"), ("receivingPower", "KOR"),
                ])
                #expect(opened.status == .seeOther, "\(opened.body.string)")
                let casePath = try #require(opened.headers.first(name: .location)?.split(separator: "?").first.map(String.init))
                let key = "guard.9.no_identity_document"

                let before = try await legal.get(bureau, casePath, language: "uk")
                #expect(before.body.string.contains("action=\"\(casePath)/overrides\""))
                #expect(before.body.string.contains("Просити винятку"))

                // Without a reason the request is refused on the page, in Ukrainian; nothing is written.
                let blank = try await legal.post(bureau, "\(casePath)/overrides", [("key", key), ("reason", " ")], language: "uk")
                #expect(blank.status == .badRequest, "\(blank.body.string)")
                #expect(blank.body.string.contains("role=\"alert\"") || blank.body.string.contains("class=\"error"))
                let unchanged = try await bureau.expect(.GET, "api/v1\(casePath)", token: legal.token, .ok)
                #expect((unchanged.value(["overrides"]) as? [Any])?.isEmpty == true)

                let requested = try await legal.post(bureau, "\(casePath)/overrides", [
                    ("key", key), ("reason", "The ROK issues travel documents on arrival"),
                ])
                #expect(requested.status == .seeOther, "\(requested.body.string)")
                let awaiting = try await approver.get(bureau, casePath, language: "uk")
                #expect(awaiting.body.string.contains("його має підтвердити друга особа"))
                #expect(awaiting.body.string.contains("action=\"\(casePath)/overrides/confirm\""))

                // The requester cannot confirm his own override.
                let own = try await legal.post(bureau, "\(casePath)/overrides/confirm", [("key", key)])
                #expect(own.status == .forbidden)

                let confirmed = try await approver.post(bureau, "\(casePath)/overrides/confirm", [("key", key)])
                #expect(confirmed.status == .seeOther, "\(confirmed.body.string)")
                let after = try await bureau.expect(.GET, "api/v1\(casePath)", token: legal.token, .ok)
                #expect(after.guardKeys("guards", status: "overridden") == [key])
            }
        }
    }
}
