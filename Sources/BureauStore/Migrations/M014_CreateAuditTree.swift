import BureauCore
import Fluent
import SQLKit

/// Issue 10: the Merkle tree over the audit log, its signed checkpoints and witnesses' cosignatures.
/// Builds the tree for the entries already stored, so checkpoints cover the whole history.
struct M014_CreateAuditTree: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One row per perfect subtree above leaf level (leaves are recomputed from their entries);
        // id = level << 56 | index.
        try await database.schema(AuditTree.schema)
            .field("id", .int64, .identifier(auto: false))
            .field("hash", .data, .required)
            .create()
        try await database.schema(CheckpointModel.schema)
            .id()
            .field("tree_size", .int64, .required)
            .field("root_hash", .string, .required)
            .field("note", .string, .required)
            .field("created_at", .datetime, .required)
            .field("created_by", .string, .required)
            .field("batch_id", .string)
            .create()
        try await database.schema(CosignatureModel.schema)
            .id()
            .field("checkpoint_id", .uuid, .required, .references(CheckpointModel.schema, "id"))
            .field("witness", .string, .required)
            .field("vkey", .string, .required)
            .field("witnessed_at", .int64)
            .field("signature_line", .string, .required)
            .field("imported_at", .datetime, .required)
            .field("imported_by", .string, .required)
            .unique(on: "checkpoint_id", "vkey")
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "audit_checkpoints_size").on(CheckpointModel.schema).column("tree_size").run()
        }
        try await AuditTree.rebuild(on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CosignatureModel.schema).delete()
        try await database.schema(CheckpointModel.schema).delete()
        try await database.schema(AuditTree.schema).delete()
    }
}
