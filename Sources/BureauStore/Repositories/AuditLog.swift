import BureauCore
import Fluent
import Foundation
import SQLKit

/// Appends to and reads the hash-chained audit trail.
public enum AuditLog {
    /// Appends `record` inside the caller's transaction `db`, so the entry exists exactly when the change does,
    /// and adds it to the Merkle tree (O(log n): see `AuditTree.append`). Plain SQL rather than Fluent models:
    /// the tree's extra work is paid for by skipping model mapping. The server's writer (`WriteGate`) uses
    /// `append(_:after:on:at:)`, which knows the head already; this reads it.
    @discardableResult
    public static func append(_ record: AuditRecord, on db: any Database, at time: Date) async throws -> AuditEntry {
        let sql = try AuditTree.sql(db)
        try await lockForAppending(on: sql)
        return try await append(record, after: try await head(on: sql), on: db, at: time)
    }

    /// Another process (the CLI) may append at the same time on PostgreSQL; the lock ends with the transaction.
    /// SQLite has one writer per file anyway.
    static func lockForAppending(on sql: any SQLDatabase) async throws {
        if sql.dialect.name == "postgresql" {
            try await sql.raw("SELECT pg_advisory_xact_lock(\(literal: 0x4275_7265_6175))").run()
        }
    }

    /// The newest entry, read inside the writer's transaction (after `lockForAppending`).
    static func head(on sql: any SQLDatabase) async throws -> AuditEntry? {
        try await sql.select().columns(columns).from(AuditModel.schema).orderBy("seq", .descending).limit(1)
            .first().map(entry(from:))
    }

    /// Appends after `head`, which the caller read in this transaction and has kept current since: the one
    /// place the log grows.
    static func append(_ record: AuditRecord, after head: AuditEntry?, on db: any Database, at time: Date)
        async throws -> AuditEntry {
        let entry = next(record, after: head, at: time)
        try await insert([entry], on: db)
        try await AuditTree.append(entry, after: head, on: db)
        return entry
    }

    /// The entry that follows `head`; its time never goes back (a clock stepped back keeps the last time).
    static func next(_ record: AuditRecord, after head: AuditEntry?, at time: Date) -> AuditEntry {
        let millis = Int64((time.timeIntervalSince1970 * 1000).rounded(.down))
        return AuditChain.append(record, after: head, atMillis: max(millis, head?.atMillis ?? 0))
    }

    /// Stores entries already chained, many rows per statement (the writer's groups).
    static func insert(_ entries: [AuditEntry], on db: any Database) async throws {
        let sql = try AuditTree.sql(db)
        for first in stride(from: 0, to: entries.count, by: 80) {
            let insert = sql.insert(into: AuditModel.schema).columns(columns)
            for entry in entries[first..<min(first + 80, entries.count)] { insert.values(values(of: entry)) }
            try await insert.run()
        }
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
