import BureauCore
import BureauStore
import Foundation
import Vapor

/// `bureau keys rotate-field [--batch N]`: a new field key; every sealed value re-sealed (see
/// `FieldKeyRotation`). Stop the server first; rerun after an interruption and it continues.
struct KeysCommand: AsyncCommandGroup {
    var help: String { "Key custody: rotate the field key" }
    var commands: [String: any AnyAsyncCommand] { ["rotate-field": RotateFieldKeyCommand()] }
}

struct RotateFieldKeyCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "batch", help: "values re-sealed per transaction (default 500)")
        var batch: Int?
    }

    var help: String { "Re-seal interviews, will statements and TOTP secrets under a new field key (resumable)" }

    /// The console acts as the administrator, who holds the keys.
    static let principal = Principal(username: "console", role: .administrator)

    func run(using context: CommandContext, signature: Signature) async throws {
        let batch = signature.batch ?? 500
        guard (1...100_000).contains(batch) else { throw CommandFailure("--batch must be in 1...100000") }
        let app = context.application
        try await app.autoMigrate()
        let rotation = FieldKeyRotation(directory: app.bureau.config.dataDirectory, context: app.bureau.context,
                                        principal: Self.principal, batchSize: batch)
        let started = Date()
        switch try await rotation.run() {
        case .finished(let count), .stopped(let count):
            context.console.print("field key rotated: \(count) values re-sealed in "
                + String(format: "%.1f s", Date().timeIntervalSince(started)) + "; bureau-field.key.old removed")
        }
    }
}
