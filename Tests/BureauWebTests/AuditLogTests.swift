import BureauCore
import BureauStore
@testable import BureauWeb
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

extension WebSuite {
    /// Issue 10: the Merkle-tree log, checkpoints taken earlier, and the rewrites only they expose.
    @Suite struct AuditLogTests {
        /// Two registrations, reads, and enough further entries that "the newest 100" leaves some behind.
        func busyLog(_ bureau: TestBureau) async throws {
            let token = try await bureau.signedIn(.registrar)
            for name in ["정호", "성민"] {
                let created = try await bureau.send(.POST, "api/v1/prisoners", token: token,
                                                    json: Fixtures.registration(firstNames: name))
                let id = try created.content.get(String.self, at: "id")
                _ = try await bureau.send(.GET, "api/v1/prisoners/\(id)", token: token)
            }
            let record = AuditRecord(actor: "registrar", role: "registrar", action: "prisoner.list", entity: "prisoner")
            for _ in 0..<130 { _ = try await bureau.services.context.audited(record) { _ in () } }
        }

        func checkpoints(_ bureau: TestBureau) throws -> AuditCheckpoints {
            try bureau.services.auditCheckpoints()
        }

        @Test func theTreeGrowsWithEveryAppendAndMatchesARebuild() async throws {
            try await withBureau { bureau in
                try await busyLog(bureau)
                let db = bureau.app.db
                let result = try await AuditLog.verify(on: db, against: nil)
                #expect(result.intact, "\(result.problems)")
                #expect(result.size == Int64(try await AuditModel.query(on: db).count()))
                // The root kept by the writer is the root of the entries (RFC 6962), and a rebuild agrees.
                #expect(try await AuditTree.root(size: result.size, on: db) == result.root)
                try await AuditTree.rebuild(on: db)
                #expect(try await AuditTree.root(size: result.size, on: db) == result.root)
            }
        }

        @Test func everyRewriteIsCaughtByAnEarlierCheckpoint() async throws {
            for attack in AuditLogForger.attacks {
                try await withBureau { bureau in
                    try await busyLog(bureau)
                    let db = bureau.app.db
                    let stored = try await checkpoints(bureau).make(by: Principal(username: "auditor", role: .auditor))
                    let checkpoint = try Checkpoint.verify(stored.note, log: try checkpoints(bureau).signer.verifier).checkpoint
                    try await attack.run(db)
                    let alone = try await AuditLog.verify(on: db, against: nil)
                    #expect(alone.problems.allSatisfy { !$0.contains("chain broken") }, "\(attack.name): the chain itself still verifies")
                    let result = try await AuditLog.verify(on: db, against: checkpoint)
                    #expect(!result.intact, "\(attack.name) went unnoticed")
                    #expect(result.problems.contains { $0.contains(attack.expected) }, "\(attack.name): \(result.problems)")
                    #expect(result.problems.contains { $0.contains("size \(checkpoint.size)") })
                }
            }
        }

        @Test func aLogThatGrewSinceTheCheckpointIsAnExtension() async throws {
            try await withBureau { bureau in
                try await busyLog(bureau)
                let auditor = Principal(username: "auditor", role: .auditor)
                let stored = try await checkpoints(bureau).make(by: auditor)
                let checkpoint = try Checkpoint.verify(stored.note, log: try checkpoints(bureau).signer.verifier).checkpoint
                let record = AuditRecord(actor: "registrar", role: "registrar", action: "prisoner.list", entity: "prisoner")
                for _ in 0..<37 { _ = try await bureau.services.context.audited(record) { _ in () } }
                let result = try await AuditLog.verify(on: bureau.app.db, against: checkpoint)
                #expect(result.intact, "\(result.problems)")
                #expect(result.size == checkpoint.size + 37)
            }
        }

        @Test func anEditedTreeNodeIsNamed() async throws {
            try await withBureau { bureau in
                try await busyLog(bureau)
                let sql = bureau.app.db as! any SQLDatabase
                let key = MerkleNode(level: 2, index: 3).key
                try await sql.update(AuditTree.schema).set("hash", to: Data(repeating: 0, count: 32))
                    .where("id", .equal, SQLBind(key)).run()
                let result = try await AuditLog.verify(on: bureau.app.db, against: nil)
                #expect(result.problems == ["the stored Merkle tree differs from the entries at level 2, node 3 (entries 13–16): it was edited"])
            }
        }

