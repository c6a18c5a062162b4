import BureauCore
import BureauStore
import Vapor

/// `/api/v1/audit/checkpoints` and `/api/v1/audit/proof`: what an auditor or a witness needs to check
/// the log from outside (issue 10).
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
