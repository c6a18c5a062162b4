import Fluent

/// Guard 8 (Art. 13): media release requests and breaches, one row each with the record as JSON.
/// The same generic shape as the other disposition tables, so it runs unchanged on SQLite and PostgreSQL.
struct M017_CreateMediaReleases: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await DispositionSchema.create(MediaReleasesTable.schema, prisonerRequired: true, on: database)
        try await DispositionSchema.create(MediaBreachesTable.schema, prisonerRequired: true, on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(MediaBreachesTable.schema).delete()
        try await database.schema(MediaReleasesTable.schema).delete()
    }
}
