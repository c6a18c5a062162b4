import BureauCore
import Fluent
import Foundation

/// What every repository needs: the database (for reads), the write gate (every write and every audit entry),
/// and the injected clock, ids and keys.
public struct StoreContext: Sendable {
    public let db: any Database
    public let gate: WriteGate
    public let clock: Clock
    public let cipher: FieldCipher
    public let newID: @Sendable () -> UUID
    /// The in-memory name index over every identity claim (tracing search).
    public let names: LiveNameIndex
    /// The Bureau's settings for the Convention clocks (`obligation-policy.json`; defaults otherwise).
    public let policy: ObligationPolicy
    /// Bulk lists of enquiries being matched, with their progress.
    public let enquiryLists: EnquiryListJobs

    public init(db: any Database, gate: WriteGate, clock: Clock, cipher: FieldCipher,
                newID: @escaping @Sendable () -> UUID = { UUID() }, names: LiveNameIndex = LiveNameIndex(),
                policy: ObligationPolicy = .standard, enquiryLists: EnquiryListJobs = EnquiryListJobs()) {
        self.db = db
        self.gate = gate
        self.clock = clock
        self.cipher = cipher
        self.newID = newID
        self.names = names
        self.policy = policy
        self.enquiryLists = enquiryLists
    }

    /// The same services reading through `db` (the server hands each request a database on the request's own
    /// event loop, so reads spread over the pool instead of queuing for one connection).
    public func reading(through db: any Database) -> StoreContext {
        StoreContext(db: db, gate: gate, clock: clock, cipher: cipher, newID: newID, names: names, policy: policy,
                     enquiryLists: enquiryLists)
    }

    /// Runs the write `body` in one transaction together with the audit entry `record`: the writer's next group
    /// (see `WriteGate`: a savepoint of its own inside the group's transaction). Returns once committed.
    public func audited<T: Sendable>(_ record: AuditRecord,
                                     _ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await gate.commit(record, at: clock.now(), on: db, body)
    }

    /// An audited read: `body` reads on the pool (concurrently with other reads and with the writer), then the
    /// entry `record` joins the writer's next group, and the result is handed back only once that entry is durable
    /// ("no read without its trace"). A read that fails is not logged, as before (nothing was disclosed).
    /// `body` must not write: its changes would not be atomic with the entry — writes use `audited`.
    public func auditedRead<T: Sendable>(_ record: AuditRecord,
                                         _ body: @Sendable (any Database) async throws -> T) async throws -> T {
        let now = clock.now()
        let value = try await body(db)
        try await gate.trace(record, at: now, on: db)
        return value
    }

    /// Records a refused attempt (authorization failures are the only failures audited), then throws.
    public func deny(_ principal: Principal, action: String, entity: String, entityID: String?) async throws -> Never {
        let record = AuditRecord(actor: principal.username, role: principal.role.rawValue, action: "denied.\(action)",
                                 entity: entity, entityID: entityID)
        try await gate.trace(record, at: clock.now(), on: db)
        throw DomainError(.forbidden, code: "forbidden", "your role may not \(action.replacingOccurrences(of: ".", with: " "))")
    }

    public func require(_ principal: Principal, _ permission: Permission, action: String, entity: String,
                        entityID: String? = nil) async throws {
        if !AccessPolicy.allows(principal.role, permission) {
            try await deny(principal, action: action, entity: entity, entityID: entityID)
        }
    }
}
