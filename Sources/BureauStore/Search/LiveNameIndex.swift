import BureauCore
import Fluent
import Foundation
import NameMatching

/// The name index over every identity claim of every prisoner, kept in memory and following
/// every write. Built from the database once (at start-up, or at the first search), then
/// updated as claims are recorded.
public final class LiveNameIndex: @unchecked Sendable {
    /// Keys are `"<prisonerUUID>/<claimUUID>"`.
    let index = NameIndex()
    private let lock = NSLock()
    private var loading: Task<Void, any Error>?
    private var evidence: [String: MatchEvidence] = [:]
    /// The unit of each prisoner (it is recorded on the prisoner, not on his claims), for ranking, keyed
    /// by the prisoner's `uuidString` — the first part of an index key — so that scoring a candidate
    /// looks it up without parsing a UUID (which profiling a 1,000-line CTA list found near the top).
    private var units: [String: String] = [:]
    /// The father's name of each claim (Annex IV B item 4), for ranking enquiries.
    private var fathers: [String: String] = [:]

    public init() {}

    public var count: Int { index.count }

    /// Loads every claim from `db` unless already loaded; concurrent callers share one load.
    public func ensureLoaded(from db: any Database) async throws {
        let task: Task<Void, any Error> = lock.withLock {
            if let loading { return loading }
            let task = Task { try await self.load(from: db) }
            loading = task
            return task
        }
        do {
            try await task.value
        } catch {
            lock.withLock { loading = nil }
            throw error
        }
    }

    private func load(from db: any Database) async throws {
        var batch: [(key: String, name: String)] = []
        var facts: [String: MatchEvidence] = [:]
        var fatherNames: [String: String] = [:]
        var lastID: UUID?
        // Paged by id so a large registry never sits in memory twice.
        while true {
            let query = ClaimModel.query(on: db).sort(\.$id).limit(5000)
            if let lastID { query.filter(\.$id > lastID) }
            let rows = try await query.all()
            guard let last = rows.last else { break }
            for row in rows {
                let claim = try row.domain()
                guard let entry = Self.entry(for: claim) else { continue }
                batch.append(entry)
                facts[entry.key] = Self.evidence(of: claim)
                if let father = claim.fatherName?.trimmedOrNil { fatherNames[entry.key] = father }
            }
            lastID = last.id
        }
        var unitsByPrisoner: [String: String] = [:]
        for row in try await PrisonerModel.query(on: db).field(\.$id).field(\.$unit).all() {
            if let id = row.id, let unit = row.unit?.trimmedOrNil { unitsByPrisoner[id.uuidString] = unit }
        }
        index.insert(contentsOf: batch)
        lock.withLock {
            evidence.merge(facts) { $1 }
            fathers.merge(fatherNames) { $1 }
            units.merge(unitsByPrisoner) { $1 }
        }
    }

    /// Adds claims that were just committed.
    public func insert(_ claims: [IdentityClaim]) {
        for claim in claims {
            guard let entry = Self.entry(for: claim) else { continue }
            index.insert(key: entry.key, name: entry.name)
            lock.withLock {
                evidence[entry.key] = Self.evidence(of: claim)
                if let father = claim.fatherName?.trimmedOrNil { fathers[entry.key] = father }
            }
        }
    }

    /// Records a prisoner's unit (registration), used as evidence when ranking.
    public func setUnit(_ unit: String?, of prisonerID: UUID) {
        guard let unit = unit?.trimmedOrNil else { return }
        lock.withLock { units[prisonerID.uuidString] = unit }
    }

    public struct Hit: Sendable {
        public var prisonerID: UUID
        public var claimID: UUID
        public var name: String
        public var score: Double
        public var explanation: String
        /// How each part of the name was matched, and the evidence notes, for explanations in any language.
        public var alignments: [TokenAlignment] = []
        public var notes: [String] = []
        /// The claim's father's name, when recorded.
        public var fatherName: String?
    }

    /// Ranked prisoners for `name`: the best-matching claim of each, best first.
    public func search(_ name: String, dateOfBirth: String?, top: Int) -> [Hit] {
        search(name, evidence: MatchEvidence(dateOfBirth: dateOfBirth), top: top)
    }

    /// Ranked prisoners for `name` with the query's evidence (date of birth, service number, unit)
    /// weighed against each claim's (and its prisoner's unit).
    public func search(_ name: String, evidence query: MatchEvidence, top: Int) -> [Hit] {
        let (known, unitOf, fatherOf) = lock.withLock { (evidence, units, fathers) }
        let hits = index.search(name, top: top * 3, evidence: query, candidateEvidence: { key in
            var facts = known[key]
            if let slash = key.firstIndex(of: "/"), let unit = unitOf[String(key[..<slash])] {
                facts = facts ?? MatchEvidence()
                facts?.unit = unit
            }
            return facts
        })
        var seen = Set<UUID>()
        var result: [Hit] = []
        for hit in hits {
            let parts = hit.key.split(separator: "/")
            guard parts.count == 2, let prisoner = UUID(uuidString: String(parts[0])),
                  let claim = UUID(uuidString: String(parts[1])), seen.insert(prisoner).inserted else { continue }
            result.append(Hit(prisonerID: prisoner, claimID: claim, name: hit.name, score: hit.score.score,
                              explanation: hit.explanationText, alignments: hit.explanation, notes: hit.score.evidenceNotes,
                              fatherName: fatherOf[hit.key]))
            if result.count == top { break }
        }
        return result
    }

    static func entry(for claim: IdentityClaim) -> (key: String, name: String)? {
        let name = claim.displayName
        guard !name.isEmpty else { return nil }
        return ("\(claim.prisonerID.uuidString)/\(claim.id.uuidString)", name)
    }

    static func evidence(of claim: IdentityClaim) -> MatchEvidence {
        MatchEvidence(dateOfBirth: claim.dateOfBirth?.description, serviceNumber: claim.serviceNumber)
    }
}
