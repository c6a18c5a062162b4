import Fluent

/// Parties (states, the ICRC), their roles per prisoner, and consultations with them.
struct M011_CreateParties: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await DispositionSchema.create(PartiesTable.schema, prisonerRequired: false, on: database)
        try await DispositionSchema.create(PartyRolesTable.schema, prisonerRequired: true, on: database)
        try await DispositionSchema.create(ConsultationsTable.schema, prisonerRequired: false, on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ConsultationsTable.schema).delete()
        try await database.schema(PartyRolesTable.schema).delete()
        try await database.schema(PartiesTable.schema).delete()
    }
}
