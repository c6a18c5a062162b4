import BureauCore
import BureauStore
@testable import BureauWeb
import Fluent
import Foundation
import Glibc
import SQLKit
import NIOConcurrencyHelpers
import Testing
import Vapor
import VaporTesting

/// A clock the test moves by hand, so lockouts, idle sessions and setup links can be tested exactly.
final class TestClock: Sendable {
    private let current: NIOLockedValueBox<Date>

    init(_ start: Date = ISO8601DateFormatter().date(from: "2026-11-27T09:00:00Z")!) {
        current = NIOLockedValueBox(start)
    }

    var now: Date { current.withLockedValue { $0 } }

    func advance(_ seconds: TimeInterval) {
        current.withLockedValue { $0 = $0.addingTimeInterval(seconds) }
    }

    var clock: BureauCore.Clock { BureauCore.Clock { [current] in current.withLockedValue { $0 } } }
}

/// Authenticator secrets by username, as the staff's phones would hold them.
final class Authenticators: Sendable {
    private let secrets = NIOLockedValueBox([String: [UInt8]]())

    func set(_ username: String, _ secret: [UInt8]) {
        secrets.withLockedValue { $0[username] = secret }
    }

    func secret(_ username: String) -> [UInt8]? {
        secrets.withLockedValue { $0[username] }
    }
}

/// The database the suite runs on: PostgreSQL when `DATABASE_URL` names one, else in-memory SQLite.
enum TestDatabase {
    static var choice: BureauConfig.DatabaseChoice {
        if let url = ProcessInfo.processInfo.environment["DATABASE_URL"], url.hasPrefix("postgres") {
            return .postgres(url)
        }
        return .sqliteMemory
    }

    static var isPostgres: Bool {
        if case .postgres = choice { return true }
        return false
    }
}

struct TestBureau {
    let app: Application
    let clock: TestClock
    let dataDirectory: URL
    /// The authenticator secrets of the accounts the test enrolled, to compute their codes.
    let authenticators = Authenticators()

    var services: BureauServices { app.bureau }
}

/// Runs `body` against a freshly migrated Bureau. On PostgreSQL the schema is reverted first, so
/// every test starts empty; the suite is serialized for that reason.
func withBureau(_ body: (TestBureau) async throws -> Void) async throws {
    let clock = TestClock()
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bureau-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let app = try await Application.make(.testing)
    do {
        let config = BureauConfig(database: TestDatabase.choice, dataDirectory: directory, port: 0,
                                  bcryptCost: 4, secureCookies: true, timeZone: TimeZone(identifier: "Europe/Kyiv")!)
        try await configure(app, config: config, clock: clock.clock)
        app.logger.logLevel = .warning
        if TestDatabase.isPostgres {
            try await resetPostgres(app)
        }
        try await app.autoMigrate()
        try await body(TestBureau(app: app, clock: clock, dataDirectory: directory))
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
    try await app.asyncShutdown()
}

/// Drops everything a previous test left behind, including the migration log.
func resetPostgres(_ app: Application) async throws {
    guard let sql = app.db as? any SQLDatabase else { return }
    try await sql.raw("DROP SCHEMA public CASCADE").run()
    try await sql.raw("CREATE SCHEMA public").run()
}

extension TestBureau {
    static let password = "correct horse battery"

    /// A staff account. Roles that must sign in with a second factor are enrolled on the spot, like a
    /// real user on the first sign-in, and their codes are then computed by `code(for:)`.
    @discardableResult
    func makeUser(_ username: String, _ role: Role) async throws -> UserStore.Account {
        let hash = try await app.password.async.hash(Self.password)
        let account = try await services.users.create(username: username, passwordHash: hash, role: role, by: .console)
        if services.config.secondFactor.isRequired(for: role) {
            try await enrol(account)
        }
        return account
    }

    /// Enrols an authenticator for `account` through the store, as the enrolment page does; returns the recovery codes.
    @discardableResult
    func enrol(_ account: UserStore.Account) async throws -> [String] {
        let principal = Principal(username: account.username, role: account.role)
        let enrolment = try await services.users.beginEnrolment(userID: account.id, by: principal)
        // Enrol with the previous step's code, leaving the current and the next for sign-ins.
        let code = TOTP(secret: enrolment.secret).code(atStep: TOTP.step(at: clock.now) - 1)
        let recovery = try await services.users.confirmEnrolment(userID: account.id, code: code, by: principal)
        authenticators.set(account.username, enrolment.secret)
        return recovery
    }

    /// The code the user's authenticator shows now, or nil when none is enrolled. A code is accepted
    /// once, so a third sign-in within the same 30 seconds waits (moves the test clock) for the next one.
    func code(for username: String) async throws -> String? {
        guard let secret = authenticators.secret(username) else { return nil }
        let last = try await UserModel.query(on: app.db).filter(\.$username == username).first()?.totpLastStep
        let now = TOTP.step(at: clock.now)
        guard let step = ((now - 1)...(now + 1)).first(where: { $0 > (last ?? .min) }) else {
            clock.advance(TOTP.period)
            return try await code(for: username)
        }
        return TOTP(secret: secret).code(atStep: step)
    }

    /// The sign-in body for `username`, with the authenticator's code when it has one.
    func signInJSON(_ username: String, password: String = TestBureau.password) async throws -> String {
        var body = ["username": username, "password": password]
        body["code"] = try await code(for: username)
        return String(decoding: try JSONEncoder().encode(body), as: UTF8.self)
    }

    /// Signs in through the API and returns the bearer token.
    func token(_ username: String, password: String = TestBureau.password) async throws -> String {
        var token = ""
        let body = try await signInJSON(username, password: password)
        try await app.testing().test(.POST, "api/v1/session", beforeRequest: { request in
            request.headers.contentType = .json
            request.body = ByteBuffer(string: body)
        }, afterResponse: { response in
            #expect(response.status == .created, "sign-in of \(username) failed: \(response.body.string)")
            token = (try? response.content.get(String.self, at: "token")) ?? ""
        })
        return token
    }

    /// A staff member of `role`, signed in.
    func signedIn(_ role: Role, name: String? = nil) async throws -> String {
        let username = name ?? role.rawValue.replacingOccurrences(of: "_", with: ".")
        try await makeUser(username, role)
        return try await token(username)
    }

    /// Sends a JSON request with a bearer token and returns the response.
    func send(_ method: HTTPMethod, _ path: String, token: String?, json: String? = nil,
              headers extra: [(String, String)] = []) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        if let token { headers.bearerAuthorization = BearerAuthorization(token: token) }
        for (name, value) in extra { headers.add(name: name, value: value) }
        var body = ByteBuffer()
        if let json {
            headers.contentType = .json
            body = ByteBuffer(string: json)
        }
        return try await app.testing().sendRequest(method, path, headers: headers, body: body)
    }

    func auditCount() async throws -> Int {
        try await AuditModel.query(on: app.db).count()
    }

    func prisonerCount() async throws -> Int {
        try await PrisonerModel.query(on: app.db).count()
    }

    func lastAudit() async throws -> AuditModel? {
        try await AuditModel.query(on: app.db).sort(\.$id, .descending).first()
    }
}

