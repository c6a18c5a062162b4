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

    /// The entries (indices into `acc`) of the `limit` largest accumulated weights: a histogram finds the cut-off in
    /// linear time, and only the few entries in the boundary bucket are sorted.
    static func selectTop(_ acc: Accumulator, limit: Int) -> [Int] {
        let n = acc.count
        if n <= limit { return Array(0..<n) }
        var maxV: Float = 0
        for e in 0..<n { maxV = max(maxV, acc.entry(e).value) }
        let bins = 512
        var hist = [Int](repeating: 0, count: bins)
        let scale = Float(bins - 1) / max(maxV, 1e-9)
        for e in 0..<n { hist[Int(acc.entry(e).value * scale)] += 1 }
        var cum = 0, cut = bins - 1
        while cut > 0 && cum + hist[cut] < limit { cum += hist[cut]; cut -= 1 }
        var out: [Int] = []
        out.reserveCapacity(limit)
        var boundary: [Int] = []
        for e in 0..<n {
            let b = Int(acc.entry(e).value * scale)
            if b > cut { out.append(e) } else if b == cut { boundary.append(e) }
        }
        boundary.sort {
            let x = acc.entry($0), y = acc.entry($1)
            return x.value > y.value || (x.value == y.value && x.ord < y.ord)
        }
        out.append(contentsOf: boundary.prefix(limit - out.count))
        return out
    }

    /// Adds `weight` to every entry of `run` (entries of `acc` whose ordinals ascend) whose ordinal also occurs in
    /// the ascending `list`. Galloping search: O(run · log(list / run)), and it reads `list` front to back.
    static func addIntersection(_ run: Range<Int>, of acc: Accumulator, _ list: UnsafeBufferPointer<UInt32>,
                                weight: Float) {
        let n = list.count
        var j = 0
        for e in run {
            let t = acc.entry(e).ord
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
            if list[j] == t { acc.add(atEntry: e, weight); j += 1 }
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
        let acc = scratch.acc
        var processed = 0
        var runs: [Range<Int>] = []   // each fully accumulated list adds one ascending run of new ordinals
        for (n, e) in lists.enumerated() {
            if n == 0 || processed + e.list.count <= Self.fullPostingBudget {
                processed += e.list.count
                let start = acc.count
                for o in e.list { acc.add(o, e.weight) }
                runs.append(start..<acc.count)
            } else {
                e.list.withUnsafeBufferPointer { l in
                    for r in runs where !r.isEmpty { Self.addIntersection(r, of: acc, l, weight: e.weight) }
                }
            }
        }
        for e in Self.selectTop(acc, limit: candidateCount) {
            let (o, v) = acc.entry(e)
            if alive[Int(o)] { out.append((o, storedName(o), storedKey(o), v)) }
        }
        acc.reset()
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
