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
        var bytes: [UInt8] = []
        appendCanonicalEncoding(of: entry, to: &bytes)
        return Data(bytes)
    }

    /// `canonicalEncoding(of:)` appended to `bytes`, with no allocation of its own: a verification
    /// encodes every entry of the log, reusing one buffer.
    public static func appendCanonicalEncoding(of entry: AuditEntry, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: magic)
        func length(_ count: Int) {
            let value = UInt32(count)
            bytes.append(UInt8(truncatingIfNeeded: value >> 24))
            bytes.append(UInt8(truncatingIfNeeded: value >> 16))
            bytes.append(UInt8(truncatingIfNeeded: value >> 8))
            bytes.append(UInt8(truncatingIfNeeded: value))
        }
        func put(_ value: String?) {
            guard var value else {
                bytes.append(contentsOf: [0xFF, 0xFF, 0xFF, 0xFF])
                return
            }
            value.makeContiguousUTF8()
            length(value.utf8.count)
            bytes.append(contentsOf: value.utf8)
        }
        // String(n) without the String: the same decimal digits, '-' first when negative.
        func put(_ number: Int64) {
            var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
            withUnsafeMutableBytes(of: &digits) { buffer in
                var magnitude = number.magnitude
                var position = buffer.count
                repeat {
                    position -= 1
                    buffer[position] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                    magnitude /= 10
                } while magnitude > 0
                if number < 0 {
                    position -= 1
                    buffer[position] = UInt8(ascii: "-")
                }
                length(buffer.count - position)
                bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[position...]))
            }
        }
        put(entry.previousHash)
        put(entry.sequence)
        put(entry.atMillis)
        put(entry.actor)
        put(entry.role)
        put(entry.action)
        put(entry.entity)
        put(entry.entityID)
        put(entry.purpose)
        put(entry.detail)
    }

    private static let magic = Array("bureau-audit-v1".utf8)

    /// Does `hash` hold exactly the lower-case hex of `digest` (what `hex` would print)?
    static func hexEquals(_ digest: SHA256Digest, _ hash: String) -> Bool {
        var hash = hash
        return hash.withUTF8 { stored in
            guard stored.count == 64 else { return false }
            return digest.withUnsafeBytes { raw in
                for (index, byte) in raw.enumerated() {
                    guard stored[2 * index] == hexDigits[Int(byte >> 4)], stored[2 * index + 1] == hexDigits[Int(byte & 0x0F)]
                    else { return false }
                }
                return true
            }
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

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
        verify(entries, digests: digests(entries[...]), after: previous) { leaf($0.data) }
    }

    /// What an entry shows on its own, without its neighbours: whether its content still matches its
    /// stored hash, and its Merkle leaf hash. Independent per entry, so computed on all cores.
    public struct EntryDigest: Sendable, Hashable {
        public var contentMatches: Bool
        public var leaf: Hash256
    }

    /// One canonical encoding per entry, hashed twice: SHA-256(bytes) against the stored hash and
    /// SHA-256(0x00 ‖ bytes) for the tree, from one buffer that holds the 0x00 in front.
    /// `content: false` skips the first hash (a tree build, which trusts the chain), leaving `contentMatches` true.
    public static func digests(_ entries: ArraySlice<AuditEntry>, content: Bool = true) -> [EntryDigest] {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1024)
        var digests: [EntryDigest] = []
        digests.reserveCapacity(entries.count)
        for entry in entries {
            buffer.removeAll(keepingCapacity: true)
            buffer.append(0x00)
            appendCanonicalEncoding(of: entry, to: &buffer)
            digests.append(buffer.withUnsafeBytes { raw in
                var matches = true
                if content {
                    var hasher = SHA256()
                    hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: raw[1...]))
                    matches = hexEquals(hasher.finalize(), entry.hash)
                }
                var leaf = SHA256()
                leaf.update(bufferPointer: raw)
                return EntryDigest(contentMatches: matches, leaf: Hash256(leaf.finalize()))
            })
        }
        return digests
    }

    /// `digests(_:)` split over the machine's cores (structured concurrency; the order is kept).
    public static func digests(_ entries: [AuditEntry], content: Bool = true,
                               cores: Int = ProcessInfo.processInfo.activeProcessorCount) async -> [EntryDigest] {
        let chunks = max(1, min(cores, entries.count / 256))
        guard chunks > 1 else { return digests(entries[...], content: content) }
        let size = (entries.count + chunks - 1) / chunks
        return await withTaskGroup(of: (Int, [EntryDigest]).self) { group in
            for chunk in 0..<chunks {
                let range = chunk * size..<min((chunk + 1) * size, entries.count)
                group.addTask { (chunk, digests(entries[range], content: content)) }
            }
            var parts = [[EntryDigest]](repeating: [], count: chunks)
            for await (chunk, part) in group { parts[chunk] = part }
            return parts.flatMap { $0 }
        }
    }

    /// The chain checks proper, given each entry's `digests`: in order, the first entry whose number,
    /// link or content does not fit. Hands each verified entry's leaf hash to `leaf`.
    public static func verify(_ entries: [AuditEntry], digests: [EntryDigest], after previous: AuditEntry?,
                              leaf: (Hash256) -> Void) -> Verdict {
        precondition(digests.count == entries.count, "one digest per entry")
        var last = previous
        for (entry, digest) in zip(entries, digests) {
            let expectedSequence = (last?.sequence ?? 0) + 1
            if entry.sequence != expectedSequence {
                return .broken(sequence: entry.sequence,
                               reason: "expected entry \(expectedSequence) here: an entry is missing or out of order")
            }
            if entry.previousHash != (last?.hash ?? genesis) {
                return .broken(sequence: entry.sequence, reason: "does not link to the entry before it")
            }
            if !digest.contentMatches {
                return .broken(sequence: entry.sequence, reason: "content does not match its hash: the entry was altered")
            }
            leaf(digest.leaf)
            last = entry
        }
        return .intact(count: entries.count, head: last?.hash ?? genesis)
    }
}
