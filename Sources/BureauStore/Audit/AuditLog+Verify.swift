import BureauCore
import Fluent
import Foundation

/// The outcome of `AuditLog.verify(on:against:)`.
public struct AuditVerification: Sendable, Equatable {
    public var size: Int64
    /// The chain's head hash (hex) and the Merkle root (recomputed from the entries, not read).
    public var head: String
    public var root: Data
    /// What broke, each naming the entry or the checkpoint; empty when the log is intact.
    public var problems: [String]
    /// The first entry where the hash chain breaks, and why (nil when the chain holds).
    public var brokenAt: Int64?
    public var brokenReason: String?

    public var intact: Bool { problems.isEmpty }
}

extension AuditLog {
    /// Walks every entry once: the hash chain, the Merkle tree recomputed from the entries and compared
    /// with the stored one, and — given a checkpoint taken earlier — whether today's log is an append-only
    /// extension of the log it signed (the root at its size, then a consistency proof from the stored tree).
    public static func verify(on db: any Database, against checkpoint: Checkpoint? = nil,
                              batch: Int = 5000) async throws -> AuditVerification {
        var problems: [String] = []
        var previous: AuditEntry?
        var builder = MerkleBuilder()
        var rootAtCheckpoint: Data? = checkpoint?.size == 0 ? MerkleTree.emptyRoot : nil
        var treeDiffers: MerkleNode?
        var chainBroken = false
        var brokenAt: (Int64, String)?
        try await forEachPage(on: db, batch: batch) { entries in
            guard !chainBroken else { return }
            var completed: [(MerkleNode, Data)] = []
            let verdict = AuditChain.verify(entries, after: previous) { leaf in
                completed += builder.append(leafHash: leaf)
                if builder.size == checkpoint?.size { rootAtCheckpoint = builder.root }
            }
            if case .broken(let sequence, let reason) = verdict {
                problems.append("audit chain broken at entry \(sequence): \(reason)")
                chainBroken = true
                brokenAt = (sequence, reason)
                return
            }
            previous = entries.last
            guard treeDiffers == nil else { return }
            let stored = try await AuditTree.storedNodes(Set(completed.map(\.0)), on: db)
            treeDiffers = completed.first { stored[$0.0] != $0.1 }?.0
        }
        let size = builder.size
        let root = builder.root
        if let checkpoint, !chainBroken {
            if size < checkpoint.size {
                problems.append("not an extension of checkpoint size \(checkpoint.size): the log holds only \(size) entries "
                    + "(the newest \(checkpoint.size - size) were deleted or the log was truncated)")
            } else if rootAtCheckpoint != checkpoint.root {
                problems.append("not an extension of checkpoint size \(checkpoint.size): its first \(checkpoint.size) entries "
                    + "are not the ones the checkpoint signed (history was rewritten, entries removed and renumbered, or the log forked)")
            } else if treeDiffers == nil {
                let proof = (try? await AuditTree.consistencyProof(oldSize: checkpoint.size, newSize: size, on: db)) ?? []
                if !MerkleTree.verifyConsistency(oldSize: checkpoint.size, newSize: size, oldRoot: checkpoint.root,
                                                 newRoot: root, proof: proof) {
                    problems.append("the stored tree gives no valid consistency proof from checkpoint size \(checkpoint.size)")
                }
            }
        }
        if let node = treeDiffers {
            problems.append("the stored Merkle tree differs from the entries at level \(node.level), node \(node.index) "
                + "(entries \(node.index << node.level + 1)–\((node.index + 1) << node.level)): it was edited")
        } else if !chainBroken, size > 0, (try? await AuditTree.root(size: size, on: db)) != root {
            problems.append("the stored Merkle tree's root differs from the entries' root: it was edited")
        }
        return AuditVerification(size: size, head: previous?.hash ?? AuditChain.genesis, root: root, problems: problems,
                                 brokenAt: brokenAt?.0, brokenReason: brokenAt?.1)
    }
}
