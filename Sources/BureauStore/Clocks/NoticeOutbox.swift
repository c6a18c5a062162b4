import BureauCore
import Fluent
import Foundation

/// The notifications outbox (Arts. 122–123). Every entry Art. 122 says the Bureau must transmit
/// queues a notice to the CTA (and to the Protecting Power where the policy names one), with only
/// what that recipient may receive (`NoticeContent`). A notice goes pending → sent (by, when,
/// channel; a notification entry is recorded on the timeline, which fulfils the obligation) →
/// acknowledged (the recipient's reference).
///
/// Who operates it: the roles that record notifications (liaison and legal officers).
public struct NoticeOutbox: Sendable {
    public let context: StoreContext

    public init(context: StoreContext) {
        self.context = context
    }

    /// Art. 122(3–6) and Art. 94: the notices the outbox carries.
    public static let transmittedRules: Set<RuleID> = [.initialNotification, .eventNotification, .healthReport]
    public static let recipients: Set<Addressee> = [.centralTracingAgency, .protectingPower]

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()

    // MARK: Queueing (inside the caller's transaction)

    /// Queues the notices `record` owes and the outbox does not hold yet. A weekly health report is
    /// queued once it is due (not a week ahead). Returns how many were queued.
    @discardableResult
    static func enqueue(_ record: PrisonerRecordSnapshot, at now: Date, policy: ObligationPolicy,
                        on db: any Database, alreadyQueued: Set<String>? = nil) async throws -> Int {
        let obligations = Dictionary(Obligations.derive(for: record, at: now, policy: policy).map { ($0.id, $0) },
                                     uniquingKeysWith: { first, _ in first })
        let owed = Obligations.pendingNotices(for: record, at: now, policy: policy).filter { notice in
            guard transmittedRules.contains(notice.rule), recipients.contains(notice.recipient),
                  let obligation = obligations[notice.obligationID] else { return false }
            return notice.rule != .healthReport || obligation.status != .notYetDue
        }
        // A caller that already knows every queued obligation (the registry-wide sweep) skips the
        // database entirely for prisoners who owe nothing new.
        guard !owed.isEmpty, !owed.allSatisfy({ alreadyQueued?.contains($0.obligationID) == true }) else { return 0 }
        let known = Set(try await NoticeModel.query(on: db).filter(\.$obligationID ~~ owed.map(\.obligationID))
            .all(\.$obligationID))
        // A corrected entry owes the same notice under a new obligation id: the pending notice about
        // its earlier version is brought up to date instead of queuing a second one.
        let pending = try await NoticeModel.query(on: db).filter(\.$prisoner.$id == record.prisoner.id)
            .filter(\.$status == OutboundNotice.Status.pending.rawValue).all()
        func key(_ rule: String, _ subject: String, _ recipient: String, _ about: UUID?) -> String {
            let current = about.flatMap { Timeline.current($0, in: record.timeline)?.id } ?? about
            return [rule, subject, recipient, current?.uuidString ?? "-"].joined(separator: "|")
        }
        var stale: [String: NoticeModel] = [:]
        for model in pending where !owed.contains(where: { $0.obligationID == model.obligationID }) {
            stale[key(model.rule, model.subject, model.recipient, model.concerningEventID)] = model
        }
        var queued = 0
        for notice in owed where !known.contains(notice.obligationID) {
            if let model = stale[key(notice.rule.rawValue, notice.subject.rawValue, notice.recipient.rawValue,
                                     notice.concerningEventID)] {
                model.obligationID = notice.obligationID
                model.concerningEventID = notice.concerningEventID
                model.content = String(decoding: try encoder.encode(notice), as: UTF8.self)
                model.dueAt = obligations[notice.obligationID]?.dueAt ?? model.dueAt
                try await model.update(on: db)
                continue
            }
            let model = NoticeModel()
            model.id = UUID()
            model.$prisoner.id = record.prisoner.id
            model.obligationID = notice.obligationID
            model.rule = notice.rule.rawValue
            model.subject = notice.subject.rawValue
            model.recipient = notice.recipient.rawValue
            model.concerningEventID = notice.concerningEventID
            model.content = String(decoding: try encoder.encode(notice), as: UTF8.self)
            model.createdAt = now
            model.dueAt = obligations[notice.obligationID]?.dueAt ?? now
            model.status = OutboundNotice.Status.pending.rawValue
            try await model.create(on: db)
            queued += 1
        }
        return queued
    }

