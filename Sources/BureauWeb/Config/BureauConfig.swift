import BureauCore
import Foundation

/// Everything Bureau reads from its environment, resolved once at start-up.
///
/// Unset means a safe local default: an SQLite file in the working directory, loopback only.
public struct BureauConfig: Sendable {
    public enum DatabaseChoice: Sendable, Equatable {
        case sqliteFile(String)
        case sqliteMemory
        case postgres(String)
    }

    public var database: DatabaseChoice
    /// Where the SQLite file and the key files live (`BUREAU_DATA_DIR`, default: working directory).
    public var dataDirectory: URL
    public var hostname: String
    public var port: Int
    /// Seconds of inactivity after which a session ends (`BUREAU_SESSION_IDLE_MINUTES`, default 30).
    public var sessionIdleTimeout: TimeInterval
    /// bcrypt cost (`BUREAU_BCRYPT_COST`, default 12; tests lower it to stay fast).
    public var bcryptCost: Int
    /// Mark cookies `Secure` (`BUREAU_COOKIE_SECURE`, default on).
    public var secureCookies: Bool
    /// Time zone for dates typed into forms and shown on pages (`BUREAU_TIME_ZONE`, default Europe/Kyiv).
    public var timeZone: TimeZone
    /// Roles that must sign in with an authenticator code (`BUREAU_TOTP_REQUIRED_ROLES`, default
    /// administrator, approver, legal officer).
    public var secondFactor: SecondFactorPolicy
    /// The audit log's checkpoint origin and key name (`BUREAU_LOG_ORIGIN`; default derived from the log key).
    public var logOrigin: String?
    /// A checkpoint is signed once the log grew by this many entries (`BUREAU_CHECKPOINT_ENTRIES`, default 1000)…
    public var checkpointEntries: Int
    /// …or grew at all and the last one is this old (`BUREAU_CHECKPOINT_MINUTES`, default 60).
    public var checkpointMinutes: Int
    /// Scheduled backups (issue 13): the folder they are written to (`BUREAU_BACKUP_DIR`)…
    public var backupDirectory: URL?
    /// …every this many hours (`BUREAU_BACKUP_HOURS`, default 24)…
    public var backupHours: Int
    /// …encrypted to this recipient (`BUREAU_BACKUP_RECIPIENT`: the `.pub` file or its one line).
    public var backupRecipient: String?

    public init(database: DatabaseChoice, dataDirectory: URL, hostname: String = "127.0.0.1", port: Int = 8080,
                sessionIdleTimeout: TimeInterval = 30 * 60, bcryptCost: Int = 12, secureCookies: Bool = true,
                timeZone: TimeZone = TimeZone(identifier: "Europe/Kyiv")!,
                secondFactor: SecondFactorPolicy = SecondFactorPolicy(), logOrigin: String? = nil,
                checkpointEntries: Int = 1000, checkpointMinutes: Int = 60,
                backupDirectory: URL? = nil, backupHours: Int = 24, backupRecipient: String? = nil) {
        self.database = database
        self.dataDirectory = dataDirectory
        self.hostname = hostname
        self.port = port
        self.sessionIdleTimeout = sessionIdleTimeout
        self.bcryptCost = bcryptCost
        self.secureCookies = secureCookies
        self.timeZone = timeZone
        self.secondFactor = secondFactor
        self.logOrigin = logOrigin
        self.checkpointEntries = checkpointEntries
        self.checkpointMinutes = checkpointMinutes
        self.backupDirectory = backupDirectory
        self.backupHours = backupHours
        self.backupRecipient = backupRecipient
    }

    public struct Invalid: Error, CustomStringConvertible {
        public var problems: [String]
        public var description: String { "invalid configuration:\n  " + problems.joined(separator: "\n  ") }
    }

