import BureauCore
import Fluent
import Foundation
import SQLKit

/// A consistent copy of a live database, taken while the server keeps writing: SQLite's `VACUUM INTO`
/// (one read transaction, so the copy is a single point in time; a plain file copy could tear a page
/// mid-write), or `pg_dump --format=custom` (one repeatable-read snapshot).
public enum DatabaseSnapshot {
    public enum Source: Sendable {
        case sqlite
        case postgres(url: String)

        public var name: String {
            switch self {
            case .sqlite: return "sqlite"
            case .postgres: return "postgresql"
            }
        }

        public var partName: String {
            switch self {
            case .sqlite: return "database.sqlite"
            case .postgres: return "database.pgdump"
            }
        }
    }

    /// Writes the snapshot to `file` (which must not exist).
    public static func take(_ source: Source, of db: any Database, to file: URL) async throws {
        switch source {
        case .sqlite:
            guard let sql = db as? any SQLDatabase else { throw PostgresTools.Failure(description: "not an SQL database") }
            try await sql.raw("VACUUM INTO \(literal: file.path)").run()
        case .postgres(let url):
            try PostgresTools.run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--file", file.path], url: url)
        }
    }

    /// What the manifest says of the database: the last migration applied, the audit log's size and root,
    /// and the newest signed checkpoint.
    public struct State: Sendable {
        public var schemaVersion: String
        public var auditSize: Int64
        public var auditRoot: Data
        public var checkpoint: String?
    }

    public static func state(of db: any Database) async throws -> State {
        let size = try await AuditModel.query(on: db).sort(\.$id, .descending).first()?.id ?? 0
        let root = size == 0 ? MerkleTree.emptyRoot : try await AuditTree.root(size: size, on: db)
        let checkpoint = try await CheckpointModel.query(on: db).sort(\.$size, .descending)
            .sort(\.$createdAt, .descending).first()?.note
        return State(schemaVersion: try await schemaVersion(of: db), auditSize: size, auditRoot: root, checkpoint: checkpoint)
    }

    /// The last of Bureau's migrations (in their running order) that `db` has applied.
    public static func schemaVersion(of db: any Database) async throws -> String {
        guard let sql = db as? any SQLDatabase else { return "unknown" }
        let applied = Set(try await sql.raw("SELECT name FROM _fluent_migrations").all()
            .map { try $0.decode(column: "name", as: String.self) })
        let last = BureauMigrations.all.last { applied.contains($0.name) }
        return last.map { shortName($0.name) } ?? "none"
    }

    /// `BureauStore.M017_CreateMediaReleases` → `M017_CreateMediaReleases`.
    public static func shortName(_ name: String) -> String {
        String(name.split(separator: ".").last ?? Substring(name))
    }

    /// Whether this Bureau knows the migration a backup was made at (a newer Bureau's backup may hold
    /// tables this one cannot read).
    public static func knows(schemaVersion: String) -> Bool {
        schemaVersion == "none" || BureauMigrations.all.contains { shortName($0.name) == schemaVersion }
    }

    /// True when the registry holds anything: staff accounts, prisoners or audit entries.
    public static func holdsData(_ db: any Database) async throws -> Bool {
        guard let sql = db as? any SQLDatabase else { return false }
        for table in [UserModel.schema, PrisonerModel.schema, AuditModel.schema] {
            // A database that was never migrated has no tables: empty.
            guard let rows = try? await sql.raw("SELECT 1 AS one FROM \(ident: table) LIMIT 1").all() else { continue }
            if !rows.isEmpty { return true }
        }
        return false
    }
}