    /// Brings the outbox up to date with every timeline (health reports fall due with time alone).
    static func synchronize(at now: Date, policy: ObligationPolicy, on db: any Database, cipher: FieldCipher)
        async throws -> Int {
        var queued = 0
        let known = Set(try await NoticeModel.query(on: db).all(\.$obligationID))
        for record in try await RecordSnapshots.load(nil, on: db, cipher: cipher) {
            queued += try await enqueue(record, at: now, policy: policy, on: db, alreadyQueued: known)
        }
        return queued
    }

    // MARK: Reads and state changes (audited)

    func requireOperator(_ principal: Principal, action: String, entityID: String? = nil) async throws {
        if !AccessPolicy.canRecord(principal.role, .notification) {
            try await context.deny(principal, action: action, entity: "outbox", entityID: entityID)
        }
    }

    /// The notices in `status` (all when nil), oldest deadline first, after bringing the outbox up to date.
    public func list(status: OutboundNotice.Status?, by principal: Principal) async throws -> [OutboundNotice] {
        try await requireOperator(principal, action: "outbox.list")
        let now = context.clock.now()
        let record = AuditRecord(actor: principal.username, role: principal.role.rawValue, action: "outbox.list",
                                 entity: "outbox", detail: "status=\(status?.rawValue ?? "all")")
        let (cipher, policy) = (context.cipher, context.policy)
        return try await context.audited(record) { tx in
            _ = try await Self.synchronize(at: now, policy: policy, on: tx, cipher: cipher)
            let query = NoticeModel.query(on: tx)
            if let status { query.filter(\.$status == status.rawValue) }
            return try await query.sort(\.$dueAt).sort(\.$obligationID).all()
                .map { Self.redacted(try $0.domain(), for: principal.role) }
        }
    }

    /// A weekly health report carries a medical summary (Art. 122(6)); a role that does not read
    /// health data still sends the notice but does not see the summary.
    static func redacted(_ notice: OutboundNotice, for role: Role) -> OutboundNotice {
        guard notice.content.healthSummary != nil, !NeedToKnow(role).mayRead(.health) else { return notice }
        var copy = notice
        copy.content.healthSummary = nil
        return copy
    }

    /// Marks one pending notice sent and records the notification on the prisoner's timeline.
    public func markSent(_ id: UUID, channel: String, reference: String?, by principal: Principal)
        async throws -> OutboundNotice {
        try await requireOperator(principal, action: "outbox.sent", entityID: id.uuidString)
        guard let channel = channel.trimmedOrNil else {
            throw DomainError.invalid("channel", "say how the notice went (ICRC portal, diplomatic note…)", code: "required")
        }
        let now = context.clock.now()
        let record = AuditRecord(actor: principal.username, role: principal.role.rawValue, action: "outbox.sent",
                                 entity: "outbox", entityID: id.uuidString, detail: "channel=\(channel)")
        let context = self.context
        return try await context.audited(record) { tx in
            guard let model = try await NoticeModel.find(id, on: tx) else {
                throw DomainError(.notFound, code: "notice_not_found", "no notice with id \(id.uuidString)")
            }
            try await Self.send(model, channel: channel, reference: reference?.trimmedOrNil, batchID: nil, at: now,
                                by: principal, context: context, on: tx)
            return Self.redacted(try model.domain(), for: principal.role)
        }
    }

