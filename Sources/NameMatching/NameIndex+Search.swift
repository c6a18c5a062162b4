#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Searching: candidate generation over the posting lists, then re-scoring with `NameMatcher`.
///
/// Candidate generation is tiered so that its cost follows the query, not the registry size. A query's keys are
/// taken rarest first; their posting lists are accumulated in full while the lists stay within
/// `fullPostingBudget` entries together (the rarest list always is). The longer lists that remain (a common given
/// name, a frequent surname syllable) cannot bring in new candidates: they only add their weight to the candidates
/// already found, by a galloping intersection of sorted lists, which costs the number of candidates times the
/// logarithm of the list length instead of the list length. In a registry of tens of thousands of names every
/// list is accumulated in full, exactly as before; at ten million the common lists hold hundreds of thousands of
/// entries and are only probed.
extension NameIndex {
    /// Posting entries accumulated in full per search, beyond the rarest list.
    static let fullPostingBudget = 24_000

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

    /// Adds `weight` to every ordinal of the ascending `run` that also occurs in the ascending `list`.
    /// Galloping search: O(run · log(list / run)), and it reads `list` front to back.
    static func addIntersection(_ run: UnsafeBufferPointer<UInt32>, _ list: UnsafeBufferPointer<UInt32>,
                                weight: Float, into acc: UnsafeMutableBufferPointer<Float>) {
        let n = list.count
        var j = 0
        for t in run {
            if j >= n { return }
            if list[j] < t {
                // Gallop: find hi with list[hi] >= t (or the end), then binary-search (lo, hi].
                var lo = j, step = 1, hi = j + 1
                while hi < n && list[hi] < t { lo = hi; step &<<= 1; hi = lo + step }
                var a = lo + 1, b = min(hi, n)
                while a < b {
                    let mid = (a + b) >> 1
                    if list[mid] < t { a = mid + 1 } else { b = mid }
                }
                j = a
                if j >= n { return }
            }
            if list[j] == t { acc[Int(t)] += weight; j += 1 }
        }
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

    /// The candidates for a query: ordinal, stored name, stored key and accumulated key weight.
    /// Call with the read lock held.
    private func candidates(_ qkeys: [IndexKey], scratch: Scratch) -> [(ord: UInt32, name: String, key: String, prior: Float)] {
        var out: [(ord: UInt32, name: String, key: String, prior: Float)] = []
        let total = max(1, liveCount)
        if scratch.acc.count < alive.count {
            scratch.acc.append(contentsOf: repeatElement(0, count: alive.count - scratch.acc.count))
        }
        // The query's distinct keys that occur in the index, rarest first.
        var lists: [(list: [UInt32], weight: Float)] = []
        var seen: [UInt64] = []
        for k in qkeys where !seen.contains(k.hash) {
            seen.append(k.hash)
            guard let list = postings[k.hash] else { continue }
            let idf = Float(log(1 + Double(total) / Double(list.count)))
            lists.append((list, idf * k.weight))
        }
        lists.sort { $0.list.count < $1.list.count }
        scratch.acc.withUnsafeMutableBufferPointer { acc in
            var processed = 0
            var runs: [Range<Int>] = []   // each fully accumulated list adds one ascending run of new ordinals
            for (n, e) in lists.enumerated() {
                if n == 0 || processed + e.list.count <= Self.fullPostingBudget {
                    processed += e.list.count
                    let start = scratch.touched.count
                    for o in e.list {
                        if acc[Int(o)] == 0 { scratch.touched.append(o) }
                        acc[Int(o)] += e.weight
                    }
                    runs.append(start..<scratch.touched.count)
                } else {
                    scratch.touched.withUnsafeBufferPointer { t in
                        e.list.withUnsafeBufferPointer { l in
                            for r in runs where !r.isEmpty {
                                Self.addIntersection(UnsafeBufferPointer(rebasing: t[r]), l, weight: e.weight, into: acc)
                            }
                        }
                    }
                }
            }
            // Keep the best `candidateCount` by accumulated key weight: a histogram finds the cut-off in
            // linear time, and only the few entries in the boundary bucket are sorted.
            let best = Self.selectTop(scratch.touched, acc, limit: candidateCount)
            for o in best where alive[Int(o)] {
                out.append((o, storedName(o), storedKey(o), acc[Int(o)]))
            }
            for o in scratch.touched { acc[Int(o)] = 0 }
        }
        scratch.touched.removeAll(keepingCapacity: true)
        return out
    }

    /// The best `top` names for a normalized query, optionally re-ranked with evidence.
    public func search(_ query: NormalizedName, top: Int, evidence: MatchEvidence?,
                       candidateEvidence: (String) -> MatchEvidence?) -> [NameSearchHit] {
        guard top > 0, !query.isEmpty else { return [] }
        let qkeys = IndexKeys.keys(for: query)
        let scratch = takeScratch()
        defer { returnScratch(scratch) }
        let candidates: [(ord: UInt32, name: String, key: String, prior: Float)]
        do {
            pthread_rwlock_rdlock(rw); defer { pthread_rwlock_unlock(rw) }
            candidates = self.candidates(qkeys, scratch: scratch)
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
