import BureauCore
import Foundation
import Vapor

/// `bureau audit check-proof PROOF --public-key KEY [--witness-key KEY]…`: verifies an inclusion proof with
/// nothing but the proof and the log's verifier key — no database, no configuration, any machine.
public enum AuditProofCheck {
    /// Exit status: 0 valid, 1 invalid or unreadable. Prints what the proof shows.
    public static func run(_ arguments: [String], print: (String) -> Void = { Swift.print($0) }) -> Int32 {
        var proofPath: String?
        var logKey: String?
        var witnessKeys: [String] = []
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--public-key": logKey = rest.popFirst()
            case "--witness-key": rest.popFirst().map { witnessKeys.append($0) }
            default: proofPath = argument
            }
        }
        guard let proofPath, let logKey else {
            print("usage: bureau audit check-proof PROOF --public-key KEY [--witness-key KEY]")
            return 1
        }
        do {
            let log = try AuditCommand.verifierKey(logKey)
            let witnesses = try witnessKeys.map(AuditCommand.verifierKey)
            let proof = try TlogProof(parsing: try AuditCommand.read(proofPath))
            let verified = try proof.verify(log: log, witnesses: witnesses)
            let entry = verified.entry
            let formatter = ISO8601DateFormatter()
            print("proof valid: entry \(entry.sequence) (\(entry.action) \(entry.entity)\(entry.entityID.map { " \($0)" } ?? ""), "
                + "\(formatter.string(from: entry.date))) is in the log \(log.name) of \(verified.checkpoint.checkpoint.size) entries, "
                + "root \(verified.checkpoint.checkpoint.root.base64EncodedString())")
            for (name, time) in verified.checkpoint.witnesses.sorted(by: { $0.key < $1.key }) {
                let when = time.map { " at \(formatter.string(from: Date(timeIntervalSince1970: TimeInterval($0))))" } ?? ""
                print("witnessed by \(name)\(when)")
            }
            return 0
        } catch {
            print("proof INVALID: \(error)")
            return 1
        }
    }
}

/// Listed under `bureau audit` for its help; `main` runs `AuditProofCheck` before anything else starts.
struct AuditCheckProofCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "proof", help: "the proof file (c2sp.org/tlog-proof@v1)")
        var proof: String
        @Option(name: "public-key", help: "the log's verifier key (name+hash+keydata) or a file holding it")
        var publicKey: String?
    }

    var help: String { "Verify an inclusion proof offline: exit 0 if valid, 1 otherwise" }

    func run(using context: CommandContext, signature: Signature) async throws {
        var arguments = [signature.proof]
        if let key = signature.publicKey { arguments += ["--public-key", key] }
        var lines: [String] = []
        let status = AuditProofCheck.run(arguments) { lines.append($0) }
        lines.forEach { context.console.print($0) }
        if status != 0 { throw CommandFailure("the proof does not verify") }
    }
}