extension TestingHTTPResponse {
    /// The `error` object of an API error response.
    var errorCode: String? { try? content.get(String.self, at: "error", "code") }
    var errorField: String? { try? content.get(String.self, at: "error", "field") }
}

/// A registration body in the API's JSON, with a Hangul claim and a Cyrillic one.
enum Fixtures {
    static func registration(surname: String = "김", firstNames: String = "정호", born: String = "1999",
                             capturedAt: String = "2025-01-09T10:30:00Z", serviceNumber: String? = nil,
                             power: String = "PRK", extra: String = "") -> String {
        let service = serviceNumber.map { #", "serviceNumber": "\#($0)""# } ?? ""
        return """
        {"powerDependedOn": {"power": "\(power)", "contested": true, "rationale": "KPA unit integrated into Russian formations"},
         "forcesServedWith": "Armed Forces of the Russian Federation", "languages": ["ko"],
         "claims": [
           {"surname": "\(surname)", "firstNames": "\(firstNames)", "dateOfBirth": "\(born)", "source": "self_declared", "isAssessed": true\(service)},
           {"surname": "Ким", "firstNames": "Чон Хо", "source": "investigator"}
         ],
         "capturedAt": "\(capturedAt)",
         "capture": {"place": "Kursk region", "wounds": ["broken leg"]}\(extra)}
        """
    }
}

extension TestingHTTPResponse {
    /// The body as a JSON tree.
    var json: Any? { try? JSONSerialization.jsonObject(with: Data(body.string.utf8)) }

    /// Follows `path` (object keys and array indexes) into the JSON body.
    func value(_ path: [Any]) -> Any? {
        var node = json
        for step in path {
            if let key = step as? String { node = (node as? [String: Any])?[key] }
            if let index = step as? Int {
                guard let array = node as? [Any], array.indices.contains(index) else { return nil }
                node = array[index]
            }
        }
        return node
    }

    /// `field` of every element of the array at `path`, as strings (`claims[*].displayName`).
    func each(_ path: [Any], _ field: String) -> [String] {
        ((value(path) as? [Any]) ?? (path.isEmpty ? json as? [Any] : nil) ?? []).map {
            ($0 as? [String: Any])?[field].map { "\($0)" } ?? "<none>"
        }
    }
}

/// Loopback ports for servers the tests start, asked of the kernel rather than guessed.
enum Ports {
    /// A port the kernel just reported free on 127.0.0.1.
    static func free() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Starts Bureau's HTTP server on a free loopback port, trying again if another process took it first.
    static func startServer(_ app: Application) async throws -> Int {
        var lastError: (any Error)?
        for _ in 0..<5 {
            let port = free()
            app.http.server.configuration.port = port
            do {
                try await app.server.start(address: .hostname("127.0.0.1", port: port))
                return port
            } catch {
                lastError = error
            }
        }
        throw lastError!
    }
}

extension WebDriver {
    /// Signs `username` in through the sign-in page (the one place a browser test signs in, so a second
    /// factor added later changes only this).
    func signIn(_ site: String, _ username: String, password: String = TestBureau.password) async throws {
        try await go(site + "/login")
        try await type("#username", username)
        try await type("#password", password)
        try await click("#sign-in")
        try await waitForURL { !$0.contains("/login") }
    }

    /// Signs out through the header's button.
    func signOut(_ site: String) async throws {
        try await click("header form[action=\"/logout\"] button")
        try await waitForURL { $0.contains("/login") || $0 == site + "/" }
    }
}
