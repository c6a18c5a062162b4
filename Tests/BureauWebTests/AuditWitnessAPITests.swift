import BureauCore
import BureauStore
@testable import BureauWeb
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

extension WebSuite {
    /// Issue 10, what witnesses and auditors do from outside: sign a checkpoint on demand (API and the
    /// auditor's page), and fetch a consistency proof between two checkpoints they hold.
    @Suite struct AuditWitnessAPITests {
        func grow(_ bureau: TestBureau, by count: Int) async throws {
            let record = AuditRecord(actor: "registrar", role: "registrar", action: "prisoner.list", entity: "prisoner")
            for _ in 0..<count { _ = try await bureau.services.context.audited(record) { _ in () } }
        }

        func verifier(_ bureau: TestBureau) throws -> NoteVerifier {
            try bureau.services.auditCheckpoints().signer.verifier
        }

        @Test func aConsistencyProofLinksTwoCheckpointsAndBreaksWhenAHashChanges() async throws {
            try await withBureau { bureau in
                let token = try await bureau.signedIn(.auditor)
                try await grow(bureau, by: 21)
                let first = try await bureau.send(.POST, "api/v1/audit/checkpoints", token: token)
                #expect(first.status == .created, "\(first.body.string)")
                let older = try Checkpoint.verify(try first.content.get(String.self, at: "note"), log: try verifier(bureau)).checkpoint
                #expect(try first.content.get(Int64.self, at: "size") == older.size)
                try await grow(bureau, by: 50)
                let second = try await bureau.send(.POST, "api/v1/audit/checkpoints", token: token)
                let newer = try Checkpoint.verify(try second.content.get(String.self, at: "note"), log: try verifier(bureau)).checkpoint
                #expect(newer.size > older.size + 50)

                let response = try await bureau.send(.GET, "api/v1/audit/consistency?from=\(older.size)&to=\(newer.size)", token: token)
                #expect(response.status == .ok, "\(response.body.string)")
                let proof = try response.content.get([String].self, at: "proof").map { try #require(Data(base64Encoded: $0)) }
                #expect(!proof.isEmpty)
                #expect(try response.content.get(String.self, at: "fromRoot") == older.root.base64EncodedString())
                #expect(try response.content.get(String.self, at: "toRoot") == newer.root.base64EncodedString())
                // The witness checks with the roots of the checkpoints it holds, not the ones the server sent.
                #expect(MerkleTree.verifyConsistency(oldSize: older.size, newSize: newer.size, oldRoot: older.root,
                                                     newRoot: newer.root, proof: proof))
                for position in proof.indices {
                    var altered = proof
                    altered[position][7] ^= 0x01
                    #expect(!MerkleTree.verifyConsistency(oldSize: older.size, newSize: newer.size, oldRoot: older.root,
                                                          newRoot: newer.root, proof: altered), "hash \(position) changed")
                }
                #expect(!MerkleTree.verifyConsistency(oldSize: older.size, newSize: newer.size, oldRoot: older.root,
                                                      newRoot: older.root, proof: proof), "against another root")

                let same = try await bureau.send(.GET, "api/v1/audit/consistency?from=\(newer.size)&to=\(newer.size)", token: token)
                #expect(same.status == .ok)
                #expect(try same.content.get([String].self, at: "proof").isEmpty)
                let actions = try await AuditModel.query(on: bureau.app.db).sort(\.$id, .descending).limit(3).all()
                #expect(actions.contains { $0.action == "audit.consistency" && $0.detail == "from=\(newer.size) to=\(newer.size)" },
                        "handing out a consistency proof is audited")
            }
        }

        @Test func badSizesAreRefusedWithAClearError() async throws {
            try await withBureau { bureau in
                let token = try await bureau.signedIn(.auditor)
                try await grow(bureau, by: 10)
                let size = try await AuditModel.query(on: bureau.app.db).count()
                let cases: [(query: String, field: String, says: String)] = [
                    ("from=5&to=3", "from", "larger than to"),
                    ("from=1&to=\(size + 100)", "to", "the log holds"),
                    ("from=0&to=3", "from", "from 1"),
                    ("from=abc&to=3", "from", "whole number"),
                    ("to=3", "from", "both tree sizes"),
                    ("from=3", "to", "both tree sizes"),
                ]
                for bad in cases {
                    let before = try await AuditModel.query(on: bureau.app.db).filter(\.$action == "audit.consistency").count()
                    let refused = try await bureau.send(.GET, "api/v1/audit/consistency?\(bad.query)", token: token)
                    #expect(refused.status == .badRequest, "\(bad.query): \(refused.status)")
                    #expect(try refused.content.get(String.self, at: "error", "field") == bad.field, "\(bad.query)")
                    #expect(try refused.content.get(String.self, at: "error", "message").contains(bad.says),
                            "\(bad.query): \(refused.body.string)")
                    #expect(try await AuditModel.query(on: bureau.app.db).filter(\.$action == "audit.consistency").count() == before,
                            "nothing is handed out, so nothing is recorded as handed out")
                }
                let clerk = try await bureau.signedIn(.registrar, name: "clerk")
                #expect(try await bureau.send(.GET, "api/v1/audit/consistency?from=1&to=2", token: clerk).status == .forbidden)
                #expect(try await bureau.send(.POST, "api/v1/audit/checkpoints", token: clerk).status == .forbidden)
            }
        }

        @Test func theAuditorSignsACheckpointFromThePage() async throws {
            try await withBureau { bureau in
                let auditor = try await FormSession.signIn(bureau, .auditor, name: "olena.auditor")
                let page = try await auditor.get(bureau, "/audit/checkpoints", language: "uk")
                #expect(page.status == .ok)
                #expect(page.body.string.contains("id=\"sign-checkpoint\""))
                #expect(page.body.string.contains("Підписати контрольну точку зараз"))
                #expect(try await bureau.services.auditCheckpoints().list().isEmpty)

                let refused = try await auditor.post(bureau, "/audit/checkpoints", [("sign", "1")], language: "uk", csrf: false)
                #expect(refused.status == .forbidden, "a form without its token is refused")
                #expect(try await bureau.services.auditCheckpoints().list().isEmpty)

                let posted = try await auditor.post(bureau, "/audit/checkpoints", [], language: "uk")
                #expect(posted.status == .seeOther)
                #expect(posted.headers.first(name: .location) == "/audit/checkpoints?signed=1")
                let stored = try #require(try await bureau.services.auditCheckpoints().list().first)
                #expect(stored.createdBy == "olena.auditor")
                let signing = try await AuditModel.query(on: bureau.app.db).filter(\.$action == "audit.checkpoint").all()
                #expect(signing.map(\.actor) == ["olena.auditor"], "signing is audited")

                for (language, text) in [("uk", "Контрольну точку підписано"), ("en", "Checkpoint signed"),
                                         ("ru", "Контрольная точка подписана")] {
                    let confirmed = try await auditor.get(bureau, "/audit/checkpoints?signed=1", language: language)
                    #expect(confirmed.body.string.contains(text), "\(language)")
                    #expect(confirmed.body.string.contains("<td>\(stored.size)</td>"))
                }
                let clerk = try await FormSession.signIn(bureau, .registrar, name: "clerk")
                #expect(try await clerk.post(bureau, "/audit/checkpoints", []).status == .forbidden)
                #expect(try await bureau.services.auditCheckpoints().list().count == 1)
            }
        }
    }
}
