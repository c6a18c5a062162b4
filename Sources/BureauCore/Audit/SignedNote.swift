import Crypto
import Foundation

/// c2sp.org/signed-note: a text ending in a newline, a blank line, then signature lines
/// `— <key name> <base64(4-byte key ID ‖ signature)>`. Only Ed25519 (type 0x01) is made here;
/// timestamped Ed25519 cosignatures (type 0x04, c2sp.org/tlog-cosignature) are read from witnesses.
public struct SignedNote: Sendable, Hashable {
    public struct Signature: Sendable, Hashable {
        public var name: String
        public var keyID: UInt32
        /// The signature bytes after the key ID.
        public var bytes: Data

        public init(name: String, keyID: UInt32, bytes: Data) {
            self.name = name
            self.keyID = keyID
            self.bytes = bytes
        }

        public var line: String {
            var blob = withUnsafeBytes(of: keyID.bigEndian) { Data($0) }
            blob.append(bytes)
            return "\u{2014} \(name) \(blob.base64EncodedString())\n"
        }
    }

    /// The note text, including its final newline.
    public var text: String
    public var signatures: [Signature]

    public init(text: String, signatures: [Signature] = []) {
        self.text = text
        self.signatures = signatures
    }

    public var encoded: String { text + "\n" + signatures.map(\.line).joined() }

    /// Parses a signed note; the text is separated from the signatures by the last blank line.
    public static func parse(_ string: String) throws(NoteError) -> SignedNote {
        guard string.unicodeScalars.allSatisfy({ $0.value >= 0x20 || $0 == "\n" }) else {
            throw .malformed("the note contains control characters")
        }
        guard string.hasSuffix("\n") else { throw .malformed("the note does not end with a newline") }
        guard let split = string.range(of: "\n\n", options: .backwards) else {
            throw .malformed("no blank line separates the text from its signatures")
        }
        let text = String(string[..<split.lowerBound]) + "\n"
        let lines = string[split.upperBound...].split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        guard !lines.isEmpty else { throw .malformed("the note carries no signature") }
        var signatures: [Signature] = []
        for line in lines {
            let parts = line.split(separator: " ", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0] == "\u{2014}", isValidName(String(parts[1])),
                  let blob = Data(canonicalBase64: parts[2]), blob.count > 4 else {
                throw .malformed("a signature line is not `— <name> <base64 signature>`: \(line)")
            }
            let keyID = blob.prefix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            signatures.append(Signature(name: String(parts[1]), keyID: keyID, bytes: Data(blob.dropFirst(4))))
        }
        return SignedNote(text: text, signatures: signatures)
    }

    /// Key names are non-empty and hold no Unicode space and no `+`.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && !name.unicodeScalars.contains { $0 == "+" || $0.properties.isWhitespace }
    }
}

public enum NoteError: Error, Sendable, Equatable, CustomStringConvertible {
    case malformed(String)
    case badKey(String)
    case unsigned(String)

    public var description: String {
        switch self {
        case .malformed(let message), .badKey(let message), .unsigned(let message): message
        }
    }
}

/// An Ed25519 note key: the log's own (type 0x01) or a witness's cosigning key (type 0x04).
public struct NoteVerifier: Sendable, Hashable {
    public static let ed25519: UInt8 = 0x01
    public static let cosignatureV1: UInt8 = 0x04

    public var name: String
    public var type: UInt8
    public var publicKey: Data

    public init(name: String, type: UInt8 = NoteVerifier.ed25519, publicKey: Data) {
        self.name = name
        self.type = type
        self.publicKey = publicKey
    }

    /// SHA-256(name ‖ 0x0A ‖ type ‖ public key)[:4], big-endian.
    public var keyID: UInt32 {
        var data = Data(name.utf8)
        data.append(0x0A)
        data.append(type)
        data.append(publicKey)
        return Data(SHA256.hash(data: data)).prefix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    }

