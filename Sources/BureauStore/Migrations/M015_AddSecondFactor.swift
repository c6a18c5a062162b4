import Fluent

/// TOTP second factor: the sealed secret and the last step used on each account, and one-time
/// recovery codes (stored as digests).
struct M015_AddSecondFactor: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column per ALTER: SQLite takes a single change per statement.
        try await database.schema(UserModel.schema).field("totp_secret", .string).update()
        try await database.schema(UserModel.schema).field("totp_enrolled_at", .datetime).update()
        try await database.schema(UserModel.schema).field("totp_last_step", .int64).update()
        try await database.schema(RecoveryCodeModel.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .cascade))
            .field("code_hash", .string, .required)
            .field("used_at", .datetime)
            .unique(on: "user_id", "code_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(RecoveryCodeModel.schema).delete()
        for column in ["totp_last_step", "totp_enrolled_at", "totp_secret"] {
            try await database.schema(UserModel.schema).deleteField(.string(column)).update()
        }
    }
}
