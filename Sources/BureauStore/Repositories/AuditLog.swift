import BureauCore
import Fluent
import Foundation
import SQLKit

/// Appends to and reads the hash-chained audit trail.
public enum AuditLog {
    /// Appends `record` inside the caller's transaction `db`, so the entry exists exactly when the change does,
    /// and adds it to the Merkle tree (O(log n): see `AuditTree.append`). The one place the log grows.
    /// `maintainingTree: false` exists only for `bureau bench audit`'s figure of the chain-only append.
    @discardableResult
    public static func append(_ record: AuditRecord, on db: any Database, at time: Date,
                              maintainingTree: Bool = true) async throws -> AuditEntry {
        if let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" {
            // Another process (the CLI) may append at the same time; the lock ends with the transaction.
            try await sql.raw("SELECT pg_advisory_xact_lock(\(literal: 0x4275_7265_6175))").run()
        }
        let head = try await AuditModel.query(on: db).sort(\.$id, .descending).first()
        let millis = Int64((time.timeIntervalSince1970 * 1000).rounded(.down))
        let entry = AuditChain.append(record, after: head?.entry, atMillis: max(millis, head?.atMillis ?? 0))
        try await AuditModel(entry).create(on: db)
        if maintainingTree { try await AuditTree.append(entry, after: head?.entry, on: db) }
        return entry
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

    /// Hands every stored entry to `body`, in pages of `batch`, in stored order.
    static func forEachPage(on db: any Database, batch: Int = 5000,
                            _ body: ([AuditEntry]) async throws -> Void) async throws {
        var lastSeen: Int64 = .min
        while true {
            let rows = try await AuditModel.query(on: db).filter(\.$id > lastSeen).sort(\.$id, .ascending)
                .limit(batch).all().map(\.entry)
            guard let last = rows.last else { return }
            try await body(rows)
            lastSeen = last.sequence
        }
    }

    /// Walks the whole chain in pages of `batch`, in stored order.
    public static func verify(on db: any Database, batch: Int = 5000) async throws -> AuditChain.Verdict {
        var previous: AuditEntry?
        var total = 0
        var lastSeen: Int64 = .min
        while true {
            let rows = try await AuditModel.query(on: db).filter(\.$id > lastSeen).sort(\.$id, .ascending)
                .limit(batch).all().map(\.entry)
            if rows.isEmpty { break }
            switch AuditChain.verify(rows, after: previous) {
            case .broken(let sequence, let reason): return .broken(sequence: sequence, reason: reason)
            case .intact(let count, _): total += count
            }
            previous = rows.last
            lastSeen = rows.last!.sequence
        }
        return .intact(count: total, head: previous?.hash ?? AuditChain.genesis)
    }
}
