import BureauCore
import BureauStore
@testable import BureauWeb
import Foundation
import Testing
import Vapor
import VaporTesting

extension WebSuite {
    /// Parties, consultations (with guard 12's disclosure approval), medical eligibility and the exchange
    /// list and reconciliation, from the pages (issue 8).
    @Suite struct LiaisonFormTests {
        @Test func aPartyAndAConsultationThatDisclosesHisWillNeedTheApproval() async throws {
            try await withBureau { bureau in
                let registrar = try await bureau.signedIn(.registrar)
                let investigator = try await bureau.signedIn(.investigator)
                let ri = try await bureau.register(DispositionFixtures.ri, token: registrar)
                try await bureau.expect("api/v1/prisoners/\(ri)/will-statements", token: investigator,
                    json: DispositionFixtures.will(answer: #"{"kind": "third_state", "state": "KOR"}"#,
                                                   words: "대한민국으로 가고 싶습니다.", translation: "I want to go to South Korea."),
                    .created)
                let liaison = try await FormSession.signIn(bureau, .liaisonOfficer, name: "li.bondar")
                let partyForm = try await liaison.get(bureau, "/prisoners/\(ri)/parties/new", language: "uk")
                #expect(partyForm.body.string.contains("третя держава"))
                let party = try await liaison.post(bureau, "/prisoners/\(ri)/parties", [
                    ("name", "Республіка Корея"), ("kind", "state"), ("stateCode", "kor"), ("role", "third_state"),
                ])
                #expect(party.status == .seeOther, "\(party.body.string)")
                #expect(try await bureau.rows(PartiesTable.self) == 1)
                #expect(try await bureau.rows(PartyRolesTable.self) == 1)

                let opened = try await liaison.post(bureau, "/prisoners/\(ri)/cases", [
                    ("kind", "third_state_transfer"), ("destination", "KOR"), ("receivingPower", "KOR"),
                ])
                let casePath = try #require(opened.headers.first(name: .location)?.split(separator: "?").first.map(String.init), "\(opened.body.string)")
                // A third state's role for him tells his wish: the liaison officer may not see that party
                // (need-to-know), so the legal officer writes the message that discloses the will.
                let liaisonForm = try await liaison.get(bureau, "/prisoners/\(ri)/consultations/new")
                #expect(!liaisonForm.body.string.contains("Республіка Корея"))
                let legal = try await FormSession.signIn(bureau, .legalOfficer, name: "lo.kovalenko")
                let caseID = String(casePath.dropFirst("/cases/".count))
                let prisonerPage = try await legal.get(bureau, "/prisoners/\(ri)")
                #expect(prisonerPage.body.string.contains("/prisoners/\(ri)/consultations/new"))
                let form = try await legal.get(bureau, "/prisoners/\(ri)/consultations/new?case=\(caseID)", language: "uk")
                #expect(form.status == .ok)
                #expect(form.body.string.contains("Республіка Корея"))
                let partyID = try #require(form.body.string.firstMatch(of: /option value="([0-9A-F-]{36})"/)?.1)

                let fields: [(String, String)] = [
                    ("partyID", String(partyID)), ("caseID", caseID), ("direction", "outbound"), ("kind", "request"), ("channel", "diplomatic_note"),
                    ("date", "2026-11-22T10:00"), ("summary", "Чи прийме Республіка Корея його?"), ("disclosesWill", "on"),
                ]
                // Disclosing his will without the approval is refused, in Ukrainian, filled in; nothing is written.
                let refused = try await legal.post(bureau, "/prisoners/\(ri)/consultations", fields, language: "uk")
                #expect(refused.status == .unprocessableEntity, "\(refused.body.string)")
                #expect(refused.body.string.contains("Чи прийме Республіка Корея його?"))
                #expect(refused.body.string.contains("role=\"alert\""))
                #expect(try await bureau.rows(ConsultationsTable.self) == 0)

                let saved = try await legal.post(bureau, "/prisoners/\(ri)/consultations", fields + [
                    ("dpo", "dpo.lysenko"), ("approvingLegalOfficer", "lo.kovalenko"),
                    ("approvalReason", "Needed for the ROK's acceptance"), ("approvedAt", "2026-11-22T09:00"),
                ])
                #expect(saved.status == .seeOther, "\(saved.body.string)")
                #expect(saved.headers.first(name: .location) == "/prisoners/\(ri)?saved=1")
                #expect(try await bureau.rows(ConsultationsTable.self) == 1)
            }
        }

