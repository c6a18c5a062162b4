import BureauCore
import BureauStore
@testable import BureauWeb
import Foundation
import Testing
import Vapor
import VaporTesting

extension WebSuite {
    /// An exchange from our list to the reconciliation: who crossed, who did not, and the notices.
    @Suite struct DispositionExchangeAPITests {
        static let sidorov = DispositionFixtures.petrov
            .replacingOccurrences(of: "Петров", with: "Сидоров").replacingOccurrences(of: "1994-03-02", with: "1990-07-15")

        /// A prisoner who may be exchanged: he asked to go home, no risk is found there, his papers are his own.
        func returning(_ bureau: TestBureau, _ staff: DispositionStaff, _ json: String) async throws -> String {
            let id = try await bureau.register(json, token: staff.registrar)
            try await bureau.expect("api/v1/prisoners/\(id)/events", token: staff.registrar,
                                    json: DispositionFixtures.document("genuine", name: "own"), .created)
            try await bureau.expect("api/v1/prisoners/\(id)/will-statements", token: staff.legal,
                json: DispositionFixtures.will(answer: #"{"kind": "return_home"}"#, words: "Хочу домой.",
                                               translation: "I want to go home.", language: "ru"), .created)
            try await bureau.expect("api/v1/prisoners/\(id)/risk-assessments", token: staff.legal,
                json: DispositionFixtures.risk(destination: "RUS", outcome: "no_serious_risk", findings: "None found."), .created)
            try await bureau.expect(.PUT, "api/v1/prisoners/\(id)/exit-checklist", token: staff.camp,
                                    json: #"{"finalStatementIssued": true, "valuablesResolved": true}"#, .ok)
            return id
        }

        @Test func whoCrossedAndWhoDidNot() async throws {
            try await withBureau { bureau in
                let staff = try await DispositionStaff.signIn(bureau)
                let petrov = try await returning(bureau, staff, DispositionFixtures.petrov)
                let sidorov = try await returning(bureau, staff, Self.sidorov)
                let exchange = try await bureau.expect("api/v1/exchanges", token: staff.legal, json: """
                    {"counterpart": "RUS", "agreement": {"reference": "Exchange of 5 February",
                     "clauses": [{"reference": "§1", "text": "All for all", "adverseToPrisoners": false}]}}
                    """, .created)
                let id = try exchange.content.get(String.self, at: "id")
                for prisoner in [petrov, sidorov] {
                    try await bureau.expect("api/v1/exchanges/\(id)/our-list", token: staff.legal,
                                            json: #"{"prisonerID": "\#(prisoner)", "category": "other_rank"}"#, .created)
                }
                let again = try await bureau.expect("api/v1/exchanges/\(id)/our-list", token: staff.legal,
                                                    json: #"{"prisonerID": "\#(petrov)", "category": "other_rank"}"#, .conflict)
                #expect(again.errorCode == "already_listed")
                let shown = try await bureau.expect(.GET, "api/v1/exchanges/\(id)", token: staff.approverA, .ok)
                #expect(shown.value(["totals", "ours", "other_rank"]) as? Int == 2)

                // Petrov's exchange case goes through its own guards and two approvals.
                let opened = try await bureau.expect("api/v1/cases", token: staff.legal, json: """
                    {"prisonerID": "\(petrov)", "kind": "exchange", "route": {"destination": "RUS"}, "receivingPower": "RUS",
                     "exchangeID": "\(id)"}
                    """, .created)
                #expect(opened.guardKeys("guards", status: "passed").contains("guard.4.agreement_reviewed"))
                let caseID = try opened.content.get(String.self, at: "id")
                try await bureau.expect("api/v1/cases/\(caseID)/transitions", token: staff.legal, json: #"{"to": "under_legal_review"}"#, .ok)
                try await bureau.expect("api/v1/cases/\(caseID)/transitions", token: staff.approverA, json: #"{"to": "approved"}"#, .ok)
                try await bureau.expect("api/v1/cases/\(caseID)/transitions", token: staff.approverB, json: #"{"to": "approved"}"#, .ok)
                try await bureau.expect("api/v1/cases/\(caseID)/transitions", token: staff.camp, json: """
                    {"to": "executed", "handover": {"at": "2026-11-27T09:00:00Z", "place": "Sumy oblast crossing point",
                     "receivingParty": "RUS", "icrcPresent": true, "icrcDelegate": "M. Keller"}}
                    """, .ok)

                // Sidorov cannot have crossed without an executed case; nothing is written.
                let wrong = try await bureau.expect("api/v1/exchanges/\(id)/reconciliation", token: staff.camp, json: """
                    {"outcomes": [{"prisonerID": "\(petrov)", "crossedAt": "2026-11-27T09:00:00Z"},
                                  {"prisonerID": "\(sidorov)", "crossedAt": "2026-11-27T09:00:00Z"}]}
                    """, .unprocessableEntity)
                #expect(wrong.errorCode == "crossed_without_executed_case")
                let done = try await bureau.expect("api/v1/exchanges/\(id)/reconciliation", token: staff.camp, json: """
                    {"outcomes": [{"prisonerID": "\(petrov)", "crossedAt": "2026-11-27T09:00:00Z"},
                                  {"prisonerID": "\(sidorov)", "reason": "declined_at_crossing"}]}
                    """, .ok)
                #expect(done.each(["notices"], "kind") == ["remains_in_custody"])
                #expect(done.value(["exchange", "reconciliation", 0, "crossed"]) as? Bool == true)
                #expect(done.value(["exchange", "reconciliation", 1, "crossed"]) as? Bool == false)
                #expect(done.value(["notices", 0, "prisonerID"]) as? String == sidorov)
                // His refusal at the crossing is restricted like his will: a liaison officer sees only that he stayed.
                let forLiaison = try await bureau.expect(.GET, "api/v1/exchanges/\(id)", token: staff.liaison, .ok)
                #expect(forLiaison.value(["reconciliation", 1, "reason"]) as? String == "other")
                let forApprover = try await bureau.expect(.GET, "api/v1/exchanges/\(id)", token: staff.approverA, .ok)
                #expect(forApprover.value(["reconciliation", 1, "reason"]) as? String == "declined_at_crossing")
                try await bureau.expect("api/v1/exchanges/\(id)/reconciliation", token: staff.camp, json: """
                    {"outcomes": [{"prisonerID": "\(petrov)", "crossedAt": "2026-11-27T09:00:00Z"}]}
                    """, .conflict)
                let page = try await bureau.send(.GET, "exchanges/\(id)", token: staff.liaison, headers: [("Accept-Language", "en")])
                #expect(page.status == .ok)
                #expect(page.body.string.contains("did not cross · other reason"))
                #expect(!page.body.string.contains("declined"))
            }
        }
    }
}