    /// Records the sending of `model`: the timeline entry (validated like any other) and the notice's state.
    static func send(_ model: NoticeModel, channel: String, reference: String?, batchID: String?, at now: Date,
                     by principal: Principal, context: StoreContext, on tx: any Database) async throws {
        guard model.status == OutboundNotice.Status.pending.rawValue else {
            throw DomainError(.conflict, code: "notice_not_pending", "that notice is already \(model.status)")
        }
        let notice = try model.domain()
        let prisonerID = model.$prisoner.id
        let existing = try await EventStorage.events(of: prisonerID, on: tx, cipher: context.cipher, reveal: false)
        let claims = try await ClaimModel.query(on: tx).filter(\.$prisoner.$id == prisonerID).all().map { try $0.domain() }
        guard let prisoner = try await PrisonerModel.find(prisonerID, on: tx) else {
            throw StoreError.corrupt(NoticeModel.schema, notice.id.uuidString)
        }
        let entry = NotificationEntry(subject: notice.subject, recipient: notice.recipient,
                                      concerningEventID: notice.concerningEventID, channel: channel,
                                      reference: reference ?? "outbox:\(notice.id.uuidString.lowercased())")
        let event = TimelineEvent(id: context.newID(), prisonerID: prisonerID, occurredAt: now, recordedAt: now,
                                  recordedBy: principal.username, payload: .notification(entry))
        try TimelineRules.validate(event, existing: existing, claims: claims, now: now)
        try Obligations.validateFulfilment(event, record: PrisonerRecordSnapshot(prisoner: try prisoner.domain(),
                                                                                 timeline: existing, claims: claims),
                                           at: now, policy: context.policy)
        try await EventStorage.model(for: event, cipher: context.cipher).create(on: tx)
        model.status = OutboundNotice.Status.sent.rawValue
        model.sentAt = now
        model.sentBy = principal.username
        model.channel = channel
        model.batchID = batchID
        model.timelineEventID = event.id
        try await model.update(on: tx)
        // A report sent may start the next week's clock; an entry may owe more notices.
        try await enqueue(PrisonerRecordSnapshot(prisoner: try prisoner.domain(), timeline: existing + [event],
                                                 claims: claims), at: now, policy: context.policy, on: tx)
    }

    /// Records the recipient's acknowledgement of a sent notice.
    public func acknowledge(_ id: UUID, reference: String, receivedAt: Date?, by principal: Principal)
        async throws -> OutboundNotice {
        try await requireOperator(principal, action: "outbox.acknowledge", entityID: id.uuidString)
        guard let reference = reference.trimmedOrNil else {
            throw DomainError.invalid("reference", "give the recipient's reference", code: "required")
        }
        let now = context.clock.now()
        let record = AuditRecord(actor: principal.username, role: principal.role.rawValue, action: "outbox.acknowledge",
                                 entity: "outbox", entityID: id.uuidString, detail: "reference=\(reference)")
        return try await context.audited(record) { tx in
            let model = try await Self.acknowledge(id, reference: reference, receivedAt: receivedAt ?? now, now: now,
                                                   by: principal, on: tx)
            return Self.redacted(try model.domain(), for: principal.role)
        }
    }

    static func acknowledge(_ id: UUID, reference: String, receivedAt: Date, now: Date, by principal: Principal,
                            on tx: any Database) async throws -> NoticeModel {
        guard let model = try await NoticeModel.find(id, on: tx) else {
            throw DomainError(.notFound, code: "notice_not_found", "no notice with id \(id.uuidString)")
        }
        if model.status == OutboundNotice.Status.acknowledged.rawValue, model.reference == reference { return model }
        guard model.status == OutboundNotice.Status.sent.rawValue else {
            throw DomainError(.conflict, code: "notice_not_sent",
                              "notice \(id.uuidString) is \(model.status); only a sent notice can be acknowledged")
        }
        if let sentAt = model.sentAt, receivedAt < sentAt.addingTimeInterval(-300) {
            throw DomainError.unprocessable("receivedAt", "acknowledged before it was sent", code: "received_before_sent")
        }
        if receivedAt.timeIntervalSince(now) > 300 {
            throw DomainError.unprocessable("receivedAt", "the acknowledgement is in the future", code: "event_in_future")
        }
        model.status = OutboundNotice.Status.acknowledged.rawValue
        model.acknowledgedAt = receivedAt
        model.acknowledgedBy = principal.username
        model.reference = reference
        try await model.update(on: tx)
        return model
    }
}
