import BureauCore
import Fluent
import Foundation
import SQLKit

/// The single audit writer of this process: it runs every audited write, and appends every audit entry, in
/// GROUPS that share one transaction (group commit).
///
/// Why: the audit chain needs one writer at a time (each entry links to the one before it), and a commit costs
/// a disk flush (SQLite) or a WAL flush and a round trip (PostgreSQL). One transaction per request made every
/// request wait its turn for the whole cost; a group pays it once for everybody who arrived while the previous
/// group was committing. Nobody waits on purpose: a group is simply everything queued when the writer is free.
///
/// What holds:
/// - No read without its trace: a caller is resumed only after the transaction holding its entry has
///   committed, so no response leaves before its entry is durable. If the group's commit fails, every caller
///   in it fails (nothing of theirs was stored and nothing is answered).
/// - A write stays atomic with its entry: each write runs inside its own SAVEPOINT together with its audit
///   entry. If the write throws (a refused input, a conflict, a database error), the savepoint is rolled back —
///   its rows and its entry vanish together, the chain's head stays where it was — and only that caller gets
///   the error; the others in the group go on and commit. Writes in a group see each other's effects in order,
///   exactly as if they had run one after another.
/// - Audit-only jobs (the trace of a read, done beforehand on a pooled connection; a refused attempt) need no
///   savepoint: they only append, and their entries and tree nodes are stored a batch at a time (before the next
///   write job, whose own entry must be in the database when it runs, and before the commit).
/// The same on SQLite and PostgreSQL (both have savepoints; PostgreSQL additionally takes the advisory lock
/// against other processes appending, once per group). One gate per database.
public actor WriteGate {
    private struct Job {
        var record: AuditRecord?
        var at: Date
        var work: (@Sendable (any Database) async throws -> any Sendable)?
        /// Runs alone, outside any group transaction (`run`).
        var exclusive: (@Sendable () async throws -> any Sendable)?
        var done: CheckedContinuation<any Sendable, any Error>
    }

    private var pending: [Job] = []
    private var draining = false
    /// Where the groups run: the server gives the writer a connection pool of its own, so that reads never
    /// queue behind a group's transaction for a connection; otherwise the first caller's database.
    private var database: (any Database)?
    /// The most entries one transaction takes, so the first caller of a huge queue is not held back long.
    static let largestGroup = 512

    public init(database: (any Database)? = nil) {
        self.database = database
    }

    /// Runs `body` alone: after the groups before it and before those after it (no transaction of its own).
    public func run<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await enqueue(on: nil) { Job(record: nil, at: Date(), work: nil, exclusive: body, done: $0) } as! T
    }

    /// Appends `record` and runs `body` in the next group's transaction, atomically with each other; returns once
    /// the group has committed.
    public func commit<T: Sendable>(_ record: AuditRecord, at time: Date, on db: any Database,
                                    _ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await enqueue(on: db) { Job(record: record, at: time, work: body, exclusive: nil, done: $0) } as! T
    }

    /// Appends `record` alone (no data changes with it); returns once it is durable.
    public func trace(_ record: AuditRecord, at time: Date, on db: any Database) async throws {
        _ = try await enqueue(on: db) { Job(record: record, at: time, work: nil, exclusive: nil, done: $0) }
    }

    private func enqueue(on db: (any Database)?, _ make: (CheckedContinuation<any Sendable, any Error>) -> Job)
        async throws -> any Sendable {
        if database == nil, let db { database = db }
        return try await withCheckedThrowingContinuation { continuation in
            pending.append(make(continuation))
            if !draining {
                draining = true
                Task { await self.drain() }
            }
        }
    }

    private func drain() async {
        while !pending.isEmpty {
            if let body = pending[0].exclusive {
                let job = pending.removeFirst()
                do { job.done.resume(returning: try await body()) } catch { job.done.resume(throwing: error) }
                continue
            }
            let count = min(pending.prefix(while: { $0.exclusive == nil }).count, Self.largestGroup)
            let group = Array(pending.prefix(count))
            pending.removeFirst(count)
            guard let database else {
                group.forEach { $0.done.resume(throwing: StoreError.corrupt("audit", "no database for the writer")) }
                continue
            }
            do {
                let results = try await Self.commit(group, on: database)
                for (job, result) in zip(group, results) { job.done.resume(with: result) }
            } catch {
                for job in group { job.done.resume(throwing: error) }
            }
        }
        draining = false
    }

    /// One group, one transaction. Returns each job's own outcome; throws if the transaction as a whole failed.
    private static func commit(_ group: [Job], on db: any Database) async throws -> [Result<any Sendable, any Error>] {
        guard let sql = db as? any SQLDatabase else { throw StoreError.corrupt("audit", "not an SQL database") }
        let sqlite = sql.dialect.name == "sqlite"
        guard sqlite else {
            // PostgreSQL: Fluent's `withConnection` would mark the connection as already in a transaction (and
            // then skip BEGIN), so the transaction is opened directly.
            return try await db.transaction { tx in try await run(group, in: tx, sqlite: false) }
        }
        return try await db.withConnection { connection in
            let sql = connection as! any SQLDatabase
            // Per connection, and only outside a transaction. WAL (set at start-up) with NORMAL: a commit is
            // durable once in the WAL, which survives a crash of the process (kill -9) — not a power cut,
            // whose loss is bounded by the last checkpoint. The busy timeout replaces a busy loop if another
            // process (the CLI) holds the write lock.
            try await sql.raw("PRAGMA synchronous=NORMAL").run()
            try await sql.raw("PRAGMA busy_timeout=5000").run()
            return try await connection.transaction { tx in try await run(group, in: tx, sqlite: true) }
        }
    }

    /// The group's work inside its transaction `tx`.
    private static func run(_ group: [Job], in tx: any Database, sqlite: Bool) async throws -> [Result<any Sendable, any Error>] {
        let sql = tx as! any SQLDatabase
        if !sqlite { try await AuditLog.lockForAppending(on: sql) }
        var head = try await AuditLog.head(on: sql)
        // Tree nodes completed or fetched in this group; entries and nodes of audit-only jobs wait in
        // memory and are stored together, before the next write job and before the commit.
        var known: [MerkleNode: Data] = [:]
        var entries: [AuditEntry] = []
        var nodes: [(MerkleNode, Data)] = []
        func flush() async throws {
            try await AuditLog.insert(entries, on: tx)
            try await AuditTree.insert(nodes, on: tx)
            entries.removeAll()
            nodes.removeAll()
        }
        var results: [Result<any Sendable, any Error>] = []
        results.reserveCapacity(group.count)
        for job in group {
            guard let work = job.work else {
                if let record = job.record {
                    let entry = AuditLog.next(record, after: head, at: job.at)
                    nodes += try await AuditTree.completedNodes(for: entry, after: head, known: &known, on: tx)
                    entries.append(entry)
                    head = entry
                }
                results.append(.success(()))
                continue
            }
            try await flush()
            try await sql.raw("SAVEPOINT bureau_write").run()
            do {
                var entry: AuditEntry?
                var ownKnown = known
                if let record = job.record {
                    let next = AuditLog.next(record, after: head, at: job.at)
                    try await AuditLog.insert([next], on: tx)
                    try await AuditTree.insert(try await AuditTree.completedNodes(for: next, after: head,
                                                                                   known: &ownKnown, on: tx), on: tx)
                    entry = next
                }
                let value = try await work(tx)
                try await sql.raw("RELEASE SAVEPOINT bureau_write").run()
                if let entry {
                    head = entry
                    known = ownKnown
                }
                results.append(.success(value))
            } catch {
                // Undo this write and its entry only; the transaction and the rest of the group go on.
                try await sql.raw("ROLLBACK TO SAVEPOINT bureau_write").run()
                try await sql.raw("RELEASE SAVEPOINT bureau_write").run()
                results.append(.failure(error))
            }
        }
        try await flush()
        return results
    }
}
