import BureauCore
import BureauStore
import Crypto
import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import SQLKit
import Vapor

/// Taking, verifying and restoring encrypted backups (issue 13). The commands, the server's schedule and
/// the tests all call these; the container format is `BackupStream`/`BackupArchive` in BureauCore.
public enum Backups {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        public init(_ description: String) { self.description = description }
    }

    /// The key files a backup carries, if present in the data folder.
    static let keyFiles = [FieldCipher.fileName, FieldCipher.oldFileName, OutboxSigner.fileName, LogSigner.fileName,
                           "obligation-policy.json"]

    public struct Made: Sendable {
        public var manifest: BackupManifest
        public var bytes: Int64
    }

    static func source(_ database: BureauConfig.DatabaseChoice) -> DatabaseSnapshot.Source {
        if case .postgres(let url) = database { return .postgres(url: url) }
        return .sqlite
    }

    /// A folder only this user can enter, removed by the caller.
    static func privateFolder(in parent: URL = FileManager.default.temporaryDirectory, _ prefix: String) throws -> URL {
        let url = parent.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        return url
    }

    static func privateHandle(_ url: URL) throws -> FileHandle {
        guard try PrivateFile.create(atPath: url.path) else { throw Failure("\(url.path) already exists") }
        return try FileHandle(forWritingTo: url)
    }

    // MARK: Backup

    /// Writes an encrypted backup of the running Bureau to `output` (atomically: a partial file never
    /// carries the final name), and records it for the dashboard.
    public static func make(_ app: Application, output: URL, recipient: Curve25519.KeyAgreement.PublicKey,
                            trigger: String = "manual") async throws -> Made {
        let services = app.bureau
        let config = services.config
        let source = source(config.database)
        let staging = try privateFolder("bureau-backup")
        defer { try? FileManager.default.removeItem(at: staging) }
        // Read before the snapshot starts: the snapshot's log is this one or extends it.
        let state = try await DatabaseSnapshot.state(of: app.db)
        let snapshot = staging.appendingPathComponent(source.partName)
        try await DatabaseSnapshot.take(source, of: app.db, to: snapshot)
        var files = [source.partName: snapshot]
        for name in keyFiles {
            let url = config.dataDirectory.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            let copy = staging.appendingPathComponent(name)
            try PrivateFile.create(atPath: copy.path, contents: try KeyFile.read(url))
            files[name] = copy
        }
        var parts: [BackupManifest.Part] = []
        for name in [source.partName] + keyFiles where files[name] != nil {
            let (size, sha256) = try SHA256Stream.file(files[name]!)
            parts.append(BackupManifest.Part(name: name, size: size, sha256: sha256))
        }
        let manifest = BackupManifest(createdAt: services.context.clock.now(), database: source.name,
                                      schemaVersion: state.schemaVersion, auditSize: state.auditSize,
                                      auditRoot: state.auditRoot.base64EncodedString(), checkpoint: state.checkpoint,
                                      parts: parts)
        let partial = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).partial")
        try? FileManager.default.removeItem(at: partial)
        let handle = try privateHandle(partial)
        do {
            let writer = try BackupWriter(recipient: recipient) { try handle.write(contentsOf: $0) }
            try BackupArchive.write(manifest, files: files, to: writer)
            try handle.synchronize()
            try handle.close()
            guard rename(partial.path, output.path) == 0 else { throw Failure("cannot rename the backup to \(output.path)") }
            let bytes = writer.bytesWritten
            // The schedule acts as the system; the command as the console (the administrator at the server).
            let record = AuditRecord(actor: trigger == "scheduled" ? "system" : "console", role: Role.administrator.rawValue,
                                     action: "backup.create",
                                     entity: "backup", entityID: output.lastPathComponent)
            let run = BackupRunModel(finishedAt: services.context.clock.now(), fileName: output.lastPathComponent,
                                     bytes: bytes, auditSize: state.auditSize, trigger: trigger)
            try await services.context.audited(record) { tx in try await run.create(on: tx) }
            return Made(manifest: manifest, bytes: bytes)
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(at: partial)
            throw error
        }
    }

    // MARK: Decrypt

    /// Decrypts `file` into `folder`, checking the manifest and every part's size and SHA-256. Throws
    /// before anything leaves `folder`: a damaged backup or the wrong identity writes nothing else.
    public static func unpack(_ file: URL, identity: Curve25519.KeyAgreement.PrivateKey, into folder: URL) throws -> BackupManifest {
        let handle: FileHandle
        do { handle = try FileHandle(forReadingFrom: file) } catch { throw Failure("cannot read \(file.path)") }
        defer { try? handle.close() }
        let reader = try BackupReader(identity: identity) { try handle.read(upToCount: $0) ?? Data() }
        let manifest = try BackupArchive.readManifest(from: reader)
        guard DatabaseSnapshot.knows(schemaVersion: manifest.schemaVersion) else {
            throw Failure("the backup's schema \(manifest.schemaVersion) is newer than this Bureau; restore with a newer version")
        }
        guard manifest.parts.filter({ BackupManifest.databaseParts.contains($0.name) }).count == 1 else {
            throw Failure("the manifest names no database")
        }
        try BackupArchive.extract(manifest, from: reader, into: folder, create: privateHandle)
        return manifest
    }

    public static func readIdentity(_ path: String) throws -> Curve25519.KeyAgreement.PrivateKey {
        guard let data = FileManager.default.contents(atPath: path) else { throw Failure("cannot read identity \(path)") }
        return try BackupKeys.parseIdentity(String(decoding: data, as: UTF8.self))
    }

    public static func readRecipient(_ argument: String) throws -> Curve25519.KeyAgreement.PublicKey {
        if argument.hasPrefix(BackupKeys.recipientPrefix) { return try BackupKeys.parseRecipient(argument) }
        guard let data = FileManager.default.contents(atPath: argument) else { throw Failure("cannot read recipient \(argument)") }
        return try BackupKeys.parseRecipient(String(decoding: data, as: UTF8.self))
    }

    // MARK: Audit check of a restored copy

    public struct Checked: Sendable {
        public var manifest: BackupManifest
        public var verification: AuditVerification
        /// The signed checkpoint the restored log was shown to extend, if the backup carried one.
        public var checkpointSize: Int64?
    }

    /// The audit check run on a restored database: `bureau audit verify` against the newest signed
    /// checkpoint in the manifest (signature checked with the backup's own log key), and the log at the
    /// manifest's size has the manifest's root.
    static func checkAudit(_ db: any Database, manifest: BackupManifest, keys: URL) async throws -> Checked {
        var checkpoint: Checkpoint?
        if let note = manifest.checkpoint {
            let origin = try Checkpoint(text: try SignedNote.parse(note).text).origin
            let signer = try LogSigner.loadOrCreate(in: keys, origin: origin)
            do {
                checkpoint = try Checkpoint.verify(note, log: signer.verifier).checkpoint
            } catch {
                throw Failure("the checkpoint in the manifest does not verify with the backup's log key: \(error)")
            }
        }
        let result = try await AuditLog.verify(on: db, against: checkpoint)
        guard result.intact else { throw Failure("audit log: " + result.problems.joined(separator: "; ")) }
        guard result.size >= manifest.auditSize else {
            throw Failure("audit log: the backup holds \(result.size) entries, the manifest \(manifest.auditSize)")
        }
        let root = manifest.auditSize == 0 ? MerkleTree.emptyRoot : try await AuditTree.root(size: manifest.auditSize, on: db)
        guard root.base64EncodedString() == manifest.auditRoot else {
            throw Failure("audit log: the first \(manifest.auditSize) entries are not those the manifest recorded")
        }
        return Checked(manifest: manifest, verification: result, checkpointSize: checkpoint?.size)
    }

    /// Opens `database` under a fresh id for the duration of `body`, then closes its connections.
    static func withDatabase<T>(_ app: Application, _ database: BureauConfig.DatabaseChoice,
                                _ body: (any Database) async throws -> T) async throws -> T {
        let id = DatabaseID(string: "backup-\(UUID().uuidString)")
        switch database {
        case .sqliteFile(let path): app.databases.use(.sqlite(.file(path)), as: id, isDefault: false)
        case .postgres(let url): try app.databases.use(.postgres(url: url), as: id, isDefault: false)
        case .sqliteMemory: throw Failure("an in-memory database cannot be restored into; name a file or PostgreSQL")
        }
        guard let db = app.databases.database(id, logger: app.logger, on: app.eventLoopGroup.any()) else {
            throw Failure("cannot open the database")
        }
        do {
            let result = try await body(db)
            app.databases.reinitialize(id)
            return result
        } catch {
            app.databases.reinitialize(id)
            throw error
        }
    }

    // MARK: Verify

    /// Decrypts, checks every part, restores into a temporary place (an SQLite file, or a temporary
    /// database in the same PostgreSQL cluster, dropped after) and verifies the audit log there.
    public static func verify(_ app: Application, file: URL, identity: Curve25519.KeyAgreement.PrivateKey) async throws -> Checked {
        let staging = try privateFolder("bureau-verify")
        defer { try? FileManager.default.removeItem(at: staging) }
        let manifest = try unpack(file, identity: identity, into: staging)
        if manifest.database == "sqlite" {
            let path = staging.appendingPathComponent("database.sqlite").path
            return try await withDatabase(app, .sqliteFile(path)) { try await checkAudit($0, manifest: manifest, keys: staging) }
        }
        guard case .postgres(let url) = app.bureau.config.database else {
            throw Failure("a PostgreSQL backup is verified in a PostgreSQL cluster: set DATABASE_URL to one (a temporary database is created there and dropped)")
        }
        let name = "bureau_verify_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
        guard let sql = app.db as? any SQLDatabase else { throw Failure("not an SQL database") }
        try await sql.raw("CREATE DATABASE \(ident: name)").run()
        do {
            try PostgresTools.run("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "--dbname", name,
                                                 staging.appendingPathComponent("database.pgdump").path], url: url)
            let checked = try await withDatabase(app, .postgres(try PostgresTools.url(url, database: name))) {
                try await checkAudit($0, manifest: manifest, keys: staging)
            }
            try await sql.raw("DROP DATABASE \(ident: name) WITH (FORCE)").run()
            return checked
        } catch {
            try? await sql.raw("DROP DATABASE \(ident: name) WITH (FORCE)").run()
            throw error
        }
    }

    // MARK: Restore

    /// Restores `file` into `database` and the key files into `dataDirectory`. Refuses a registry that
    /// holds data unless `force`. Every part is decrypted and checked before anything is replaced.
    public static func restore(_ app: Application, file: URL, identity: Curve25519.KeyAgreement.PrivateKey,
                               dataDirectory: URL, database: BureauConfig.DatabaseChoice, force: Bool) async throws -> Checked {
        try FileManager.default.createDirectory(at: dataDirectory, withIntermediateDirectories: true)
        // Staged inside the target folder, so the final renames stay on one file system.
        let staging = try privateFolder(in: dataDirectory, ".bureau-restore")
        defer { try? FileManager.default.removeItem(at: staging) }
        let manifest = try unpack(file, identity: identity, into: staging)
        switch (manifest.database, database) {
        case ("sqlite", .sqliteFile), ("postgresql", .postgres): break
        default:
            throw Failure("the backup is of a \(manifest.database) database; restore it into the same kind (DATABASE_URL)")
        }
        let occupied = try await withDatabase(app, database) { try await DatabaseSnapshot.holdsData($0) }
        if occupied && !force {
            throw Failure("the target registry is not empty; nothing was restored. Add --force to replace it")
        }
        switch database {
        case .sqliteFile(let path):
            for suffix in ["-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            guard rename(staging.appendingPathComponent("database.sqlite").path, path) == 0 else {
                throw Failure("cannot move the restored database to \(path)")
            }
        case .postgres(let url):
            let name = String((URLComponents(string: url)?.path ?? "/").dropFirst())
            try PostgresTools.run("pg_restore", ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction",
                                                 "--exit-on-error", "--dbname", name,
                                                 staging.appendingPathComponent("database.pgdump").path], url: url)
        case .sqliteMemory: break
        }
        for part in manifest.parts where BackupManifest.keyFiles.contains(part.name) {
            let target = dataDirectory.appendingPathComponent(part.name)
            guard rename(staging.appendingPathComponent(part.name).path, target.path) == 0 else {
                throw Failure("cannot move \(part.name) into \(dataDirectory.path)")
            }
        }
        // A rotation unfinished in the backup keeps its old key; one finished there must not inherit a stale one.
        if !manifest.parts.contains(where: { $0.name == FieldCipher.oldFileName }) {
            try? FileManager.default.removeItem(at: dataDirectory.appendingPathComponent(FieldCipher.oldFileName))
        }
        return try await withDatabase(app, database) { try await checkAudit($0, manifest: manifest, keys: dataDirectory) }
    }
}
