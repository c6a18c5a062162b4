import Foundation

extension MerkleTree {
    /// The left siblings needed to append leaf `index`: one per perfect subtree the new leaf completes
    /// (the trailing one-bits of `index`), at most log2(n). Leaf `index` - 1 comes first.
    public static func appendSiblings(index: Int64) -> [MerkleNode] {
        var siblings: [MerkleNode] = []
        var level = 0
        while (index >> level) & 1 == 1 {
            siblings.append(MerkleNode(level: level, index: (index >> level) - 1))
            level += 1
        }
        return siblings
    }

    /// The perfect subtrees above leaf level that appending leaf `index` completes, with their hashes.
    /// `siblings` are the hashes of `appendSiblings(index:)`, in that order.
    public static func completedNodes(index: Int64, leafHash: Data, siblings: [Data]) -> [(MerkleNode, Data)] {
        var hash = leafHash
        var completed: [(MerkleNode, Data)] = []
        for (level, sibling) in siblings.enumerated() {
            hash = nodeHash(sibling, hash)
            completed.append((MerkleNode(level: level + 1, index: index >> (level + 1)), hash))
        }
        return completed
    }
}

/// Builds a tree from leaves streamed in order, in O(log n) memory: the roots of the perfect subtrees
/// along the right edge (a "compact range"). Used to recompute the whole tree when verifying or
/// migrating, and to know the root at any earlier size on the way. Hashes are held inline
/// (`Hash256`): a node costs one SHA-256 and no allocation.
public struct MerkleBuilder: Sendable {
    /// Perfect subtrees covering [0, size), largest first.
    private var frontier: [(level: Int, hash: Hash256)] = []
    public private(set) var size: Int64 = 0

    public init() {}

    /// Adds the next leaf; returns the perfect subtrees above leaf level it completes.
    @discardableResult
    public mutating func append(leafHash: Data) -> [(MerkleNode, Data)] {
        guard let leaf = Hash256(leafHash) else { preconditionFailure("a leaf hash is 32 bytes") }
        var completed: [(MerkleNode, Data)] = []
        append(leaf: leaf) { completed.append(($0, $1.data)) }
        return completed
    }

    /// Adds the next leaf, handing each perfect subtree above leaf level it completes to `completed`
    /// (lowest first).
    public mutating func append(leaf: Hash256, completed: (MerkleNode, Hash256) -> Void) {
        var hash = leaf
        var level = 0
        while let last = frontier.last, last.level == level {
            frontier.removeLast()
            hash = Hash256.node(last.hash, hash)
            level += 1
            completed(MerkleNode(level: level, index: size >> level), hash)
        }
        frontier.append((level, hash))
        size += 1
    }

    /// The root of the leaves added so far.
    public var root: Data {
        guard var hash = frontier.last?.hash else { return MerkleTree.emptyRoot }
        for node in frontier.dropLast().reversed() { hash = Hash256.node(node.hash, hash) }
        return hash.data
    }
}

extension MerkleTree {
    /// The perfect subtrees above leaf level that appending leaves [begin, end) completes, as one range
    /// of node indices per level: at level l, node j is completed by leaf (j+1)·2^l - 1. What a
    /// verification must compare with the stored tree for that run of leaves, known before hashing.
    public static func nodesCompleted(byLeaves begin: Int64, _ end: Int64) -> [(level: Int, indices: ClosedRange<Int64>)] {
        var ranges: [(level: Int, indices: ClosedRange<Int64>)] = []
        guard begin >= 0, end > begin else { return ranges }
        var level = 1
        while Int64(1) << level <= end {
            // j with begin ≤ (j+1)·2^l − 1 < end
            let low = (begin + 1 + (Int64(1) << level) - 1) >> level - 1
            let high = end >> level - 1
            if low <= high { ranges.append((level, low...high)) }
            level += 1
        }
        return ranges
    }
}
