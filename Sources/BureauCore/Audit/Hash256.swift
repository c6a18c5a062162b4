import Crypto
import Foundation

/// A SHA-256 value held inline (four words, no allocation). Hashing a whole log makes about two million
/// of these; as `Data` each was a heap allocation, which is what made a full verification and a tree
/// build slow. `Data` remains the type at every interface that stores or shows a hash.
public struct Hash256: Sendable, Hashable {
    var words: SIMD4<UInt64>

    public init(_ digest: SHA256Digest) {
        var words = SIMD4<UInt64>()
        withUnsafeMutableBytes(of: &words) { target in digest.withUnsafeBytes { target.copyMemory(from: $0) } }
        self.words = words
    }

    /// Exactly 32 bytes, or nil.
    public init?(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count == 32 else { return nil }
        var words = SIMD4<UInt64>()
        withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: bytes) }
        self.words = words
    }

    public init?(_ data: Data) {
        guard let hash = data.withUnsafeBytes({ Hash256($0) }) else { return nil }
        self = hash
    }

    public var data: Data { Swift.withUnsafeBytes(of: words) { Data($0) } }

    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try Swift.withUnsafeBytes(of: words, body)
    }

    /// SHA-256(0x01 ‖ left ‖ right), as `MerkleTree.nodeHash`, from one stack buffer.
    public static func node(_ left: Hash256, _ right: Hash256) -> Hash256 {
        withUnsafeTemporaryAllocation(byteCount: 65, alignment: 8) { buffer in
            buffer[0] = 0x01
            Swift.withUnsafeBytes(of: left.words) { UnsafeMutableRawBufferPointer(rebasing: buffer[1..<33]).copyMemory(from: $0) }
            Swift.withUnsafeBytes(of: right.words) { UnsafeMutableRawBufferPointer(rebasing: buffer[33..<65]).copyMemory(from: $0) }
            var hasher = SHA256()
            hasher.update(bufferPointer: UnsafeRawBufferPointer(buffer))
            return Hash256(hasher.finalize())
        }
    }

    /// SHA-256(0x00 ‖ bytes), as `MerkleTree.leafHash`.
    public static func leaf(_ bytes: UnsafeRawBufferPointer) -> Hash256 {
        var hasher = SHA256()
        hasher.update(data: [0x00] as [UInt8])
        hasher.update(bufferPointer: bytes)
        return Hash256(hasher.finalize())
    }
}
