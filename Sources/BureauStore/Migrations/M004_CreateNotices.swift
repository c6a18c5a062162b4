import Fluent
import SQLKit

/// The notifications outbox (Arts. 122–123): one row per notice owed to the CTA or a Protecting Power.
struct M004_CreateNotices: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(NoticeModel.schema)
            .id()
            .field("prisoner_id", .uuid, .required, .references(PrisonerModel.schema, "id"))
            .field("obligation_id", .string, .required)
            .field("rule", .string, .required)
            .field("subject", .string, .required)
            .field("recipient", .string, .required)
            .field("concerning_event_id", .uuid)
            .field("content", .string, .required)
            .field("created_at", .datetime, .required)
            .field("due_at", .datetime, .required)
            .field("status", .string, .required)
            .field("sent_at", .datetime)
            .field("sent_by", .string)
            .field("channel", .string)
            .field("batch_id", .string)
            .field("timeline_event_id", .uuid)
            .field("acknowledged_at", .datetime)
            .field("acknowledged_by", .string)
            .field("reference", .string)
            .unique(on: "obligation_id")
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "outbound_notices_status").on(NoticeModel.schema).column("status").run()
            try await sql.create(index: "outbound_notices_prisoner").on(NoticeModel.schema).column("prisoner_id").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(NoticeModel.schema).delete()
    }
}
