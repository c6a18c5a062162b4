import Fluent

/// Exchange negotiations (our list, agreement, reconciliation) and the counterpart's list, one row
/// per imported entry with its match review.
struct M013_CreateExchanges: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await DispositionSchema.create(ExchangesTable.schema, prisonerRequired: false, on: database)
        try await DispositionSchema.create(CounterpartEntriesTable.schema, prisonerRequired: false, on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CounterpartEntriesTable.schema).delete()
        try await database.schema(ExchangesTable.schema).delete()
    }
}
