import BureauCore
import BureauStore
@testable import BureauWeb
import Foundation
import Testing
import Vapor
import VaporTesting

extension WebSuite {
    /// Issue 9: each leak found by the first probe, as its own regression test.
    @Suite struct LeakRegressionTests {
        /// Will: "He asked to be repatriated (statement of …)" reached every registry reader.
        @Test func aCaseDoesNotTellRegistryReadersWhatHeWants() async throws {
            try await withBureau { bureau in
                let staff = try await DispositionStaff.signIn(bureau)
                let seed = try await LeakSeed.plant(bureau, staff: staff)
                for token in [staff.registrar, staff.camp, staff.medic, staff.liaison, staff.investigator] {
                    let file = try await bureau.expect(.GET, "api/v1/cases/\(seed.medicalCase)", token: token, .ok)
                    #expect(!file.body.string.contains("guard.3.wishes_return"))
                    #expect(!file.body.string.contains("asked to be repatriated"))
                    #expect(file.guardKeys("guards").contains("guard.restricted"))
                }
                let approver = try await bureau.expect(.GET, "api/v1/cases/\(seed.medicalCase)", token: staff.approverA, .ok)
                #expect(approver.guardKeys("guards").contains("guard.3.wishes_return"))
            }
        }

        /// Health: the case's eligibility (category, commission, who decided) and Art. 110 reasons.
        @Test func eligibilityIsShownOnlyToHealthReaders() async throws {
            try await withBureau { bureau in
                let staff = try await DispositionStaff.signIn(bureau)
                let seed = try await LeakSeed.plant(bureau, staff: staff)
                let commission = LeakSeed.marker(.health, "commission")
                for token in [staff.registrar, staff.camp, staff.liaison, staff.investigator] {
                    let file = try await bureau.expect(.GET, "api/v1/cases/\(seed.medicalCase)", token: token, .ok)
                    #expect((file.value(["eligibility"]) as? [Any])?.isEmpty ?? true)
                    #expect(!file.body.string.contains(commission))
                    #expect(!file.body.string.contains("art110_1_1"))
                }
                let medic = try await bureau.expect(.GET, "api/v1/cases/\(seed.medicalCase)", token: staff.medic, .ok)
                #expect(medic.body.string.contains(commission))
                // The liaison officer learns that Petrov is excluded from the exchange, not why medically.
                let excluded = try await bureau.expect("api/v1/exchanges/\(seed.exchange)/our-list", token: staff.liaison,
                    json: #"{"prisonerID": "\#(seed.petrov)", "category": "seriously_wounded_or_sick"}"#, .unprocessableEntity)
                #expect(excluded.guardKeys("reasons") == ["guard.restricted"])
                #expect(!excluded.body.string.contains("110(1)"))
                let exchange = try await bureau.expect(.GET, "api/v1/exchanges/\(seed.exchange)", token: staff.liaison, .ok)
                #expect(!exchange.body.string.contains("110(1)"))
                // Opening a case answers with the case file, redacted like a read.
                let opened = try await bureau.expect("api/v1/cases", token: staff.liaison, json: """
                    {"prisonerID": "\(seed.petrov)", "kind": "direct_medical_repatriation", "route": {"destination": "RUS"},
                     "receivingPower": "RUS"}
                    """, .created)
                #expect(!opened.body.string.contains(commission))
                #expect(!opened.body.string.contains("art110_1_1"))
            }
        }

        /// Risk: findings, sources and reviewer reached every registry reader whenever the state was on
        /// the route; the exchange page said "a serious risk is documented in PRK".
        @Test func riskAssessmentsAreShownOnlyToThoseWhoDecide() async throws {
            try await withBureau { bureau in
                let staff = try await DispositionStaff.signIn(bureau)
                let seed = try await LeakSeed.plant(bureau, staff: staff)
                let findings = LeakSeed.marker(.risk, "home")
                let icrc = try await bureau.signedIn(.icrcDelegate, name: "icrc.keller")
                for token in [staff.registrar, staff.liaison, staff.medic, icrc] {
                    let file = try await bureau.expect(.GET, "api/v1/cases/\(seed.medicalCase)", token: token, .ok)
                    #expect((file.value(["riskAssessments"]) as? [Any])?.isEmpty ?? true)
                    #expect(!file.body.string.contains(findings))
                }
                let legal = try await bureau.expect(.GET, "api/v1/cases/\(seed.medicalCase)", token: staff.legal, .ok)
                #expect(legal.body.string.contains(findings))
                let liaison = try await FormSession.signIn(bureau, .liaisonOfficer, name: "li.page")
                let page = try await liaison.get(bureau, "/exchanges/\(seed.exchange)")
                #expect(page.status == .ok)
                try await bureau.expect("api/v1/exchanges/\(seed.exchange)/our-list", token: staff.liaison,
                    json: #"{"prisonerID": "\#(seed.ri)", "category": "other_rank"}"#, .unprocessableEntity)
                let after = try await liaison.get(bureau, "/exchanges/\(seed.exchange)")
                #expect(!after.body.string.contains("serious risk is documented"))
            }
        }

        /// Errors: a camp officer got 404 for a third-state case, but a refused transition told him
        /// "approved for hand-over to KOR", the statement's date and the risk status.
        @Test func aRefusedTransitionTellsNoMoreThanARead() async throws {
            try await withBureau { bureau in
                let staff = try await DispositionStaff.signIn(bureau)
                let seed = try await LeakSeed.plant(bureau, staff: staff)
                for token in [staff.camp, staff.liaison] {
                    try await bureau.expect(.GET, "api/v1/cases/\(seed.transfer)", token: token, .notFound)
                    let refused = try await bureau.expect("api/v1/cases/\(seed.transfer)/transitions", token: token, json: """
                        {"to": "executed", "handover": {"at": "2026-11-27T09:00:00Z", "place": "Kyiv", "receivingParty": "UKR",
                         "icrcPresent": true, "icrcDelegate": "M. Keller"}}
                        """, .notFound)
                    #expect(!refused.body.string.contains(LeakSeed.thirdState))
                    #expect(!refused.body.string.contains("guard."))
                }
                // A will reader who records the hand-over still learns every reason.
                let legal = try await bureau.expect("api/v1/cases/\(seed.transfer)/transitions", token: staff.legal, json: """
                    {"to": "executed", "handover": {"at": "2026-11-27T09:00:00Z", "place": "Kyiv", "receivingParty": "UKR",
                     "icrcPresent": true, "icrcDelegate": "M. Keller"}}
                    """, .unprocessableEntity)
                #expect(legal.body.string.contains(LeakSeed.thirdState))
            }
        }

        /// Audit trail: details carried power=KOR, kind=third_state_transfer, outcome=serious_risk and
        /// category=art110_1_1 to the auditor, who reads no case data.
        @Test func theAuditTrailNamesTheRecordNotWhatItSays() async throws {
            try await withBureau { bureau in
                let staff = try await DispositionStaff.signIn(bureau)
                _ = try await LeakSeed.plant(bureau, staff: staff)
                let auditor = try await bureau.signedIn(.auditor, name: "au.koval")
                let trail = try await bureau.expect(.GET, "api/v1/audit?limit=500", token: auditor, .ok)
                let text = trail.body.string
                for told in ["power=", "kind=third_state", "outcome=", "category=", "serious_risk", "art110", LeakSeed.thirdState] {
                    #expect(!text.contains(told), "the audit trail tells the auditor \(told)")
                }
                #expect(text.contains("case.create"), "the trail still names the action")
                #expect(text.contains("risk.create"))
            }
        }
    }
}