    /// `name+hex(key ID)+base64(type ‖ public key)`.
    public var vkey: String {
        var material = Data([type])
        material.append(publicKey)
        return "\(name)+\(String(format: "%08x", keyID))+\(material.base64EncodedString())"
    }

    public init(vkey: String) throws(NoteError) {
        // Base64 key data may itself hold "+": only the first two separate the parts (a name never holds one).
        let parts = vkey.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "+", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, SignedNote.isValidName(String(parts[0])), parts[1].count == 8,
              let id = UInt32(parts[1], radix: 16), let material = Data(canonicalBase64: parts[2]),
              material.count == 33 else {
            throw .badKey("not a verifier key `name+hash+keydata` with an Ed25519 key")
        }
        self.init(name: String(parts[0]), type: material[material.startIndex], publicKey: Data(material.dropFirst()))
        guard type == Self.ed25519 || type == Self.cosignatureV1 else {
            throw .badKey("verifier key of type \(type): only Ed25519 (1) and Ed25519 cosignatures (4) are understood")
        }
        guard keyID == id else { throw .badKey("the key hash \(parts[1]) does not match the key") }
    }

    /// Whether `signature` is this key's and is valid over `note`'s text. Nil: not this key's line.
    /// For a cosignature, also the time it states (POSIX seconds).
    public func check(_ signature: SignedNote.Signature, over note: SignedNote) -> (valid: Bool, time: UInt64?)? {
        guard signature.name == name, signature.keyID == keyID,
              let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey) else { return nil }
        switch type {
        case Self.cosignatureV1:
            guard signature.bytes.count == 72 else { return (false, nil) }
            let time = signature.bytes.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            let message = Data("cosignature/v1\ntime \(time)\n\(note.text)".utf8)
            return (key.isValidSignature(signature.bytes.dropFirst(8), for: message), time)
        default:
            return (key.isValidSignature(signature.bytes, for: Data(note.text.utf8)), nil)
        }
    }
}

/// The log's Ed25519 signing key, named for the log's origin.
public struct NoteSigner: Sendable {
    public let name: String
    public let privateKey: Curve25519.Signing.PrivateKey

    public init(name: String, privateKey: Curve25519.Signing.PrivateKey) {
        self.name = name
        self.privateKey = privateKey
    }

    /// A fresh random key (a witness's, a benchmark's).
    public static func generate(name: String) -> NoteSigner {
        NoteSigner(name: name, privateKey: Curve25519.Signing.PrivateKey())
    }

    /// From the 32 raw bytes of an Ed25519 private key (a key file).
    public init(name: String, rawPrivateKey: Data) throws {
        self.init(name: name, privateKey: try Curve25519.Signing.PrivateKey(rawRepresentation: rawPrivateKey))
    }

    public var verifier: NoteVerifier {
        NoteVerifier(name: name, publicKey: privateKey.publicKey.rawRepresentation)
    }

    public func sign(_ text: String) throws -> SignedNote.Signature {
        SignedNote.Signature(name: name, keyID: verifier.keyID, bytes: try privateKey.signature(for: Data(text.utf8)))
    }

    /// A witness's cosignature/v1 over `text` at `time` (tests and witness tooling).
    public func cosign(_ text: String, time: UInt64) throws -> SignedNote.Signature {
        let key = NoteVerifier(name: name, type: NoteVerifier.cosignatureV1, publicKey: privateKey.publicKey.rawRepresentation)
        var bytes = withUnsafeBytes(of: time.bigEndian) { Data($0) }
        bytes.append(try privateKey.signature(for: Data("cosignature/v1\ntime \(time)\n\(text)".utf8)))
        return SignedNote.Signature(name: name, keyID: key.keyID, bytes: bytes)
    }
}

extension Data {
    /// Strict base64: refuses encodings that are not the canonical one for their bytes (stray bits, missing
    /// padding), so no two texts of a note or proof stand for the same bytes.
    init?(canonicalBase64 string: some StringProtocol) {
        guard let data = Data(base64Encoded: String(string)), data.base64EncodedString() == string else { return nil }
        self = data
    }
}
