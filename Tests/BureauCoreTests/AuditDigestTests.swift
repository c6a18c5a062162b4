import BureauCore
import Crypto
import Foundation
import Testing

/// The fast paths a full verification and a tree build take (one buffer per entry, inline hashes,
/// all cores) must give exactly what the plain definitions give.
@Suite struct AuditDigestTests {
    static func entries() -> [AuditEntry] {
        var entries: [AuditEntry] = []
        for index in 0..<1500 {
            let record = AuditRecord(actor: index % 7 == 0 ? "офіцер\(index)" : "officer\(index % 3)", role: "registrar",
                                     action: "prisoner.read", entity: "prisoner", entityID: index % 5 == 0 ? nil : "id-\(index)",
                                     purpose: index % 2 == 0 ? "" : "tracing 정호", detail: index % 11 == 0 ? nil : "n=\(index)")
            entries.append(AuditChain.append(record, after: entries.last, atMillis: Int64(index) * 7919 - 1_000_000))
        }
        return entries
    }

    /// The canonical encoding as first written (String fields, `String(n)` for numbers), kept here as the reference.
    static func reference(_ entry: AuditEntry) -> Data {
        var data = Data("bureau-audit-v1".utf8)
        func put(_ value: String?) {
            guard let value else { return data.append(contentsOf: [0xFF, 0xFF, 0xFF, 0xFF]) }
            let bytes = Array(value.utf8)
            var length = UInt32(bytes.count).bigEndian
            withUnsafeBytes(of: &length) { data.append(contentsOf: $0) }
            data.append(contentsOf: bytes)
        }
        for field in [entry.previousHash, String(entry.sequence), String(entry.atMillis), entry.actor, entry.role,
                      entry.action, entry.entity, entry.entityID, entry.purpose, entry.detail] { put(field) }
        return data
    }

    @Test func theEncodingIsTheReferenceOne() {
        var extremes = Self.entries()[3]
        for millis in [Int64.min, -1, 0, 9, 10, Int64.max] {
            extremes.atMillis = millis
            #expect(AuditChain.canonicalEncoding(of: extremes) == Self.reference(extremes), "\(millis)")
        }
        for entry in Self.entries() { #expect(AuditChain.canonicalEncoding(of: entry) == Self.reference(entry)) }
    }

    @Test func digestsOnAllCoresAreThePlainHashes() async {
        var entries = Self.entries()
        entries[700].actor = "someone.else"
        entries[901].hash = entries[901].hash.uppercased()
        let digests = await AuditChain.digests(entries, cores: 4)
        #expect(digests.count == entries.count)
        for (entry, digest) in zip(entries, digests) {
            let bytes = Self.reference(entry)
            #expect(digest.leaf.data == MerkleTree.leafHash(bytes))
            let matches = Data(SHA256.hash(data: bytes)).map { String(format: "%02x", $0) }.joined() == entry.hash
            #expect(digest.contentMatches == matches, "entry \(entry.sequence)")
        }
        #expect(digests.filter { !$0.contentMatches }.count == 2)
        let onOneCore = await AuditChain.digests(entries, cores: 1)
        #expect(onOneCore == digests)
        #expect(AuditChain.verify(entries, digests: digests, after: nil) { _ in }
            == .broken(sequence: 701, reason: "content does not match its hash: the entry was altered"))
    }

    @Test func inlineNodesAreTheDataNodes() {
        let left = MerkleTree.leafHash(Data("a".utf8)), right = MerkleTree.leafHash(Data("b".utf8))
        #expect(Hash256.node(Hash256(left)!, Hash256(right)!).data == MerkleTree.nodeHash(left, right))
        #expect(Hash256(Data(count: 31)) == nil)
    }

    /// What a verification reads ahead from the stored tree for a run of leaves is exactly what the
    /// builder completes over that run.
    @Test func theNodesALeafRunCompletesAreKnownBeforeHashing() {
        for (begin, end) in [(0, 1), (0, 2), (0, 37), (1, 2), (3, 4), (5, 1000), (1023, 1025), (4096, 8193), (7, 7)] {
            var builder = MerkleBuilder()
            var completed: [MerkleNode] = []
            for index in 0..<end {
                let leaf = MerkleTree.leafHash(Data("\(index)".utf8))
                let nodes = builder.append(leafHash: leaf).map(\.0)
                if index >= begin { completed += nodes }
            }
            let ranges = MerkleTree.nodesCompleted(byLeaves: Int64(begin), Int64(end))
            let expected = ranges.flatMap { range in range.indices.map { MerkleNode(level: range.level, index: $0) } }
            #expect(Set(completed) == Set(expected), "leaves \(begin)..<\(end)")
            #expect(completed.count == expected.count)
        }
    }
}
