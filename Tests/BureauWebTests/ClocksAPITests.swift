import BureauCore
import BureauStore
@testable import BureauWeb
import Foundation
import Testing
import Vapor
import VaporTesting

extension WebSuite {
    /// `GET /api/v1/obligations` and `/api/v1/prisoners/{id}/obligations`: filters, roles, fulfilment.
    @Suite struct ClocksAPITests {
        @Test func theOverdueCardIsListedAndTheFiltersNarrow() async throws {
            try await withBureau { bureau in
                let fixture = try await ClocksFixture.make(bureau)
                let other = try await ClocksFixture.make(bureau, registrar: fixture.registrar, name: "성민", facility: "Camp 2")
                let token = fixture.registrar

                let attention = try await bureau.send(.GET, "api/v1/obligations", token: token)
                #expect(attention.status == .ok, "\(attention.body.string)")
                let statuses = Set(attention.obligationItems.compactMap { $0["status"] as? String })
                #expect(statuses.isSubset(of: ["overdue", "due"]))
                let card = attention.obligationItems.first {
                    $0["rule"] as? String == "GC3-70-card" && $0["prisonerID"] as? String == fixture.id
                }
                #expect(card?["status"] as? String == "overdue")
                #expect(card?["deadlineBasis"] as? String == "treaty")
                #expect(card?["facility"] as? String == "Camp 1")
                #expect(card?["internmentNumber"] as? String != nil)

                let cards = try await bureau.send(.GET, "api/v1/obligations?state=overdue&rule=GC3-70-card", token: token)
                #expect(cards.status == .ok)
                #expect(Set(cards.obligationItems.compactMap { $0["rule"] as? String }) == ["GC3-70-card"])
                #expect(Set(cards.obligationItems.compactMap { $0["prisonerID"] as? String }) == [fixture.id, other.id])
                let counts = cards.value(["counts", "GC3-70-card", "overdue"]) as? Int
                #expect(counts == 2)

                let camp2 = try await bureau.send(.GET, "api/v1/obligations?state=all&facility=Camp%202", token: token)
                #expect(!camp2.obligationItems.isEmpty)
                #expect(Set(camp2.obligationItems.compactMap { $0["prisonerID"] as? String }) == [other.id])

                let one = try await bureau.send(.GET, "api/v1/obligations?state=all&prisoner=\(fixture.id)", token: token)
                #expect(Set(one.obligationItems.compactMap { $0["prisonerID"] as? String }) == [fixture.id])

                // The initial notification's deadline is the Bureau's policy, not the treaty's.
                let initial = try await bureau.send(.GET, "api/v1/obligations?state=all&rule=GC3-122-initial", token: token)
                #expect(initial.obligationItems.allSatisfy { $0["deadlineBasis"] as? String == "policy" })
                #expect(!initial.obligationItems.isEmpty)
            }
        }

        @Test func healthObligationsAreShownOnlyToHealthReaders() async throws {
            try await withBureau { bureau in
                let fixture = try await ClocksFixture.make(bureau)
                let medic = try await bureau.signedIn(.medicalOfficer)
                let path = "api/v1/prisoners/\(fixture.id)/obligations"
                let forRegistrar = try await bureau.send(.GET, path, token: fixture.registrar)
                let forMedic = try await bureau.send(.GET, path, token: medic)
                #expect(forRegistrar.status == .ok && forMedic.status == .ok)
                let registrarRules = Set(forRegistrar.obligationItems.compactMap { $0["rule"] as? String })
                let medicRules = Set(forMedic.obligationItems.compactMap { $0["rule"] as? String })
                #expect(!registrarRules.contains("GC3-31-monthly"))
                #expect(medicRules.contains("GC3-31-monthly"))
                #expect(registrarRules.contains("GC3-70-card"))

                let auditor = try await bureau.signedIn(.auditor)
                #expect(try await bureau.send(.GET, "api/v1/obligations", token: auditor).status == .forbidden)
                #expect(try await bureau.send(.GET, "api/v1/obligations", token: nil).status == .unauthorized)
            }
        }

        @Test func recordingTheCardFulfilsTheObligationLate() async throws {
            try await withBureau { bureau in
                let fixture = try await ClocksFixture.make(bureau)
                let camp = try await bureau.signedIn(.campOfficer)
                let recorded = try await bureau.send(.POST, "api/v1/prisoners/\(fixture.id)/events", token: camp, json: """
                    {"kind": "capture_card", "occurredAt": "\(ClocksFixture.iso(bureau.clock.now))", "data": {"action": "offered"}}
                    """)
                #expect(recorded.status == .created, "\(recorded.body.string)")
                let recordedID = try recorded.content.get(String.self, at: "id")
                let response = try await bureau.send(.GET, "api/v1/prisoners/\(fixture.id)/obligations?rule=GC3-70-card",
                                                     token: camp)
                let offer = response.obligationItems.first { ($0["dutyKey"] as? String)?.hasSuffix(".offer") == true }
                #expect(offer?["status"] as? String == "fulfilled")
                #expect(response.value(["items", 0, "state", "late"]) as? Bool == true)
                #expect(response.value(["items", 0, "state", "by"]) as? String == recordedID)
                let attention = try await bureau.send(.GET, "api/v1/obligations?rule=GC3-70-card", token: camp)
                #expect(attention.obligationItems.isEmpty)
            }
        }

