import BureauCore
import BureauStore
@testable import BureauWeb
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

extension WebSuite {
    /// Correct and void (issue 8, item 4): corrections supersede with a reason and show on the
    /// prisoner's page; voiding needs two officers, stops his clocks and hides him from default lists.
    @Suite struct CorrectVoidTests {
        @Test func aCorrectionShowsOnTheRecordWithItsReason() async throws {
            try await withBureau { bureau in
                let registrar = try await FormSession.signIn(bureau, .registrar, name: "reg.one")
                let fixture = try await ClocksFixture.make(bureau, registrar: registrar.token)
                let form = try await registrar.get(bureau, "/prisoners/\(fixture.id)/corrections/new", language: "uk")
                #expect(form.status == .ok)
                let blank = try await registrar.post(bureau, "/prisoners/\(fixture.id)/corrections",
                                                     [("field", "status"), ("value", "retained"), ("reason", "  ")], language: "uk")
                #expect(blank.status == .badRequest)
                #expect(blank.body.string.contains("Причина"))
                let saved = try await registrar.post(bureau, "/prisoners/\(fixture.id)/corrections",
                                                     [("field", "status"), ("value", "retained"),
                                                      ("reason", "Санітар, не комбатант: посвідчення за ст. 40 ЖК I")], language: "uk")
                #expect(saved.status == .seeOther, "\(saved.body.string)")
                #expect(saved.headers.first(name: .location) == "/prisoners/\(fixture.id)?saved=1")
                let page = try await registrar.get(bureau, "/prisoners/\(fixture.id)?saved=1", language: "uk")
                let html = page.body.string
                #expect(html.contains("Збережено"))
                #expect(html.contains("Історія виправлень"))
                #expect(html.contains("Санітар, не комбатант"))
                #expect(html.contains("затриманий медичний чи духовний персонал"))
                // The current value is the newest, through the API too; the Power is corrected there.
                let power = try await bureau.send(.POST, "api/v1/prisoners/\(fixture.id)/corrections", token: registrar.token,
                                                  json: #"{"field": "power", "value": "rus", "reason": "Passport of the Russian Federation found"}"#)
                #expect(power.status == .created, "\(power.body.string)")
                #expect(try power.content.get(String.self, at: "before") == "PRK")
                let record = try await bureau.send(.GET, "api/v1/prisoners/\(fixture.id)", token: registrar.token)
                #expect(try record.content.get(String.self, at: "status") == "retained")
                #expect(record.body.string.contains("\"RUS\""))
                let audit = try await AuditModel.query(on: bureau.app.db).filter(\.$action == "prisoner.correct").all()
                #expect(audit.count == 2)
                #expect(!(audit.compactMap(\.detail).joined().contains("Passport")))
                // A registrar's correction refused to a role that may not register.
                let medical = try await bureau.signedIn(.medicalOfficer, name: "mo.one")
                #expect(try await bureau.send(.POST, "api/v1/prisoners/\(fixture.id)/corrections", token: medical,
                                              json: #"{"field": "unit", "value": "x", "reason": "y"}"#).status == .forbidden)
            }
        }

        @Test func aClaimIsCorrectedBySupersedingItAndTheOldOneStays() async throws {
            try await withBureau { bureau in
                let registrar = try await FormSession.signIn(bureau, .registrar, name: "reg.one")
                let fixture = try await ClocksFixture.make(bureau, registrar: registrar.token)
                let claim = try #require(try await ClaimModel.query(on: bureau.app.db).filter(\.$isAssessed == true).first())
                let before = try await ClaimModel.query(on: bureau.app.db).count()
                let claimID = try claim.requireID().uuidString
                let form = try await registrar.get(bureau, "/prisoners/\(fixture.id)/claims/new?supersedes=\(claimID)", language: "uk")
                #expect(form.status == .ok)
                #expect(form.body.string.contains("Виправити відомості про особу"))
                let saved = try await registrar.post(bureau, "/prisoners/\(fixture.id)/claims", [
                    ("supersedes", claimID), ("reason", "Звання прочитано з погона неправильно"),
                    ("surname", claim.surname ?? ""), ("firstNames", claim.firstNames ?? ""), ("rank", "상사"),
                    ("source", claim.source), ("confidence", claim.confidence), ("isAssessed", "on"),
                ], language: "uk")
                #expect(saved.status == .seeOther, "\(saved.body.string)")
                let claims = try await ClaimModel.query(on: bureau.app.db).sort(\.$recordedAt).all()
                #expect(claims.count == before + 1)
                #expect(claims.last?.rank == "상사" && claims.last?.isAssessed == true)
                #expect(try await ClaimModel.find(claim.requireID(), on: bureau.app.db)?.isAssessed == false)
                let page = try await registrar.get(bureau, "/prisoners/\(fixture.id)", language: "uk")
                #expect(page.body.string.contains("Звання прочитано з погона неправильно"))
                #expect(page.body.string.contains("замінено") || page.body.string.contains("superseded"))
                // The replaced claim cannot be corrected a second time.
                let again = try await bureau.send(.POST, "api/v1/claims/\(claimID)/correction", token: registrar.token,
                                                  json: #"{"reason": "again", "claim": {"surname": "김", "source": "self_declared"}}"#)
                #expect(again.status == .conflict)
                #expect(again.errorCode == "claim_superseded")
            }
        }

        @Test func onePersonAloneCannotVoidAndAVoidedPrisonerOwesNothing() async throws {
            try await withBureau { bureau in
                let first = try await FormSession.signIn(bureau, .registrar, name: "reg.one")
                let fixture = try await ClocksFixture.make(bureau, registrar: first.token)
                let overdue = try await bureau.send(.GET, "api/v1/obligations?state=overdue", token: first.token)
                #expect(overdue.obligationItems.contains { ($0["prisonerID"] as? String)?.uppercased() == fixture.id.uppercased() })

                let asked = try await first.post(bureau, "/prisoners/\(fixture.id)/voidings",
                                                 [("reason", "Двічі зареєстровано: той самий чоловік, що й UA-2026-000002")], language: "uk")
                #expect(asked.status == .seeOther, "\(asked.body.string)")
                let voiding = try #require(try await VoidingModel.query(on: bureau.app.db).first())
                let voidingID = try voiding.requireID().uuidString
                // The one who asked may not confirm.
                let alone = try await first.post(bureau, "/voidings/\(voidingID)/confirm", [], language: "uk")
                #expect(alone.status == .conflict)
                #expect(alone.body.string.contains("підтверджує інший працівник"))
                let token = first.token
                let api = try await bureau.send(.POST, "api/v1/voidings/\(voidingID)/confirm", token: token)
                #expect(api.errorCode == "four_eyes")
                #expect(try await PrisonerModel.find(UUID(uuidString: fixture.id), on: bureau.app.db)?.voidedAt == nil)
                #expect(try await NoticeModel.query(on: bureau.app.db).filter(\.$status == "pending").count() > 0)
                // Still owing while only asked.
                let stillOverdue = try await bureau.send(.GET, "api/v1/obligations?state=overdue", token: token)
                #expect(!stillOverdue.obligationItems.isEmpty)

                // A second officer confirms on the record's page.
                let second = try await FormSession.signIn(bureau, .legalOfficer, name: "lo.one")
                let record = try await second.get(bureau, "/prisoners/\(fixture.id)", language: "uk")
                #expect(record.body.string.contains("/voidings/\(voidingID)/confirm"))
                let confirmed = try await second.post(bureau, "/voidings/\(voidingID)/confirm", [], language: "uk")
                #expect(confirmed.status == .seeOther, "\(confirmed.body.string)")
                #expect(try await PrisonerModel.find(UUID(uuidString: fixture.id), on: bureau.app.db)?.voidedAt != nil)

                // His clocks stop: no overdue obligation anywhere, none on his own list, no notice left to send.
                #expect(try await NoticeModel.query(on: bureau.app.db).filter(\.$status == "pending").count() == 0)
                let liaison = try await bureau.signedIn(.liaisonOfficer, name: "li.one")
                let outbox = try await bureau.send(.GET, "api/v1/outbox?status=pending", token: liaison)
                #expect(((outbox.json as? [[String: Any]]) ?? []).isEmpty, "\(outbox.body.string)")
                let after = try await bureau.send(.GET, "api/v1/obligations?state=all", token: token)
                #expect(!after.obligationItems.contains { ($0["prisonerID"] as? String)?.uppercased() == fixture.id.uppercased() })
                let own = try await bureau.send(.GET, "api/v1/prisoners/\(fixture.id)/obligations?state=all", token: token)
                #expect(own.status == .ok)
                #expect(own.obligationItems.isEmpty)
                // Hidden from the default list; the filter shows him.
                let list = try await first.get(bureau, "/prisoners", language: "uk")
                #expect(!list.body.string.contains(fixture.id))
                let voided = try await first.get(bureau, "/prisoners?voided=1", language: "uk")
                #expect(voided.body.string.contains(fixture.id))
                let apiList = try await bureau.send(.GET, "api/v1/prisoners", token: token)
                #expect(!apiList.body.string.contains(fixture.id.lowercased()) && !apiList.body.string.contains(fixture.id.uppercased()))
                // His page says so, and nothing more can be corrected or voided.
                let page = try await first.get(bureau, "/prisoners/\(fixture.id)", language: "uk")
                #expect(page.body.string.contains("Реєстрацію анульовано"))
                #expect(!page.body.string.contains("/corrections/new"))
                let actions = try await AuditModel.query(on: bureau.app.db).filter(\.$entityID == fixture.id).all().map(\.action)
                #expect(actions.contains("void.request") && actions.contains("void.confirm"))
            }
        }

        @Test func aVoidedEntryOwesNothingAndIsStruckThrough() async throws {
            try await withBureau { bureau in
                let first = try await FormSession.signIn(bureau, .registrar, name: "reg.one")
                let fixture = try await ClocksFixture.make(bureau, registrar: first.token)
                let timeline = try await bureau.send(.GET, "api/v1/prisoners/\(fixture.id)/timeline", token: first.token)
                let moveID = try #require(((timeline.json as? [[String: Any]]) ?? [])
                    .first { $0["kind"] as? String == "custody_move" }?["id"] as? String)
                // The camp arrival starts a capture-card clock of its own (two days overdue in the fixture).
                func fromMove() async throws -> [[String: Any]] {
                    try await bureau.send(.GET, "api/v1/prisoners/\(fixture.id)/obligations?state=all", token: first.token)
                        .obligationItems.filter { ($0["triggerEventID"] as? String)?.uppercased() == moveID.uppercased() }
                }
                #expect(try await fromMove().contains { $0["status"] as? String == "overdue" })
                let asked = try await bureau.send(.POST, "api/v1/prisoners/\(fixture.id)/voidings", token: first.token,
                                                  json: #"{"reason": "Entered for the wrong prisoner", "eventID": "\#(moveID)"}"#)
                #expect(asked.status == .created, "\(asked.body.string)")
                let id = try asked.content.get(String.self, at: "id")
                let approver = try await bureau.signedIn(.approver, name: "ap.one")
                let confirmed = try await bureau.send(.POST, "api/v1/voidings/\(id)/confirm", token: approver)
                #expect(confirmed.status == .ok, "\(confirmed.body.string)")
                #expect(try await fromMove().isEmpty)
                let page = try await first.get(bureau, "/prisoners/\(fixture.id)", language: "uk")
                #expect(page.body.string.contains("анульовано"))
            }
        }
    }
}
