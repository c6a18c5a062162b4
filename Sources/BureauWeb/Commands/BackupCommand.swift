import BureauCore
import BureauStore
import Crypto
import Foundation
import Vapor

/// `bureau backup --output FILE --recipient PUBKEY`, `bureau backup verify FILE --identity KEY`,
/// `bureau backup keygen --output NAME` (issue 13). `backup --output …` is `backup create --output …`
/// (main.swift inserts the word). Keygen runs offline (see main.swift); it is listed here for help.
struct BackupCommand: AsyncCommandGroup {
    var help: String { "Encrypted backups: write one (default), verify one, make a key pair" }

    var commands: [String: any AnyAsyncCommand] {
        ["create": BackupCreateCommand(), "verify": BackupVerifyCommand(), "keygen": BackupKeygenCommand()]
    }
}

struct BackupCreateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "output", help: "the encrypted backup file to write")
        var output: String?
        @Option(name: "recipient", help: "the recipient key (NAME.pub from backup keygen, or its one line)")
        var recipient: String?
    }

    var help: String { "Write an encrypted backup of the running Bureau (database, key files, manifest)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let output = signature.output?.trimmedOrNil, let recipientArgument = signature.recipient?.trimmedOrNil else {
            throw CommandFailure("backup needs --output FILE --recipient PUBKEY")
        }
        let recipient: Curve25519.KeyAgreement.PublicKey
        do { recipient = try Backups.readRecipient(recipientArgument) } catch { throw CommandFailure("--recipient: \(error)") }
        let app = context.application
        try await app.autoMigrate()
        let started = Date()
        let made = try await Backups.make(app, output: URL(fileURLWithPath: output), recipient: recipient)
        context.console.print("backup written to \(output): \(made.bytes) bytes, \(made.manifest.parts.count) parts, "
            + "schema \(made.manifest.schemaVersion), audit log \(made.manifest.auditSize) entries, "
            + String(format: "%.1f s", Date().timeIntervalSince(started)))
    }
}

struct BackupVerifyCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "the encrypted backup")
        var file: String
        @Option(name: "identity", help: "the identity (private key) file from backup keygen")
        var identity: String?
    }

    var help: String { "Exit 0 if the backup decrypts, every checksum holds and its restored audit log verifies; 1 with the reason" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let identityPath = signature.identity?.trimmedOrNil else { throw CommandFailure("backup verify needs --identity KEY") }
        let identity = try Backups.readIdentity(identityPath)
        let app = context.application
        do {
            let checked = try await Backups.verify(app, file: URL(fileURLWithPath: signature.file), identity: identity)
            context.console.print(Self.summary(checked, verb: "backup verified"))
        } catch {
            throw CommandFailure("backup \(signature.file) fails verification: \(error)")
        }
    }

    static func summary(_ checked: Backups.Checked, verb: String) -> String {
        let manifest = checked.manifest
        var text = "\(verb): taken \(ISO8601DateFormatter().string(from: manifest.createdAt)), \(manifest.database), "
            + "schema \(manifest.schemaVersion), \(manifest.parts.count) parts checked, "
            + "audit log intact with \(checked.verification.size) entries"
        if let size = checked.checkpointSize { text += ", an extension of the signed checkpoint of size \(size)" }
        return text
    }
}

/// Listed for help only: `bureau backup keygen` is handled before the configuration is read.
struct BackupKeygenCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "output", help: "NAME: the identity is written to NAME, the recipient to NAME.pub")
        var output: String?
    }

    var help: String { "Make a backup key pair: NAME (identity, private, keep offline) and NAME.pub (recipient)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let output = signature.output?.trimmedOrNil else { throw CommandFailure("backup keygen needs --output NAME") }
        context.console.print(try BackupKeygen.write(output))
    }
}

/// Writes a new X25519 key pair: `NAME` (0600, never overwritten) and `NAME.pub`.
public enum BackupKeygen {
    public static func write(_ argument: String) throws -> String {
        let name = URL(fileURLWithPath: argument).standardizedFileURL.path
        let key = Curve25519.KeyAgreement.PrivateKey()
        guard try PrivateFile.create(atPath: name, contents: Data(BackupKeys.identityText(key).utf8)) else {
            throw CommandFailure("\(name) already exists; not overwritten")
        }
        let recipient = BackupKeys.recipientText(key.publicKey)
        try Data(recipient.utf8).write(to: URL(fileURLWithPath: name + ".pub"), options: .withoutOverwriting)
        return "identity written to \(name) (mode 0600: keep it offline, apart from the backups)\n"
            + "recipient written to \(name).pub: \(recipient.trimmingCharacters(in: .newlines))"
    }

    /// `bureau backup keygen --output NAME`, run without configuration or database.
    public static func run(_ arguments: [String]) -> Int32 {
        guard arguments.count == 2, arguments[0] == "--output" else {
            FileHandle.standardError.write(Data("usage: bureau backup keygen --output NAME\n".utf8))
            return 2
        }
        do {
            print(try write(arguments[1]))
            return 0
        } catch {
            FileHandle.standardError.write(Data("bureau: \(error)\n".utf8))
            return 1
        }
    }
}

/// `bureau restore FILE --identity KEY [--data-dir DIR] [--force]`.
struct RestoreCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "the encrypted backup")
        var file: String
        @Option(name: "identity", help: "the identity (private key) file from backup keygen")
        var identity: String?
        @Option(name: "data-dir", help: "the data folder to restore into (default BUREAU_DATA_DIR); PostgreSQL: DATABASE_URL")
        var dataDirectory: String?
        @Flag(name: "force", help: "replace a registry that already holds data")
        var force: Bool
    }

    var help: String { "Restore a backup's database and key files; refuses a non-empty registry without --force" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let identityPath = signature.identity?.trimmedOrNil else { throw CommandFailure("restore needs --identity KEY") }
        let identity = try Backups.readIdentity(identityPath)
        let app = context.application
        // main.swift already pointed BUREAU_DATA_DIR at --data-dir, so the configuration names the target.
        let config = app.bureau.config
        do {
            let checked = try await Backups.restore(app, file: URL(fileURLWithPath: signature.file), identity: identity,
                                                    dataDirectory: config.dataDirectory, database: config.database,
                                                    force: signature.force)
            context.console.print(BackupVerifyCommand.summary(checked, verb: "restored into \(config.dataDirectory.path)"))
        } catch {
            throw CommandFailure("restore failed: \(error)")
        }
    }
}
