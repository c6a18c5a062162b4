import Fluent

/// Backups and key custody (issue 13): completed backups, and the progress of a field-key rotation.
struct M022_CreateBackupRecords: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(BackupRunModel.schema)
            .id()
            .field("finished_at", .datetime, .required)
            .field("file_name", .string, .required)
            .field("bytes", .int64, .required)
            .field("audit_size", .int64, .required)
            .field("trigger", .string, .required)
            .create()
        try await database.schema(FieldKeyRotationModel.schema)
            .id()
            .field("column_name", .string, .required)
            .field("after_id", .uuid)
            .field("done", .bool, .required)
            .field("resealed", .int64, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "column_name")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(FieldKeyRotationModel.schema).delete()
        try await database.schema(BackupRunModel.schema).delete()
    }
}
