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
/// migrating, and to know the root at any earlier size on the way.
public struct MerkleBuilder: Sendable {
    /// Perfect subtrees covering [0, size), largest first.
    private var frontier: [(level: Int, hash: Data)] = []
    public private(set) var size: Int64 = 0

    public init() {}

    /// Adds the next leaf; returns the perfect subtrees above leaf level it completes.
    @discardableResult
    public mutating func append(leafHash: Data) -> [(MerkleNode, Data)] {
        var hash = leafHash
        var level = 0
        var completed: [(MerkleNode, Data)] = []
        while let last = frontier.last, last.level == level {
            frontier.removeLast()
            hash = MerkleTree.nodeHash(last.hash, hash)
            level += 1
            completed.append((MerkleNode(level: level, index: size >> level), hash))
        }
        frontier.append((level, hash))
        size += 1
        return completed
    }

    /// The root of the leaves added so far.
    public var root: Data {
        guard var hash = frontier.last?.hash else { return MerkleTree.emptyRoot }
        for node in frontier.dropLast().reversed() { hash = MerkleTree.nodeHash(node.hash, hash) }
        return hash
    }
}
