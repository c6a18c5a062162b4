import BureauCore
import Fluent
import Foundation

/// Loads what the obligations engine reads (record, timeline, claims) in a few queries.
enum RecordSnapshots {
    /// Snapshots of the given prisoners, or of the whole registry when `ids` is nil. Interview content
    /// stays sealed: no rule reads it.
    static func load(_ ids: [UUID]?, on db: any Database, cipher: FieldCipher) async throws -> [PrisonerRecordSnapshot] {
        let prisonerQuery = PrisonerModel.query(on: db)
        let claimQuery = ClaimModel.query(on: db)
        let eventQuery = EventModel.query(on: db)
        if let ids {
            if ids.isEmpty { return [] }
            prisonerQuery.filter(\.$id ~~ ids)
            claimQuery.filter(\.$prisoner.$id ~~ ids)
            eventQuery.filter(\.$prisoner.$id ~~ ids)
        }
        // A prisoner or an entry voided as made in error owes nothing: his clocks stop.
        prisonerQuery.filter(\.$voidedAt == nil)
        eventQuery.filter(\.$voidedAt == nil)
        let prisoners = try await prisonerQuery.sort(\.$internmentNumber).all()
        let claims = Dictionary(grouping: try await claimQuery.sort(\.$recordedAt).all().map { try $0.domain() },
                                by: \.prisonerID)
        let events = Dictionary(grouping: try await eventQuery.sort(\.$occurredAt).sort(\.$recordedAt).all()
            .map { try EventStorage.event(from: $0, cipher: cipher, reveal: false) }, by: \.prisonerID)
        return try prisoners.map { model in
            let prisoner = try model.domain()
            return PrisonerRecordSnapshot(prisoner: prisoner, timeline: events[prisoner.id] ?? [],
                                          claims: claims[prisoner.id] ?? [])
        }
    }

    static func one(_ id: UUID, on db: any Database, cipher: FieldCipher) async throws -> PrisonerRecordSnapshot {
        guard let snapshot = try await load([id], on: db, cipher: cipher).first else {
            throw DomainError(.notFound, code: "prisoner_not_found", "no prisoner with id \(id.uuidString)")
        }
        return snapshot
    }
}

extension PrisonerRecordSnapshot {
    /// The assessed identity as one line (surname first), for lists.
    var displayName: String {
        let claim = claims.filter(\.isAssessed).max { $0.recordedAt < $1.recordedAt } ?? claims.first
        return claim?.displayName ?? ""
    }
}
