import BureauCore
import BureauStore
import Vapor

/// What `bureau serve` does before listening: migrate, optionally load the demo, and print the
/// one-time setup link while no account exists.
public enum Startup {
    public static let setupLinkLifetime: TimeInterval = 3600

    public static func registerCommands(_ app: Application) {
        app.asyncCommands.use(UserCommand(), as: "user")
        app.asyncCommands.use(AuditCommand(), as: "audit")
        app.asyncCommands.use(DemoCommand(), as: "demo")
        app.asyncCommands.use(MigrateCommand(), as: "migrate")
        app.asyncCommands.use(OutboxCommand(), as: "outbox")
        app.asyncCommands.use(BenchCommand(), as: "bench")
        app.asyncCommands.use(BackupCommand(), as: "backup")
        app.asyncCommands.use(RestoreCommand(), as: "restore")
        app.asyncCommands.use(KeysCommand(), as: "keys")
    }

    public static func prepareServe(_ app: Application, demo: Bool) async throws {
        try await app.autoMigrate()
        if demo {
            let count = try await DemoRegistry.load(into: app.bureau.registry, now: app.bureau.context.clock.now())
            app.logger.notice("\(count == 0 ? "registry not empty: demo skipped" : "loaded \(count) demo prisoners")")
        }
        let started = Date()
        try await app.bureau.context.names.ensureLoaded(from: app.db)
        app.logger.notice("name index: \(app.bureau.context.names.count) names in \(String(format: "%.2f", Date().timeIntervalSince(started))) s")
        app.lifecycle.use(try CheckpointTimer(app: app))
        if let backups = try BackupTimer(app: app) { app.lifecycle.use(backups) }
        if let token = try await setupTokenIfNeeded(app) {
            // The link names the address the server really listens on (`--port`, `--hostname`, `--bind`
            // are only read when it starts), so it is printed once the socket is bound.
            Task { await printSetupLinkOnceListening(app, token: token) }
        }
    }

    static func printSetupLinkOnceListening(_ app: Application, token: String) async {
        for _ in 0..<1200 {
            if let address = app.http.server.shared.localAddress, let port = address.port {
                // Printed, not logged: the token must not end up in log files.
                let link = setupLink(host: displayHost(address.ipAddress ?? app.bureau.config.hostname), port: port, token: token)
                FileHandle.standardOutput.write(Data("""

                No staff account exists yet. Open this one-time link within an hour to create the first administrator:

                    \(link)


                """.utf8))
                return
            }
            try? await Task.sleep(for: .milliseconds(50))
        }
    }

    /// A wildcard address is not something to type into a browser; loopback reaches it from this machine.
    static func displayHost(_ host: String) -> String {
        switch host {
        case "0.0.0.0": return "127.0.0.1"
        case "::": return "[::1]"
        default: return host.contains(":") ? "[\(host)]" : host
        }
    }

    static func setupLink(host: String, port: Int, token: String) -> String {
        "http://\(host):\(port)/setup/\(token)"
    }

    /// A fresh setup token when no user exists; nil otherwise.
    static func setupTokenIfNeeded(_ app: Application) async throws -> String? {
        guard try await app.bureau.users.count() == 0 else { return nil }
        let token = Tokens.make()
        try await app.bureau.users.createSetupToken(tokenHash: Tokens.digest(token), validFor: setupLinkLifetime)
        return token
    }

    /// A fresh setup link (for the configured address) when no user exists; nil otherwise.
    public static func setupLinkIfNeeded(_ app: Application) async throws -> String? {
        guard let token = try await setupTokenIfNeeded(app) else { return nil }
        let config = app.bureau.config
        return setupLink(host: displayHost(config.hostname), port: config.port, token: token)
    }
}
