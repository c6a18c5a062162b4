import Fluent

/// Guard 10 (Art. 22(3)): a prisoner's consent to being held apart from his group or forces, and
/// overrides with a reason confirmed by a second person. The generic disposition row shape (the words
/// sealed), so it runs unchanged on SQLite and PostgreSQL.
struct M018_CreatePlacementClearances: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await DispositionSchema.create(PlacementClearancesTable.schema, prisonerRequired: true, on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PlacementClearancesTable.schema).delete()
    }
}
