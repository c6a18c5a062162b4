#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

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

    let rw: UnsafeMutablePointer<pthread_rwlock_t>
    private let poolLock: UnsafeMutablePointer<pthread_mutex_t>

    // Storage, guarded by `rw`.
    var nameBytes: [UInt8] = []
    var nameStart: [UInt32] = []   // per ordinal; names end at nameEnd
    var nameEnd: [UInt32] = []
    var keyBytes: [UInt8] = []
    var keyStart: [UInt32] = []
    var keyEnd: [UInt32] = []
    var alive: [Bool] = []
    var byKeyHash: [UInt64: UInt32] = [:]
    var keyCollisions: [String: UInt32] = [:]
    var postings: [UInt64: [UInt32]] = [:]
    var liveCount = 0

    /// CPU time of the last `insert(contentsOf:)`, guarded by `poolLock` (benchmarks read it).
    var lastBulkLoad = BulkLoadTiming(criticalPathSeconds: 0, cpuSeconds: 0)

    // Scratch accumulators reused across searches, guarded by `poolLock`.
    private var scratchPool: [Scratch] = []

    final class Scratch {
        let acc = Accumulator()
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

    /// Per-thread CPU time of the last `insert(contentsOf:)` (for benchmarks).
    public var lastBulkLoadTiming: BulkLoadTiming {
        pthread_mutex_lock(poolLock); defer { pthread_mutex_unlock(poolLock) }
        return lastBulkLoad
    }

    /// Number of names in the index.
    public var count: Int {
        pthread_rwlock_rdlock(rw); defer { pthread_rwlock_unlock(rw) }
        return liveCount
    }

    /// Inserts or replaces the name stored under `key`.
    public func insert(key: String, name: String) {
        let keys = IndexKeys.postingHashes(for: matcher.normalizer.normalize(name))
        pthread_rwlock_wrlock(rw); defer { pthread_rwlock_unlock(rw) }
        insertLocked(key: key, name: name, keys: keys)
    }

    /// Names normalized per chunk of a bulk insert: bounds the memory held by key lists in flight.
    static let bulkChunk = 1 << 15

    /// Inserts or replaces many names at once (the registry's start-up), normalizing them on all cores.
    ///
    /// Entries go in chunks: while one thread appends chunk `c` to the index (under the write lock, which is
    /// released between chunks so that searches are not starved), the other cores normalize chunk `c + 1`.
    public func insert(contentsOf entries: [(key: String, name: String)]) {
        let n = entries.count
        if n == 0 { return }
        let normalizer = matcher.normalizer
        let workers = max(1, min(8, ProcessInfoLite.activeProcessorCount))
        let chunk = Self.bulkChunk
        let chunks = (n + chunk - 1) / chunk
        reserve(additional: n)
        @Sendable func normalize(_ c: Int, into buffer: KeyBuffer, parts: Int, part: Int) {
            let lo = c * chunk, hi = min(n, lo + chunk)
            let per = (hi - lo + parts - 1) / parts
            let a = lo + part * per, b = min(hi, a + per)
            if a >= b { return }
            for i in a..<b { buffer.set(i - lo, IndexKeys.postingHashes(for: normalizer.normalize(entries[i].name))) }
        }
        let first = KeyBuffer(count: min(chunk, n))
        let clocks = ThreadClocks(count: max(workers, 2))
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            clocks.time(w) { normalize(0, into: first, parts: workers, part: w) }
        }
        var critical = clocks.max(workers), cpu = clocks.sum(workers)
        var ready = first
        for c in 0..<chunks {
            let current = ready
            let next = c + 1 < chunks ? KeyBuffer(count: min(chunk, n - (c + 1) * chunk)) : nil
            // Iteration 0 inserts chunk c; the others normalize chunk c + 1.
            let helpers = max(1, workers - 1)
            DispatchQueue.concurrentPerform(iterations: helpers + 1) { w in
                clocks.time(w) {
                    if w == 0 {
                        let lo = c * chunk, hi = min(n, lo + chunk)
                        pthread_rwlock_wrlock(rw); defer { pthread_rwlock_unlock(rw) }
                        for i in lo..<hi { insertLocked(key: entries[i].key, name: entries[i].name, keys: current.get(i - lo)) }
                    } else if let next {
                        normalize(c + 1, into: next, parts: helpers, part: w - 1)
                    }
                }
            }
            critical += clocks.max(helpers + 1)
            cpu += clocks.sum(helpers + 1)
            if let next { ready = next }
        }
        pthread_mutex_lock(poolLock)
        lastBulkLoad = BulkLoadTiming(criticalPathSeconds: critical, cpuSeconds: cpu)
        pthread_mutex_unlock(poolLock)
    }

    /// Grows the per-record storage for `additional` more records at once (bulk loads).
    private func reserve(additional: Int) {
        pthread_rwlock_wrlock(rw); defer { pthread_rwlock_unlock(rw) }
        let want = alive.count + additional
        nameStart.reserveCapacity(want); nameEnd.reserveCapacity(want)
        keyStart.reserveCapacity(want); keyEnd.reserveCapacity(want)
        alive.reserveCapacity(want)
        byKeyHash.reserveCapacity(liveCount + additional)
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

    /// Appends one record; `keys` are its distinct posting hashes.
    private func insertLocked(key: String, name: String, keys: [UInt64]) {
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
        // Ordinals only grow, so every posting list stays sorted ascending (searches intersect them).
        for k in keys { postings[k, default: []].append(ord) }
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

    func storedName(_ ord: UInt32) -> String {
        String(decoding: nameBytes[Int(nameStart[Int(ord)])..<Int(nameEnd[Int(ord)])], as: UTF8.self)
    }

    func storedKey(_ ord: UInt32) -> String {
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
        for k in IndexKeys.postingHashes(for: matcher.normalizer.normalize(storedName(ord))) {
            // In place (no copy of a long list); lists are sorted, so a binary search finds the ordinal.
            guard let count = postings[k]?.count else { continue }
            var a = 0, b = count
            while a < b {
                let mid = (a + b) >> 1
                if postings[k]![mid] < ord { a = mid + 1 } else { b = mid }
            }
            if a < count && postings[k]![a] == ord {
                postings[k]!.remove(at: a)
                if postings[k]!.isEmpty { postings[k] = nil }
            }
        }
        alive[Int(ord)] = false
        liveCount -= 1
        if keyCollisions[key] == ord { keyCollisions[key] = nil }
        let h = IndexKeys.fnv(0, key.utf8)
        if byKeyHash[h] == ord { byKeyHash[h] = nil }
    }

    func takeScratch() -> Scratch {
        pthread_mutex_lock(poolLock); defer { pthread_mutex_unlock(poolLock) }
        return scratchPool.popLast() ?? Scratch()
    }

    func returnScratch(_ s: Scratch) {
        pthread_mutex_lock(poolLock); defer { pthread_mutex_unlock(poolLock) }
        scratchPool.append(s)
    }
}
