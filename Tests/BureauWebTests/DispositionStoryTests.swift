import BureauCore
import BureauStore
@testable import BureauWeb
import Foundation
import Testing
import Vapor
import VaporTesting

extension WebSuite {
    /// Issue 5, "Done when", through the HTTP API: two prisoners; one asks for a third state and faces a
    /// documented risk at home — he cannot be put on an exchange list, and his transfer passes every guard
    /// only after the Art. 12 assessment and two approvals; the other, seriously wounded, goes home
    /// without any exchange.
    @Suite struct DispositionStoryTests {
        @Test func theDemoCaseEndToEnd() async throws {
            try await withBureau { bureau in
                let staff = try await DispositionStaff.signIn(bureau)
                let ri = try await bureau.register(DispositionFixtures.ri, token: staff.registrar)
                let petrov = try await bureau.register(DispositionFixtures.petrov, token: staff.registrar)
                try await bureau.expect("api/v1/prisoners/\(ri)/events", token: staff.registrar,
                                        json: DispositionFixtures.document("third_party", name: "Ондар А. С."), .created)
                try await bureau.expect("api/v1/prisoners/\(petrov)/events", token: staff.registrar,
                                        json: DispositionFixtures.document("genuine", name: "Петров И. С."), .created)

                // Their will, in their own words, through an independent interpreter, confirmed in private.
                let riWill = try await bureau.expect("api/v1/prisoners/\(ri)/will-statements", token: staff.investigator,
                    json: DispositionFixtures.will(answer: #"{"kind": "third_state", "state": "KOR"}"#,
                                                   words: "대한민국으로 가고 싶습니다. 돌아가면 살아남지 못합니다.",
                                                   translation: "I want to go to South Korea. I would not survive a return."),
                    .created)
                #expect(try riWill.content.get(Bool.self, at: "privatelyConfirmed"))
                try await bureau.expect("api/v1/prisoners/\(petrov)/will-statements", token: staff.legal,
                    json: DispositionFixtures.will(answer: #"{"kind": "return_home"}"#, words: "Хочу домой.",
                                                   translation: "I want to go home.", language: "ru"), .created)

                // Risk at home (the DPRK, via Russia) is documented; the ROK and Russia (for Petrov) are clear.
                try await bureau.expect("api/v1/prisoners/\(ri)/risk-assessments", token: staff.legal,
                    json: DispositionFixtures.risk(destination: "PRK", transit: ["RUS"], outcome: "serious_risk",
                                                   findings: "Capture treated as treason; family reprisals reported."), .created)
                try await bureau.expect("api/v1/prisoners/\(ri)/risk-assessments", token: staff.legal,
                    json: DispositionFixtures.risk(destination: "KOR", outcome: "no_serious_risk", findings: "None found."), .created)
                try await bureau.expect("api/v1/prisoners/\(petrov)/risk-assessments", token: staff.legal,
                    json: DispositionFixtures.risk(destination: "RUS", outcome: "no_serious_risk", findings: "None found."), .created)

                // Petrov lost a hand: Mixed Medical Commission decision A.
                try await bureau.expect("api/v1/prisoners/\(petrov)/medical-eligibility", token: staff.medic, json: """
                    {"category": "art110_1_1", "annexIReference": "A.1(c) loss of a hand", "commissionDecision": "A",
                     "decidedAt": "2026-11-10T10:00:00Z", "decidedBy": "Mixed Medical Commission No. 2"}
                    """, .created)

                // Parties, and a consultation with the ROK that discloses his wish only with DPO and legal approval.
                let rok = try await bureau.expect("api/v1/parties", token: staff.liaison, json: """
                    {"name": "Republic of Korea", "kind": "state", "stateCode": "KOR",
                     "roles": [{"prisonerID": "\(ri)", "role": "third_state"}]}
                    """, .created)
                let rokID = try rok.content.get(String.self, at: "party", "id")
                try await bureau.expect("api/v1/parties", token: staff.liaison, json: """
                    {"name": "DPRK", "kind": "state", "stateCode": "PRK",
                     "roles": [{"prisonerID": "\(ri)", "role": "power_depended_on", "contested": true,
                                "rationale": "KPA unit deployed by the DPRK"}]}
                    """, .created)

                try await bureau.expect("api/v1/parties", token: staff.liaison, json: """
                    {"name": "Russian Federation", "kind": "state", "stateCode": "RUS",
                     "roles": [{"prisonerID": "\(ri)", "role": "forces_served_with"}]}
                    """, .created)

                // 1. An exchange with Russia: neither can be put on our list, each with every reason.
                let exchange = try await bureau.expect("api/v1/exchanges", token: staff.liaison,
                                                       json: #"{"counterpart": "RUS"}"#, .created)
                let exchangeID = try exchange.content.get(String.self, at: "id")
                let riOnList = try await bureau.expect("api/v1/exchanges/\(exchangeID)/our-list", token: staff.legal,
                    json: #"{"prisonerID": "\#(ri)", "category": "other_rank"}"#, .unprocessableEntity)
                let riReasons = Set(riOnList.guardKeys("reasons"))
                #expect(riReasons.isSuperset(of: ["guard.2.serious_risk", "guard.2.return_against_will"]))
                for reason in (riOnList.value(["reasons"]) as? [[String: Any]]) ?? [] {
                    #expect((reason["article"] as? String)?.isEmpty == false)
                    #expect((reason["key"] as? String)?.hasPrefix("guard.") == true)
                }
                // A liaison officer, who may read neither his will nor his risk (issue 9), learns that he is
                // excluded and under which articles, not what he wants or fears (guard 12).
                let forLiaison = try await bureau.expect("api/v1/exchanges/\(exchangeID)/our-list", token: staff.liaison,
                    json: #"{"prisonerID": "\#(ri)", "category": "other_rank"}"#, .unprocessableEntity)
                #expect(Set(forLiaison.guardKeys("reasons")) == ["guard.restricted"])
                #expect(!forLiaison.body.string.contains("return_against_will"))
                #expect(!forLiaison.body.string.contains("serious_risk"))
                let petrovOnList = try await bureau.expect("api/v1/exchanges/\(exchangeID)/our-list", token: staff.liaison,
                    json: #"{"prisonerID": "\#(petrov)", "category": "seriously_wounded_or_sick"}"#, .unprocessableEntity)
                #expect(petrovOnList.guardKeys("reasons") == ["guard.restricted"])
                let petrovForLegal = try await bureau.expect("api/v1/exchanges/\(exchangeID)/our-list", token: staff.legal,
                    json: #"{"prisonerID": "\#(petrov)", "category": "seriously_wounded_or_sick"}"#, .unprocessableEntity)
                #expect(petrovForLegal.guardKeys("reasons") == ["guard.1.eligible_in_exchange"])
                let shown = try await bureau.expect(.GET, "api/v1/exchanges/\(exchangeID)", token: staff.liaison, .ok)
                #expect((shown.value(["ourList"]) as? [Any])?.isEmpty == true)
                let excluded = Set(shown.each(["excluded"], "prisonerID").map { $0.lowercased() })
                #expect(excluded.isSuperset(of: [ri.lowercased(), petrov.lowercased()]))
                #expect(shown.each(["proposed"], "prisonerID").isEmpty)

                // 2. Ri's transfer to the ROK, at his request.
                let opened = try await bureau.expect("api/v1/cases", token: staff.legal, json: """
                    {"prisonerID": "\(ri)", "kind": "third_state_transfer", "route": {"destination": "KOR"}, "receivingPower": "KOR"}
                    """, .created)
                let transfer = try opened.content.get(String.self, at: "id")
                #expect(opened.guardKeys("guards", status: "failed").contains("guard.2.no_article12_assessment"))
                try await bureau.expect("api/v1/consultations", token: staff.liaison, json: """
                    {"partyID": "\(rokID)", "direction": "outbound", "kind": "request", "date": "2026-11-22T10:00:00Z",
                     "channel": "diplomatic_note", "summary": "Asks whether the ROK will receive him", "caseIDs": ["\(transfer)"],
                     "prisonerIDs": ["\(ri)"], "disclosesWill": true,
                     "disclosureApproval": {"dataProtectionOfficer": "dpo.lysenko", "legalOfficer": "lo.kovalenko",
                                            "reason": "Needed for the ROK's acceptance", "approvedAt": "2026-11-22T09:00:00Z"}}
                    """, .created)
                try await bureau.expect("api/v1/cases/\(transfer)/transitions", token: staff.legal,
                                        json: #"{"to": "under_legal_review"}"#, .ok)

                // Approval is refused with every reason at once: Art. 12 and three identity warnings.
                let early = try await bureau.expect("api/v1/cases/\(transfer)/transitions", token: staff.approverA,
                                                    json: #"{"to": "approved"}"#, .unprocessableEntity)
                #expect(Set(early.guardKeys("reasons")) == ["guard.2.no_article12_assessment", "guard.9.no_identity_document",
                                                             "guard.9.false_document", "guard.9.contested_power"])
                #expect(early.errorCode == "guard_failed")

                // The warnings are accepted with reasons, each confirmed by a second person.
                for (key, reason) in [("guard.9.no_identity_document", "The ROK issues travel documents on arrival"),
                                      ("guard.9.false_document", "Assessed identity sent to the ROK; the Russian ID stays in evidence"),
                                      ("guard.9.contested_power", "Neither candidate Power receives him; the ROK does")] {
                    try await bureau.expect("api/v1/cases/\(transfer)/overrides", token: staff.legal,
                                            json: #"{"key": "\#(key)", "reason": "\#(reason)"}"#, .created)
                    try await bureau.expect("api/v1/cases/\(transfer)/overrides/confirm", token: staff.approverA,
                                            json: #"{"key": "\#(key)"}"#, .ok)
                }
                let onlyArt12 = try await bureau.expect("api/v1/cases/\(transfer)/transitions", token: staff.approverA,
                                                        json: #"{"to": "approved"}"#, .unprocessableEntity)
                #expect(onlyArt12.guardKeys("reasons") == ["guard.2.no_article12_assessment"])
                #expect(onlyArt12.value(["reasons", 0, "article"]) as? String == "GC III Art. 12")

                try await bureau.expect("api/v1/prisoners/\(ri)/article12-assessments", token: staff.legal, json: """
                    {"receivingPower": "KOR", "partyToConvention": true, "willing": true, "able": true,
                     "basis": "Note verbale of the ROK MFA", "assessedAt": "2026-11-26T10:00:00Z"}
                    """, .created)

                // The author is no approver; one approval is not enough; nobody approves twice.
                let byAuthor = try await bureau.expect("api/v1/cases/\(transfer)/transitions", token: staff.legal,
                                                       json: #"{"to": "approved"}"#, .forbidden)
                #expect(byAuthor.errorCode == "role_required")
                let first = try await bureau.expect("api/v1/cases/\(transfer)/transitions", token: staff.approverA,
                                                    json: #"{"to": "approved", "note": "Art. 12 satisfied"}"#, .ok)
                #expect(try first.content.get(String.self, at: "state") == "under_legal_review")
                #expect(try first.content.get(Bool.self, at: "allClear"))
                let audits = try await bureau.auditCount()
                let twice = try await bureau.expect("api/v1/cases/\(transfer)/transitions", token: staff.approverA,
                                                    json: #"{"to": "approved"}"#, .conflict)
                #expect(twice.errorCode == "already_approved")
                #expect(try await bureau.auditCount() == audits, "a refused approval writes nothing")
                let second = try await bureau.expect("api/v1/cases/\(transfer)/transitions", token: staff.approverB,
                                                     json: #"{"to": "approved"}"#, .ok)
                #expect(try second.content.get(String.self, at: "state") == "approved")
                #expect(second.each(["approvals"], "by") == ["ap.shevchenko", "ap.melnyk"])

                // The hand-over needs the Art. 66 statement and valuables settled (guard 7).
                let handover = """
                    {"to": "executed", "handover": {"at": "2026-11-27T09:00:00Z", "place": "Kyiv, Boryspil airport",
                     "receivingParty": "KOR", "receivingOfficial": "Consul J. Lee", "icrcPresent": true, "icrcDelegate": "M. Keller"}}
                    """
                // A third-state transfer exists only for those who may read his will: the legal officer records it.
                let unsettled = try await bureau.expect("api/v1/cases/\(transfer)/transitions", token: staff.legal,
                                                        json: handover, .unprocessableEntity)
                #expect(Set(unsettled.guardKeys("reasons")) == ["guard.7.no_final_statement", "guard.7.valuables_unresolved"])
                try await bureau.expect(.PUT, "api/v1/prisoners/\(ri)/exit-checklist", token: staff.camp,
                                        json: #"{"finalStatementIssued": true, "valuablesResolved": true}"#, .ok)
                let executed = try await bureau.expect("api/v1/cases/\(transfer)/transitions", token: staff.legal,
                                                       json: handover, .ok)
                #expect(try executed.content.get(String.self, at: "state") == "executed")
                #expect(try executed.content.get(Bool.self, at: "allClear"))
                #expect(executed.guardKeys("guards", status: "overridden").count == 3)
                #expect(executed.each(["history"], "action") == ["submit", "approve", "approve", "execute"])
                #expect(executed.each(["notices"], "kind") == ["transfer"])
                #expect(executed.value(["notices", 0, "destinationWithheldFrom"]) as? [String] == ["PRK", "RUS"],
                        "his wish is never told to the DPRK or Russia")

                // The case as a will reader sees it: his statements, the consultation; not for a camp officer.
                let read = try await bureau.expect(.GET, "api/v1/cases/\(transfer)", token: staff.approverB, .ok)
                #expect(read.each(["willStatements"], "ownWords") == ["대한민국으로 가고 싶습니다. 돌아가면 살아남지 못합니다."])
                #expect(read.each(["consultations"], "summary") == ["Asks whether the ROK will receive him"])
                try await bureau.expect(.GET, "api/v1/cases/\(transfer)", token: staff.camp, .notFound)

                // 3. Petrov goes home: direct medical repatriation, no exchange, no reciprocity.
                let linked = try await bureau.expect("api/v1/cases", token: staff.legal, json: """
                    {"prisonerID": "\(petrov)", "kind": "direct_medical_repatriation", "route": {"destination": "RUS"},
                     "receivingPower": "RUS", "exchangeID": "\(exchangeID)"}
                    """, .unprocessableEntity)
                #expect(linked.guardKeys("reasons") == ["guard.1.medical_linked_to_exchange"])
                let medical = try await bureau.expect("api/v1/cases", token: staff.legal, json: """
                    {"prisonerID": "\(petrov)", "kind": "direct_medical_repatriation", "route": {"destination": "RUS"},
                     "receivingPower": "RUS"}
                    """, .created)
                let home = try medical.content.get(String.self, at: "id")
                try await bureau.expect("api/v1/cases/\(home)/transitions", token: staff.legal, json: #"{"to": "under_legal_review"}"#, .ok)
                try await bureau.expect("api/v1/cases/\(home)/transitions", token: staff.approverA, json: #"{"to": "approved"}"#, .ok)
                try await bureau.expect("api/v1/cases/\(home)/transitions", token: staff.approverB, json: #"{"to": "approved"}"#, .ok)
                try await bureau.expect(.PUT, "api/v1/prisoners/\(petrov)/exit-checklist", token: staff.camp,
                                        json: #"{"finalStatementIssued": true, "valuablesResolved": true}"#, .ok)
                let back = try await bureau.expect("api/v1/cases/\(home)/transitions", token: staff.camp, json: """
                    {"to": "executed", "handover": {"at": "2026-11-27T09:00:00Z", "place": "Sumy oblast crossing point",
                     "receivingParty": "RUS", "icrcPresent": true, "icrcDelegate": "M. Keller"}}
                    """, .ok)
                #expect(try back.content.get(String.self, at: "state") == "executed")
                #expect(back.value(["exchangeID"]) == nil)
                let passed = back.guardKeys("guards", status: "passed")
                #expect(passed.contains("guard.1.not_traded"))
                #expect(!passed.contains("guard.3.wishes_return"), "the camp officer does not read his will (issue 9)")
                let forApprover = try await bureau.expect(.GET, "api/v1/cases/\(home)", token: staff.approverA, .ok)
                #expect(forApprover.guardKeys("guards", status: "passed").contains("guard.3.wishes_return"))
                #expect(back.each(["notices"], "kind") == ["repatriation"])
                #expect((back.value(["notices", 0, "destinationWithheldFrom"]) as? [String]) == [])

                // Both hand-overs are facts of the timeline and queue Art. 122 notices in the outbox.
                let petrovTimeline = try await bureau.send(.GET, "api/v1/prisoners/\(petrov)/timeline", token: staff.legal)
                #expect(petrovTimeline.each([], "kind").last == "repatriation")
                #expect(petrovTimeline.value([petrovTimeline.each([], "kind").count - 1, "data", "basis"]) as? String == "medical")
                let riTimeline = try await bureau.send(.GET, "api/v1/prisoners/\(ri)/timeline", token: staff.legal)
                #expect(riTimeline.each([], "kind").last == "release")
                #expect(!riTimeline.body.string.contains("KOR"), "the third state is not written on his timeline")
                let outbox = try await bureau.send(.GET, "api/v1/outbox", token: staff.liaison)
                #expect(outbox.status == .ok)
                let subjects = outbox.each([], "subject")
                #expect(subjects.contains("repatriation"))
                #expect(subjects.contains("release"))
            }
        }
    }
}
