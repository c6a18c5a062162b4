import Crypto
import Foundation

/// The Bureau's Ed25519 key for outbox batches, kept in a file beside the database (never in it).
///
/// A signed batch file is one JSON object, written byte for byte as
/// `{"batch":<batch JSON>,"signature":{"algorithm":"Ed25519","publicKey":"<base64>","value":"<base64>"}}` and a
/// newline. The signature covers exactly the bytes of `<batch JSON>` as they stand in the file, so a
/// verifier needs no canonical JSON: it cuts the file at the last `,"signature":`.
public struct OutboxSigner: Sendable {
    public static let fileName = "bureau-outbox.key"
    static let prefix = Data(#"{"batch":"#.utf8)
    static let marker = Data(#","signature":"#.utf8)

    public let privateKey: Curve25519.Signing.PrivateKey

    public init(privateKey: Curve25519.Signing.PrivateKey) {
        self.privateKey = privateKey
    }

    public var publicKey: Curve25519.Signing.PublicKey { privateKey.publicKey }
    public var publicKeyBase64: String { publicKey.rawRepresentation.base64EncodedString() }

    /// Loads the key from `directory`, creating it (mode 0600) on first use.
    public static func loadOrCreate(in directory: URL) throws -> OutboxSigner {
        let url = directory.appendingPathComponent(fileName)
        let manager = FileManager.default
        if !manager.fileExists(atPath: url.path) {
            try manager.createDirectory(at: directory, withIntermediateDirectories: true)
            let key = Curve25519.Signing.PrivateKey()
            do {
                try PrivateFile.create(atPath: url.path, contents: key.rawRepresentation)
            } catch {
                throw StoreError.fieldKey("cannot create \(url.path)")
            }
        }
        let data = try KeyFile.read(url)
        guard data.count == 32 else {
            throw StoreError.fieldKey("\(url.path) holds \(data.count) bytes, expected a 32-byte Ed25519 key")
        }
        return OutboxSigner(privateKey: try Curve25519.Signing.PrivateKey(rawRepresentation: data))
    }

    /// The signed file for `batch` (the batch's JSON bytes).
    public func signedFile(batch: Data) throws -> Data {
        let signature = try privateKey.signature(for: batch)
        var file = Self.prefix
        file.append(batch)
        file.append(Self.tail(publicKey: publicKeyBase64, value: signature.base64EncodedString()))
        return file
    }

    static func tail(publicKey: String, value: String) -> Data {
        Data(Array(#","signature":{"algorithm":"Ed25519","publicKey":"\#(publicKey)","value":"\#(value)"}}"#.utf8) + [0x0A])
    }

    public enum Verdict: Sendable, Equatable {
        /// The signature is valid; the batch's JSON bytes.
        case valid(Data)
        case invalid(String)
    }

    /// Checks that `file` is a batch signed by `expected`. Any change to any byte fails.
    public static func verify(_ file: Data, expected: Curve25519.Signing.PublicKey) -> Verdict {
        let bytes = [UInt8](file)
        let prefix = [UInt8](Self.prefix), marker = [UInt8](Self.marker)
        guard bytes.starts(with: prefix) else { return .invalid("not a Bureau outbox batch (it must start with {\"batch\":)") }
        var cut: Int?
        if bytes.count >= marker.count {
            for start in stride(from: bytes.count - marker.count, through: prefix.count, by: -1)
            where bytes[start..<start + marker.count].elementsEqual(marker) {
                cut = start
                break
            }
        }
        guard let cut else { return .invalid("the batch carries no signature") }
        let batch = Data(bytes[prefix.count..<cut])
        guard let object = try? JSONSerialization.jsonObject(with: file) as? [String: Any],
              let signature = object["signature"] as? [String: Any], object.count == 2,
              let algorithm = signature["algorithm"] as? String, let key = signature["publicKey"] as? String,
              let value = signature["value"] as? String, signature.count == 3 else {
            return .invalid("the file is not a well-formed signed batch")
        }
        guard algorithm == "Ed25519" else { return .invalid("unknown signature algorithm \(algorithm)") }
        guard Data(bytes[cut...]) == tail(publicKey: key, value: value) else {
            return .invalid("the file was altered after signing (bytes after the batch differ)")
        }
        guard key == expected.rawRepresentation.base64EncodedString() else {
            return .invalid("signed by another key (\(key)), not this Bureau's")
        }
        guard let signatureBytes = Data(base64Encoded: value), expected.isValidSignature(signatureBytes, for: batch) else {
            return .invalid("the signature does not match the batch: it was altered")
        }
        return .valid(batch)
    }
}
