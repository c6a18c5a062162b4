import BureauCore
import Fluent
import Foundation

/// Signed checkpoints of the audit log, witnesses' cosignatures on them, and inclusion proofs.
/// Operated by auditors (and the console acting as one); every change is itself an audit entry.
public struct AuditCheckpoints: Sendable {
    public let context: StoreContext
    public let signer: NoteSigner

    public init(context: StoreContext, signer: NoteSigner) {
        self.context = context
        self.signer = signer
    }

    public struct Stored: Sendable, Hashable {
        public var id: UUID
        public var size: Int64
        public var rootHash: String
        /// The signed note, verbatim (with any cosignatures imported since appended).
        public var note: String
        public var createdAt: Date
        public var createdBy: String
        public var batchID: String?
        public var cosignatures: [Cosignature]

        /// The note with every imported cosignature appended: what a proof carries to an outside verifier.
        public var cosignedNote: String { note + cosignatures.map(\.signatureLine).joined() }
    }

    public struct Cosignature: Sendable, Hashable {
        public var witness: String
        public var vkey: String
        public var witnessedAt: Date?
        public var importedAt: Date
        public var importedBy: String
        /// `— <witness> <base64 key ID ‖ timestamp ‖ signature>`, newline-terminated.
        public var signatureLine: String
    }

    func require(_ principal: Principal, action: String) async throws {
        try await context.require(principal, .readAudit, action: action, entity: "audit")
    }

    /// Signs a checkpoint of the whole log, its own audit entry included, and queues it for the witnesses.
    public func make(by principal: Principal) async throws -> Stored {
        try await require(principal, action: "audit.checkpoint")
        let record = AuditRecord(actor: principal.username, role: principal.role.rawValue, action: "audit.checkpoint",
                                 entity: "audit", detail: "key=\(signer.verifier.vkey)")
        let (signer, now) = (signer, context.clock.now())
        return try await context.audited(record) { tx in
            guard let head = try await AuditModel.query(on: tx).sort(\.$id, .descending).first()?.id else {
                throw StoreError.corrupt(AuditModel.schema, "empty after an append")
            }
            let root = try await AuditTree.root(size: head, on: tx)
            let note = try Checkpoint(origin: signer.name, size: head, root: root).signed(by: signer)
            let model = CheckpointModel()
            model.id = context.newID()
            model.size = head
            model.rootHash = root.base64EncodedString()
            model.note = note.encoded
            model.createdAt = now
            model.createdBy = principal.username
            try await model.create(on: tx)
            return Self.stored(model, cosignatures: [])
        }
    }

    /// A checkpoint when the log grew by `entries` since the last one, or grew at all and the last is older
    /// than `minutes` (the settings). Called by the server's timer; nil when none is due.
    public func makeIfDue(entries: Int, minutes: Int) async throws -> Stored? {
        let last = try await CheckpointModel.query(on: context.db).sort(\.$createdAt, .descending).sort(\.$size, .descending).first()
        guard let head = try await AuditModel.query(on: context.db).sort(\.$id, .descending).first()?.id else { return nil }
        let grown = head - (last?.size ?? 0)
        let age = last.map { context.clock.now().timeIntervalSince($0.createdAt) } ?? .infinity
        // The checkpoint's own audit entry grows the log by one: that alone never makes one due.
        guard grown >= Int64(entries) || (grown > 1 && age >= Double(minutes) * 60) else { return nil }
        return try await make(by: Principal(username: "system", role: .auditor))
    }

    /// Newest first, with their cosignatures. The caller audits the read.
    public func list(limit: Int = 100) async throws -> [Stored] {
        let models = try await CheckpointModel.query(on: context.db).sort(\.$createdAt, .descending)
            .sort(\.$size, .descending).limit(limit).all()
        let ids = models.compactMap(\.id)
        let cosignatures = try await CosignatureModel.query(on: context.db).filter(\.$checkpointID ~~ ids)
            .sort(\.$importedAt).all()
        return models.map { model in
            Self.stored(model, cosignatures: cosignatures.filter { $0.checkpointID == model.id })
        }
    }

    /// The latest checkpoint at exactly `size` (nil: the newest of all).
    public func checkpoint(size: Int64?) async throws -> Stored? {
        let query = CheckpointModel.query(on: context.db).sort(\.$createdAt, .descending)
        if let size { query.filter(\.$size == size) } else { query.sort(\.$size, .descending) }
        guard let model = try await query.first() else { return nil }
        return try await list().first { $0.id == model.id } ?? Self.stored(model, cosignatures: [])
    }

    static func stored(_ model: CheckpointModel, cosignatures: [CosignatureModel]) -> Stored {
        Stored(id: model.id!, size: model.size, rootHash: model.rootHash, note: model.note, createdAt: model.createdAt,
               createdBy: model.createdBy, batchID: model.batchID,
               cosignatures: cosignatures.map {
                   Cosignature(witness: $0.witness, vkey: $0.vkey,
                               witnessedAt: $0.witnessedAt.map { Date(timeIntervalSince1970: TimeInterval($0)) },
                               importedAt: $0.importedAt, importedBy: $0.importedBy, signatureLine: $0.signatureLine)
               })
    }
}
