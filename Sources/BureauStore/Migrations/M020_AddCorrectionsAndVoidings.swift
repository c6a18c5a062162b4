import Fluent

/// Correct and void (issue 8, item 4): corrections of status, Power, unit and identity claims with
/// their reasons; voidings requested and confirmed by two people; and the marks that take a voided
/// prisoner or entry out of the clocks and the default lists.
struct M020_AddCorrectionsAndVoidings: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PrisonerModel.schema).field("voided_at", .datetime).update()
        try await database.schema(EventModel.schema).field("voided_at", .datetime).update()
        try await database.schema(CorrectionModel.schema)
            .id()
            .field("prisoner_id", .uuid, .required, .references(PrisonerModel.schema, "id"))
            .field("field", .string, .required)
            .field("before", .string)
            .field("after", .string)
            .field("reason", .string, .required)
            .field("recorded_by", .string, .required)
            .field("recorded_at", .datetime, .required)
            .create()
        try await database.schema(VoidingModel.schema)
            .id()
            .field("prisoner_id", .uuid, .required, .references(PrisonerModel.schema, "id"))
            .field("event_id", .uuid)
            .field("event_kind", .string)
            .field("reason", .string, .required)
            .field("requested_by", .string, .required)
            .field("requested_at", .datetime, .required)
            .field("confirmed_by", .string)
            .field("confirmed_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(VoidingModel.schema).delete()
        try await database.schema(CorrectionModel.schema).delete()
        try await database.schema(EventModel.schema).deleteField("voided_at").update()
        try await database.schema(PrisonerModel.schema).deleteField("voided_at").update()
    }
}
