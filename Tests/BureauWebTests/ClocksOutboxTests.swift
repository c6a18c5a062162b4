import BureauCore
import BureauStore
@testable import BureauWeb
import Crypto
import Foundation
import Testing
import Vapor
import VaporTesting

extension WebSuite {
    /// The notifications outbox: queued by the entries Art. 122 names, sent, acknowledged; signed batches.
    @Suite struct ClocksOutboxTests {
        @Test func aRegistrationQueuesTheInitialNoticeWithArticle17DataOnly() async throws {
            try await withBureau { bureau in
                let fixture = try await ClocksFixture.make(bureau)
                let liaison = try await bureau.signedIn(.liaisonOfficer)
                let list = try await bureau.send(.GET, "api/v1/outbox?status=pending", token: liaison)
                #expect(list.status == .ok, "\(list.body.string)")
                let notices = (list.json as? [[String: Any]]) ?? []
                // Registration only: the first arrival at a camp is not a transfer (the initial notice covers it).
                #expect(notices.map { $0["subject"] as? String } == ["initial_registration"])
                let notice = try #require(notices.first)
                #expect(notice["recipient"] as? String == "cta")
                #expect(notice["prisonerID"] as? String == fixture.id)
                let content = try #require(notice["content"] as? [String: Any])
                #expect(content["surname"] as? String == "김")
                #expect(content["healthSummary"] == nil)
                #expect(Set(content.keys).isSubset(of: ["obligationID", "rule", "subject", "recipient", "prisonerID",
                                                        "concerningEventID", "internmentNumber", "powerDependedOn",
                                                        "surname", "firstNames", "rank", "dateOfBirth", "serviceNumber",
                                                        "occurredAt", "place"]))
                // A transfer queues its own notice.
                let moved = try await bureau.send(.POST, "api/v1/prisoners/\(fixture.id)/events", token: fixture.registrar, json: """
                    {"kind": "custody_move", "occurredAt": "\(ClocksFixture.iso(bureau.clock.now))",
                     "data": {"facility": "Camp 2", "facilityType": "camp"}}
                    """)
                #expect(moved.status == .created)
                let after = try await bureau.send(.GET, "api/v1/outbox?status=pending", token: liaison)
                #expect(((after.json as? [[String: Any]]) ?? []).compactMap { $0["subject"] as? String }
                    == ["initial_registration", "transfer"])
                #expect(try await bureau.send(.GET, "api/v1/outbox", token: fixture.registrar).status == .forbidden)
                #expect(try await bureau.send(.GET, "api/v1/outbox?status=lost", token: liaison).status == .badRequest)
            }
        }

        @Test func sendingFulfilsTheObligationAndTheAcknowledgementIsKept() async throws {
            try await withBureau { bureau in
                let fixture = try await ClocksFixture.make(bureau)
                let liaison = try await bureau.signedIn(.liaisonOfficer)
                let list = try await bureau.send(.GET, "api/v1/outbox", token: liaison)
                let id = try #require(((list.json as? [[String: Any]]) ?? []).first?["id"] as? String)

                let empty = try await bureau.send(.POST, "api/v1/outbox/\(id)/sent", token: liaison, json: #"{"channel": " "}"#)
                #expect(empty.status == .badRequest)
                #expect(empty.errorField == "channel")
                let unknown = try await bureau.send(.POST, "api/v1/outbox/\(id)/sent", token: liaison,
                                                    json: #"{"channel": "ICRC portal", "via": "x"}"#)
                #expect(unknown.errorCode == "unknown_field")
                let early = try await bureau.send(.POST, "api/v1/outbox/\(id)/acknowledgement", token: liaison,
                                                  json: #"{"reference": "CTA-1"}"#)
                #expect(early.status == .conflict)

                let sent = try await bureau.send(.POST, "api/v1/outbox/\(id)/sent", token: liaison,
                                                 json: #"{"channel": "ICRC portal"}"#)
                #expect(sent.status == .ok, "\(sent.body.string)")
                #expect(try sent.content.get(String.self, at: "status") == "sent")
                #expect(try sent.content.get(String.self, at: "sentBy") == "liaison.officer")
                let again = try await bureau.send(.POST, "api/v1/outbox/\(id)/sent", token: liaison,
                                                  json: #"{"channel": "ICRC portal"}"#)
                #expect(again.status == .conflict)
                #expect(again.errorCode == "notice_not_pending")

                let obligations = try await bureau.send(.GET, "api/v1/prisoners/\(fixture.id)/obligations?rule=GC3-122-initial",
                                                        token: liaison)
                #expect(obligations.obligationItems.map { $0["status"] as? String } == ["fulfilled"])

                let ack = try await bureau.send(.POST, "api/v1/outbox/\(id)/acknowledgement", token: liaison,
                                                json: #"{"reference": "CTA-2026-0001"}"#)
                #expect(ack.status == .ok, "\(ack.body.string)")
                #expect(try ack.content.get(String.self, at: "status") == "acknowledged")
                #expect(try ack.content.get(String.self, at: "reference") == "CTA-2026-0001")
                #expect(try await bureau.send(.POST, "api/v1/outbox/\(UUID().uuidString)/sent", token: liaison,
                                              json: #"{"channel": "x"}"#).status == .notFound)
            }
        }

        @Test func aSignedBatchVerifiesAndAnyChangeOrForeignKeyFails() throws {
            let first = FileManager.default.temporaryDirectory.appendingPathComponent("outbox-key-\(UUID().uuidString)")
            let second = FileManager.default.temporaryDirectory.appendingPathComponent("outbox-key-\(UUID().uuidString)")
            defer {
                try? FileManager.default.removeItem(at: first)
                try? FileManager.default.removeItem(at: second)
            }
            let signer = try OutboxSigner.loadOrCreate(in: first)
            let again = try OutboxSigner.loadOrCreate(in: first)
            #expect(signer.publicKeyBase64 == again.publicKeyBase64)
            let mode = try FileManager.default.attributesOfItem(atPath: first.appendingPathComponent(OutboxSigner.fileName).path)[.posixPermissions] as? Int
            #expect(mode == 0o600)
            let batch = Data(#"{"batchID":"B-1","notices":[{"surname":"김"}]}"#.utf8)
            let file = try signer.signedFile(batch: batch)
            #expect(OutboxSigner.verify(file, expected: signer.publicKey) == .valid(batch))
            for index in [0, 12, file.count / 2, file.count - 3, file.count - 1] {
                var changed = file
                changed[index] ^= 0x01
                guard case .invalid = OutboxSigner.verify(changed, expected: signer.publicKey) else {
                    Issue.record("a change at byte \(index) went unnoticed")
                    continue
                }
            }
            let foreign = try OutboxSigner.loadOrCreate(in: second)
            guard case .invalid(let reason) = OutboxSigner.verify(try foreign.signedFile(batch: batch), expected: signer.publicKey) else {
                Issue.record("a batch signed by another key verified")
                return
            }
            #expect(reason.contains("another key"))
        }

        /// The operator's tools, run as the built `bureau` binary: export, verify, tamper, foreign key, ack.
        @Test func theCommandLineExportsVerifiesAndImportsAcknowledgements() async throws {
            let binary = try CLI.binary()
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bureau-outbox-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            var environment = ["BUREAU_DATA_DIR": directory.path, "BUREAU_BCRYPT_COST": "4"]
            if TestDatabase.isPostgres, let url = ProcessInfo.processInfo.environment["DATABASE_URL"] {
                environment["DATABASE_URL"] = url
                try await withBureau { _ in }  // leaves an empty, migrated schema behind
            }
            let loaded = try CLI.run(binary, ["demo", "load"], environment: environment)
            #expect(loaded.status == 0, "\(loaded.output)")
            let batch = directory.appendingPathComponent("batch.json")
            let exported = try CLI.run(binary, ["outbox", "export", "--output", batch.path], environment: environment)
            #expect(exported.status == 0, "\(exported.output)")
            #expect(exported.output.contains("exported "))
            let data = try Data(contentsOf: batch)
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let notices = try #require((object["batch"] as? [String: Any])?["notices"] as? [[String: Any]])
            #expect(notices.count >= 48)
            #expect(notices.contains { $0["subject"] as? String == "initial_registration" })

            let key = try CLI.run(binary, ["outbox", "public-key"], environment: environment)
            #expect(key.status == 0)
            #expect(object["signature"].flatMap { ($0 as? [String: Any])?["publicKey"] as? String }
                == key.output.trimmingCharacters(in: .whitespacesAndNewlines))

            let valid = try CLI.run(binary, ["outbox", "verify", batch.path], environment: environment)
            #expect(valid.status == 0, "\(valid.output)")
            #expect(valid.output.contains("signature valid"))

            // One byte changed inside the batch: a digit of an internment number.
            var tampered = data
            let digit = try #require(tampered.firstRange(of: Data("UA-".utf8))).upperBound
            tampered[digit] = tampered[digit] == UInt8(ascii: "9") ? UInt8(ascii: "8") : tampered[digit] + 1
            let tamperedURL = directory.appendingPathComponent("tampered.json")
            try tampered.write(to: tamperedURL)
            let refused = try CLI.run(binary, ["outbox", "verify", tamperedURL.path], environment: environment)
            #expect(refused.status == 1, "\(refused.output)")
            #expect(refused.output.contains("INVALID"))

            // The same batch signed by another key.
            let otherDirectory = directory.appendingPathComponent("other")
            let other = try OutboxSigner.loadOrCreate(in: otherDirectory)
            guard case .valid(let inner) = OutboxSigner.verify(data, expected: try OutboxSigner.loadOrCreate(in: directory).publicKey) else {
                Issue.record("the exported batch did not verify in process")
                return
            }
            let foreignURL = directory.appendingPathComponent("foreign.json")
            try other.signedFile(batch: inner).write(to: foreignURL)
            let foreign = try CLI.run(binary, ["outbox", "verify", foreignURL.path], environment: environment)
            #expect(foreign.status == 1, "\(foreign.output)")
            let pinned = try CLI.run(binary, ["outbox", "verify", foreignURL.path, "--public-key", other.publicKeyBase64],
                                     environment: environment)
            #expect(pinned.status == 0, "\(pinned.output)")

            // Nothing left to send; the recipient acknowledges two notices.
            let second = directory.appendingPathComponent("second.json")
            let empty = try CLI.run(binary, ["outbox", "export", "--output", second.path], environment: environment)
            #expect(empty.output.contains("exported 0 notices"), "\(empty.output)")
            let ids = notices.prefix(2).compactMap { $0["id"] as? String }
            let ack = """
                {"format": "bureau-outbox-ack/1", "acknowledgements": [\(ids.map { #"{"noticeID": "\#($0)", "reference": "CTA-\#($0.prefix(8))"}"# }.joined(separator: ", "))]}
                """
            let ackURL = directory.appendingPathComponent("ack.json")
            try Data(ack.utf8).write(to: ackURL)
            let imported = try CLI.run(binary, ["outbox", "ack", ackURL.path], environment: environment)
            #expect(imported.status == 0, "\(imported.output)")
            #expect(imported.output.contains("acknowledged 2 notices"))
            let badAck = directory.appendingPathComponent("bad-ack.json")
            try Data(#"{"format": "bureau-outbox-ack/1", "acknowledgements": [{"noticeID": "\#(UUID().uuidString)", "reference": "x"}]}"#.utf8)
                .write(to: badAck)
            #expect(try CLI.run(binary, ["outbox", "ack", badAck.path], environment: environment).status == 1)
            let audit = try CLI.run(binary, ["audit", "verify"], environment: environment)
            #expect(audit.status == 0, "\(audit.output)")
        }
    }
}
