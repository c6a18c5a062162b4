#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

/// Per-entry key lists written by concurrent workers, each to its own slot.
/// Slots live in raw memory, so that workers writing different slots never contend for one Swift array.
private final class KeyBuffer: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<[IndexKey]>
    private let count: Int
    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: max(1, count))
        slots.initialize(repeating: [], count: count)
    }
    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }
    func set(_ i: Int, _ keys: [IndexKey]) { slots[i] = keys }
    func get(_ i: Int) -> [IndexKey] { slots[i] }
}

/// Number of online processors, without Foundation.
enum ProcessInfoLite {
    static var activeProcessorCount: Int {
        let n = sysconf(Int32(_SC_NPROCESSORS_ONLN))
        return n > 0 ? n : 1
    }
}

/// One search result.
public struct NameSearchHit: Sendable, Hashable {
    /// The caller's key (the registry uses `"<prisonerUUID>/<claimUUID>"`).
    public let key: String
    /// The indexed name as inserted.
    public let name: String
    /// The name score of this hit against the query (with evidence applied when the search had evidence).
    public let score: NameScore

    /// Per-token explanation of the score.
    public var explanation: [TokenAlignment] { score.explanation }
    /// Human-readable explanation of the score.
    public var explanationText: String { score.explanationText }
}

/// An incremental candidate index over names, safe to use from many threads and tasks at once.
///
/// Inverted index over skeleton, consonant-frame, given-name-class and Korean keys; a query's keys are weighted by
/// IDF (rare keys count more), the best few hundred candidates are re-scored with `NameMatcher`, and the top
/// results come back with explanations. Names are stored compactly (UTF-8 in one arena) and re-normalized when they
/// are re-scored, which keeps memory low at millions of names. Reads take a shared lock, writes an exclusive one.
public final class NameIndex: @unchecked Sendable {
    /// How many candidates are re-scored per search.
    public let candidateCount: Int
    let matcher: NameMatcher

    private let rw: UnsafeMutablePointer<pthread_rwlock_t>
    private let poolLock: UnsafeMutablePointer<pthread_mutex_t>

    // Storage, guarded by `rw`.
    private var nameBytes: [UInt8] = []
    private var nameStart: [UInt32] = []   // per ordinal; names end at nameEnd
    private var nameEnd: [UInt32] = []
    private var keyBytes: [UInt8] = []
    private var keyStart: [UInt32] = []
    private var keyEnd: [UInt32] = []
    private var alive: [Bool] = []
    private var byKeyHash: [UInt64: UInt32] = [:]
    private var keyCollisions: [String: UInt32] = [:]
    private var postings: [UInt64: [UInt32]] = [:]
    private var liveCount = 0

    // Scratch accumulators reused across searches, guarded by `poolLock`.
    private var scratchPool: [Scratch] = []

    final class Scratch {
        var acc: [Float] = []
        var touched: [UInt32] = []
    }

    /// Creates an empty index; `candidateCount` candidates are re-scored per search.
    public init(candidateCount: Int = 300, matcher: NameMatcher = NameMatcher()) {
        self.candidateCount = candidateCount
        self.matcher = matcher
        rw = .allocate(capacity: 1)
        pthread_rwlock_init(rw, nil)
        poolLock = .allocate(capacity: 1)
        pthread_mutex_init(poolLock, nil)
    }

    deinit {
        pthread_rwlock_destroy(rw)
        rw.deallocate()
        pthread_mutex_destroy(poolLock)
        poolLock.deallocate()
    }

    /// Number of names in the index.
    public var count: Int {
        pthread_rwlock_rdlock(rw); defer { pthread_rwlock_unlock(rw) }
        return liveCount
    }

    /// Inserts or replaces the name stored under `key`.
    public func insert(key: String, name: String) {
        let keys = IndexKeys.keys(for: matcher.normalizer.normalize(name))
        pthread_rwlock_wrlock(rw); defer { pthread_rwlock_unlock(rw) }
        insertLocked(key: key, name: name, keys: keys)
    }

