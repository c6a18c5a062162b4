import Foundation

/// One line of the audit trail: who did or read what, when, and why.
///
/// Entries form a hash chain: each `hash` covers the previous entry's hash and a canonical
/// encoding of this entry, so editing, deleting or reordering any stored entry breaks the chain.
public struct AuditEntry: Sendable, Hashable, Codable {
    public var sequence: Int64
    /// Milliseconds since 1970 UTC; an integer so the hashed value survives every database round trip.
    public var atMillis: Int64
    public var actor: String
    public var role: String
    /// `prisoner.read`, `prisoner.create`, `claim.create`, `auth.denied`, …
    public var action: String
    /// The kind of record touched (`prisoner`, `user`, `session`).
    public var entity: String
    public var entityID: String?
    public var purpose: String?
    /// A short, non-sensitive description; never a password, a key or restricted content.
    public var detail: String?
    public var previousHash: String
    public var hash: String

    public init(sequence: Int64, atMillis: Int64, actor: String, role: String, action: String, entity: String,
                entityID: String? = nil, purpose: String? = nil, detail: String? = nil,
                previousHash: String, hash: String = "") {
        self.sequence = sequence
        self.atMillis = atMillis
        self.actor = actor
        self.role = role
        self.action = action
        self.entity = entity
        self.entityID = entityID
        self.purpose = purpose
        self.detail = detail
        self.previousHash = previousHash
        self.hash = hash
    }

    public var date: Date { Date(timeIntervalSince1970: TimeInterval(atMillis) / 1000) }
}

/// What is about to be audited, before it has a place in the chain.
public struct AuditRecord: Sendable, Hashable {
    public var actor: String
    public var role: String
    public var action: String
    public var entity: String
    public var entityID: String?
    public var purpose: String?
    public var detail: String?

    public init(actor: String, role: String, action: String, entity: String, entityID: String? = nil,
                purpose: String? = nil, detail: String? = nil) {
        self.actor = actor
        self.role = role
        self.action = action
        self.entity = entity
        self.entityID = entityID
        self.purpose = purpose
        self.detail = detail
    }
}
