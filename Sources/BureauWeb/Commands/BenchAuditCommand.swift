import BureauCore
import BureauStore
import Fluent
import FluentSQLiteDriver
import Foundation
import SQLKit
import Vapor

/// `bureau bench …` on Vapor's command system (`bench names` runs before it, without a database).
struct BenchCommand: AsyncCommandGroup {
    var help: String { "Benchmarks" }
    var commands: [String: any AnyAsyncCommand] { ["audit": BenchAuditCommand(), "seed": BenchSeedCommand()] }
}

/// `bureau bench audit [--size N]`: the audit log's costs on a throwaway SQLite file of N synthetic entries
/// (the default 1,000,000): building the tree for existing entries, an append with and without the tree,
/// a checkpoint, an inclusion proof, and a full verification against a checkpoint. Never touches the
/// configured database.
struct BenchAuditCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "size", help: "entries in the synthetic log (default 1000000)")
        var size: Int?
        @Option(name: "appends", help: "appends timed each way (default 2000)")
        var appends: Int?
    }

    var help: String { "Audit log benchmark: tree build, append, checkpoint, proof, verify" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let size = signature.size ?? 1_000_000
        let appends = signature.appends ?? 2000
        guard size >= 1, appends >= 1 else { throw CommandFailure("--size and --appends must be at least 1") }
        let app = context.application
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bureau-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let id = DatabaseID(string: "bench-audit")
        app.databases.use(.sqlite(.file(directory.appendingPathComponent("bench.sqlite").path)), as: id)
        let db = app.db(id)
        for migration in BureauMigrations.all { try await migration.prepare(on: db).get() }
        func say(_ line: String) { context.console.print(line) }
        func seconds(_ body: () async throws -> Void) async rethrows -> Double {
            let start = DispatchTime.now().uptimeNanoseconds
            try await body()
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }
        // CPU seconds of the whole process (every thread) beside the wall time: on a machine shared with
        // other work the wall time says more about the neighbours than about Bureau.
        func cpu() -> Double {
            var usage = rusage()
            #if canImport(Glibc)
            getrusage(RUSAGE_SELF.rawValue, &usage)
            #else
            getrusage(RUSAGE_SELF, &usage)
            #endif
            return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        }
        say("bench audit: \(size) entries, SQLite file, \(ProcessInfo.processInfo.activeProcessorCount) cores")

        let fill = try await seconds { try await Self.fill(db, count: size) }
        say(String(format: "fill (bulk insert, chain only):       %8.2f s", fill))
        let buildCPU = cpu()
        let build = try await seconds { try await AuditTree.rebuild(on: db) }
        say(String(format: "tree build for existing entries:      %8.2f s  (%.2f s CPU; what M014 does on upgrade)", build, cpu() - buildCPU))

        let store = StoreContext(db: db, gate: WriteGate(), clock: .system, cipher: app.bureau.context.cipher)
        let record = AuditRecord(actor: "bench", role: "registrar", action: "prisoner.read", entity: "prisoner",
                                 entityID: UUID().uuidString, purpose: "benchmark")
        let withTree = try await seconds { for _ in 0..<appends { _ = try await store.audited(record) { _ in () } } }
        say(String(format: "append with tree (full write path):     %6.3f ms", withTree / Double(appends) * 1000))

        let signer = NoteSigner.generate(name: "bench.invalid/audit")
        let checkpoints = AuditCheckpoints(context: store, signer: signer)
        let principal = Principal(username: "bench", role: .auditor)
        let rounds = 200
        var last: AuditCheckpoints.Stored?
        let checkpointTime = try await seconds { for _ in 0..<rounds { last = try await checkpoints.make(by: principal) } }
        say(String(format: "checkpoint (audited, signed, stored): %8.3f ms", checkpointTime / Double(rounds) * 1000))
        let head = last!.size
        let rootOnly = try await seconds {
            for _ in 0..<rounds { _ = try Checkpoint(origin: signer.name, size: head, root: try await AuditTree.root(size: head, on: db)).signed(by: signer) }
        }
        say(String(format: "  of which root + signature:          %8.3f ms", rootOnly / Double(rounds) * 1000))
        let proofTime = try await seconds {
            for index in 0..<rounds {
                _ = try await AuditTree.inclusionProof(index: Int64(index * 4999) % head, size: head, on: db)
            }
        }
        say(String(format: "inclusion proof:                      %8.3f ms", proofTime / Double(rounds) * 1000))

        let checkpoint = try Checkpoint.verify(last!.note, log: signer.verifier).checkpoint
        var result: AuditVerification?
        let verifyCPU = cpu()
        let verify = try await seconds { result = try await AuditLog.verify(on: db, against: checkpoint) }
        say(String(format: "verify %d entries against checkpoint:  %8.2f s  (%.2f s CPU; %@)", result!.size, verify,
                   cpu() - verifyCPU, result!.intact ? "intact" : result!.problems.joined(separator: "; ")))

        // Today's append before the tree (the main branch's writer, reproduced below); last: it leaves the tree behind.
        let chainOnly = try await seconds {
            for _ in 0..<appends {
                _ = try await store.gate.run {
                    try await db.transaction { tx in try await Self.appendBeforeTheTree(record, on: tx, at: Date()) }
                }
            }
        }
        say(String(format: "append before the tree (main's writer): %6.3f ms", chainOnly / Double(appends) * 1000))
    }

    /// The writer as it stood before issue 10, verbatim but for model mapping: Fluent head query, model insert.
    static func appendBeforeTheTree(_ record: AuditRecord, on db: any Database, at time: Date) async throws {
        if let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" {
            try await sql.raw("SELECT pg_advisory_xact_lock(\(literal: 0x4275_7265_6175))").run()
        }
        let head = try await AuditModel.query(on: db).sort(\.$id, .descending).first().map {
            AuditEntry(sequence: $0.id!, atMillis: $0.atMillis, actor: $0.actor, role: $0.role, action: $0.action,
                       entity: $0.entity, entityID: $0.entityID, purpose: $0.purpose, detail: $0.detail,
                       previousHash: $0.previousHash, hash: $0.hash)
        }
        let millis = Int64((time.timeIntervalSince1970 * 1000).rounded(.down))
        let entry = AuditChain.append(record, after: head, atMillis: max(millis, head?.atMillis ?? 0))
        let model = AuditModel()
        model.id = entry.sequence
        model.atMillis = entry.atMillis
        model.actor = entry.actor
        model.role = entry.role
        model.action = entry.action
        model.entity = entry.entity
        model.entityID = entry.entityID
        model.purpose = entry.purpose
        model.detail = entry.detail
        model.previousHash = entry.previousHash
        model.hash = entry.hash
        try await model.create(on: db)
    }

    /// `count` chained entries, inserted in bulk (the append path would take hours for a million).
    static func fill(_ db: any Database, count: Int) async throws {
        var previous: AuditEntry?
        let start: Int64 = 1_767_225_600_000
        var written = 0
        while written < count {
            var entries: [AuditEntry] = []
            for n in written..<min(written + 5000, count) {
                let record = AuditRecord(actor: "officer\(n % 50)", role: n % 3 == 0 ? "registrar" : "camp_officer",
                                         action: n % 3 == 0 ? "prisoner.create" : "prisoner.read", entity: "prisoner",
                                         entityID: UUID().uuidString, purpose: n % 2 == 0 ? "tracing inquiry" : nil)
                let entry = AuditChain.append(record, after: previous, atMillis: start + Int64(n) * 1000)
                entries.append(entry)
                previous = entry
            }
            written += entries.count
            let chunk = entries
            try await db.transaction { tx in
                guard let sql = tx as? any SQLDatabase else { return }
                for first in stride(from: 0, to: chunk.count, by: 90) {
                    let insert = sql.insert(into: AuditModel.schema)
                        .columns("seq", "at_ms", "actor", "role", "action", "entity", "entity_id", "purpose", "detail",
                                 "prev_hash", "hash")
                    for entry in chunk[first..<min(first + 90, chunk.count)] {
                        insert.values(SQLBind(entry.sequence), SQLBind(entry.atMillis), SQLBind(entry.actor), SQLBind(entry.role),
                                      SQLBind(entry.action), SQLBind(entry.entity), SQLBind(entry.entityID),
                                      SQLBind(entry.purpose), SQLBind(entry.detail), SQLBind(entry.previousHash), SQLBind(entry.hash))
                    }
                    try await insert.run()
                }
            }
        }
    }
}
