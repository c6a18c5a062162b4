import Foundation

/// c2sp.org/tlog-checkpoint: a signed note whose text is the log's origin, tree size and base64 root
/// hash, one per line. No extension lines: the checkpoint's time is what the witnesses' cosignatures
/// state (a log's own clock proves nothing against the log), and the Bureau keeps its signing time beside it.
public struct Checkpoint: Sendable, Hashable {
    public var origin: String
    public var size: Int64
    public var root: Data

    public init(origin: String, size: Int64, root: Data) {
        self.origin = origin
        self.size = size
        self.root = root
    }

    public var text: String { "\(origin)\n\(size)\n\(root.base64EncodedString())\n" }

    public func signed(by signer: NoteSigner) throws -> SignedNote {
        SignedNote(text: text, signatures: [try signer.sign(text)])
    }

    /// Parses the note text of a checkpoint.
    public init(text: String) throws(NoteError) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        guard text.hasSuffix("\n"), lines.count >= 3, !lines.contains(where: \.isEmpty) else {
            throw .malformed("a checkpoint's text is origin, tree size and root hash, one per line")
        }
        let sizeLine = String(lines[lines.startIndex + 1])
        guard let size = Int64(sizeLine), size >= 0, sizeLine == String(size) else {
            throw .malformed("the tree size \(sizeLine) is not a decimal number without leading zeroes")
        }
        guard let root = Data(canonicalBase64: lines[lines.startIndex + 2]), root.count == 32 else {
            throw .malformed("the root hash is not a base64 SHA-256 hash")
        }
        self.init(origin: String(lines[lines.startIndex]), size: size, root: root)
    }

    /// A checkpoint verified against the log's key, with any witness cosignatures that verify.
    public struct Verified: Sendable, Hashable {
        public var checkpoint: Checkpoint
        public var note: SignedNote
        /// Witness name → the time its cosignature states (POSIX seconds; nil for a plain Ed25519 signature).
        public var witnesses: [String: UInt64?]
    }

    /// Reads a signed checkpoint file: it must carry a valid signature by `log`, whose name must be the origin;
    /// a signature by a known witness that fails rejects the whole note.
    public static func verify(_ string: String, log: NoteVerifier, witnesses: [NoteVerifier] = []) throws(NoteError) -> Verified {
        let note = try SignedNote.parse(string)
        let checkpoint = try Checkpoint(text: note.text)
        guard checkpoint.origin == log.name else {
            throw .unsigned("the checkpoint is for the log \(checkpoint.origin), not \(log.name)")
        }
        var signedByLog = false
        var cosigned: [String: UInt64?] = [:]
        for signature in note.signatures {
            if let result = log.check(signature, over: note) {
                guard result.valid else { throw .unsigned("the log's signature does not match the checkpoint: it was altered") }
                signedByLog = true
                continue
            }
            for witness in witnesses {
                guard let result = witness.check(signature, over: note) else { continue }
                guard result.valid else { throw .unsigned("the cosignature of \(witness.name) does not match the checkpoint") }
                cosigned[witness.name] = result.time
            }
        }
        guard signedByLog else { throw .unsigned("the checkpoint is not signed by the log key \(log.vkey)") }
        return Verified(checkpoint: checkpoint, note: note, witnesses: cosigned)
    }
}
