import Fluent

/// Enquiries about prisoners (Art. 122(7)), one row per enquiry with its candidates, outcomes and
/// answers as JSON, and one row per answer issued, which the outbox sends in its signed batches.
struct M016_CreateEnquiries: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await DispositionSchema.create(EnquiriesTable.schema, prisonerRequired: false, on: database)
        try await DispositionSchema.create(EnquiryAnswersTable.schema, prisonerRequired: false, on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(EnquiryAnswersTable.schema).delete()
        try await database.schema(EnquiriesTable.schema).delete()
    }
}
