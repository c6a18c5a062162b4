import BureauCore
import BureauStore
@testable import BureauWeb
import Foundation
import Testing
import Vapor
import VaporTesting

extension WebSuite {
    /// `obligation-policy.json`, Protecting Powers, and corrections of entries that owe a notice.
    @Suite struct ClocksPolicyTests {
        @Test func thePolicyFileKeepsDefaultsAndRefusesNonsense() throws {
            let policy = try ObligationPolicyFile.parse(Data("""
                {"eventNotification": 86400, "cessationOfHostilities": "2027-03-01T00:00:00Z",
                 "protectingPowers": {"RUS": "Switzerland"}}
                """.utf8))
            #expect(policy.eventNotification == 86_400)
            #expect(policy.initialNotification == ObligationPolicy.standard.initialNotification)
            #expect(policy.cessationOfHostilities == ISO8601DateFormatter().date(from: "2027-03-01T00:00:00Z"))
            #expect(policy.hasProtectingPower(for: "RUS"))
            for bad in [#"{"eventNotifcation": 1}"#, #"{"censorship": -5}"#, #"{"captureCardAfterCapture": 864000}"#,
                        #"{"protectingPowers": {"Russia": "Switzerland"}}"#, #"{"cessationOfHostilities": "soon"}"#, "[]"] {
                #expect(throws: ObligationPolicyFile.Invalid.self, "\(bad)") { try ObligationPolicyFile.parse(Data(bad.utf8)) }
            }
            let empty = FileManager.default.temporaryDirectory.appendingPathComponent("policy-\(UUID().uuidString)")
            #expect(try ObligationPolicyFile.load(in: empty) == .standard)
        }

        @Test func aProtectingPowerGetsItsOwnNoticeAndACorrectionUpdatesThePendingOne() async throws {
            try await withBureau { bureau in
                var policy = ObligationPolicy()
                policy.protectingPowers = ["PRK": "Sweden"]
                let base = bureau.services.context
                let context = StoreContext(db: base.db, gate: base.gate, clock: base.clock, cipher: base.cipher,
                                           policy: policy)
                let registry = RegistryStore(context: context)
                let outbox = NoticeOutbox(context: context)
                let registrar = Principal(username: "reg", role: .registrar)
                let liaison = Principal(username: "liaison", role: .liaisonOfficer)
                let now = bureau.clock.now
                let input = try JSONCoders.decoder.decode(RegistrationInput.self, from: Data(
                    Fixtures.registration(capturedAt: ClocksFixture.iso(now.addingTimeInterval(-3 * 86_400))).utf8))
                let id = try await registry.register(input.registration, by: registrar).prisoner.id
                let initial = try await outbox.list(status: .pending, by: liaison)
                #expect(Set(initial.map(\.recipient)) == [.centralTracingAgency, .protectingPower])

                func move(_ facility: String, _ daysAgo: Double, supersedes: UUID? = nil) async throws -> TimelineEvent {
                    try await registry.addEvent(.custodyMove(CustodyMove(facility: facility, facilityType: .camp,
                                                                         timeZone: "Europe/Kyiv")),
                                                occurredAt: now.addingTimeInterval(-daysAgo * 86_400), supersedes: supersedes,
                                                to: id, by: registrar)
                }
                _ = try await move("Camp 1", 2)
                let transfer = try await move("Camp 2", 1)
                var notices = try await outbox.list(status: .pending, by: liaison).filter { $0.subject == .transfer }
                #expect(notices.count == 2)
                #expect(notices.allSatisfy { $0.content.place == "Camp 2" && $0.concerningEventID == transfer.id })

                let corrected = try await move("Camp 3", 1, supersedes: transfer.id)
                notices = try await outbox.list(status: .pending, by: liaison).filter { $0.subject == .transfer }
                #expect(notices.count == 2)
                #expect(notices.allSatisfy { $0.content.place == "Camp 3" && $0.concerningEventID == corrected.id })

                // Sent to the CTA by hand: the Protecting Power's notice is still owed.
                let cta = try #require(notices.first { $0.recipient == .centralTracingAgency })
                _ = try await outbox.markSent(cta.id, channel: "ICRC portal", reference: nil, by: liaison)
                let left = try await outbox.list(status: .pending, by: liaison).filter { $0.subject == .transfer }
                #expect(left.map(\.recipient) == [.protectingPower])
                await #expect(throws: DomainError.self) {
                    try await outbox.list(status: nil, by: registrar)
                }
            }
        }

        @Test func theWeeklyHealthReportIsQueuedWhenDueAndItsSummaryShownOnlyToHealthReaders() async throws {
            try await withBureau { bureau in
                let fixture = try await ClocksFixture.make(bureau)
                let registry = bureau.services.registry
                let outbox = NoticeOutbox(context: bureau.services.context)
                let medic = Principal(username: "medic", role: .medicalOfficer)
                _ = try await registry.addEvent(.medical(MedicalEntry(kind: .inspection, weightKg: 61, seriouslyIll: true,
                                                                      summary: "Open fracture, infected")),
                                                occurredAt: bureau.clock.now, supersedes: nil,
                                                to: UUID(uuidString: fixture.id)!, by: medic)
                let liaison = Principal(username: "liaison", role: .liaisonOfficer)
                let legal = Principal(username: "legal", role: .legalOfficer)
                #expect(try await outbox.list(status: .pending, by: liaison).allSatisfy { $0.subject != .healthReport })
                bureau.clock.advance(6 * 86_400)
                let forLiaison = try await outbox.list(status: .pending, by: liaison).filter { $0.subject == .healthReport }
                #expect(forLiaison.count == 1)
                #expect(forLiaison.first?.content.healthSummary == nil)
                let forLegal = try await outbox.list(status: .pending, by: legal).filter { $0.subject == .healthReport }
                #expect(forLegal.first?.content.healthSummary == "Open fracture, infected")
            }
        }
    }
}
