import Fluent

/// Account administration from the pages (issue 8): a full name shown where people are named, and
/// one-time password-reset links an administrator hands to a member of staff (stored as digests).
struct M019_AddAccountAdministration: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(UserModel.schema).field("full_name", .string).update()
        try await database.schema(PasswordResetModel.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .cascade))
            .field("token_hash", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PasswordResetModel.schema).delete()
        try await database.schema(UserModel.schema).deleteField("full_name").update()
    }
}
