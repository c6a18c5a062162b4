import BureauCore
import Fluent
import Foundation

/// Translates timeline events to rows and back, sealing the restricted parts.
enum EventStorage {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()

    static func model(for event: TimelineEvent, cipher: FieldCipher) throws -> EventModel {
        var payload = event.payload
        var sealed: String?
        if case .interview(var interview) = payload, let content = interview.content {
            sealed = try cipher.seal(content, context: event.id.uuidString)
            interview.content = nil
            payload = .interview(interview)
        }
        let json = String(decoding: try encoder.encode(payload), as: UTF8.self)
        return EventModel(id: event.id, prisonerID: event.prisonerID, kind: event.kind.rawValue,
                          occurredAt: event.occurredAt, recordedAt: event.recordedAt, recordedBy: event.recordedBy,
                          supersedes: event.supersedes, payload: json, sealed: sealed)
    }

    /// - Parameter reveal: open sealed content; only for readers of the interview class.
    static func event(from model: EventModel, cipher: FieldCipher, reveal: Bool) throws -> TimelineEvent {
        guard let id = model.id else { throw StoreError.corrupt(EventModel.schema, nil) }
        var payload: EventPayload
        do {
            payload = try decoder.decode(EventPayload.self, from: Data(model.payload.utf8))
        } catch {
            throw StoreError.corrupt(EventModel.schema, id.uuidString)
        }
        if reveal, let sealed = model.sealed, case .interview(var interview) = payload {
            interview.content = try cipher.open(sealed, context: id.uuidString)
            payload = .interview(interview)
        }
        return TimelineEvent(id: id, prisonerID: model.$prisoner.id, occurredAt: model.occurredAt,
                             recordedAt: model.recordedAt, recordedBy: model.recordedBy, supersedes: model.supersedes,
                             payload: payload)
    }

    static func events(of prisonerID: UUID, on db: any Database, cipher: FieldCipher, reveal: Bool)
        async throws -> [TimelineEvent] {
        try await EventModel.query(on: db).filter(\.$prisoner.$id == prisonerID)
            .sort(\.$occurredAt).sort(\.$recordedAt).all()
            .map { try event(from: $0, cipher: cipher, reveal: reveal) }
    }
}
