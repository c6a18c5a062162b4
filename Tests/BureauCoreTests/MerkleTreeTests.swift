import BureauCore
import Foundation
import Testing

/// RFC 6962 hashing and proofs, against values derived by hand (Python's hashlib over the RFC's
/// definitions) and against the RFC's recursive definitions written out below.
@Suite struct MerkleTreeTests {
    /// The eight leaves of the Certificate Transparency test vectors.
    static let leaves: [Data] = [Data(), Data([0x00]), Data([0x10]), Data([0x20, 0x21]), Data([0x30, 0x31]),
                                 Data([0x40, 0x41, 0x42, 0x43]), Data(0x50...0x57), Data(0x60...0x6f)]
    static let roots = [
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ]

    static func hex(_ data: Data) -> String { data.map { String(format: "%02x", $0) }.joined() }

    /// Every perfect subtree of `leaves`, as a store would keep it.
    static func store(_ leaves: [Data]) -> [MerkleNode: Data] {
        var nodes: [MerkleNode: Data] = [:]
        var builder = MerkleBuilder()
        for (index, leaf) in leaves.enumerated() {
            let hash = MerkleTree.leafHash(leaf)
            nodes[MerkleNode(level: 0, index: Int64(index))] = hash
            for (node, value) in builder.append(leafHash: hash) { nodes[node] = value }
        }
        return nodes
    }

    /// RFC 6962 §2.1 MTH, written as the RFC states it.
    static func mth(_ d: ArraySlice<Data>) -> Data {
        if d.isEmpty { return MerkleTree.emptyRoot }
        if d.count == 1 { return MerkleTree.leafHash(d.first!) }
        var k = 1
        while k * 2 < d.count { k *= 2 }
        return MerkleTree.nodeHash(mth(d.prefix(k)), mth(d.dropFirst(k)))
    }

    @Test func emptyTreeAndKnownRoots() throws {
        #expect(Self.hex(MerkleTree.emptyRoot) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let nodes = Self.store(Self.leaves)
        for size in 1...8 {
            let root = MerkleTree.root(size: Int64(size)) { nodes[$0]! }
            #expect(Self.hex(root) == Self.roots[size - 1], "root of \(size) leaves")
            var builder = MerkleBuilder()
            for leaf in Self.leaves.prefix(size) { builder.append(leafHash: MerkleTree.leafHash(leaf)) }
            #expect(Self.hex(builder.root) == Self.roots[size - 1], "streamed root of \(size) leaves")
        }
    }

    @Test func knownInclusionAndConsistencyProofs() throws {
        let nodes = Self.store(Self.leaves)
        let path = try MerkleTree.inclusionProof(index: 2, size: 8) { nodes[$0]! }
        #expect(path.map(Self.hex) == ["07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
                                       "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
                                       "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"])
        let consistency = try MerkleTree.consistencyProof(oldSize: 3, newSize: 7) { nodes[$0]! }
        #expect(consistency.map(Self.hex) == ["0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
                                              "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
                                              "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
                                              "837dbb152e9b079010717e84e865da4ebc0fa198a806d59d31bf15accef22d0e"])
    }

    /// Every proof over trees up to 40 leaves verifies, and fails with a changed hash, size or index.
    @Test func proofsVerifyAndTamperingFails() throws {
        let leaves = (0..<40).map { Data("leaf \($0)".utf8) }
        let nodes = Self.store(leaves)
        for size in 1...leaves.count {
            let root = Self.mth(leaves.prefix(size)[...])
            #expect(MerkleTree.root(size: Int64(size)) { nodes[$0]! } == root)
            for index in 0..<size {
                let proof = try MerkleTree.inclusionProof(index: Int64(index), size: Int64(size)) { nodes[$0]! }
                let leaf = MerkleTree.leafHash(leaves[index])
                #expect(MerkleTree.verifyInclusion(leafHash: leaf, index: Int64(index), size: Int64(size), proof: proof, root: root))
                #expect(!MerkleTree.verifyInclusion(leafHash: MerkleTree.leafHash(Data("x".utf8)), index: Int64(index),
                                                    size: Int64(size), proof: proof, root: root))
                if size > 1 {
                    #expect(!MerkleTree.verifyInclusion(leafHash: leaf, index: Int64((index + 1) % size), size: Int64(size),
                                                        proof: proof, root: root))
                }
            }
            for old in 0...size {
                let oldRoot = Self.mth(leaves.prefix(old)[...])
                let proof = try MerkleTree.consistencyProof(oldSize: Int64(old), newSize: Int64(size)) { nodes[$0]! }
                #expect(MerkleTree.verifyConsistency(oldSize: Int64(old), newSize: Int64(size), oldRoot: oldRoot,
                                                     newRoot: root, proof: proof), "\(old) → \(size)")
                if old > 0 && old < size {
                    var forged = proof
                    forged[0] = MerkleTree.leafHash(Data("forged".utf8))
                    #expect(!MerkleTree.verifyConsistency(oldSize: Int64(old), newSize: Int64(size), oldRoot: oldRoot,
                                                          newRoot: root, proof: forged))
                    #expect(!MerkleTree.verifyConsistency(oldSize: Int64(old), newSize: Int64(size),
                                                          oldRoot: MerkleTree.leafHash(Data()), newRoot: root, proof: proof))
                }
            }
        }
    }

    /// Appending needs only the left siblings of the new leaf and yields the same stored nodes.
    @Test func appendTouchesLogarithmicallyManyNodes() {
        let leaves = (0..<100).map { Data("leaf \($0)".utf8) }
        let nodes = Self.store(leaves)
        var stored: [MerkleNode: Data] = [:]
        for (index, leaf) in leaves.enumerated() {
            let hash = MerkleTree.leafHash(leaf)
            stored[MerkleNode(level: 0, index: Int64(index))] = hash
            let siblings = MerkleTree.appendSiblings(index: Int64(index))
            #expect(siblings.count <= 7)
            for (node, value) in MerkleTree.completedNodes(index: Int64(index), leafHash: hash,
                                                           siblings: siblings.map { stored[$0]! }) {
                stored[node] = value
            }
        }
        #expect(stored == nodes)
        #expect(MerkleTree.appendSiblings(index: 7).count == 3 && MerkleTree.appendSiblings(index: 8).isEmpty)
        #expect(MerkleNode(key: MerkleNode(level: 5, index: 123_456).key) == MerkleNode(level: 5, index: 123_456))
    }
}
