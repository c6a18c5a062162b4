import Crypto
import Foundation

/// The encrypted container of a backup: a header, then the payload in ChaChaPoly chunks.
///
/// Header (88 bytes): magic `BUREAU-BACKUP-1\n` (16), recipient fingerprint (8), ephemeral X25519 public
/// key (32), random salt (32). Key: HKDF-SHA256 over the X25519 shared secret of the ephemeral key and the
/// recipient, with the salt, and the whole header as info, so a changed header byte yields another key.
/// Payload: 64 KiB chunks, each sealed with the 12-byte nonce = 11-byte big-endian chunk counter + a
/// final-chunk flag (as age's STREAM): reordering, dropping, truncating or extending chunks all fail, and
/// memory stays constant however large the database is.
public enum BackupStream {
    public static let magic = Data("BUREAU-BACKUP-1\n".utf8)
    public static let headerSize = 16 + 8 + 32 + 32
    public static let chunkSize = 64 * 1024
    static let tagSize = 16

    public enum Failure: Error, CustomStringConvertible, Equatable {
        case notABackup
        case wrongIdentity(expected: String, given: String)
        case damaged(chunk: Int)
        case truncated

        public var description: String {
            switch self {
            case .notABackup: return "not a Bureau backup (the file does not start with BUREAU-BACKUP-1)"
            case .wrongIdentity(let expected, let given):
                return "wrong identity: the backup was encrypted to recipient \(expected), the identity given is for \(given)"
            case .damaged(let chunk):
                return "the backup is damaged or was altered: chunk \(chunk) fails authentication (nothing was restored)"
            case .truncated: return "the backup is truncated: its final chunk is missing (nothing was restored)"
            }
        }
    }

    static func key(shared: SharedSecret, header: Data) -> SymmetricKey {
        let salt = header.suffix(32)
        return shared.hkdfDerivedSymmetricKey(using: SHA256.self, salt: salt,
                                              sharedInfo: Data("bureau-backup-1".utf8) + header, outputByteCount: 32)
    }

    static func nonce(_ counter: UInt64, final: Bool) -> ChaChaPoly.Nonce {
        var bytes = [UInt8](repeating: 0, count: 12)
        for index in 0..<8 { bytes[3 + index] = UInt8(truncatingIfNeeded: counter >> (8 * (7 - UInt64(index)))) }
        bytes[11] = final ? 1 : 0
        return try! ChaChaPoly.Nonce(data: bytes)
    }
}

/// Encrypts a stream to a recipient; `write` as often as needed, then `finish` exactly once.
public final class BackupWriter {
    private let sink: (Data) throws -> Void
    private let key: SymmetricKey
    private var buffer = Data()
    private var counter: UInt64 = 0
    public private(set) var bytesWritten: Int64 = 0

    public init(recipient: Curve25519.KeyAgreement.PublicKey, sink: @escaping (Data) throws -> Void) throws {
        self.sink = sink
        let ephemeral = Curve25519.KeyAgreement.PrivateKey()
        var header = BackupStream.magic
        header += BackupKeys.fingerprint(recipient)
        header += ephemeral.publicKey.rawRepresentation
        header += Data((0..<32).map { _ in UInt8.random(in: 0...255) })
        key = BackupStream.key(shared: try ephemeral.sharedSecretFromKeyAgreement(with: recipient), header: header)
        try emit(header)
    }

    private func emit(_ data: Data) throws {
        try sink(data)
        bytesWritten += Int64(data.count)
    }

    public func write(_ data: Data) throws {
        buffer += data
        // A full chunk is sealed only once more data follows it, so the last chunk is never empty
        // (unless the whole payload is) and always carries the final flag.
        var offset = buffer.startIndex
        while buffer.endIndex - offset > BackupStream.chunkSize {
            try seal(buffer[offset..<offset + BackupStream.chunkSize], final: false)
            offset += BackupStream.chunkSize
        }
        if offset != buffer.startIndex { buffer = Data(buffer[offset...]) }
    }

    public func finish() throws {
        try seal(buffer, final: true)
        buffer = Data()
    }

    private func seal(_ chunk: Data, final: Bool) throws {
        let box = try ChaChaPoly.seal(chunk, using: key, nonce: BackupStream.nonce(counter, final: final))
        counter += 1
        try emit(box.ciphertext + box.tag)
    }
}

/// Decrypts a backup with the identity, handing out the payload in order; any altered byte throws.
public final class BackupReader {
    private let source: (Int) throws -> Data
    private let key: SymmetricKey
    private var counter: UInt64 = 0
    private var pending: Data
    private var plain = Data()
    private var finished = false

    /// - Parameter source: reads up to `n` bytes; an empty answer means the end of the file.
    public init(identity: Curve25519.KeyAgreement.PrivateKey, source: @escaping (Int) throws -> Data) throws {
        self.source = source
        let header = try Self.readFully(BackupStream.headerSize, from: source)
        guard header.count == BackupStream.headerSize, header.prefix(16) == BackupStream.magic else {
            throw BackupStream.Failure.notABackup
        }
        let fingerprint = header.dropFirst(16).prefix(8)
        let mine = BackupKeys.fingerprint(identity.publicKey)
        guard Data(fingerprint) == mine else {
            throw BackupStream.Failure.wrongIdentity(expected: Data(fingerprint).hex, given: mine.hex)
        }
        let ephemeral = try Curve25519.KeyAgreement.PublicKey(rawRepresentation: header.dropFirst(24).prefix(32))
        key = BackupStream.key(shared: try identity.sharedSecretFromKeyAgreement(with: ephemeral), header: header)
        pending = try Self.readFully(BackupStream.chunkSize + BackupStream.tagSize, from: source)
    }

    static func readFully(_ count: Int, from source: (Int) throws -> Data) throws -> Data {
        var data = Data()
        while data.count < count {
            let piece = try source(count - data.count)
            if piece.isEmpty { break }
            data += piece
        }
        return data
    }

    private func nextChunk() throws {
        let current = pending
        pending = try Self.readFully(BackupStream.chunkSize + BackupStream.tagSize, from: source)
        let final = pending.isEmpty
        guard current.count >= BackupStream.tagSize else { throw BackupStream.Failure.truncated }
        do {
            let box = try ChaChaPoly.SealedBox(nonce: BackupStream.nonce(counter, final: final),
                                               ciphertext: current.dropLast(BackupStream.tagSize),
                                               tag: current.suffix(BackupStream.tagSize))
            plain += try ChaChaPoly.open(box, using: key)
        } catch {
            // A stream cut at a chunk boundary opens under the final flag nowhere: say so.
            if final, (try? ChaChaPoly.open(ChaChaPoly.SealedBox(nonce: BackupStream.nonce(counter, final: false),
                                                                 ciphertext: current.dropLast(BackupStream.tagSize),
                                                                 tag: current.suffix(BackupStream.tagSize)), using: key)) != nil {
                throw BackupStream.Failure.truncated
            }
            throw BackupStream.Failure.damaged(chunk: Int(counter))
        }
        counter += 1
        finished = final
    }

    /// Exactly `count` bytes, or fewer only at the end of the payload.
    public func read(_ count: Int) throws -> Data {
        while plain.count < count && !finished { try nextChunk() }
        let out = plain.prefix(count)
        plain = Data(plain.dropFirst(out.count))
        return Data(out)
    }

    /// True once every byte was read and the final chunk authenticated.
    public func atEnd() throws -> Bool {
        while plain.isEmpty && !finished { try nextChunk() }
        return plain.isEmpty && finished
    }
}

extension Data {
    var hex: String { map { String(format: "%02x", $0) }.joined() }
}
