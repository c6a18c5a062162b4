import BureauCore
import Fluent
import Foundation

extension RegistryStore {
    /// Stores synthetic registrations in bulk for `bureau bench seed` (scripts/bench-server): one transaction and
    /// one audit entry per call, multi-row inserts, no notices queued. Validation is the caller's (the data is
    /// generated); the path of real registrations is `register`, which this never replaces. Returns the ids.
    public func benchSeed(_ registrations: [Registration], numberFrom first: Int, by principal: Principal)
        async throws -> [UUID] {
        let now = context.clock.now()
        var prisoners: [PrisonerModel] = []
        var claims: [ClaimModel] = []
        var events: [EventModel] = []
        var ids: [UUID] = []
        for (offset, registration) in registrations.enumerated() {
            let id = context.newID()
            ids.append(id)
            let prisoner = Prisoner(id: id, internmentNumber: registration.internmentNumber ?? "BENCH-\(first + offset)",
                                    status: registration.status, powerDependedOn: registration.powerDependedOn,
                                    unit: registration.unit, languages: registration.languages, sex: registration.sex,
                                    registeredAt: now, registeredBy: principal.username)
            let model = PrisonerModel(prisoner)
            model.capturedAt = registration.capturedAt
            prisoners.append(model)
            let drafts = registration.claims.map { $0.claim(id: context.newID(), prisonerID: id, by: principal.username, at: now) }
            claims += Self.withSingleAssessed(drafts).map(ClaimModel.init)
            let capture = TimelineEvent(id: context.newID(), prisonerID: id, occurredAt: registration.capturedAt,
                                        recordedAt: now, recordedBy: principal.username,
                                        payload: .capture(registration.capture))
            events.append(try EventStorage.model(for: capture, cipher: context.cipher))
        }
        let record = AuditRecord(actor: principal.username, role: principal.role.rawValue, action: "prisoner.bench_seed",
                                 entity: "prisoner", detail: "prisoners=\(registrations.count)")
        let stored = claims
        try await context.audited(record) { [prisoners, events] tx in
            // Chunks keep every statement under the databases' bound-parameter limits.
            for chunk in stride(from: 0, to: prisoners.count, by: 200) {
                try await Array(prisoners[chunk..<min(chunk + 200, prisoners.count)]).create(on: tx)
            }
            for chunk in stride(from: 0, to: stored.count, by: 200) {
                try await Array(stored[chunk..<min(chunk + 200, stored.count)]).create(on: tx)
            }
            for chunk in stride(from: 0, to: events.count, by: 200) {
                try await Array(events[chunk..<min(chunk + 200, events.count)]).create(on: tx)
            }
        }
        context.names.insert(try stored.map { try $0.domain() })
        return ids
    }
}
