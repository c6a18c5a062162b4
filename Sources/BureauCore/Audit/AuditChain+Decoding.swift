import Foundation

extension AuditChain {
    /// Reads back `canonicalEncoding(of:)`, for a verifier that holds only the bytes (an inclusion proof's
    /// entry). Refuses anything that does not re-encode to exactly the same bytes.
    public static func decodeCanonical(_ data: Data) throws(NoteError) -> AuditEntry {
        let bytes = [UInt8](data)
        let magic = Array("bureau-audit-v1".utf8)
        guard bytes.starts(with: magic) else { throw .malformed("the entry is not a Bureau audit entry (bureau-audit-v1)") }
        var position = magic.count
        func field() throws(NoteError) -> String? {
            guard position + 4 <= bytes.count else { throw .malformed("the entry's bytes end early") }
            let length = bytes[position..<position + 4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            position += 4
            if length == 0xFFFF_FFFF { return nil }
            guard position + Int(length) <= bytes.count else { throw .malformed("the entry's bytes end early") }
            defer { position += Int(length) }
            guard let text = String(bytes: bytes[position..<position + Int(length)], encoding: .utf8) else {
                throw .malformed("the entry holds text that is not UTF-8")
            }
            return text
        }
        func required(_ name: String) throws(NoteError) -> String {
            guard let value = try field() else { throw .malformed("the entry has no \(name)") }
            return value
        }
        let previous = try required("previous hash")
        guard let sequence = Int64(try required("sequence")), let millis = Int64(try required("time")) else {
            throw .malformed("the entry's sequence or time is not a number")
        }
        var entry = AuditEntry(sequence: sequence, atMillis: millis, actor: try required("actor"), role: try required("role"),
                               action: try required("action"), entity: try required("entity"), entityID: try field(),
                               purpose: try field(), detail: try field(), previousHash: previous)
        guard position == bytes.count, canonicalEncoding(of: entry) == data else {
            throw .malformed("the entry's bytes are not in canonical form")
        }
        entry.hash = hash(of: entry)
        return entry
    }
}

extension AuditChain {
    /// The entry's Merkle leaf: SHA-256(0x00 ‖ canonical bytes).
    public static func leafHash(of entry: AuditEntry) -> Data {
        MerkleTree.leafHash(canonicalEncoding(of: entry))
    }
}