        struct BadQuery: CustomTestStringConvertible, Sendable {
            var query: String
            var field: String
            var code: String
            var testDescription: String { query }
        }

        @Test(arguments: [
            BadQuery(query: "state=late", field: "state", code: "invalid_value"),
            BadQuery(query: "rule=GC3-999-nothing", field: "rule", code: "invalid_value"),
            BadQuery(query: "prisoner=someone", field: "prisoner", code: "invalid_value"),
            BadQuery(query: "stat=overdue", field: "stat", code: "unknown_field"),
        ])
        func anUnknownFilterIsRefused(_ example: BadQuery) async throws {
            try await withBureau { bureau in
                let token = try await bureau.signedIn(.registrar)
                let response = try await bureau.send(.GET, "api/v1/obligations?\(example.query)", token: token)
                #expect(response.status == .badRequest, "\(response.body.string)")
                #expect(response.errorField == example.field)
                #expect(response.errorCode == example.code)
            }
        }

        struct BadEntry: CustomTestStringConvertible, Sendable {
            var name: String
            var role: Role
            var json: @Sendable (ClocksFixture, Date) -> String
            var status: HTTPStatus
            var code: String
            var testDescription: String { name }
        }

        static let badEntries: [BadEntry] = [
            BadEntry(name: "waiver without reason", role: .approver, json: { fixture, now in """
                {"kind": "waiver", "occurredAt": "\(ClocksFixture.iso(now))",
                 "data": {"obligationID": "GC3-70-card:\(fixture.captureID.lowercased())", "reason": " ", "approver": "Col. Approver"}}
                """ }, status: .unprocessableEntity, code: "waiver_reason_required"),
            BadEntry(name: "waiver of a nonexistent obligation", role: .approver, json: { _, now in """
                {"kind": "waiver", "occurredAt": "\(ClocksFixture.iso(now))",
                 "data": {"obligationID": "GC3-70-card:00000000-0000-0000-0000-000000000000", "reason": "duplicate", "approver": "Col. Approver"}}
                """ }, status: .unprocessableEntity, code: "obligation_unknown"),
            BadEntry(name: "notification nothing owes", role: .liaisonOfficer, json: { fixture, now in """
                {"kind": "notification", "occurredAt": "\(ClocksFixture.iso(now))",
                 "data": {"subject": "death", "recipient": "family", "concerningEventID": "\(fixture.captureID)"}}
                """ }, status: .unprocessableEntity, code: "obligation_unknown"),
            BadEntry(name: "transfer before capture", role: .registrar, json: { _, now in """
                {"kind": "custody_move", "occurredAt": "\(ClocksFixture.iso(now.addingTimeInterval(-30 * 86_400)))",
                 "data": {"facility": "Camp 3", "facilityType": "camp"}}
                """ }, status: .unprocessableEntity, code: "event_before_capture"),
        ]

        @Test(arguments: badEntries)
        func aBadEntryIsRefusedAndNothingIsWritten(_ example: BadEntry) async throws {
            try await withBureau { bureau in
                let fixture = try await ClocksFixture.make(bureau)
                let token = example.role == .registrar ? fixture.registrar : try await bureau.signedIn(example.role)
                let events = try await bureau.eventCount()
                let notices = try await bureau.noticeCount()
                let audit = try await bureau.auditCount()
                let response = try await bureau.send(.POST, "api/v1/prisoners/\(fixture.id)/events", token: token,
                                                     json: example.json(fixture, bureau.clock.now))
                #expect(response.status == example.status, "\(response.body.string)")
                #expect(response.errorCode == example.code)
                #expect(try await bureau.eventCount() == events)
                #expect(try await bureau.noticeCount() == notices)
                #expect(try await bureau.auditCount() == audit)
            }
        }

        @Test func theCaptureCardIsPrefilledWithRomanizedNames() async throws {
            try await withBureau { bureau in
                let fixture = try await ClocksFixture.make(bureau)
                let response = try await bureau.send(.GET, "api/v1/prisoners/\(fixture.id)/capture-card", token: fixture.registrar)
                #expect(response.status == .ok, "\(response.body.string)")
                #expect(response.value(["surname", "asWritten"]) as? String == "김")
                #expect(response.value(["surname", "romanized"]) as? String == "Gim")
                #expect(response.value(["firstNames", "romanized"]) as? String == "Jeongho")
                #expect(response.value(["languages"]) as? [String] == ["ko", "uk"])
                #expect(response.value(["presentFacility"]) as? String == "Camp 1")
            }
        }
    }
}
