import BureauCore
import BureauStore
import Foundation
import Vapor

/// `bureau audit checkpoint | verify | prove | check-proof | public-key | cosignature`: the Merkle-tree
/// audit log (issue 10). The log key is `BUREAU_DATA_DIR/bureau-log.key` (created on first use, mode 0600).
struct AuditCommand: AsyncCommandGroup {
    var help: String { "The tamper-evident audit log: verify, signed checkpoints, inclusion proofs" }

    var commands: [String: any AnyAsyncCommand] {
        ["verify": AuditVerifyCommand(), "checkpoint": AuditCheckpointCommand(), "prove": AuditProveCommand(),
         "check-proof": AuditCheckProofCommand(), "public-key": AuditPublicKeyCommand(),
         "cosignature": AuditCosignatureCommand()]
    }

    /// The console acts as an auditor.
    static let principal = Principal(username: "console", role: .auditor)

    static func read(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else { throw CommandFailure("cannot read \(path)") }
        guard let text = String(data: data, encoding: .utf8) else { throw CommandFailure("\(path) is not UTF-8 text") }
        return text
    }

    /// A verifier key given inline (`name+hash+keydata`) or as a file holding one.
    static func verifierKey(_ argument: String) throws -> NoteVerifier {
        let text = FileManager.default.fileExists(atPath: argument) ? try read(argument) : argument
        do { return try NoteVerifier(vkey: text) } catch { throw CommandFailure("public key: \(error)") }
    }
}

extension BureauServices {
    /// The log's checkpoints, signed with the key in the data directory.
    func auditCheckpoints() throws -> AuditCheckpoints {
        AuditCheckpoints(context: context, signer: try LogSigner.loadOrCreate(in: config.dataDirectory, origin: config.logOrigin))
    }
}

struct AuditVerifyCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "checkpoint", help: "a checkpoint signed earlier: the log must be an append-only extension of it")
        var checkpoint: String?
        @Option(name: "public-key", help: "the log's verifier key, if not this Bureau's key file")
        var publicKey: String?
    }

    var help: String { "Exit 0 if the audit log is intact (and extends --checkpoint), 1 naming what broke" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        var checkpoint: Checkpoint?
        if let path = signature.checkpoint?.trimmedOrNil {
            let key = try signature.publicKey.map(AuditCommand.verifierKey)
                ?? app.bureau.auditCheckpoints().signer.verifier
            do {
                checkpoint = try Checkpoint.verify(try AuditCommand.read(path), log: key).checkpoint
            } catch {
                throw CommandFailure("checkpoint \(path): \(error)")
            }
        }
        let result = try await AuditLog.verify(on: app.db, against: checkpoint)
        do {
            try await AuditVerifications.record(result, checkpoint: checkpoint, by: AuditCommand.principal,
                                                context: app.bureau.context)
        } catch {
            context.console.warning("the verification could not be recorded in the log: \(error)")
        }
        guard result.intact else { throw CommandFailure(result.problems.joined(separator: "\n")) }
        context.console.print("audit chain intact: \(result.size) entries, head \(result.head), root \(result.root.base64EncodedString())")
        if let checkpoint {
            context.console.print("an append-only extension of checkpoint size \(checkpoint.size) (consistency proof verified)")
        }
    }
}

struct AuditCheckpointCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "output", help: "where to write the signed checkpoint")
        var output: String?
    }

    var help: String { "Sign a checkpoint of the whole log now (c2sp.org/tlog-checkpoint)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let output = signature.output?.trimmedOrNil else { throw CommandFailure("audit checkpoint needs --output FILE") }
        let app = context.application
        try await app.autoMigrate()
        let stored = try await app.bureau.auditCheckpoints().make(by: AuditCommand.principal)
        try Data(stored.note.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        context.console.print("checkpoint of \(stored.size) entries, root \(stored.rootHash), written to \(output)")
    }
}

struct AuditProveCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "entry", help: "the entry's number (1 is the first)")
        var entry: Int64?
        @Option(name: "checkpoint", help: "the signed checkpoint the proof leads to")
        var checkpoint: String?
        @Option(name: "output", help: "where to write the proof (c2sp.org/tlog-proof@v1)")
        var output: String?
    }

    var help: String { "Write an inclusion proof for one entry, checkable offline with check-proof" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let number = signature.entry, let path = signature.checkpoint?.trimmedOrNil,
              let output = signature.output?.trimmedOrNil else {
            throw CommandFailure("audit prove needs --entry N --checkpoint FILE --output PROOF")
        }
        let app = context.application
        try await app.autoMigrate()
        let checkpoints = try app.bureau.auditCheckpoints()
        let text = try AuditCommand.read(path)
        let checkpoint: Checkpoint
        do {
            checkpoint = try Checkpoint.verify(text, log: checkpoints.signer.verifier).checkpoint
        } catch {
            throw CommandFailure("checkpoint \(path): \(error)")
        }
        let proof = try await checkpoints.proof(entry: number, size: checkpoint.size, by: AuditCommand.principal)
        guard proof.root == checkpoint.root else {
            throw CommandFailure("the stored log is not the one checkpoint size \(checkpoint.size) signed; run audit verify")
        }
        let file = TlogProof(entryBytes: AuditChain.canonicalEncoding(of: proof.entry), index: number - 1,
                             path: proof.path, checkpoint: text)
        try Data(file.encoded.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        context.console.print("inclusion proof for entry \(number) (\(proof.entry.action)) in the tree of \(checkpoint.size) written to \(output)")
    }
}

struct AuditPublicKeyCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String { "Print the log's verifier key (c2sp.org/signed-note: name+hash+keydata)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        context.console.print(try context.application.bureau.auditCheckpoints().signer.verifier.vkey)
    }
}

struct AuditCosignatureCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "the checkpoint as the witness returned it, its cosignature line added")
        var file: String
        @Option(name: "witness-key", help: "the witness's verifier key (name+hash+keydata, type 4 or 1)")
        var witnessKey: String?
    }

    var help: String { "Import a witness's cosignature on one of the log's checkpoints" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let key = signature.witnessKey?.trimmedOrNil else { throw CommandFailure("audit cosignature needs --witness-key KEY") }
        let app = context.application
        try await app.autoMigrate()
        let cosignature = try await app.bureau.auditCheckpoints()
            .importCosignature(try AuditCommand.read(signature.file), witness: try AuditCommand.verifierKey(key),
                               by: AuditCommand.principal)
        context.console.print("cosignature of \(cosignature.witness) imported")
    }
}