        @Test func witnessesCosignAndTheAuditorSeesThem() async throws {
            try await withBureau { bureau in
                try await busyLog(bureau)
                let auditorToken = try await bureau.signedIn(.auditor)
                let auditor = Principal(username: "auditor", role: .auditor)
                let checkpoints = try checkpoints(bureau)
                let stored = try await checkpoints.make(by: auditor)
                let witness = NoteSigner.generate(name: "icrc.example/witness")
                var note = try SignedNote.parse(stored.note)
                note.signatures.append(try witness.cosign(note.text, time: 1_767_225_600))
                let vkey = NoteVerifier(name: witness.name, type: NoteVerifier.cosignatureV1, publicKey: witness.verifier.publicKey)
                // A cosignature by another key, or on a checkpoint the Bureau never signed, is refused.
                let stranger = NoteVerifier(name: witness.name, type: NoteVerifier.cosignatureV1,
                                            publicKey: NoteSigner.generate(name: "x").verifier.publicKey)
                await #expect(throws: DomainError.self) {
                    try await checkpoints.importCosignature(note.encoded, witness: stranger, by: auditor)
                }
                _ = try await checkpoints.importCosignature(note.encoded, witness: vkey, by: auditor)
                let registrar = Principal(username: "registrar", role: .registrar)
                await #expect(throws: DomainError.self) { try await checkpoints.make(by: registrar) }

                let listing = try await bureau.send(.GET, "api/v1/audit/checkpoints", token: auditorToken)
                #expect(listing.status == .ok)
                #expect(try listing.content.get(String.self, at: "publicKey") == checkpoints.signer.verifier.vkey)
                #expect(try listing.content.get(String.self, at: "checkpoints", "0", "cosignatures", "0", "witness") == witness.name)
                let cosigned = try listing.content.get(String.self, at: "checkpoints", "0", "note")
                #expect(try Checkpoint.verify(cosigned, log: checkpoints.signer.verifier, witnesses: [vkey]).witnesses[witness.name] != nil)

                _ = try await bureau.send(.GET, "api/v1/audit/verify", token: auditorToken)
                for (language, text) in [("uk", "журнал цілий"), ("en", "the log is intact"), ("ru", "журнал цел")] {
                    let page = try await bureau.send(.GET, "audit/checkpoints", token: auditorToken,
                                                     headers: [("Accept-Language", language)])
                    #expect(page.status == .ok)
                    #expect(page.body.string.contains(text), "\(language)")
                    #expect(page.body.string.contains(witness.name))
                    #expect(page.body.string.contains(String(stored.size)))
                }
                let refused = try await bureau.send(.GET, "api/v1/audit/checkpoints", token: try await bureau.signedIn(.registrar, name: "clerk"))
                #expect(refused.status == .forbidden)
            }
        }

        @Test func theProofRouteGivesAProofAnOutsiderAccepts() async throws {
            try await withBureau { bureau in
                try await busyLog(bureau)
                let token = try await bureau.signedIn(.auditor)
                let missing = try await bureau.send(.GET, "api/v1/audit/proof?entry=3", token: token)
                #expect(missing.status == .badRequest, "no checkpoint yet")
                let stored = try await checkpoints(bureau).make(by: Principal(username: "auditor", role: .auditor))
                let registration = try await AuditModel.query(on: bureau.app.db).filter(\.$action == "prisoner.create").first()!.id!
                let response = try await bureau.send(.GET, "api/v1/audit/proof?entry=\(registration)", token: token)
                #expect(response.status == .ok, "\(response.body.string)")
                #expect(try response.content.get(Int64.self, at: "size") == stored.size)
                let text = try response.content.get(String.self, at: "tlogProof")
                let verified = try TlogProof(parsing: text).verify(log: try checkpoints(bureau).signer.verifier)
                #expect(verified.entry.action == "prisoner.create")
                #expect(verified.entry.sequence == registration)
                // At any size up to the head, without a checkpoint: the path and root only.
                let smaller = try await bureau.send(.GET, "api/v1/audit/proof?entry=1&size=5", token: token)
                #expect(smaller.status == .ok)
                #expect((try? smaller.content.get(String.self, at: "tlogProof")) == nil)
                for bad in ["entry=0", "entry=abc", "entry=1&size=999999", "size=3"] {
                    let refused = try await bureau.send(.GET, "api/v1/audit/proof?\(bad)", token: token)
                    #expect(refused.status == .badRequest, "\(bad): \(refused.body.string)")
                }
                let actions = try await AuditModel.query(on: bureau.app.db).sort(\.$id, .descending).limit(3).all().map(\.action)
                #expect(actions.contains("audit.proof"), "handing out a proof is audited")
            }
        }

        @Test func checkpointsTravelInTheNextOutboxBatch() async throws {
            try await withBureau { bureau in
                try await busyLog(bureau)
                let stored = try await checkpoints(bureau).make(by: Principal(username: "auditor", role: .auditor))
                let signer = try OutboxSigner.loadOrCreate(in: bureau.dataDirectory)
                let box = NIOLockedValueBoxData()
                _ = try await NoticeOutbox(context: bureau.services.context)
                    .export(by: Principal(username: "liaison", role: .liaisonOfficer), signer: signer) { box.set($0) }
                guard case .valid(let batch) = OutboxSigner.verify(box.get(), expected: signer.publicKey) else {
                    Issue.record("the batch does not verify")
                    return
                }
                let json = try JSONSerialization.jsonObject(with: batch) as? [String: Any]
                let carried = try #require((json?["checkpoints"] as? [[String: Any]])?.first)
                #expect(carried["note"] as? String == stored.note)
                #expect((carried["recipients"] as? [String])?.contains("Central Tracing Agency") == true)
                #expect(try await checkpoints(bureau).list().first?.batchID != nil, "sent once, not again")
            }
        }
    }
}

/// Holds the bytes an export hands to its writer.
final class NIOLockedValueBoxData: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func set(_ value: Data) { lock.withLock { data = value } }
    func get() -> Data { lock.withLock { data } }
}
