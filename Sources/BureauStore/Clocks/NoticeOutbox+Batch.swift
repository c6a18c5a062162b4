import BureauCore
import Fluent
import Foundation

/// What a signed batch carries (`"batch"` of the file; see `OutboxSigner` for the envelope).
public struct OutboxBatch: Sendable, Hashable, Codable {
    public static let formatName = "bureau-outbox-batch/1"

    public struct Notice: Sendable, Hashable, Codable {
        /// Quote it in the acknowledgement.
        public var id: UUID
        public var obligationID: String
        public var rule: RuleID
        public var subject: NotificationEntry.Subject
        public var recipient: Addressee
        public var dueAt: Date
        public var content: NoticeContent
    }

    /// An answer to an enquiry (Art. 122(7)): what it says and the letter in the enquirer's language.
    public struct Answer: Sendable, Hashable, Codable {
        /// Quote it in the acknowledgement.
        public var id: UUID
        public var enquiryID: UUID
        public var recipient: Addressee
        public var language: String
        public var content: EnquiryReply
        public var letter: String
    }

    public var format: String
    public var batchID: String
    public var createdAt: Date
    public var createdBy: String
    public var notices: [Notice]
    /// The audit log's signed checkpoints issued since the last batch (issue 10), for the CTA and the
    /// Protecting Powers to keep as witnesses. Absent in batches made before checkpoints existed.
    public var checkpoints: [LogCheckpoint]? = nil

    public struct LogCheckpoint: Sendable, Hashable, Codable {
        public var size: Int64
        public var rootHash: String
        /// The c2sp.org/tlog-checkpoint signed note, verbatim.
        public var note: String
        public var signedAt: Date
        /// Who is asked to keep (and may cosign) it.
        public var recipients: [String]
    }
    /// Absent in batches written before enquiries existed.
    public var answers: [Answer]?
}

/// What the recipient sends back (`bureau outbox ack FILE`):
/// `{"format":"bureau-outbox-ack/1","acknowledgements":[{"noticeID":"…","reference":"…","receivedAt":"…"}]}`.
public struct OutboxAcknowledgements: Sendable, Hashable, Codable {
    public static let formatName = "bureau-outbox-ack/1"

    public struct Item: Sendable, Hashable, Codable {
        public var noticeID: UUID
        public var reference: String
        public var receivedAt: Date?

        public init(noticeID: UUID, reference: String, receivedAt: Date? = nil) {
            self.noticeID = noticeID
            self.reference = reference
            self.receivedAt = receivedAt
        }
    }

    public var format: String
    public var batchID: String?
    public var acknowledgements: [Item]

    public init(batchID: String? = nil, acknowledgements: [Item]) {
        format = Self.formatName
        self.batchID = batchID
        self.acknowledgements = acknowledgements
    }
}

extension NoticeOutbox {
    public struct ExportResult: Sendable {
        public var batchID: String
        public var count: Int
        /// Pending notices left out because their obligation is no longer owed (the entry was corrected).
        public var skipped: [String]
    }

    /// Writes every pending notice as one signed batch and marks them sent, in one audited transaction.
    /// `write` receives the signed file and runs before the commit: if it fails, nothing is marked sent.
    public func export(by principal: Principal, signer: OutboxSigner, channel: String = "signed batch",
                       write: @escaping @Sendable (Data) throws -> Void) async throws -> ExportResult {
        try await requireOperator(principal, action: "outbox.export")
        let now = context.clock.now()
        let batchID = "B-" + context.newID().uuidString.lowercased()
        let record = AuditRecord(actor: principal.username, role: principal.role.rawValue, action: "outbox.export",
                                 entity: "outbox", entityID: batchID,
                                 detail: "key=\(signer.publicKeyBase64)")
        let context = self.context
        return try await context.audited(record) { tx in
            _ = try await Self.synchronize(at: now, policy: context.policy, on: tx, cipher: context.cipher)
            let pending = try await NoticeModel.query(on: tx).filter(\.$status == OutboundNotice.Status.pending.rawValue)
                .sort(\.$dueAt).sort(\.$obligationID).all()
            var included: [OutboxBatch.Notice] = []
            var skipped: [String] = []
            for model in pending {
                do {
                    try await Self.send(model, channel: channel, reference: nil, batchID: batchID, at: now,
                                        by: principal, context: context, on: tx)
                } catch let error as DomainError where error.code == "obligation_unknown" {
                    skipped.append(model.obligationID)
                    continue
                }
                let notice = try model.domain()
                included.append(OutboxBatch.Notice(id: notice.id, obligationID: notice.obligationID, rule: notice.rule,
                                                   subject: notice.subject, recipient: notice.recipient,
                                                   dueAt: notice.dueAt, content: notice.content))
            }
            let answers = try await Self.sendAnswers(batchID: batchID, at: now, by: principal, on: tx)
            let witnesses = ["Central Tracing Agency"] + context.policy.protectingPowers.values.sorted()
            let queued = try await CheckpointModel.query(on: tx).filter(\.$batchID == nil).sort(\.$size).all()
            for checkpoint in queued {
                checkpoint.batchID = batchID
                try await checkpoint.update(on: tx)
            }
            let batch = OutboxBatch(format: OutboxBatch.formatName, batchID: batchID, createdAt: now,
                                    createdBy: principal.username, notices: included,
                                    checkpoints: queued.isEmpty ? nil : queued.map {
                                        OutboxBatch.LogCheckpoint(size: $0.size, rootHash: $0.rootHash, note: $0.note,
                                                                  signedAt: $0.createdAt, recipients: witnesses)
                                    }, answers: answers)
            try write(try signer.signedFile(batch: try Self.encoder.encode(batch)))
            return ExportResult(batchID: batchID, count: included.count + answers.count, skipped: skipped)
        }
    }

