import BureauCore
import Fluent
import FluentSQLiteDriver
import Foundation
import SQLKit

/// Bulk reads and writes of the audit log and its stored tree, for the jobs that touch every row: a
/// full verification and a tree build. Profiling `bureau audit verify` on 1,000,000 entries showed most
/// of the time outside hashing: SQLKit's SQLite path hands every row to the event loop as its own
/// future, and decodes each column through `Decodable`. On SQLite these go straight to the connection
/// (rows decoded on its thread, in the order stored); other databases use SQLKit.
enum AuditRows {
    static let entryColumns = "seq, at_ms, actor, role, action, entity, entity_id, purpose, detail, prev_hash, hash"

    /// Up to `limit` entries numbered above `after`, in order.
    static func entries(after: Int64, limit: Int, on db: any Database) async throws -> [AuditEntry] {
        guard let sqlite = db as? any SQLiteDatabase else {
            return try await AuditTree.sql(db).select().columns(AuditLog.columns).from(AuditModel.schema)
                .where("seq", .greaterThan, SQLBind(after)).orderBy("seq").limit(limit).all()
                .map(AuditLog.entry(from:))
        }
        let rows = Collector<AuditEntry>()
        let query = "SELECT \(entryColumns) FROM \(AuditModel.schema) WHERE seq > ?1 ORDER BY seq LIMIT ?2"
        try await sqlite.withConnection { connection in
            try await connection.query(query, [.integer(SQLiteInt64(after)), .integer(SQLiteInt64(limit))]) { row in
                rows.add { try entry(row.columns.map(\.data)) }
            }
        }
        return try rows.result()
    }

    /// Stored tree nodes (`MerkleNode.key` → hash) in the given key ranges; a stored value that is not
    /// 32 bytes is left out, so it compares as missing.
    static func treeNodes(_ ranges: [ClosedRange<Int64>], on db: any Database) async throws -> [Int64: Hash256] {
        guard !ranges.isEmpty else { return [:] }
        guard let sqlite = db as? any SQLiteDatabase else {
            let query = try AuditTree.sql(db).select().columns("id", "hash").from(AuditTree.schema)
            for range in ranges {
                query.orWhere {
                    $0.where("id", .greaterThanOrEqual, SQLBind(range.lowerBound))
                        .where("id", .lessThanOrEqual, SQLBind(range.upperBound))
                }
            }
            var found: [Int64: Hash256] = [:]
            for row in try await query.all() {
                if let hash = Hash256(try row.decode(column: "hash", as: Data.self)) {
                    found[try row.decode(column: "id", as: Int64.self)] = hash
                }
            }
            return found
        }
        let nodes = Collector<(Int64, Hash256?)>()
        let condition = ranges.map { _ in "(id >= ? AND id <= ?)" }.joined(separator: " OR ")
        let binds = ranges.flatMap { [SQLiteData.integer(SQLiteInt64($0.lowerBound)), .integer(SQLiteInt64($0.upperBound))] }
        try await sqlite.withConnection { connection in
            try await connection.query("SELECT id, hash FROM \(AuditTree.schema) WHERE \(condition)", binds) { row in
                nodes.add {
                    let columns = row.columns
                    guard case .integer(let key) = columns[0].data else { throw StoreError.corrupt(AuditTree.schema, "an id") }
                    guard case .blob(let bytes) = columns[1].data else { return (Int64(key), nil) }
                    return (Int64(key), bytes.withUnsafeReadableBytes { Hash256($0) })
                }
            }
        }
        var found: [Int64: Hash256] = [:]
        for case let (key, hash?) in try nodes.result() { found[key] = hash }
        return found
    }

    /// Stores (or replaces) tree nodes, many per statement.
    static func insertNodes(_ nodes: [(MerkleNode, Hash256)], on db: any Database) async throws {
        let perStatement = 1000
        for start in stride(from: 0, to: nodes.count, by: perStatement) {
            let chunk = nodes[start..<min(start + perStatement, nodes.count)]
            guard let sqlite = db as? any SQLiteDatabase else {
                try await AuditTree.insert(chunk.map { ($0.0, $0.1.data) }, on: db)
                continue
            }
            let binds = chunk.flatMap { node, hash -> [SQLiteData] in
                [.integer(SQLiteInt64(node.key)), .blob(hash.withUnsafeBytes { ByteBuffer(bytes: $0) })]
            }
            let values = Array(repeating: "(?, ?)", count: chunk.count).joined(separator: ", ")
            let statement = "INSERT INTO \(AuditTree.schema) (id, hash) VALUES \(values) "
                + "ON CONFLICT (id) DO UPDATE SET hash = excluded.hash"
            try await sqlite.withConnection { connection in try await connection.query(statement, binds) { _ in } }
        }
    }

    /// One row in `entryColumns` order, converted as SQLiteKit would (text may also come back from a
    /// number, an integer only from an integer), without its `Decodable` machinery.
    static func entry(_ data: [SQLiteData]) throws -> AuditEntry {
        func integer(_ index: Int) throws -> Int64 {
            guard case .integer(let value) = data[index] else { throw corrupt(data, index) }
            return Int64(value)
        }
        func text(_ index: Int) throws -> String {
            guard let value = data[index].string else { throw corrupt(data, index) }
            return value
        }
        func optionalText(_ index: Int) throws -> String? {
            data[index] == .null ? nil : try text(index)
        }
        return AuditEntry(sequence: try integer(0), atMillis: try integer(1), actor: try text(2), role: try text(3),
                          action: try text(4), entity: try text(5), entityID: try optionalText(6),
                          purpose: try optionalText(7), detail: try optionalText(8), previousHash: try text(9),
                          hash: try text(10))
    }

    static func corrupt(_ data: [SQLiteData], _ index: Int) -> StoreError {
        let column = entryColumns.split(separator: ",")[index].trimmingCharacters(in: .whitespaces)
        let sequence = if case .integer(let value) = data[0] { "entry \(value)" } else { "an entry" }
        return .corrupt(AuditModel.schema, "\(sequence): \(column)")
    }

    /// Gathers rows handed over one at a time on the connection's thread; read once the query has
    /// returned (which orders the writes before the read). Keeps the first conversion error.
    final class Collector<Row>: @unchecked Sendable {
        private var rows: [Row] = []
        private var error: (any Error)?

        func add(_ convert: () throws -> Row) {
            guard error == nil else { return }
            do { rows.append(try convert()) } catch { self.error = error }
        }

        func result() throws -> [Row] {
            if let error { throw error }
            return rows
        }
    }
}
