import Crypto
import Foundation

/// AES-256-GCM for the restricted field classes, with a key kept in a file outside the database,
/// so a copy of the database alone does not reveal interview content.
public struct FieldCipher: Sendable {
    private let key: SymmetricKey

    public init(key: SymmetricKey) {
        self.key = key
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
        guard let data = manager.contents(atPath: url.path) else {
            throw StoreError.fieldKey("cannot read \(url.path)")
        }
        guard data.count == 32 else {
            throw StoreError.fieldKey("\(url.path) holds \(data.count) bytes, expected 32")
        }
        return FieldCipher(key: SymmetricKey(data: data))
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
        let plain = try AES.GCM.open(box, using: key, authenticating: Data(context.utf8))
        guard let text = String(data: plain, encoding: .utf8) else { throw StoreError.corrupt("sealed field", context) }
        return text
    }
}