    /// Imports a recipient's acknowledgements, all or nothing. Returns how many notices changed.
    public func importAcknowledgements(_ data: Data, by principal: Principal) async throws -> Int {
        try await requireOperator(principal, action: "outbox.ack")
        let file: OutboxAcknowledgements
        do {
            file = try Self.decoder.decode(OutboxAcknowledgements.self, from: data)
        } catch {
            // Well-formed JSON (the API checks the syntax first) that is not an acknowledgement file: 422.
            throw DomainError.unprocessable("file", "not an acknowledgement file (\(OutboxAcknowledgements.formatName))",
                                      code: "malformed_json")
        }
        guard file.format == OutboxAcknowledgements.formatName else {
            throw DomainError.invalid("format", "expected \(OutboxAcknowledgements.formatName)", code: "invalid_value")
        }
        let now = context.clock.now()
        let record = AuditRecord(actor: principal.username, role: principal.role.rawValue, action: "outbox.ack",
                                 entity: "outbox", entityID: file.batchID,
                                 detail: "acknowledgements=\(file.acknowledgements.count)")
        return try await context.audited(record) { tx in
            var changed = 0
            for (index, item) in file.acknowledgements.enumerated() {
                guard let reference = item.reference.trimmedOrNil else {
                    throw DomainError.invalid("acknowledgements[\(index)].reference", "is required", code: "required")
                }
                if try await Self.acknowledgeAnswer(item.noticeID, reference: reference,
                                                    receivedAt: item.receivedAt ?? now, on: tx) {
                    changed += 1
                    continue
                }
                let before = try await NoticeModel.find(item.noticeID, on: tx)?.status
                _ = try await Self.acknowledge(item.noticeID, reference: reference, receivedAt: item.receivedAt ?? now,
                                               now: now, by: principal, on: tx)
                if before != OutboundNotice.Status.acknowledged.rawValue { changed += 1 }
            }
            return changed
        }
    }
}

extension NoticeOutbox {
    /// Pending answers to enquiries go in the same signed batch as the notices, and are marked sent with it.
    static func sendAnswers(batchID: String, at now: Date, by principal: Principal,
                            on tx: any Database) async throws -> [OutboxBatch.Answer] {
        let rows = try await DispositionRow<EnquiryAnswersTable>.query(on: tx)
            .filter(\.$status == OutboundNotice.Status.pending.rawValue).sort(\.$at).all()
        var answers: [OutboxBatch.Answer] = []
        for row in rows {
            let answer = try row.decode(EnquiryAnswer.self)
            guard let enquiryID = row.parentID else { throw StoreError.corrupt(EnquiryAnswersTable.schema, row.id?.uuidString) }
            answers.append(OutboxBatch.Answer(id: answer.id, enquiryID: enquiryID, recipient: answer.recipient,
                                              language: answer.language, content: answer.content, letter: answer.letter))
            row.status = OutboundNotice.Status.sent.rawValue
            row.extra = try DispositionCoding.json(["batchID": batchID, "sentBy": principal.username,
                                                    "sentAt": String(Int64(now.timeIntervalSince1970 * 1000))])
            try await row.update(on: tx)
        }
        return answers
    }

    /// Acknowledges a sent answer; false when `id` is not an answer (it may be a notice).
    static func acknowledgeAnswer(_ id: UUID, reference: String, receivedAt: Date, on tx: any Database) async throws -> Bool {
        guard let row = try await DispositionRow<EnquiryAnswersTable>.find(id, on: tx) else { return false }
        guard row.status == OutboundNotice.Status.sent.rawValue else {
            throw DomainError(.conflict, code: "notice_not_sent", "answer \(id.uuidString) is \(row.status); only a sent one can be acknowledged")
        }
        row.status = OutboundNotice.Status.acknowledged.rawValue
        var extra = (try? DispositionCoding.value([String: String].self, row.extra ?? "{}", table: EnquiryAnswersTable.schema,
                                                  id: id)) ?? [:]
        extra["reference"] = reference
        extra["receivedAt"] = String(Int64(receivedAt.timeIntervalSince1970 * 1000))
        row.extra = try DispositionCoding.json(extra)
        try await row.update(on: tx)
        return true
    }

    /// How many answers to enquiries wait for the next batch (the outbox page says so).
    public func pendingAnswers(by principal: Principal) async throws -> Int {
        try await requireOperator(principal, action: "outbox.list")
        return try await DispositionRow<EnquiryAnswersTable>.query(on: context.db)
            .filter(\.$status == OutboundNotice.Status.pending.rawValue).count()
    }
}
