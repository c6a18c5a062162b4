import BureauCore
import BureauStore
import Vapor

/// `/api/v1/audit/checkpoints`, `/api/v1/audit/proof` and `/api/v1/audit/consistency`: what an auditor
/// or a witness needs to check the log from outside (issue 10), and signing a checkpoint on demand.
struct AuditLogAPIController {
    struct CosignatureDTO: Content {
        var witness: String
        var vkey: String
        var witnessedAt: Date?
        var importedAt: Date
        var importedBy: String
    }

    struct CheckpointDTO: Content {
        var size: Int64
        var rootHash: String
        /// The signed note (c2sp.org/tlog-checkpoint) with imported cosignatures.
        var note: String
        var createdAt: Date
        var createdBy: String
        /// The outbox batch that carried it to the witnesses; null while queued.
        var batchID: String?
        var cosignatures: [CosignatureDTO]
    }

    struct VerificationDTO: Content {
        var at: Date
        var by: String
        var intact: Bool
        var detail: String
    }

    struct CheckpointsDTO: Content {
        /// The log's verifier key (`name+hash+keydata`).
        var publicKey: String
        var origin: String
        var everyEntries: Int
        var everyMinutes: Int
        var lastVerification: VerificationDTO?
        var checkpoints: [CheckpointDTO]
    }

    struct ProofDTO: Content {
        var entry: Int64
        var size: Int64
        /// Zero-based leaf index (entry - 1).
        var index: Int64
        /// Base64 of the entry's canonical bytes; the leaf hash is SHA-256(0x00 ‖ these bytes).
        var entryBytes: String
        var leafHash: String
        var path: [String]
        var rootHash: String
        /// The c2sp.org/tlog-proof@v1 text, when a signed checkpoint of this size exists.
        var tlogProof: String?
    }

    struct ConsistencyDTO: Content {
        var from: Int64
        var to: Int64
        /// Base64 roots of the trees of `from` and `to` entries, from the stored tree.
        var fromRoot: String
        var toRoot: String
        /// Base64 hashes of RFC 9162 §2.1.4.1 PROOF(from, D[to]); empty when from equals to.
        var proof: [String]
    }

    /// `POST /api/v1/audit/checkpoints`: signs a checkpoint of the whole log now (its own audit entry
    /// included) and queues it for the witnesses, as the timer and `bureau audit checkpoint` do.
    func sign(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let stored = try await request.bureau.auditCheckpoints().make(by: user.principal)
        return try await Self.dto(stored).encodeResponse(status: .created, for: request)
    }

    /// `GET /api/v1/audit/consistency?from=N&to=M`: for a witness holding checkpoints of N and M entries.
    func consistency(_ request: Request) async throws -> ConsistencyDTO {
        let user = try request.requireUser()
        for name in ["from", "to"] where (try? request.query.get(String.self, at: name))?.trimmedOrNil == nil {
            throw DomainError.invalid(name, "name both tree sizes: ?from=N&to=M", code: "required")
        }
        let from = try PrisonerListQuery.number(request, "from", default: 0, range: 1...Int.max)
        let to = try PrisonerListQuery.number(request, "to", default: 0, range: 1...Int.max)
        let proof = try await request.bureau.auditCheckpoints().consistency(from: Int64(from), to: Int64(to), by: user.principal)
        return ConsistencyDTO(from: proof.from, to: proof.to, fromRoot: proof.fromRoot.base64EncodedString(),
                              toRoot: proof.toRoot.base64EncodedString(), proof: proof.path.map { $0.base64EncodedString() })
    }

    func checkpoints(_ request: Request) async throws -> CheckpointsDTO {
        try await AuditAPIController.auditRead(request)
        let checkpoints = try request.bureau.auditCheckpoints()
        let stored = try await checkpoints.list()
        let last = try await AuditVerifications.last(on: request.db)
        let config = request.bureau.config
        return CheckpointsDTO(
            publicKey: checkpoints.signer.verifier.vkey, origin: checkpoints.signer.name,
            everyEntries: config.checkpointEntries, everyMinutes: config.checkpointMinutes,
            lastVerification: last.map {
                VerificationDTO(at: $0.date, by: $0.actor, intact: $0.detail?.hasPrefix("intact") == true, detail: $0.detail ?? "")
            },
            checkpoints: stored.map(Self.dto))
    }

    static func dto(_ stored: AuditCheckpoints.Stored) -> CheckpointDTO {
        CheckpointDTO(size: stored.size, rootHash: stored.rootHash, note: stored.cosignedNote, createdAt: stored.createdAt,
                      createdBy: stored.createdBy, batchID: stored.batchID,
                      cosignatures: stored.cosignatures.map {
                          CosignatureDTO(witness: $0.witness, vkey: $0.vkey, witnessedAt: $0.witnessedAt,
                                         importedAt: $0.importedAt, importedBy: $0.importedBy)
                      })
    }

    func proof(_ request: Request) async throws -> ProofDTO {
        let user = try request.requireUser()
        guard (try? request.query.get(String.self, at: "entry"))?.trimmedOrNil != nil else {
            throw DomainError.invalid("entry", "name the entry: ?entry=N", code: "required")
        }
        let entry = try PrisonerListQuery.number(request, "entry", default: 0, range: 1...Int.max)
        let size = try PrisonerListQuery.number(request, "size", default: 0, range: 1...Int.max)
        let proof = try await request.bureau.auditCheckpoints()
            .proof(entry: Int64(entry), size: size == 0 ? nil : Int64(size), by: user.principal)
        let bytes = AuditChain.canonicalEncoding(of: proof.entry)
        return ProofDTO(entry: proof.entry.sequence, size: proof.size, index: proof.entry.sequence - 1,
                        entryBytes: bytes.base64EncodedString(), leafHash: MerkleTree.leafHash(bytes).base64EncodedString(),
                        path: proof.path.map { $0.base64EncodedString() }, rootHash: proof.root.base64EncodedString(),
                        tlogProof: proof.tlogProof)
    }
}
