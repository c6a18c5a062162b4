import BureauCore
import Fluent
import Foundation
import SQLKit

/// Appends to and reads the hash-chained audit trail.
public enum AuditLog {
    /// Appends `record` inside the caller's transaction `db`, so the entry exists exactly when the change does,
    /// and adds it to the Merkle tree (O(log n): see `AuditTree.append`). The one place the log grows.
    /// Plain SQL rather than Fluent models: the tree's extra work is paid for by skipping model mapping.
    @discardableResult
    public static func append(_ record: AuditRecord, on db: any Database, at time: Date) async throws -> AuditEntry {
        let sql = try AuditTree.sql(db)
        if sql.dialect.name == "postgresql" {
            // Another process (the CLI) may append at the same time; the lock ends with the transaction.
            try await sql.raw("SELECT pg_advisory_xact_lock(\(literal: 0x4275_7265_6175))").run()
        }
        let head = try await sql.select().columns(columns).from(AuditModel.schema).orderBy("seq", .descending).limit(1)
            .first().map(entry(from:))
        let millis = Int64((time.timeIntervalSince1970 * 1000).rounded(.down))
        let entry = AuditChain.append(record, after: head, atMillis: max(millis, head?.atMillis ?? 0))
        try await sql.insert(into: AuditModel.schema).columns(columns).values(values(of: entry)).run()
        try await AuditTree.append(entry, after: head, on: db)
        return entry
    }

    static let columns = ["seq", "at_ms", "actor", "role", "action", "entity", "entity_id", "purpose", "detail",
                          "prev_hash", "hash"]

    static func values(of entry: AuditEntry) -> [any SQLExpression] {
        [SQLBind(entry.sequence), SQLBind(entry.atMillis), SQLBind(entry.actor), SQLBind(entry.role), SQLBind(entry.action),
         SQLBind(entry.entity), SQLBind(entry.entityID), SQLBind(entry.purpose), SQLBind(entry.detail),
         SQLBind(entry.previousHash), SQLBind(entry.hash)]
    }

    static func entry(from row: any SQLRow) throws -> AuditEntry {
        AuditEntry(sequence: try row.decode(column: "seq", as: Int64.self), atMillis: try row.decode(column: "at_ms", as: Int64.self),
                   actor: try row.decode(column: "actor", as: String.self), role: try row.decode(column: "role", as: String.self),
                   action: try row.decode(column: "action", as: String.self),
                   entity: try row.decode(column: "entity", as: String.self),
                   entityID: try row.decode(column: "entity_id", as: String?.self),
                   purpose: try row.decode(column: "purpose", as: String?.self),
                   detail: try row.decode(column: "detail", as: String?.self),
                   previousHash: try row.decode(column: "prev_hash", as: String.self),
                   hash: try row.decode(column: "hash", as: String.self))
    }

    /// Newest first, with optional filters.
    public static func page(on db: any Database, before: Int64?, limit: Int, actor: String?, entityID: String?)
        async throws -> [AuditEntry] {
        let query = AuditModel.query(on: db).sort(\.$id, .descending).limit(limit)
        if let before { query.filter(\.$id < before) }
        if let actor { query.filter(\.$actor == actor) }
        if let entityID { query.filter(\.$entityID == entityID) }
        return try await query.all().map(\.entry)
    }

    /// Walks the whole chain in pages of `batch`, in stored order (read ahead, hashed on all cores).
    public static func verify(on db: any Database, batch: Int = 20_000) async throws -> AuditChain.Verdict {
        var previous: AuditEntry?
        var total = 0
        var broken: AuditChain.Verdict?
        try await forEachPageAhead(on: db, batch: batch, withTree: false) { page in
            let digests = await AuditChain.digests(page.entries)
            switch AuditChain.verify(page.entries, digests: digests, after: previous, leaf: { _ in }) {
            case .broken(let sequence, let reason):
                broken = .broken(sequence: sequence, reason: reason)
                return false
            case .intact(let count, _): total += count
            }
            previous = page.entries.last
            return true
        }
        return broken ?? .intact(count: total, head: previous?.hash ?? AuditChain.genesis)
    }
}
