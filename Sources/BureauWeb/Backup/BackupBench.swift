import BureauCore
import BureauStore
import Crypto
import Foundation
import Vapor

/// `bureau bench backup [--prisoners N]`: a throwaway registry of N prisoners (every tenth with a sealed
/// interview, one audit entry each) in an SQLite file, then the wall-clock time and size of a backup, its verification (which
/// restores into a temporary file and verifies the audit log), and a restore elsewhere. Never touches
/// the configured database.
public enum BackupBench {
    public static func run(_ arguments: [String]) async -> Int32 {
        var prisoners = 100_000
        if arguments.count == 2, arguments[0] == "--prisoners", let value = Int(arguments[1]), value > 0 {
            prisoners = value
        } else if !arguments.isEmpty {
            print("usage: bureau bench backup [--prisoners N]")
            return 2
        }
        do {
            try await bench(prisoners: prisoners)
            return 0
        } catch {
            print("bench failed: \(error)")
            return 1
        }
    }

    static func bench(prisoners: Int) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bureau-bench-backup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let app = try await Application.make(.testing)
        app.logger.logLevel = .error
        do {
            let data = directory.appendingPathComponent("data")
            let database = data.appendingPathComponent("bureau.sqlite")
            let config = BureauConfig(database: .sqliteFile(database.path), dataDirectory: data, port: 0, bcryptCost: 4)
            try await configure(app, config: config)
            try await app.autoMigrate()
            var clock = DispatchTime.now()
            func lap() -> Double {
                let now = DispatchTime.now()
                defer { clock = now }
                return Double(now.uptimeNanoseconds - clock.uptimeNanoseconds) / 1e9
            }
            func size(_ url: URL) -> Double {
                Double((try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0) / 1_048_576
            }
            // Rows in bulk, then a synthetic audit log of one entry per prisoner and its Merkle tree: the
            // real write path (about 20 ms a registration in a debug build) would take the better part of an hour.
            try await BenchRegistry.fill(prisoners: prisoners, on: app.db, cipher: app.bureau.context.cipher)
            try await BenchAuditCommand.fill(app.db, count: prisoners)
            try await AuditTree.rebuild(on: app.db)
            let filled = lap()
            let audit = try await AuditModel.query(on: app.db).count()
            print("bench backup: \(prisoners) prisoners (\(prisoners / 10) sealed interviews, \(audit) audit entries), "
                  + "SQLite file, \(ProcessInfo.processInfo.activeProcessorCount) cores")
            print(String(format: "fill (bulk rows, log, tree):          %8.1f s", filled))
            let identity = Curve25519.KeyAgreement.PrivateKey()
            let file = directory.appendingPathComponent("bench.bak")
            _ = lap()
            let made = try await Backups.make(app, output: file, recipient: identity.publicKey)
            let backupTime = lap()
            print(String(format: "database file:                        %8.1f MiB", size(database)))
            print(String(format: "backup (VACUUM INTO, encrypt):        %8.1f s, %.1f MiB", backupTime, Double(made.bytes) / 1_048_576))
            let checked = try await Backups.verify(app, file: file, identity: identity)
            print(String(format: "verify (decrypt, restore, audit):     %8.1f s (%d entries)", lap(), checked.verification.size))
            let target = directory.appendingPathComponent("restored")
            _ = try await Backups.restore(app, file: file, identity: identity, dataDirectory: target,
                                          database: .sqliteFile(target.appendingPathComponent("bureau.sqlite").path), force: false)
            print(String(format: "restore (decrypt, move, audit):       %8.1f s", lap()))
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
