import Crypto
import Foundation

/// RFC 6962 / RFC 9162 Merkle tree hashing over the audit log, and its proofs.
///
/// Leaves are numbered from 0 (audit entry N is leaf N-1). A `MerkleNode` names a *perfect* subtree
/// (2^level leaves, aligned); those are the only hashes a store keeps, and every root, inclusion
/// proof and consistency proof is computed from O(log n) of them, so nothing ever rescans the log.
public enum MerkleTree {
    /// SHA-256 of the empty string: the root of the tree with no leaves.
    public static let emptyRoot = Data(SHA256.hash(data: Data()))

    /// SHA-256(0x00 ‖ leaf bytes).
    public static func leafHash(_ bytes: Data) -> Data {
        var hasher = SHA256()
        hasher.update(data: [0x00])
        hasher.update(data: bytes)
        return Data(hasher.finalize())
    }

    /// SHA-256(0x01 ‖ left ‖ right).
    public static func nodeHash(_ left: Data, _ right: Data) -> Data {
        var hasher = SHA256()
        hasher.update(data: [0x01])
        hasher.update(data: left)
        hasher.update(data: right)
        return Data(hasher.finalize())
    }

    /// The largest power of two strictly less than `n` (n ≥ 2).
    static func splitPoint(_ n: Int64) -> Int64 {
        var k: Int64 = 1
        while k << 1 < n { k <<= 1 }
        return k
    }

    /// The hash of leaves [begin, end), asking `node` only for perfect subtrees. `begin` must be
    /// aligned as it always is inside RFC 6962's recursion.
    public static func rangeHash(_ begin: Int64, _ end: Int64, node: (MerkleNode) throws -> Data) rethrows -> Data {
        let count = end - begin
        precondition(count > 0, "an empty range has no hash")
        if count & (count - 1) == 0 {
            let level = count.trailingZeroBitCount
            if begin % count == 0 { return try node(MerkleNode(level: level, index: begin >> level)) }
        }
        let k = splitPoint(count)
        return nodeHash(try rangeHash(begin, begin + k, node: node), try rangeHash(begin + k, end, node: node))
    }

    /// The root of a tree of `size` leaves.
    public static func root(size: Int64, node: (MerkleNode) throws -> Data) rethrows -> Data {
        size == 0 ? emptyRoot : try rangeHash(0, size, node: node)
    }

    /// RFC 9162 §2.1.3.1 PATH(m, D[n]): the inclusion proof for leaf `index` in a tree of `size`, leaf side first.
    public static func inclusionProof(index: Int64, size: Int64, node: (MerkleNode) throws -> Data) throws -> [Data] {
        guard index >= 0, index < size else { throw MerkleError.outOfRange("leaf \(index) is not in a tree of \(size)") }
        return try path(index, 0, size, node)
    }

    private static func path(_ m: Int64, _ begin: Int64, _ end: Int64, _ node: (MerkleNode) throws -> Data) throws -> [Data] {
        let n = end - begin
        if n == 1 { return [] }
        let k = splitPoint(n)
        if m < k { return try path(m, begin, begin + k, node) + [rangeHash(begin + k, end, node: node)] }
        return try path(m - k, begin + k, end, node) + [rangeHash(begin, begin + k, node: node)]
    }

    /// RFC 9162 §2.1.4.1 PROOF(m, D[n]): shows the tree of `newSize` extends the tree of `oldSize`.
    public static func consistencyProof(oldSize: Int64, newSize: Int64, node: (MerkleNode) throws -> Data) throws -> [Data] {
        guard oldSize >= 0, oldSize <= newSize else {
            throw MerkleError.outOfRange("a tree of \(newSize) cannot extend one of \(oldSize)")
        }
        if oldSize == 0 || oldSize == newSize { return [] }
        return try subproof(oldSize, 0, newSize, true, node)
    }

