import BureauCore
import BureauStore
@testable import BureauWeb
import Foundation
import Testing
import Vapor
import VaporTesting

extension WebSuite {
    /// The camp officer records the hand-over (executes the case) from the case page (issue 8).
    @Suite struct HandoverFormTests {
        @Test func theHandOverIsRecordedFromTheCasePage() async throws {
            try await withBureau { bureau in
                let staff = try await DispositionStaff.signIn(bureau)
                let petrov = try await bureau.register(DispositionFixtures.petrov, token: staff.registrar)
                try await bureau.expect("api/v1/prisoners/\(petrov)/events", token: staff.registrar,
                                        json: DispositionFixtures.document("genuine", name: "Петров И. С."), .created)
                try await bureau.expect("api/v1/prisoners/\(petrov)/will-statements", token: staff.legal,
                    json: DispositionFixtures.will(answer: #"{"kind": "return_home"}"#, words: "Хочу домой.",
                                                   translation: "I want to go home.", language: "ru"), .created)
                try await bureau.expect("api/v1/prisoners/\(petrov)/risk-assessments", token: staff.legal,
                    json: DispositionFixtures.risk(destination: "RUS", outcome: "no_serious_risk", findings: "None found."), .created)
                try await bureau.expect("api/v1/prisoners/\(petrov)/medical-eligibility", token: staff.medic, json: """
                    {"category": "art110_1_1", "annexIReference": "A.1(c) loss of a hand", "commissionDecision": "A",
                     "decidedAt": "2026-11-10T10:00:00Z", "decidedBy": "Mixed Medical Commission No. 2"}
                    """, .created)
                let medical = try await bureau.expect("api/v1/cases", token: staff.legal, json: """
                    {"prisonerID": "\(petrov)", "kind": "direct_medical_repatriation", "route": {"destination": "RUS"},
                     "receivingPower": "RUS"}
                    """, .created)
                let home = try medical.content.get(String.self, at: "id")
                try await bureau.expect("api/v1/cases/\(home)/transitions", token: staff.legal, json: #"{"to": "under_legal_review"}"#, .ok)
                try await bureau.expect("api/v1/cases/\(home)/transitions", token: staff.approverA, json: #"{"to": "approved"}"#, .ok)
                try await bureau.expect("api/v1/cases/\(home)/transitions", token: staff.approverB, json: #"{"to": "approved"}"#, .ok)

                let camp = try await FormSession.signIn(bureau, .campOfficer, name: "co.second")
                let page = try await camp.get(bureau, "/cases/\(home)", language: "uk")
                #expect(page.body.string.contains("id=\"handover-form\""))
                // The form offers now (after the approvals) as the time of the hand-over.
                let now = try #require(page.body.string.firstMatch(of: /name="at" value="([0-9T:-]+)"/)?.1)
                let fields: [(String, String)] = [
                    ("action", "execute"), ("at", String(now)), ("place", "Пункт пропуску, Сумська область"),
                    ("receivingParty", "RUS"), ("icrcPresent", "on"), ("icrcDelegate", "M. Keller"),
                ]
                // Without the exit checklist the hand-over is refused, with the form as typed; the case stays approved.
                let refused = try await camp.post(bureau, "/cases/\(home)/transitions", fields, language: "uk")
                #expect(refused.status == .unprocessableEntity, "\(refused.body.string)")
                #expect(refused.body.string.contains("Пункт пропуску, Сумська область"))
                #expect(refused.body.string.contains("role=\"alert\""))
                let still = try await bureau.expect(.GET, "api/v1/cases/\(home)", token: staff.legal, .ok)
                #expect(try still.content.get(String.self, at: "state") == "approved")

                let checklist = try await camp.post(bureau, "/prisoners/\(petrov)/exit-checklist", [
                    ("finalStatementIssued", "on"), ("valuablesResolved", "on"),
                ])
                #expect(checklist.status == .seeOther)
                let executed = try await camp.post(bureau, "/cases/\(home)/transitions", fields)
                #expect(executed.status == .seeOther, "\(executed.body.string)")
                let after = try await bureau.expect(.GET, "api/v1/cases/\(home)", token: staff.legal, .ok)
                #expect(try after.content.get(String.self, at: "state") == "executed")
                let shown = try await camp.get(bureau, "/cases/\(home)", language: "uk")
                #expect(!shown.body.string.contains("id=\"handover-form\""))
                #expect(shown.body.string.contains("Пункт пропуску, Сумська область"))
            }
        }
    }
}
