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
    ///
    /// Pages are read one ahead (the database reads the next while the cores hash this one); each page's
    /// entries are encoded and hashed on all cores (`AuditChain.digests`), then linked in order.
    public static func verify(on db: any Database, against checkpoint: Checkpoint? = nil,
                              batch: Int = 20_000) async throws -> AuditVerification {
        var problems: [String] = []
        var previous: AuditEntry?
        var builder = MerkleBuilder()
        var rootAtCheckpoint: Data? = checkpoint?.size == 0 ? MerkleTree.emptyRoot : nil
        var treeDiffers: MerkleNode?
        var chainBroken = false
        var brokenAt: (Int64, String)?
        try await forEachPageAhead(on: db, batch: batch, withTree: true) { page in
            let digests = await AuditChain.digests(page.entries)
            var differsHere: MerkleNode?
            let verdict = AuditChain.verify(page.entries, digests: digests, after: previous) { leaf in
                builder.append(leaf: leaf) { node, hash in
                    if differsHere == nil, page.stored[node.key] != hash { differsHere = node }
                }
                if builder.size == checkpoint?.size { rootAtCheckpoint = builder.root }
            }
            if case .broken(let sequence, let reason) = verdict {
                problems.append("audit chain broken at entry \(sequence): \(reason)")
                chainBroken = true
                brokenAt = (sequence, reason)
                return false
            }
            previous = page.entries.last
            if treeDiffers == nil { treeDiffers = differsHere }
            return true
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

    /// A page as read ahead: its entries and, when asked for, the stored tree nodes their leaves complete
    /// if the chain holds up to them (`MerkleTree.nodesCompleted`), keyed by `MerkleNode.key`.
    struct Page: Sendable {
        var entries: [AuditEntry]
        var stored: [Int64: Hash256]
    }

    static func readPage(after: Int64, firstLeaf: Int64, batch: Int, withTree: Bool,
                         on db: any Database) async throws -> Page {
        let entries = try await AuditRows.entries(after: after, limit: batch, on: db)
        guard withTree, !entries.isEmpty else { return Page(entries: entries, stored: [:]) }
        let ranges = MerkleTree.nodesCompleted(byLeaves: firstLeaf, firstLeaf + Int64(entries.count)).map { level, indices in
            MerkleNode(level: level, index: indices.lowerBound).key...MerkleNode(level: level, index: indices.upperBound).key
        }
        return Page(entries: entries, stored: try await AuditRows.treeNodes(ranges, on: db))
    }

    /// Hands every stored entry to `body` in pages of `batch`, in stored order, reading each page while
    /// `body` works on the one before; `body` returns false to stop early.
    static func forEachPageAhead(on db: any Database, batch: Int, withTree: Bool,
                                 _ body: (Page) async throws -> Bool) async throws {
        var next = Task { try await readPage(after: .min, firstLeaf: 0, batch: batch, withTree: withTree, on: db) }
        var leaves: Int64 = 0
        do {
            while true {
                let page = try await next.value
                guard let last = page.entries.last else { return }
                leaves += Int64(page.entries.count)
                let (after, firstLeaf) = (last.sequence, leaves)
                next = Task { try await readPage(after: after, firstLeaf: firstLeaf, batch: batch, withTree: withTree, on: db) }
                guard try await body(page) else {
                    _ = try? await next.value
                    return
                }
            }
        } catch {
            // Never leave a read running against a database the caller may close next.
            _ = try? await next.value
            throw error
        }
    }
}
