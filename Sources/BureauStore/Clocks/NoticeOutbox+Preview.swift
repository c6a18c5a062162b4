import BureauCore
import Fluent
import Foundation

extension NoticeOutbox {
    /// One notice as it stands, for the preview page: what the next signed batch will carry (the health
    /// summary hidden from a reader who may not read health, as in the list). Audited as a read.
    public func notice(_ id: UUID, by principal: Principal) async throws -> OutboundNotice {
        try await requireOperator(principal, action: "outbox.preview", entityID: id.uuidString)
        let record = AuditRecord(actor: principal.username, role: principal.role.rawValue, action: "outbox.preview",
                                 entity: "notice", entityID: id.uuidString)
        return try await context.audited(record) { tx in
            guard let model = try await NoticeModel.find(id, on: tx) else {
                throw DomainError(.notFound, code: "notice_not_found", "no notice with that id")
            }
            return Self.redacted(try model.domain(), for: principal.role)
        }
    }
}

extension OutboxBatch.Notice {
    /// The notice as the next batch will carry it (the same fields, the same encoding as `export`).
    public init(_ notice: OutboundNotice) {
        self.init(id: notice.id, obligationID: notice.obligationID, rule: notice.rule, subject: notice.subject,
                  recipient: notice.recipient, dueAt: notice.dueAt, content: notice.content)
    }

    /// Its JSON in the batch's encoding.
    public func batchJSON() throws -> Data { try NoticeOutbox.encoder.encode(self) }
}