        @Test func theMedicalOfficerRecordsEligibility() async throws {
            try await withBureau { bureau in
                let registrar = try await bureau.signedIn(.registrar)
                let petrov = try await bureau.register(DispositionFixtures.petrov, token: registrar)
                let medic = try await FormSession.signIn(bureau, .medicalOfficer, name: "mo.tkachuk")
                let page = try await medic.get(bureau, "/prisoners/\(petrov)")
                #expect(page.body.string.contains("/prisoners/\(petrov)/medical-eligibility/new"))
                let refused = try await medic.post(bureau, "/prisoners/\(petrov)/medical-eligibility", [
                    ("category", "art110_1_1"), ("annexIReference", "A.1(c) втрата кисті"), ("commissionDecision", "A"),
                    ("decidedAt", ""), ("decidedBy", "Змішана медична комісія № 2"),
                ], language: "uk")
                #expect(refused.status == .badRequest)
                #expect(refused.body.string.contains("A.1(c) втрата кисті"))
                #expect(try await bureau.rows(EligibilityTable.self) == 0)
                let saved = try await medic.post(bureau, "/prisoners/\(petrov)/medical-eligibility", [
                    ("category", "art110_1_1"), ("annexIReference", "A.1(c) loss of a hand"), ("commissionDecision", "A"),
                    ("decidedAt", "2026-11-10T10:00"), ("decidedBy", "Mixed Medical Commission No. 2"), ("fitToTravel", "on"),
                ])
                #expect(saved.status == .seeOther, "\(saved.body.string)")
                #expect(try await bureau.rows(EligibilityTable.self) == 1)
            }
        }

        /// A proposed prisoner is put on our list from the page, and the crossing is recorded there.
        @Test func ourListAndTheReconciliationFromTheExchangePage() async throws {
            try await withBureau { bureau in
                let registrar = try await bureau.signedIn(.registrar)
                let petrov = try await bureau.register(DispositionFixtures.petrov, token: registrar)
                let legal = try await FormSession.signIn(bureau, .legalOfficer, name: "lo.kovalenko")
                try await bureau.expect("api/v1/prisoners/\(petrov)/will-statements", token: legal.token,
                    json: DispositionFixtures.will(answer: #"{"kind": "return_home"}"#, words: "Хочу домой.",
                                                   translation: "I want to go home.", language: "ru"), .created)
                try await bureau.expect("api/v1/prisoners/\(petrov)/risk-assessments", token: legal.token,
                    json: DispositionFixtures.risk(destination: "RUS", outcome: "no_serious_risk", findings: "None found."), .created)
                let created = try await legal.post(bureau, "/exchanges", [("counterpart", "RUS")])
                let exchangePath = try #require(created.headers.first(name: .location)?.split(separator: "?").first.map(String.init), "\(created.body.string)")
                let page = try await legal.get(bureau, exchangePath)
                #expect(page.body.string.contains("action=\"\(exchangePath)/our-list\""), "\(page.body.string)")

                let added = try await legal.post(bureau, "\(exchangePath)/our-list", [("prisonerID", petrov), ("category", "other_rank")])
                #expect(added.status == .seeOther, "\(added.body.string)")
                // The liaison officer records who crossed (the camp officer may not read exchanges).
                let camp = try await FormSession.signIn(bureau, .liaisonOfficer, name: "li.bondar")
                let forCamp = try await camp.get(bureau, exchangePath, language: "uk")
                #expect(forCamp.body.string.contains("reconciliation-form"))

                // Nothing chosen: refused on the page, nothing recorded.
                let blank = try await camp.post(bureau, "\(exchangePath)/reconciliation", [
                    ("prisonerID[]", petrov), ("outcome[]", ""), ("crossedAt[]", ""), ("note[]", ""),
                ], language: "uk")
                #expect(blank.status == .badRequest)
                let recorded = try await camp.post(bureau, "\(exchangePath)/reconciliation", [
                    ("prisonerID[]", petrov), ("outcome[]", "unfit_to_travel"), ("crossedAt[]", ""), ("note[]", "В госпіталі"),
                ])
                #expect(recorded.status == .seeOther, "\(recorded.body.string)")
                let after = try await camp.get(bureau, exchangePath, language: "uk")
                #expect(after.body.string.contains("id=\"reconciliation\""))
                #expect(after.body.string.contains("В госпіталі"))
                #expect(!after.body.string.contains("reconciliation-form"))
            }
        }
    }
}
