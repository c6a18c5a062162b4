import BureauCore
import Fluent
import Foundation

/// A stored `RecordCorrection`.
public final class CorrectionModel: Model, @unchecked Sendable {
    public static let schema = "record_corrections"

    @ID(key: .id) public var id: UUID?
    @Field(key: "prisoner_id") public var prisonerID: UUID
    @Field(key: "field") public var field: String
    @OptionalField(key: "before") public var before: String?
    @OptionalField(key: "after") public var after: String?
    @Field(key: "reason") public var reason: String
    @Field(key: "recorded_by") public var recordedBy: String
    @Field(key: "recorded_at") public var recordedAt: Date

    public init() {}

    init(_ correction: RecordCorrection) {
        id = correction.id
        prisonerID = correction.prisonerID
        field = correction.field.rawValue
        before = correction.before
        after = correction.after
        reason = correction.reason
        recordedBy = correction.recordedBy
        recordedAt = correction.recordedAt
    }

    func domain() throws -> RecordCorrection {
        guard let id, let field = RecordCorrection.Field(rawValue: field) else {
            throw StoreError.corrupt(Self.schema, id?.uuidString)
        }
        return RecordCorrection(id: id, prisonerID: prisonerID, field: field, before: before, after: after, reason: reason,
                                recordedBy: recordedBy, recordedAt: recordedAt)
    }
}

/// A stored `Voiding`.
public final class VoidingModel: Model, @unchecked Sendable {
    public static let schema = "voidings"

    @ID(key: .id) public var id: UUID?
    @Field(key: "prisoner_id") public var prisonerID: UUID
    @OptionalField(key: "event_id") public var eventID: UUID?
    @OptionalField(key: "event_kind") public var eventKind: String?
    @Field(key: "reason") public var reason: String
    @Field(key: "requested_by") public var requestedBy: String
    @Field(key: "requested_at") public var requestedAt: Date
    @OptionalField(key: "confirmed_by") public var confirmedBy: String?
    @OptionalField(key: "confirmed_at") public var confirmedAt: Date?

    public init() {}

    init(_ voiding: Voiding) {
        id = voiding.id
        prisonerID = voiding.prisonerID
        eventID = voiding.eventID
        eventKind = voiding.eventKind?.rawValue
        reason = voiding.reason
        requestedBy = voiding.requestedBy
        requestedAt = voiding.requestedAt
        confirmedBy = voiding.confirmedBy
        confirmedAt = voiding.confirmedAt
    }

    func domain() throws -> Voiding {
        guard let id else { throw StoreError.corrupt(Self.schema, nil) }
        return Voiding(id: id, prisonerID: prisonerID, eventID: eventID, eventKind: eventKind.flatMap(EventKind.init(rawValue:)),
                       reason: reason, requestedBy: requestedBy, requestedAt: requestedAt, confirmedBy: confirmedBy,
                       confirmedAt: confirmedAt)
    }
}
