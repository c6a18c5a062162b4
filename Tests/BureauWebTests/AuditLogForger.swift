import BureauCore
import BureauStore
import Fluent
import Foundation
import SQLKit

/// What an insider with write access to the database and Bureau's source can do: rewrite the audit
/// log and recompute every hash after the change, chain and Merkle tree alike.
enum AuditLogForger {
    static func entries(_ db: any Database) async throws -> [AuditEntry] {
        try await AuditModel.query(on: db).sort(\.$id).all().map {
            AuditEntry(sequence: $0.id!, atMillis: $0.atMillis, actor: $0.actor, role: $0.role, action: $0.action,
                       entity: $0.entity, entityID: $0.entityID, purpose: $0.purpose, detail: $0.detail,
                       previousHash: $0.previousHash, hash: $0.hash)
        }
    }

    /// Replaces the log with `transform(entries)`, renumbered and re-chained from the start, and rebuilds the tree.
    static func rewrite(_ db: any Database, _ transform: ([AuditEntry]) -> [AuditEntry]) async throws {
        let wanted = transform(try await entries(db))
        var chained: [AuditEntry] = []
        for entry in wanted {
            let record = AuditRecord(actor: entry.actor, role: entry.role, action: entry.action, entity: entry.entity,
                                     entityID: entry.entityID, purpose: entry.purpose, detail: entry.detail)
            chained.append(AuditChain.append(record, after: chained.last, atMillis: entry.atMillis))
        }
        let sql = db as! any SQLDatabase
        try await sql.delete(from: AuditModel.schema).run()
        for first in stride(from: 0, to: chained.count, by: 50) {
            let insert = sql.insert(into: AuditModel.schema)
                .columns("seq", "at_ms", "actor", "role", "action", "entity", "entity_id", "purpose", "detail", "prev_hash", "hash")
            for entry in chained[first..<min(first + 50, chained.count)] {
                insert.values(SQLBind(entry.sequence), SQLBind(entry.atMillis), SQLBind(entry.actor), SQLBind(entry.role),
                              SQLBind(entry.action), SQLBind(entry.entity), SQLBind(entry.entityID), SQLBind(entry.purpose),
                              SQLBind(entry.detail), SQLBind(entry.previousHash), SQLBind(entry.hash))
            }
            try await insert.run()
        }
        try await AuditTree.rebuild(on: db)
    }

    /// The five attacks of issue 10, by name; each leaves a log whose own chain and tree verify.
    static let attacks: [(name: String, expected: String, run: @Sendable (any Database) async throws -> Void)] = [
        ("edit one entry and recompute everything after it", "not an extension of checkpoint size", { db in
            try await rewrite(db) { entries in
                var entries = entries
                entries[2].actor = "somebody.else"
                return entries
            }
        }),
        ("delete the newest entry", "not an extension of checkpoint size", { db in
            try await (db as! any SQLDatabase).raw("DELETE FROM audit_events WHERE seq = (SELECT MAX(seq) FROM audit_events)").run()
        }),
        ("delete the newest 100 entries", "the newest 100 were deleted", { db in
            let head = try await AuditModel.query(on: db).sort(\.$id, .descending).first()!.id!
            try await (db as! any SQLDatabase).raw("DELETE FROM audit_events WHERE seq > \(literal: head - 100)").run()
        }),
        ("delete a middle entry, renumber and recompute", "not an extension of checkpoint size", { db in
            try await rewrite(db) { entries in
                var entries = entries
                entries.remove(at: entries.count / 2)
                return entries
            }
        }),
        ("replace the log with a different history", "not an extension of checkpoint size", { db in
            try await rewrite(db) { entries in
                entries.map { entry in
                    var entry = entry
                    entry.detail = "another history"
                    return entry
                } + entries.prefix(3)
            }
        }),
    ]
}
