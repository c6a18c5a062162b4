import BureauCore
import Crypto
import Foundation

/// The audit log's Ed25519 key (`bureau-log.key` beside the database, never in it, mode 0600), which
/// signs checkpoints. Whoever holds it can sign a forged history, but cannot make witnesses' copies of
/// earlier checkpoints agree with one: back it up apart from the database, like the outbox key.
public enum LogSigner {
    public static let fileName = "bureau-log.key"

    /// Loads the key from `directory`, creating it on first use. The log's name (checkpoint origin and
    /// key name) is `origin`, or `bureau.invalid/audit/` and the first 8 bytes of the key's hash in hex, so
    /// that two Bureaus never share one by accident.
    public static func loadOrCreate(in directory: URL, origin: String? = nil) throws -> NoteSigner {
        let url = directory.appendingPathComponent(fileName)
        let manager = FileManager.default
        if !manager.fileExists(atPath: url.path) {
            try manager.createDirectory(at: directory, withIntermediateDirectories: true)
            let key = Curve25519.Signing.PrivateKey()
            guard manager.createFile(atPath: url.path, contents: key.rawRepresentation,
                                     attributes: [.posixPermissions: 0o600]) else {
                throw StoreError.fieldKey("cannot create \(url.path)")
            }
        }
        let data = try KeyFile.read(url)
        guard data.count == 32 else {
            throw StoreError.fieldKey("\(url.path) holds \(data.count) bytes, expected a 32-byte Ed25519 key")
        }
        let key = try Curve25519.Signing.PrivateKey(rawRepresentation: data)
        let name = origin ?? "bureau.invalid/audit/"
            + SHA256.hash(data: key.publicKey.rawRepresentation).prefix(8).map { String(format: "%02x", $0) }.joined()
        guard SignedNote.isValidName(name) else {
            throw StoreError.fieldKey("the log origin \(name) may hold no spaces and no +")
        }
        return NoteSigner(name: name, privateKey: key)
    }
}
