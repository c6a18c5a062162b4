import BureauCore
import Fluent
import Foundation

extension AuditCheckpoints {
    /// Imports a witness's cosignature: `text` is one of this log's checkpoints as the witness returned it,
    /// with its signature line added. All or nothing; the checkpoint must be one the Bureau issued.
    public func importCosignature(_ text: String, witness: NoteVerifier, by principal: Principal) async throws -> Cosignature {
        try await require(principal, action: "audit.cosignature")
        let verified: Checkpoint.Verified
        do {
            verified = try Checkpoint.verify(text, log: signer.verifier, witnesses: [witness])
        } catch {
            throw DomainError.invalid("checkpoint", String(describing: error), code: "invalid_value")
        }
        guard verified.witnesses[witness.name] != nil,
              let line = verified.note.signatures.first(where: { witness.check($0, over: verified.note)?.valid == true }) else {
            throw DomainError.invalid("checkpoint", "it carries no cosignature by \(witness.vkey)", code: "invalid_value")
        }
        let candidates = try await CheckpointModel.query(on: context.db).filter(\.$size == verified.checkpoint.size).all()
        guard let model = candidates.first(where: { $0.rootHash == verified.checkpoint.root.base64EncodedString() }) else {
            throw DomainError(.notFound, code: "not_found",
                              "the Bureau never issued a checkpoint of size \(verified.checkpoint.size) with this root")
        }
        let now = context.clock.now()
        let record = AuditRecord(actor: principal.username, role: principal.role.rawValue, action: "audit.cosignature",
                                 entity: "audit", entityID: "checkpoint-\(model.size)", detail: "witness=\(witness.vkey)")
        let time = verified.witnesses[witness.name] ?? nil
        return try await context.audited(record) { tx in
            let existing = try await CosignatureModel.query(on: tx).filter(\.$checkpointID == model.id!)
                .filter(\.$vkey == witness.vkey).first()
            let cosignature = existing ?? CosignatureModel()
            if existing == nil { cosignature.id = context.newID() }
            cosignature.checkpointID = model.id!
            cosignature.witness = witness.name
            cosignature.vkey = witness.vkey
            cosignature.witnessedAt = time.map { Int64(clamping: $0) }
            cosignature.signatureLine = line.line
            cosignature.importedAt = now
            cosignature.importedBy = principal.username
            try await cosignature.save(on: tx)
            return Cosignature(witness: witness.name, vkey: witness.vkey,
                               witnessedAt: time.map { Date(timeIntervalSince1970: TimeInterval($0)) },
                               importedAt: now, importedBy: principal.username, signatureLine: line.line)
        }
    }

    public struct InclusionProof: Sendable, Hashable {
        public var entry: AuditEntry
        public var size: Int64
        public var path: [Data]
        public var root: Data
        /// The c2sp.org/tlog-proof@v1 text, when a signed checkpoint of `size` exists.
        public var tlogProof: String?
    }

    /// The inclusion proof for entry `entry` in the tree of `size` entries (nil: the newest checkpoint's size).
    public func proof(entry number: Int64, size: Int64?, by principal: Principal) async throws -> InclusionProof {
        try await require(principal, action: "audit.proof")
        let head = try await AuditModel.query(on: context.db).sort(\.$id, .descending).first()?.id ?? 0
        let checkpoint = try await self.checkpoint(size: size)
        guard let size = size ?? checkpoint?.size else {
            throw DomainError.invalid("size", "no checkpoint has been signed yet: make one or name a tree size", code: "required")
        }
        guard size >= 1, size <= head else {
            throw DomainError.invalid("size", "the log holds \(head) entries; choose a size from 1 to \(head)", code: "out_of_range")
        }
        guard number >= 1, number <= size else {
            throw DomainError.invalid("entry", "choose an entry from 1 to \(size)", code: "out_of_range")
        }
        let record = AuditRecord(actor: principal.username, role: principal.role.rawValue, action: "audit.proof",
                                 entity: "audit", entityID: "entry-\(number)", detail: "size=\(size)")
        return try await context.audited(record) { tx in
            guard let model = try await AuditModel.find(number, on: tx) else {
                throw DomainError(.notFound, code: "not_found", "entry \(number) is not in the log")
            }
            let path = try await AuditTree.inclusionProof(index: number - 1, size: size, on: tx)
            let root = try await AuditTree.root(size: size, on: tx)
            var tlog: String?
            if let checkpoint, checkpoint.size == size, checkpoint.rootHash == root.base64EncodedString() {
                tlog = TlogProof(entryBytes: AuditChain.canonicalEncoding(of: model.entry), index: number - 1, path: path,
                                 checkpoint: checkpoint.cosignedNote).encoded
            }
            return InclusionProof(entry: model.entry, size: size, path: path, root: root, tlogProof: tlog)
        }
    }
}

extension AuditCheckpoints {
    public struct ConsistencyProof: Sendable, Hashable {
        public var from: Int64
        public var to: Int64
        /// The roots of the trees of `from` and `to` entries, from the stored tree: a witness compares
        /// them with the checkpoints it holds before it trusts `path`.
        public var fromRoot: Data
        public var toRoot: Data
        /// RFC 9162 §2.1.4.1 PROOF(from, D[to]).
        public var path: [Data]
    }

    /// The consistency proof between tree sizes `from` and `to` (1 ≤ from ≤ to ≤ the log's size), for a
    /// witness to check that the log it saw at `from` is the start of the log at `to`. Audited.
    public func consistency(from: Int64, to: Int64, by principal: Principal) async throws -> ConsistencyProof {
        try await require(principal, action: "audit.consistency")
        let head = try await AuditModel.query(on: context.db).sort(\.$id, .descending).first()?.id ?? 0
        guard from >= 1 else { throw DomainError.invalid("from", "choose a tree size of at least 1", code: "out_of_range") }
        guard from <= to else {
            throw DomainError.invalid("from", "from (\(from)) is larger than to (\(to)): a log only grows", code: "out_of_range")
        }
        guard to <= head else {
            throw DomainError.invalid("to", "the log holds \(head) entries; choose a size from \(from) to \(head)",
                                      code: "out_of_range")
        }
        let record = AuditRecord(actor: principal.username, role: principal.role.rawValue, action: "audit.consistency",
                                 entity: "audit", detail: "from=\(from) to=\(to)")
        return try await context.audited(record) { tx in
            ConsistencyProof(from: from, to: to, fromRoot: try await AuditTree.root(size: from, on: tx),
                             toRoot: try await AuditTree.root(size: to, on: tx),
                             path: try await AuditTree.consistencyProof(oldSize: from, newSize: to, on: tx))
        }
    }
}
