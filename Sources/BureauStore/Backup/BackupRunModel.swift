import Fluent
import Foundation

/// One backup that was written completely (`bureau backup` or the server's schedule): the dashboard
/// shows the age of the newest, and warns when it is older than a day.
public final class BackupRunModel: Model, @unchecked Sendable {
    public static let schema = "backup_runs"

    @ID(key: .id) public var id: UUID?
    @Field(key: "finished_at") public var finishedAt: Date
    /// The file's name only (the folder is the operator's business, not the registry's).
    @Field(key: "file_name") public var fileName: String
    @Field(key: "bytes") public var bytes: Int64
    @Field(key: "audit_size") public var auditSize: Int64
    /// `manual` or `scheduled`.
    @Field(key: "trigger") public var trigger: String

    public init() {}

    public init(id: UUID = UUID(), finishedAt: Date, fileName: String, bytes: Int64, auditSize: Int64, trigger: String) {
        self.id = id
        self.finishedAt = finishedAt
        self.fileName = fileName
        self.bytes = bytes
        self.auditSize = auditSize
        self.trigger = trigger
    }

    /// When the newest complete backup finished, if any.
    public static func lastFinished(on db: any Database) async throws -> Date? {
        try await query(on: db).sort(\.$finishedAt, .descending).first()?.finishedAt
    }
}

/// Where an unfinished field-key rotation got to, per sealed column: the last row id re-sealed. Written in
/// the same transaction as each batch, so a killed rotation resumes exactly after its last whole batch.
public final class FieldKeyRotationModel: Model, @unchecked Sendable {
    public static let schema = "field_key_rotation"

    @ID(key: .id) public var id: UUID?
    /// The sealed column, `table.column`.
    @Field(key: "column_name") public var column: String
    @OptionalField(key: "after_id") public var afterID: UUID?
    @Field(key: "done") public var done: Bool
    @Field(key: "resealed") public var resealed: Int64
    @Field(key: "updated_at") public var updatedAt: Date

    public init() {}

    public init(column: String, at now: Date) {
        self.id = UUID()
        self.column = column
        self.done = false
        self.resealed = 0
        self.updatedAt = now
    }
}
