import Fluent
import SQLKit

/// Will statements, risk assessments, Art. 12 assessments, medical eligibility and exit checklists.
struct M010_CreateDispositionRecords: AsyncMigration {
    static let tables = [WillStatementsTable.schema, RiskAssessmentsTable.schema, Article12Table.schema,
                         EligibilityTable.schema, ExitChecklistTable.schema]

    func prepare(on database: any Database) async throws {
        for table in Self.tables {
            try await DispositionSchema.create(table, prisonerRequired: true, on: database)
        }
    }

    func revert(on database: any Database) async throws {
        for table in Self.tables.reversed() { try await database.schema(table).delete() }
    }
}

/// The common layout of disposition tables (see `DispositionRow`).
enum DispositionSchema {
    static func create(_ table: String, prisonerRequired: Bool, on database: any Database) async throws {
        var builder = database.schema(table).id()
        builder = prisonerRequired
            ? builder.field("prisoner_id", .uuid, .required, .references("prisoners", "id"))
            : builder.field("prisoner_id", .uuid, .references("prisoners", "id"))
        try await builder
            .field("parent_id", .uuid)
            .field("kind", .string, .required)
            .field("status", .string, .required)
            .field("at", .datetime, .required)
            .field("recorded_by", .string, .required)
            .field("recorded_at", .datetime, .required)
            .field("payload", .string, .required)
            .field("sealed", .string)
            .field("extra", .string)
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "\(table)_prisoner").on(table).column("prisoner_id").column("at").run()
            try await sql.create(index: "\(table)_parent").on(table).column("parent_id").run()
        }
    }
}
