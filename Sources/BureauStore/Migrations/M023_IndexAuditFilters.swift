import Fluent
import SQLKit

/// The audit page filters by account, action and record (issue 8, item 9). Each index ends with the chain
/// position, so "the newest 100 entries of this account" reads 100 index entries, not the whole log.
struct M023_IndexAuditFilters: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "audit_events_actor").on(AuditModel.schema).column("actor").column("seq").run()
        try await sql.create(index: "audit_events_action").on(AuditModel.schema).column("action").column("seq").run()
        try await sql.create(index: "audit_events_entity").on(AuditModel.schema).column("entity_id").column("seq").run()
        try await sql.create(index: "audit_events_at").on(AuditModel.schema).column("at_ms").run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for name in ["audit_events_actor", "audit_events_action", "audit_events_entity", "audit_events_at"] {
            try await sql.drop(index: name).run()
        }
    }
}
