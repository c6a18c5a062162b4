import Crypto
import Foundation

/// The X25519 key pair a backup is encrypted to. The recipient (public half) stays on the server, so
/// scheduled backups can be written by a machine that can never read them; the identity (private half)
/// lives offline and is needed only to verify or restore.
///
/// Text format, one line each (like age's keys, but our own prefixes so the two are never confused):
///   identity:  `BUREAU-BACKUP-IDENTITY-1:` + standard base64 of the 32-byte X25519 private key
///   recipient: `bureau-backup-recipient-1:` + standard base64 of the 32-byte X25519 public key
public enum BackupKeys {
    public static let identityPrefix = "BUREAU-BACKUP-IDENTITY-1:"
    public static let recipientPrefix = "bureau-backup-recipient-1:"

    public struct Invalid: Error, CustomStringConvertible {
        public var description: String
    }

    public static func identityText(_ key: Curve25519.KeyAgreement.PrivateKey) -> String {
        identityPrefix + key.rawRepresentation.base64EncodedString() + "\n"
    }

    public static func recipientText(_ key: Curve25519.KeyAgreement.PublicKey) -> String {
        recipientPrefix + key.rawRepresentation.base64EncodedString() + "\n"
    }

    public static func parseIdentity(_ text: String) throws -> Curve25519.KeyAgreement.PrivateKey {
        let line = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if line.hasPrefix(recipientPrefix) {
            throw Invalid(description: "this is a recipient (public) key; verify and restore need the identity (private key) file")
        }
        guard line.hasPrefix(identityPrefix), let raw = Data(base64Encoded: String(line.dropFirst(identityPrefix.count))),
              raw.count == 32, let key = try? Curve25519.KeyAgreement.PrivateKey(rawRepresentation: raw) else {
            throw Invalid(description: "not a backup identity: expected one line \(identityPrefix)<base64 of 32 bytes>")
        }
        return key
    }

    public static func parseRecipient(_ text: String) throws -> Curve25519.KeyAgreement.PublicKey {
        let line = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if line.hasPrefix(identityPrefix) {
            throw Invalid(description: "this is the identity (private key); backups are made with the recipient (.pub) file")
        }
        guard line.hasPrefix(recipientPrefix), let raw = Data(base64Encoded: String(line.dropFirst(recipientPrefix.count))),
              raw.count == 32, let key = try? Curve25519.KeyAgreement.PublicKey(rawRepresentation: raw) else {
            throw Invalid(description: "not a backup recipient: expected one line \(recipientPrefix)<base64 of 32 bytes>")
        }
        return key
    }

    /// The first 8 bytes of the recipient's SHA-256, in hex: written in a backup's header so that the wrong
    /// identity is named as such instead of looking like damage.
    public static func fingerprint(_ key: Curve25519.KeyAgreement.PublicKey) -> Data {
        Data(SHA256.hash(data: key.rawRepresentation).prefix(8))
    }
}
