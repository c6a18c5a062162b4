import BureauCore
import BureauStore
import Vapor

/// `bureau demo load`: fills an empty registry with the fictional demo prisoners.
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "load")
        var action: String
    }

    var help: String { "Load the fictional demo registry into an empty database" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "load" else { throw CommandFailure("unknown action \(signature.action); use load") }
        let app = context.application
        try await app.autoMigrate()
        let count = try await DemoRegistry.load(into: app.bureau.registry, now: app.bureau.context.clock.now())
        context.console.print(count == 0 ? "the registry is not empty; demo not loaded" : "loaded \(count) demo prisoners")
    }
}

/// `bureau migrate`: applies pending migrations without asking (Fluent's own command prompts,
/// which fails in scripts and CI).
struct MigrateCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String { "Apply pending database migrations" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        context.console.print("migrations applied")
    }
}
