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
        if let link = try await setupLinkIfNeeded(app) {
            // Printed, not logged: the token must not end up in log files.
            print("""

            No staff account exists yet. Open this one-time link within an hour to create the first administrator:

                \(link)

            """)
        }
    }

    /// A fresh setup link when no user exists; nil otherwise.
    public static func setupLinkIfNeeded(_ app: Application) async throws -> String? {
        guard try await app.bureau.users.count() == 0 else { return nil }
        let token = Tokens.make()
        try await app.bureau.users.createSetupToken(tokenHash: Tokens.digest(token), validFor: setupLinkLifetime)
        let config = app.bureau.config
        return "http://\(config.hostname):\(config.port)/setup/\(token)"
    }
}
