import BureauCore
import BureauStore
import Crypto
import Foundation
import Vapor

/// `bureau outbox export --output FILE | verify FILE [--public-key KEY] | ack FILE | public-key | list`.
///
/// Export writes every pending notice as one JSON batch signed with the Bureau's Ed25519 key
/// (`BUREAU_DATA_DIR/bureau-outbox.key`, created on first use, mode 0600) and marks them sent.
/// Verify exits 0 when the signature is valid for this Bureau's key (or `--public-key`), 1 otherwise.
struct OutboxCommand: AsyncCommandGroup {
    var help: String { "The notifications outbox (Arts. 122–123): signed batches for the CTA" }

    var commands: [String: any AnyAsyncCommand] {
        ["export": OutboxExportCommand(), "verify": OutboxVerifyCommand(), "ack": OutboxAckCommand(),
         "public-key": OutboxPublicKeyCommand(), "list": OutboxListCommand()]
    }

    /// The console acts as a liaison officer: the role that sends notifications.
    static func principal(_ name: String?) -> Principal {
        Principal(username: name?.trimmedOrNil ?? "console", role: .liaisonOfficer)
    }
}

struct OutboxExportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "output", help: "where to write the signed batch")
        var output: String?
        @Option(name: "operator", help: "who sends (audit trail and timelines); default console")
        var operatorName: String?
    }

    var help: String { "Write the pending notices as one signed batch and mark them sent" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let output = signature.output?.trimmedOrNil else { throw CommandFailure("outbox export needs --output FILE") }
        let app = context.application
        try await app.autoMigrate()
        let url = URL(fileURLWithPath: output)
        let result = try await OutboxBatchExport.export(app.bureau, by: OutboxCommand.principal(signature.operatorName)) { data in
            try data.write(to: url, options: .atomic)
        }.result
        context.console.print("exported \(result.count) notices in batch \(result.batchID) to \(output)")
        for skipped in result.skipped { context.console.print("skipped (no longer owed): \(skipped)") }
    }
}

struct OutboxVerifyCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "the signed batch")
        var file: String
        @Option(name: "public-key", help: "verify against this base64 Ed25519 public key instead of this Bureau's")
        var publicKey: String?
    }

    var help: String { "Check a batch's signature: exit 0 if valid, 1 otherwise" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let data = FileManager.default.contents(atPath: signature.file) else {
            throw CommandFailure("cannot read \(signature.file)")
        }
        let key: Curve25519.Signing.PublicKey
        if let text = signature.publicKey?.trimmedOrNil {
            guard let raw = Data(base64Encoded: text), let parsed = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) else {
                throw CommandFailure("--public-key is not a base64 Ed25519 public key")
            }
            key = parsed
        } else {
            key = try OutboxSigner.loadOrCreate(in: context.application.bureau.config.dataDirectory).publicKey
        }
        switch OutboxSigner.verify(data, expected: key) {
        case .valid(let batch):
            let notices = (try? JSONSerialization.jsonObject(with: batch) as? [String: Any])?["notices"] as? [Any]
            context.console.print("signature valid: \(notices?.count ?? 0) notices, key \(key.rawRepresentation.base64EncodedString())")
        case .invalid(let reason):
            throw CommandFailure("signature INVALID: \(reason)")
        }
    }
}

struct OutboxAckCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "the acknowledgement file (bureau-outbox-ack/1)")
        var file: String
        @Option(name: "operator", help: "who imports; default console")
        var operatorName: String?
    }

    var help: String { "Import the recipient's acknowledgements" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let data = FileManager.default.contents(atPath: signature.file) else {
            throw CommandFailure("cannot read \(signature.file)")
        }
        let app = context.application
        try await app.autoMigrate()
        let count = try await NoticeOutbox(context: app.bureau.context)
            .importAcknowledgements(data, by: OutboxCommand.principal(signature.operatorName))
        context.console.print("acknowledged \(count) notices")
    }
}

struct OutboxPublicKeyCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String { "Print the Ed25519 public key batches are signed with (base64)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        context.console.print(try OutboxSigner.loadOrCreate(in: context.application.bureau.config.dataDirectory).publicKeyBase64)
    }
}

struct OutboxListCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String { "List the notices: id, status, subject, recipient, internment number, deadline" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        let formatter = ISO8601DateFormatter()
        for notice in try await NoticeOutbox(context: app.bureau.context).list(status: nil, by: OutboxCommand.principal(nil)) {
            context.console.print([notice.id.uuidString, notice.status.rawValue, notice.subject.rawValue,
                                   notice.recipient.rawValue, notice.content.internmentNumber,
                                   formatter.string(from: notice.dueAt)].joined(separator: "\t"))
        }
    }
}
