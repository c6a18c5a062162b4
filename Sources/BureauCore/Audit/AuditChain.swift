import Crypto
import Foundation

/// The hash chain over audit entries.
public enum AuditChain {
    /// The `previousHash` of the first entry.
    public static let genesis = String(repeating: "0", count: 64)

    /// Places `record` after `previous` (nil for the first entry) and computes its hash.
    public static func append(_ record: AuditRecord, after previous: AuditEntry?, atMillis: Int64) -> AuditEntry {
        var entry = AuditEntry(sequence: (previous?.sequence ?? 0) + 1, atMillis: atMillis, actor: record.actor,
                               role: record.role, action: record.action, entity: record.entity,
                               entityID: record.entityID, purpose: record.purpose, detail: record.detail,
                               previousHash: previous?.hash ?? genesis)
        entry.hash = hash(of: entry)
        return entry
    }

    /// SHA-256 over the canonical encoding, hex.
    public static func hash(of entry: AuditEntry) -> String {
        hex(SHA256.hash(data: canonicalEncoding(of: entry)))
    }

    /// Lower-case hex, without `String(format:)` (which dominated verifying a million entries).
    static func hex(_ digest: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64)
        for byte in digest {
            bytes.append(digits[Int(byte >> 4)])
            bytes.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Every field, length-prefixed, in a fixed order; absent and empty are distinct, so no two
    /// different entries share an encoding.
    public static func canonicalEncoding(of entry: AuditEntry) -> Data {
        var data = Data("bureau-audit-v1".utf8)
        func put(_ value: String?) {
            guard let value else {
                data.append(contentsOf: [0xFF, 0xFF, 0xFF, 0xFF])
                return
            }
            let bytes = Array(value.utf8)
            var length = UInt32(bytes.count).bigEndian
            withUnsafeBytes(of: &length) { data.append(contentsOf: $0) }
            data.append(contentsOf: bytes)
        }
        put(entry.previousHash)
        put(String(entry.sequence))
        put(String(entry.atMillis))
        put(entry.actor)
        put(entry.role)
        put(entry.action)
        put(entry.entity)
        put(entry.entityID)
        put(entry.purpose)
        put(entry.detail)
        return data
    }

    public enum Verdict: Sendable, Equatable {
        case intact(count: Int, head: String)
        /// The first entry that does not fit, and why.
        case broken(sequence: Int64, reason: String)
    }

    /// Checks a run of entries in stored order, continuing from `previous` (nil: from the start).
    /// Call repeatedly with pages to verify a long chain in constant memory.
    public static func verify(_ entries: [AuditEntry], after previous: AuditEntry?) -> Verdict {
        verify(entries, after: previous) { _ in }
    }

    /// The same, handing each verified entry's Merkle leaf hash to `leaf`, so the canonical encoding is built once.
    public static func verify(_ entries: [AuditEntry], after previous: AuditEntry?, leaf: (Data) -> Void) -> Verdict {
        var last = previous
        for entry in entries {
            let expectedSequence = (last?.sequence ?? 0) + 1
            if entry.sequence != expectedSequence {
                return .broken(sequence: entry.sequence,
                               reason: "expected entry \(expectedSequence) here: an entry is missing or out of order")
            }
            if entry.previousHash != (last?.hash ?? genesis) {
                return .broken(sequence: entry.sequence, reason: "does not link to the entry before it")
            }
            let encoding = canonicalEncoding(of: entry)
            if hex(SHA256.hash(data: encoding)) != entry.hash {
                return .broken(sequence: entry.sequence, reason: "content does not match its hash: the entry was altered")
            }
            leaf(MerkleTree.leafHash(encoding))
            last = entry
        }
        return .intact(count: entries.count, head: last?.hash ?? genesis)
    }
}
