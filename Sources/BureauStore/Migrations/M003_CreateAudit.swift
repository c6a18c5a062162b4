import Fluent

struct M003_CreateAudit: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // seq is the primary key: two writers can never both append entry N.
        try await database.schema(AuditModel.schema)
            .field("seq", .int64, .identifier(auto: false))
            .field("at_ms", .int64, .required)
            .field("actor", .string, .required)
            .field("role", .string, .required)
            .field("action", .string, .required)
            .field("entity", .string, .required)
            .field("entity_id", .string)
            .field("purpose", .string)
            .field("detail", .string)
            .field("prev_hash", .string, .required)
            .field("hash", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AuditModel.schema).delete()
    }
}
