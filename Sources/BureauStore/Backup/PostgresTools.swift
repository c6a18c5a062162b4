import Foundation

/// Runs Debian's PostgreSQL client programs (`pg_dump`, `pg_restore`; package postgresql-client-15) for
/// backups. The connection goes through libpq's PG* environment variables, so the password is never
/// on a command line other users can read in the process list.
public enum PostgresTools {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The PG* environment for a `postgres://user:password@host:port/database?tlsmode=…` URL, with the
    /// database name replaced by `database` when given.
    public static func environment(url: String, database: String? = nil) throws -> [String: String] {
        guard let components = URLComponents(string: url), let host = components.host else {
            throw Failure(description: "DATABASE_URL is not a postgres:// URL with a host")
        }
        var environment = ProcessInfo.processInfo.environment
        environment["PGHOST"] = host
        environment["PGPORT"] = String(components.port ?? 5432)
        if let user = components.user { environment["PGUSER"] = user.removingPercentEncoding ?? user }
        if let password = components.password { environment["PGPASSWORD"] = password.removingPercentEncoding ?? password }
        let name = database ?? String(components.path.dropFirst())
        environment["PGDATABASE"] = name.isEmpty ? (components.user ?? "postgres") : name
        let tls = components.queryItems?.first { $0.name == "tlsmode" || $0.name == "sslmode" }?.value
        environment["PGSSLMODE"] = tls == "disable" ? "disable" : (tls == "require" ? "require" : "prefer")
        return environment
    }

    /// `url` with its database name replaced.
    public static func url(_ url: String, database: String) throws -> String {
        guard var components = URLComponents(string: url) else { throw Failure(description: "DATABASE_URL is not a URL") }
        components.path = "/" + database
        guard let result = components.string else { throw Failure(description: "DATABASE_URL is not a URL") }
        return result
    }

    static func locate(_ program: String) throws -> URL {
        let folders = ["/usr/lib/postgresql/15/bin", "/usr/bin", "/usr/local/bin"]
            + (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        for folder in folders {
            let candidate = URL(fileURLWithPath: folder).appendingPathComponent(program)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw Failure(description: "\(program) was not found: PostgreSQL backups need Debian's PostgreSQL client "
            + "(apt-get install postgresql-client-15)")
    }

    /// Runs `program` with `arguments` against the database of `url`; throws with its error output on failure.
    public static func run(_ program: String, _ arguments: [String], url: String, database: String? = nil) throws {
        let process = Process()
        process.executableURL = try locate(program)
        process.arguments = arguments
        process.environment = try environment(url: url, database: database)
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text = String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw Failure(description: "\(program) failed (exit \(process.terminationStatus)): \(text)")
        }
    }
}
