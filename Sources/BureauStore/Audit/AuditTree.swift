import BureauCore
import Fluent
import Foundation
import SQLKit

/// The stored Merkle tree over the audit log: the hash of every perfect subtree above leaf level
/// (`MerkleNode.key` → 32 bytes). Leaves are recomputed from their entries when a proof needs one.
/// Appending stores at most log2(n) nodes and reads at most log2(n) - 1; roots and proofs read
/// O(log n) nodes in one query, so nothing here ever rescans the log.
public enum AuditTree {
    public static let schema = "audit_tree"

    static func sql(_ db: any Database) throws -> any SQLDatabase {
        guard let sql = db as? any SQLDatabase else { throw StoreError.corrupt(schema, "not an SQL database") }
        return sql
    }

    /// Adds `entry` (just stored after `head`) to the tree, inside the writer's transaction. The only
    /// place the tree grows; about half of all appends complete no subtree and touch nothing here.
    static func append(_ entry: AuditEntry, after head: AuditEntry?, on db: any Database) async throws {
        let index = entry.sequence - 1
        let siblings = MerkleTree.appendSiblings(index: index)
        guard !siblings.isEmpty, let head else { return }
        var hashes = [AuditChain.leafHash(of: head)]
        if siblings.count > 1 {
            let stored = try await storedNodes(Set(siblings.dropFirst()), on: db)
            for node in siblings.dropFirst() {
                guard let hash = stored[node] else { throw MerkleError.missingNode(node) }
                hashes.append(hash)
            }
        }
        try await insert(MerkleTree.completedNodes(index: index, leafHash: AuditChain.leafHash(of: entry),
                                                   siblings: hashes), on: db)
    }

    /// `append` for the writer's groups: the nodes `entry` completes, computed from `known` (nodes completed
    /// earlier in the same group, and those already fetched) and, for the rest, the database; the caller stores
    /// them, many entries' at once. `known` grows by what is fetched and completed; a caller that may roll the
    /// entry back passes a copy and keeps it only once the entry stays.
    static func completedNodes(for entry: AuditEntry, after head: AuditEntry?, known: inout [MerkleNode: Data],
                               on db: any Database) async throws -> [(MerkleNode, Data)] {
        let index = entry.sequence - 1
        let siblings = MerkleTree.appendSiblings(index: index)
        guard !siblings.isEmpty, let head else { return [] }
        var hashes = [AuditChain.leafHash(of: head)]
        let missing = Set(siblings.dropFirst().filter { known[$0] == nil })
        if !missing.isEmpty {
            for (node, hash) in try await storedNodes(missing, on: db) { known[node] = hash }
        }
        for node in siblings.dropFirst() {
            guard let hash = known[node] else { throw MerkleError.missingNode(node) }
            hashes.append(hash)
        }
        let completed = MerkleTree.completedNodes(index: index, leafHash: AuditChain.leafHash(of: entry), siblings: hashes)
        for (node, hash) in completed { known[node] = hash }
        return completed
    }

    static func insert(_ nodes: [(MerkleNode, Data)], on db: any Database) async throws {
        for first in stride(from: 0, to: nodes.count, by: 500) {
            let insert = try sql(db).insert(into: schema).columns("id", "hash")
            for (node, hash) in nodes[first..<min(first + 500, nodes.count)] { insert.values(SQLBind(node.key), SQLBind(hash)) }
            // A node left behind by entries deleted outside Bureau is replaced, so the writer keeps working
            // after such tampering; `audit verify --checkpoint` is what reports it.
            try await insert.onConflict(with: ["id"]) { $0.set(excludedValueOf: "hash") }.run()
        }
    }

    /// Stored nodes above leaf level.
    static func storedNodes(_ nodes: Set<MerkleNode>, on db: any Database) async throws -> [MerkleNode: Data] {
        guard !nodes.isEmpty else { return [:] }
        let rows = try await sql(db).select().columns("id", "hash").from(schema)
            .where("id", .in, SQLBind.group(nodes.map(\.key))).all()
        var found: [MerkleNode: Data] = [:]
        for row in rows {
            found[MerkleNode(key: try row.decode(column: "id", as: Int64.self))] = try row.decode(column: "hash", as: Data.self)
        }
        return found
    }

    /// Any nodes, leaves included (read from their entries).
    static func nodes(_ needed: Set<MerkleNode>, on db: any Database) async throws -> [MerkleNode: Data] {
        let leaves = needed.filter { $0.level == 0 }
        var found = try await storedNodes(needed.subtracting(leaves), on: db)
        if !leaves.isEmpty {
            for model in try await AuditModel.query(on: db).filter(\.$id ~~ leaves.map { $0.index + 1 }).all() {
                found[MerkleNode(level: 0, index: model.entry.sequence - 1)] = AuditChain.leafHash(of: model.entry)
            }
        }
        return found
    }

    /// Runs a tree computation in two passes: learn which nodes it needs, fetch them in one query, compute.
    static func compute<T>(on db: any Database, _ body: ((MerkleNode) throws -> Data) throws -> T) async throws -> T {
        let recorder = MerkleNodeRecorder()
        _ = try body(recorder.record)
        let found = try await nodes(recorder.needed, on: db)
        return try body { node in
            guard let hash = found[node] else { throw MerkleError.missingNode(node) }
            return hash
        }
    }

    public static func root(size: Int64, on db: any Database) async throws -> Data {
        try await compute(on: db) { try MerkleTree.root(size: size, node: $0) }
    }

    public static func inclusionProof(index: Int64, size: Int64, on db: any Database) async throws -> [Data] {
        try await compute(on: db) { try MerkleTree.inclusionProof(index: index, size: size, node: $0) }
    }

    public static func consistencyProof(oldSize: Int64, newSize: Int64, on db: any Database) async throws -> [Data] {
        try await compute(on: db) { try MerkleTree.consistencyProof(oldSize: oldSize, newSize: newSize, node: $0) }
    }

    /// Recomputes the whole tree from the stored entries (the migration; an operator's repair), in one
    /// transaction: entries read a page ahead, leaf hashes on all cores, nodes stored 1,000 per statement.
    public static func rebuild(on db: any Database, batch: Int = 20_000) async throws {
        try await db.transaction { tx in
            try await sql(tx).delete(from: schema).run()
            var builder = MerkleBuilder()
            try await AuditLog.forEachPageAhead(on: tx, batch: batch, withTree: false) { page in
                var completed: [(MerkleNode, Hash256)] = []
                completed.reserveCapacity(page.entries.count)
                for digest in await AuditChain.digests(page.entries, content: false) {
                    builder.append(leaf: digest.leaf) { completed.append(($0, $1)) }
                }
                try await AuditRows.insertNodes(completed, on: tx)
                return true
            }
        }
    }
}