    private static func subproof(_ m: Int64, _ begin: Int64, _ end: Int64, _ whole: Bool,
                                 _ node: (MerkleNode) throws -> Data) throws -> [Data] {
        let n = end - begin
        if m == n { return whole ? [] : [try rangeHash(begin, end, node: node)] }
        let k = splitPoint(n)
        if m <= k { return try subproof(m, begin, begin + k, whole, node) + [rangeHash(begin + k, end, node: node)] }
        return try subproof(m - k, begin + k, end, false, node) + [rangeHash(begin, begin + k, node: node)]
    }

    /// RFC 9162 §2.1.3.2: does `proof` place `leafHash` at `index` in the tree of `size` with `root`?
    public static func verifyInclusion(leafHash: Data, index: Int64, size: Int64, proof: [Data], root: Data) -> Bool {
        guard index >= 0, index < size else { return false }
        var fn = index, sn = size - 1, r = leafHash
        for p in proof {
            if sn == 0 { return false }
            if fn & 1 == 1 || fn == sn {
                r = nodeHash(p, r)
                if fn & 1 == 0 {
                    while fn & 1 == 0 && fn != 0 { fn >>= 1; sn >>= 1 }
                }
            } else {
                r = nodeHash(r, p)
            }
            fn >>= 1
            sn >>= 1
        }
        return sn == 0 && r == root
    }

    /// RFC 9162 §2.1.4.2: is the tree (`newSize`, `newRoot`) an append-only extension of (`oldSize`, `oldRoot`)?
    public static func verifyConsistency(oldSize: Int64, newSize: Int64, oldRoot: Data, newRoot: Data, proof: [Data]) -> Bool {
        guard oldSize >= 0, oldSize <= newSize else { return false }
        if oldSize == newSize { return proof.isEmpty && oldRoot == newRoot }
        if oldSize == 0 { return proof.isEmpty }
        var path = proof
        guard !path.isEmpty else { return false }
        if oldSize & (oldSize - 1) == 0 { path.insert(oldRoot, at: 0) }
        var fn = oldSize - 1, sn = newSize - 1
        while fn & 1 == 1 { fn >>= 1; sn >>= 1 }
        var fr = path[0], sr = path[0]
        for c in path.dropFirst() {
            if sn == 0 { return false }
            if fn & 1 == 1 || fn == sn {
                fr = nodeHash(c, fr)
                sr = nodeHash(c, sr)
                if fn & 1 == 0 {
                    while fn & 1 == 0 && fn != 0 { fn >>= 1; sn >>= 1 }
                }
            } else {
                sr = nodeHash(sr, c)
            }
            fn >>= 1
            sn >>= 1
        }
        return fr == oldRoot && sr == newRoot && sn == 0
    }
}

/// Records every perfect subtree a computation asks for (answering with placeholders), so a store can
/// fetch them all in one query and then run the computation for real.
public final class MerkleNodeRecorder {
    public private(set) var needed = Set<MerkleNode>()
    private let placeholder = Data(count: 32)

    public init() {}

    public func record(_ node: MerkleNode) -> Data {
        needed.insert(node)
        return placeholder
    }
}

/// A perfect subtree: leaves [index·2^level, (index+1)·2^level).
public struct MerkleNode: Sendable, Hashable, Comparable {
    public var level: Int
    public var index: Int64

    public init(level: Int, index: Int64) {
        self.level = level
        self.index = index
    }

    /// One integer per node for a single-column key: level in the top 8 bits, index below.
    public var key: Int64 { Int64(level) << 56 | index }

    public init(key: Int64) {
        self.init(level: Int(key >> 56), index: key & ((1 << 56) - 1))
    }

    public static func < (a: MerkleNode, b: MerkleNode) -> Bool { a.key < b.key }
}

public enum MerkleError: Error, Sendable, Equatable, CustomStringConvertible {
    case outOfRange(String)
    case missingNode(MerkleNode)

    public var description: String {
        switch self {
        case .outOfRange(let message): message
        case .missingNode(let node): "the stored tree lacks the node at level \(node.level), index \(node.index)"
        }
    }
}