    /// Inserts or replaces many names at once (the registry's start-up), normalizing them on all cores.
    public func insert(contentsOf entries: [(key: String, name: String)]) {
        let n = entries.count
        let results = KeyBuffer(count: n)
        let normalizer = matcher.normalizer
        let workers = max(1, min(8, ProcessInfoLite.activeProcessorCount))
        let chunk = (n + workers - 1) / max(1, workers)
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            let lo = w * chunk, hi = min(n, lo + chunk)
            if lo >= hi { return }
            for i in lo..<hi { results.set(i, IndexKeys.keys(for: normalizer.normalize(entries[i].name))) }
        }
        pthread_rwlock_wrlock(rw); defer { pthread_rwlock_unlock(rw) }
        for i in 0..<n { insertLocked(key: entries[i].key, name: entries[i].name, keys: results.get(i)) }
    }

    /// Rewrites the storage without the records that were removed or replaced (their bytes otherwise stay in the
    /// arenas). Cheap: no name is normalized again. Takes the write lock for its duration.
    public func compact() {
        pthread_rwlock_wrlock(rw); defer { pthread_rwlock_unlock(rw) }
        var newOrd = [UInt32](repeating: .max, count: alive.count)
        var nb: [UInt8] = [], ns: [UInt32] = [], ne: [UInt32] = []
        var kb: [UInt8] = [], ks: [UInt32] = [], ke: [UInt32] = []
        nb.reserveCapacity(nameBytes.count); kb.reserveCapacity(keyBytes.count)
        var next: UInt32 = 0
        for o in alive.indices where alive[o] {
            newOrd[o] = next
            next += 1
            ns.append(UInt32(nb.count)); nb.append(contentsOf: nameBytes[Int(nameStart[o])..<Int(nameEnd[o])])
            ne.append(UInt32(nb.count))
            ks.append(UInt32(kb.count)); kb.append(contentsOf: keyBytes[Int(keyStart[o])..<Int(keyEnd[o])])
            ke.append(UInt32(kb.count))
        }
        for (h, list) in postings {
            postings[h] = list.compactMap { newOrd[Int($0)] == .max ? nil : newOrd[Int($0)] }
        }
        for (h, o) in byKeyHash { byKeyHash[h] = newOrd[Int(o)] == .max ? nil : newOrd[Int(o)] }
        for (k, o) in keyCollisions { keyCollisions[k] = newOrd[Int(o)] == .max ? nil : newOrd[Int(o)] }
        nameBytes = nb; nameStart = ns; nameEnd = ne
        keyBytes = kb; keyStart = ks; keyEnd = ke
        alive = [Bool](repeating: true, count: Int(next))
    }

    private func insertLocked(key: String, name: String, keys: [IndexKey]) {
        if let old = lookup(key) { removeOrdinal(old) }
        let ord = UInt32(alive.count)
        nameStart.append(UInt32(nameBytes.count))
        nameBytes.append(contentsOf: name.utf8)
        nameEnd.append(UInt32(nameBytes.count))
        keyStart.append(UInt32(keyBytes.count))
        keyBytes.append(contentsOf: key.utf8)
        keyEnd.append(UInt32(keyBytes.count))
        alive.append(true)
        liveCount += 1
        let h = IndexKeys.fnv(0, key.utf8)
        if let other = byKeyHash[h], alive[Int(other)] {
            keyCollisions[key] = ord
        } else {
            byKeyHash[h] = ord
        }
        var seen = Set<UInt64>()
        for k in keys where seen.insert(k.hash).inserted {
            postings[k.hash, default: []].append(ord)
        }
    }

    /// Removes the name stored under `key`; returns whether there was one.
    @discardableResult
    public func remove(key: String) -> Bool {
        pthread_rwlock_wrlock(rw); defer { pthread_rwlock_unlock(rw) }
        guard let ord = lookup(key) else { return false }
        removeOrdinal(ord)
        return true
    }

    /// The name stored under `key`, if any.
    public func name(forKey key: String) -> String? {
        pthread_rwlock_rdlock(rw); defer { pthread_rwlock_unlock(rw) }
        guard let ord = lookup(key) else { return nil }
        return storedName(ord)
    }

    private func storedName(_ ord: UInt32) -> String {
        String(decoding: nameBytes[Int(nameStart[Int(ord)])..<Int(nameEnd[Int(ord)])], as: UTF8.self)
    }

    private func storedKey(_ ord: UInt32) -> String {
        String(decoding: keyBytes[Int(keyStart[Int(ord)])..<Int(keyEnd[Int(ord)])], as: UTF8.self)
    }

    private func lookup(_ key: String) -> UInt32? {
        if !keyCollisions.isEmpty, let o = keyCollisions[key] { return o }
        let h = IndexKeys.fnv(0, key.utf8)
        guard let o = byKeyHash[h], alive[Int(o)] else { return nil }
        return keyBytes[Int(keyStart[Int(o)])..<Int(keyEnd[Int(o)])].elementsEqual(key.utf8) ? o : nil
    }

    private func removeOrdinal(_ ord: UInt32) {
        let key = storedKey(ord)
        let keys = IndexKeys.keys(for: matcher.normalizer.normalize(storedName(ord)))
        for k in Set(keys.map(\.hash)) {
            if var list = postings[k], let at = list.lastIndex(of: ord) {
                list.remove(at: at)
                postings[k] = list.isEmpty ? nil : list
            }
        }
        alive[Int(ord)] = false
        liveCount -= 1
        if keyCollisions[key] == ord { keyCollisions[key] = nil }
        let h = IndexKeys.fnv(0, key.utf8)
        if byKeyHash[h] == ord { byKeyHash[h] = nil }
    }

    private func takeScratch() -> Scratch {
        pthread_mutex_lock(poolLock); defer { pthread_mutex_unlock(poolLock) }
        return scratchPool.popLast() ?? Scratch()
    }

    private func returnScratch(_ s: Scratch) {
        pthread_mutex_lock(poolLock); defer { pthread_mutex_unlock(poolLock) }
        scratchPool.append(s)
    }

    static func selectTop(_ touched: [UInt32], _ acc: UnsafeMutableBufferPointer<Float>, limit: Int) -> [UInt32] {
        if touched.count <= limit { return touched }
        var maxV: Float = 0
        for o in touched where acc[Int(o)] > maxV { maxV = acc[Int(o)] }
        let bins = 512
        var hist = [Int](repeating: 0, count: bins)
        let scale = Float(bins - 1) / max(maxV, 1e-9)
        for o in touched { hist[Int(acc[Int(o)] * scale)] += 1 }
        var cum = 0, cut = bins - 1
        while cut > 0 && cum + hist[cut] < limit { cum += hist[cut]; cut -= 1 }
        var out: [UInt32] = []
        out.reserveCapacity(limit)
        var boundary: [UInt32] = []
        for o in touched {
            let b = Int(acc[Int(o)] * scale)
            if b > cut { out.append(o) } else if b == cut { boundary.append(o) }
        }
        boundary.sort { acc[Int($0)] > acc[Int($1)] || (acc[Int($0)] == acc[Int($1)] && $0 < $1) }
        out.append(contentsOf: boundary.prefix(limit - out.count))
        return out
    }

    /// The best `top` names for a query, best first, each with its score and explanation.
    public func search(_ name: String, top: Int) -> [NameSearchHit] {
        search(matcher.normalizer.normalize(name), top: top)
    }

    /// The best `top` names for a query, re-ranked with evidence: `candidateEvidence(key)` supplies each
    /// candidate's date of birth, service number and unit (nil when unknown). The closure runs outside the lock.
    public func search(_ name: String, top: Int, evidence: MatchEvidence,
                       candidateEvidence: (String) -> MatchEvidence?) -> [NameSearchHit] {
        search(matcher.normalizer.normalize(name), top: top, evidence: evidence, candidateEvidence: candidateEvidence)
    }

    /// The best `top` names for a normalized query.
    public func search(_ query: NormalizedName, top: Int) -> [NameSearchHit] {
        search(query, top: top, evidence: nil, candidateEvidence: { _ in nil })
    }

    /// The best `top` names for a normalized query, optionally re-ranked with evidence.
    public func search(_ query: NormalizedName, top: Int, evidence: MatchEvidence?,
                       candidateEvidence: (String) -> MatchEvidence?) -> [NameSearchHit] {
        guard top > 0, !query.isEmpty else { return [] }
        let qkeys = IndexKeys.keys(for: query)
        let scratch = takeScratch()
        defer { returnScratch(scratch) }
        var candidates: [(ord: UInt32, name: String, key: String, prior: Float)] = []
        do {
            pthread_rwlock_rdlock(rw); defer { pthread_rwlock_unlock(rw) }
            let total = max(1, liveCount)
            if scratch.acc.count < alive.count {
                scratch.acc.append(contentsOf: repeatElement(0, count: alive.count - scratch.acc.count))
            }
            var seen = Set<UInt64>()
            scratch.acc.withUnsafeMutableBufferPointer { acc in
                for k in qkeys where seen.insert(k.hash).inserted {
                    guard let list = postings[k.hash] else { continue }
                    let df = list.count
                    let idf = Float(log(1 + Double(total) / Double(df)))
                    let w = idf * k.weight
                    for o in list {
                        if acc[Int(o)] == 0 { scratch.touched.append(o) }
                        acc[Int(o)] += w
                    }
                }
                // Keep the best `candidateCount` by accumulated key weight: a histogram finds the cut-off in
                // linear time, and only the few entries in the boundary bucket are sorted.
                let best = Self.selectTop(scratch.touched, acc, limit: candidateCount)
                for o in best where alive[Int(o)] {
                    candidates.append((o, storedName(o), storedKey(o), acc[Int(o)]))
                }
                for o in scratch.touched { acc[Int(o)] = 0 }
            }
            scratch.touched.removeAll(keepingCapacity: true)
        }
        // Re-score outside the lock.
        var scored: [(score: Double, prior: Float, ord: UInt32, idx: Int, normalized: NormalizedName)] = []
        scored.reserveCapacity(candidates.count)
        var candidateFacts: [MatchEvidence?] = []
        for (i, c) in candidates.enumerated() {
            let n = matcher.normalizer.normalize(c.name)
            var s = matcher.similarity(query, n)
            if let evidence {
                let facts = candidateEvidence(c.key)
                candidateFacts.append(facts)
                if let facts { s = evidence.adjust(s, against: facts).0 }
            }
            scored.append((s, c.prior, c.ord, i, n))
        }
        scored.sort { $0.score > $1.score || ($0.score == $1.score && ($0.prior > $1.prior || ($0.prior == $1.prior && $0.ord < $1.ord))) }
        return scored.prefix(top).map { s in
            let c = candidates[s.idx]
            if let evidence, let facts = candidateFacts[s.idx] {
                return NameSearchHit(key: c.key, name: c.name,
                                     score: matcher.score(query, s.normalized, queryEvidence: evidence,
                                                          candidateEvidence: facts))
            }
            return NameSearchHit(key: c.key, name: c.name, score: matcher.score(query, s.normalized))
        }
    }
}
