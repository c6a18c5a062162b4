import Crypto
import Foundation

/// SHA-256 over data given in pieces, and of whole files read in 1 MiB pieces (databases can be large).
public struct SHA256Stream {
    private var hasher = SHA256()

    public init() {}

    public mutating func update(_ data: Data) { hasher.update(data: data) }

    public func finalize() -> String { Data(hasher.finalize()).hex }

    /// The size and SHA-256 (hex) of the file at `url`.
    public static func file(_ url: URL) throws -> (size: Int64, sha256: String) {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var stream = SHA256Stream()
        var size: Int64 = 0
        while let piece = try handle.read(upToCount: 1 << 20), !piece.isEmpty {
            stream.update(piece)
            size += Int64(piece.count)
        }
        return (size, stream.finalize())
    }
}
