import Fluent

/// Disposition cases (approvals, overrides and history travel with the case, which only the core
/// workflow changes) and the Art. 122 notices their execution creates.
struct M012_CreateCases: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await DispositionSchema.create(CasesTable.schema, prisonerRequired: true, on: database)
        try await DispositionSchema.create(NoticesTable.schema, prisonerRequired: true, on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(NoticesTable.schema).delete()
        try await database.schema(CasesTable.schema).delete()
    }
}