    /// Reads the environment and fails with every problem at once.
    public static func load(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> BureauConfig {
        var problems: [String] = []
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let dataDirectory = environment["BUREAU_DATA_DIR"].map { URL(fileURLWithPath: $0, relativeTo: cwd) } ?? cwd
        var database = DatabaseChoice.sqliteFile(dataDirectory.appendingPathComponent("bureau.sqlite").path)
        if let url = environment["DATABASE_URL"], !url.isEmpty {
            if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
                database = .postgres(url)
            } else if url == "sqlite::memory:" {
                database = .sqliteMemory
            } else if url.hasPrefix("sqlite://") {
                database = .sqliteFile(String(url.dropFirst("sqlite://".count)))
            } else {
                problems.append("DATABASE_URL must start with postgres://, sqlite:// or be sqlite::memory:")
            }
        }
        func int(_ key: String, _ fallback: Int, _ range: ClosedRange<Int>) -> Int {
            guard let text = environment[key] else { return fallback }
            guard let value = Int(text), range.contains(value) else {
                problems.append("\(key) must be a whole number in \(range.lowerBound)...\(range.upperBound)")
                return fallback
            }
            return value
        }
        let port = int("BUREAU_PORT", 8080, 1...65535)
        let idle = int("BUREAU_SESSION_IDLE_MINUTES", 30, 1...1440)
        let cost = int("BUREAU_BCRYPT_COST", 12, 4...31)
        var zone = TimeZone(identifier: "Europe/Kyiv")!
        if let name = environment["BUREAU_TIME_ZONE"] {
            if let parsed = TimeZone(identifier: name) { zone = parsed } else { problems.append("BUREAU_TIME_ZONE: unknown zone \(name)") }
        }
        var secondFactor = SecondFactorPolicy()
        if let text = environment["BUREAU_TOTP_REQUIRED_ROLES"] {
            switch SecondFactorPolicy.parse(text) {
            case .success(let policy): secondFactor = policy
            case .failure(let unknown):
                problems.append("BUREAU_TOTP_REQUIRED_ROLES: unknown role \(unknown.names.joined(separator: ", ")); use "
                                + Role.allCases.map(\.rawValue).joined(separator: ", ") + " or none")
            }
        }
        let checkpointEntries = int("BUREAU_CHECKPOINT_ENTRIES", 1000, 2...1_000_000)
        let checkpointMinutes = int("BUREAU_CHECKPOINT_MINUTES", 60, 1...10080)
        let origin = environment["BUREAU_LOG_ORIGIN"].flatMap { $0.isEmpty ? nil : $0 }
        if let origin, origin.contains(where: { $0 == "+" || $0.isWhitespace }) {
            problems.append("BUREAU_LOG_ORIGIN may hold no spaces and no + (e.g. nib.example.org/audit)")
        }
        let backupHours = int("BUREAU_BACKUP_HOURS", 24, 1...720)
        let backupDirectory = environment["BUREAU_BACKUP_DIR"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0, relativeTo: cwd) }
        let backupRecipient = environment["BUREAU_BACKUP_RECIPIENT"].flatMap { $0.isEmpty ? nil : $0 }
        if (backupDirectory == nil) != (backupRecipient == nil) {
            problems.append("BUREAU_BACKUP_DIR and BUREAU_BACKUP_RECIPIENT go together: set both for scheduled backups, or neither")
        }
        let secure = environment["BUREAU_COOKIE_SECURE"].map { !["0", "false", "no"].contains($0.lowercased()) } ?? true
        if !problems.isEmpty { throw Invalid(problems: problems) }
        return BureauConfig(database: database, dataDirectory: dataDirectory,
                            hostname: environment["BUREAU_HOST"] ?? "127.0.0.1", port: port,
                            sessionIdleTimeout: TimeInterval(idle * 60), bcryptCost: cost, secureCookies: secure,
                            timeZone: zone, secondFactor: secondFactor, logOrigin: origin,
                            checkpointEntries: checkpointEntries, checkpointMinutes: checkpointMinutes,
                            backupDirectory: backupDirectory, backupHours: backupHours, backupRecipient: backupRecipient)
    }
}
