import BureauCore
import Fluent
import Foundation

/// What every repository needs: the database, the write gate, and the injected clock, ids and keys.
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

    /// Runs `body` in one transaction together with the audit entry `record`.
    public func audited<T: Sendable>(_ record: AuditRecord,
                                     _ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        let now = clock.now()
        return try await gate.run {
            try await db.transaction { tx in
                try await AuditLog.append(record, on: tx, at: now)
                return try await body(tx)
            }
        }
    }

    /// Records a refused attempt (authorization failures are the only failures audited), then throws.
    public func deny(_ principal: Principal, action: String, entity: String, entityID: String?) async throws -> Never {
        let record = AuditRecord(actor: principal.username, role: principal.role.rawValue, action: "denied.\(action)",
                                 entity: entity, entityID: entityID)
        _ = try await audited(record) { _ in () }
        throw DomainError(.forbidden, code: "forbidden", "your role may not \(action.replacingOccurrences(of: ".", with: " "))")
    }

    public func require(_ principal: Principal, _ permission: Permission, action: String, entity: String,
                        entityID: String? = nil) async throws {
        if !AccessPolicy.allows(principal.role, permission) {
            try await deny(principal, action: action, entity: entity, entityID: entityID)
        }
    }
}
