import Crypto
import Foundation

/// AES-256-GCM for the restricted field classes, with a key kept in a file outside the database,
/// so a copy of the database alone does not reveal interview content.
public struct FieldCipher: Sendable {
    private let key: SymmetricKey
    /// The key being rotated away from (`bureau-field.key.old`, present only while `bureau keys rotate-field`
    /// is unfinished): values not yet re-sealed still open with it. New values are always sealed with `key`.
    private let previous: SymmetricKey?

    public init(key: SymmetricKey, previous: SymmetricKey? = nil) {
        self.key = key
        self.previous = previous
    }

    public static let fileName = "bureau-field.key"
    public static let oldFileName = "bureau-field.key.old"

    /// True while a rotation is unfinished (values may still be sealed with the old key).
    public var isRotating: Bool { previous != nil }

    /// Reads a 32-byte field key file (refusing one readable by others).
    public static func readKey(at url: URL) throws -> SymmetricKey {
        let data = try KeyFile.read(url)
        guard data.count == 32 else {
            throw StoreError.fieldKey("\(url.path) holds \(data.count) bytes, expected 32")
        }
        return SymmetricKey(data: data)
    }

    /// Loads the key from `url`, creating a new random key (mode 0600) if the file does not exist.
    public static func loadOrCreate(at url: URL) throws -> FieldCipher {
        let manager = FileManager.default
        if !manager.fileExists(atPath: url.path) {
            let key = SymmetricKey(size: .bits256)
            let data = key.withUnsafeBytes { Data($0) }
            do {
                try PrivateFile.create(atPath: url.path, contents: data)
            } catch {
                throw StoreError.fieldKey("cannot create \(url.path)")
            }
        }
        let old = url.deletingLastPathComponent().appendingPathComponent(url.lastPathComponent + ".old")
        let previous = manager.fileExists(atPath: old.path) ? try readKey(at: old) : nil
        return FieldCipher(key: try readKey(at: url), previous: previous)
    }

    /// Seals `plaintext`; `context` (the record id) is bound as associated data so a sealed value
    /// cannot be moved onto another record.
    public func seal(_ plaintext: String, context: String) throws -> String {
        let box = try AES.GCM.seal(Data(plaintext.utf8), using: key, authenticating: Data(context.utf8))
        return "v1:" + box.combined!.base64EncodedString()
    }

    public func open(_ sealed: String, context: String) throws -> String {
        guard sealed.hasPrefix("v1:"), let data = Data(base64Encoded: String(sealed.dropFirst(3))) else {
            throw StoreError.corrupt("sealed field", context)
        }
        let box = try AES.GCM.SealedBox(combined: data)
        let plain: Data
        do {
            plain = try AES.GCM.open(box, using: key, authenticating: Data(context.utf8))
        } catch {
            guard let previous else { throw error }
            plain = try AES.GCM.open(box, using: previous, authenticating: Data(context.utf8))
        }
        guard let text = String(data: plain, encoding: .utf8) else { throw StoreError.corrupt("sealed field", context) }
        return text
    }

    /// True when `sealed` opens with the current key alone (already re-sealed by a rotation).
    public func isSealedWithCurrentKey(_ sealed: String, context: String) -> Bool {
        guard sealed.hasPrefix("v1:"), let data = Data(base64Encoded: String(sealed.dropFirst(3))),
              let box = try? AES.GCM.SealedBox(combined: data) else { return false }
        return (try? AES.GCM.open(box, using: key, authenticating: Data(context.utf8))) != nil
    }
}
