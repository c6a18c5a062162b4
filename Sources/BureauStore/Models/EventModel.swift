import BureauCore
import Fluent
import Foundation

public final class EventModel: Model, @unchecked Sendable {
    public static let schema = "timeline_events"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "prisoner_id") public var prisoner: PrisonerModel
    @Field(key: "kind") public var kind: String
    @Field(key: "occurred_at") public var occurredAt: Date
    @Field(key: "recorded_at") public var recordedAt: Date
    @Field(key: "recorded_by") public var recordedBy: String
    @OptionalField(key: "supersedes") public var supersedes: UUID?
    /// The entry's data as JSON, with restricted parts removed.
    @Field(key: "payload") public var payload: String
    /// Restricted parts (interview content), AES-GCM sealed with the field key; base64.
    @OptionalField(key: "sealed") public var sealed: String?
    /// Set when a voiding of this entry is confirmed: no obligation is derived from it.
    @OptionalField(key: "voided_at") public var voidedAt: Date?

    public init() {}

    init(id: UUID, prisonerID: UUID, kind: String, occurredAt: Date, recordedAt: Date, recordedBy: String,
         supersedes: UUID?, payload: String, sealed: String?) {
        self.id = id
        self.$prisoner.id = prisonerID
        self.kind = kind
        self.occurredAt = occurredAt
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
        self.supersedes = supersedes
        self.payload = payload
        self.sealed = sealed
    }
}

/// One audit entry as stored. The primary key is the chain position.
public final class AuditModel: Model, @unchecked Sendable {
    public static let schema = "audit_events"

    @ID(custom: "seq", generatedBy: .user) public var id: Int64?
    @Field(key: "at_ms") public var atMillis: Int64
    @Field(key: "actor") public var actor: String
    @Field(key: "role") public var role: String
    @Field(key: "action") public var action: String
    @Field(key: "entity") public var entity: String
    @OptionalField(key: "entity_id") public var entityID: String?
    @OptionalField(key: "purpose") public var purpose: String?
    @OptionalField(key: "detail") public var detail: String?
    @Field(key: "prev_hash") public var previousHash: String
    @Field(key: "hash") public var hash: String

    public init() {}

    init(_ entry: AuditEntry) {
        id = entry.sequence
        atMillis = entry.atMillis
        actor = entry.actor
        role = entry.role
        action = entry.action
        entity = entry.entity
        entityID = entry.entityID
        purpose = entry.purpose
        detail = entry.detail
        previousHash = entry.previousHash
        hash = entry.hash
    }

    var entry: AuditEntry {
        AuditEntry(sequence: id ?? 0, atMillis: atMillis, actor: actor, role: role, action: action, entity: entity,
                   entityID: entityID, purpose: purpose, detail: detail, previousHash: previousHash, hash: hash)
    }
}
