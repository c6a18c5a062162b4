import Foundation

/// c2sp.org/tlog-proof@v1: an offline-verifiable proof that an entry is in the log a signed checkpoint
/// commits to. The `extra` line carries the entry's canonical bytes (`AuditChain.canonicalEncoding`);
/// the leaf hash is SHA-256(0x00 ‖ those bytes), so the extra data is authenticated by the proof itself.
public struct TlogProof: Sendable, Hashable {
    public static let header = "c2sp.org/tlog-proof@v1"

    public var entryBytes: Data
    /// Zero-based: audit entry N is leaf N - 1.
    public var index: Int64
    public var path: [Data]
    /// The signed checkpoint, verbatim.
    public var checkpoint: String

    public init(entryBytes: Data, index: Int64, path: [Data], checkpoint: String) {
        self.entryBytes = entryBytes
        self.index = index
        self.path = path
        self.checkpoint = checkpoint
    }

    public var encoded: String {
        var lines = [Self.header, "extra \(entryBytes.base64EncodedString())", "index \(index)"]
        lines += path.map { $0.base64EncodedString() }
        return lines.joined(separator: "\n") + "\n\n" + checkpoint
    }

    public init(parsing string: String) throws(NoteError) {
        guard let blank = string.range(of: "\n\n") else { throw .malformed("no blank line before the checkpoint") }
        var lines = string[..<blank.lowerBound].split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard lines.popFirst() == Substring(Self.header) else { throw .malformed("the first line is not \(Self.header)") }
        var extra = Data()
        if let line = lines.first, line.hasPrefix("extra ") {
            lines.removeFirst()
            guard let bytes = Data(canonicalBase64: line.dropFirst(6)) else { throw .malformed("the extra line is not base64") }
            extra = bytes
        }
        guard let indexLine = lines.popFirst(), indexLine.hasPrefix("index "),
              let index = Int64(indexLine.dropFirst(6)), index >= 0, String(index) == indexLine.dropFirst(6) else {
            throw .malformed("the index line is not `index <decimal>`")
        }
        var path: [Data] = []
        for line in lines {
            guard let hash = Data(canonicalBase64: line), hash.count == 32 else {
                throw .malformed("a proof line is not a base64 SHA-256 hash: \(line)")
            }
            path.append(hash)
        }
        self.init(entryBytes: extra, index: index, path: path, checkpoint: String(string[blank.upperBound...]))
    }

    /// What an outsider learns from a proof that verifies.
    public struct Verified: Sendable, Hashable {
        public var entry: AuditEntry
        public var checkpoint: Checkpoint.Verified
    }

    /// Verifies offline: the checkpoint is signed by `log`, the entry sits at `index` in the tree it commits to.
    public func verify(log: NoteVerifier, witnesses: [NoteVerifier] = []) throws(NoteError) -> Verified {
        let checkpoint = try Checkpoint.verify(self.checkpoint, log: log, witnesses: witnesses)
        let entry = try AuditChain.decodeCanonical(entryBytes)
        guard entry.sequence == index + 1 else {
            throw .malformed("the entry is number \(entry.sequence) but the proof is for index \(index) (entry \(index + 1))")
        }
        guard MerkleTree.verifyInclusion(leafHash: MerkleTree.leafHash(entryBytes), index: index,
                                         size: checkpoint.checkpoint.size, proof: path, root: checkpoint.checkpoint.root) else {
            throw .unsigned("the inclusion proof does not lead to the checkpoint's root: the entry or the proof was altered")
        }
        return Verified(entry: entry, checkpoint: checkpoint)
    }
}
