import Fluent
import Foundation

/// A signed checkpoint the log issued (c2sp.org/tlog-checkpoint), kept verbatim.
public final class CheckpointModel: Model, @unchecked Sendable {
    public static let schema = "audit_checkpoints"

    @ID(key: .id) public var id: UUID?
    @Field(key: "tree_size") public var size: Int64
    /// Base64, as in the note.
    @Field(key: "root_hash") public var rootHash: String
    @Field(key: "note") public var note: String
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "created_by") public var createdBy: String
    /// The outbox batch that carried it to the CTA and the Protecting Powers; nil while queued.
    @OptionalField(key: "batch_id") public var batchID: String?

    public init() {}
}

/// A witness's cosignature on one of the log's checkpoints (c2sp.org/tlog-cosignature), as imported.
public final class CosignatureModel: Model, @unchecked Sendable {
    public static let schema = "audit_cosignatures"

    @ID(key: .id) public var id: UUID?
    @Field(key: "checkpoint_id") public var checkpointID: UUID
    @Field(key: "witness") public var witness: String
    /// The witness's verifier key (`name+hash+keydata`).
    @Field(key: "vkey") public var vkey: String
    /// The time the witness states, POSIX seconds (nil for a plain Ed25519 signature).
    @OptionalField(key: "witnessed_at") public var witnessedAt: Int64?
    @Field(key: "signature_line") public var signatureLine: String
    @Field(key: "imported_at") public var importedAt: Date
    @Field(key: "imported_by") public var importedBy: String

    public init() {}
}
