import BureauCore
import Fluent
import Foundation

/// One outbound notice of the outbox. Its content is frozen when it is queued: a notice is a
/// document, and what was sent must stay readable as sent.
public final class NoticeModel: Model, @unchecked Sendable {
    public static let schema = "outbound_notices"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "prisoner_id") public var prisoner: PrisonerModel
    /// The obligation the notice fulfils (`GC3-122-events:<entry>:transfer:cta`); one notice per obligation.
    @Field(key: "obligation_id") public var obligationID: String
    @Field(key: "rule") public var rule: String
    @Field(key: "subject") public var subject: String
    @Field(key: "recipient") public var recipient: String
    @OptionalField(key: "concerning_event_id") public var concerningEventID: UUID?
    /// `NoticeContent` as JSON (sorted keys).
    @Field(key: "content") public var content: String
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "due_at") public var dueAt: Date
    /// pending, sent, acknowledged.
    @Field(key: "status") public var status: String
    @OptionalField(key: "sent_at") public var sentAt: Date?
    @OptionalField(key: "sent_by") public var sentBy: String?
    @OptionalField(key: "channel") public var channel: String?
    @OptionalField(key: "batch_id") public var batchID: String?
    /// The notification entry recorded on the prisoner's timeline when the notice was sent.
    @OptionalField(key: "timeline_event_id") public var timelineEventID: UUID?
    @OptionalField(key: "acknowledged_at") public var acknowledgedAt: Date?
    @OptionalField(key: "acknowledged_by") public var acknowledgedBy: String?
    @OptionalField(key: "reference") public var reference: String?

    public init() {}
}
