/// Approximate matching of a romanized string against a sequence of Hangul syllables: the minimum number of
/// single-letter edits that turns the string into some concatenation of the syllables' spellings. A syllable is
/// spelled either jamo by jamo (initial, vowel, final alternatives) or by a whole-syllable exception (Lee, Park);
/// the dynamic programme runs slot by slot, so the alternatives are never multiplied out.
enum KoreanAlignment {
    /// Edit cost of a letter, in half edits: vowels (a e i o u) cost 1, consonants and glides (y w) 2. Romanizations
    /// disagree mostly on vowels (eo/o/u, ae/e, oo/u); a consonant edit (jung/jun, min/ming) changes the syllable.
    static let letterCost: [Int32] = (0..<256).map { c in
        "aeiou".utf8.contains(UInt8(c)) ? 1 : 2
    }

    /// Whether `s` is exactly some spelling of `syllables` (depth-first over jamo slots; the common case for true
    /// pairs, and much cheaper than the edit-distance programme).
    static func spellsExactly(_ s: [UInt8], _ syllables: ArraySlice<UInt16>, table: KoreanSpellingTable) -> Bool {
        s.withUnsafeBufferPointer { sp in
            table.bytes.withUnsafeBufferPointer { bytes in
                table.starts.withUnsafeBufferPointer { starts in
                    let n = sp.count
                    func matchGroup(_ group: Range<Int32>, _ pos: Int, _ then: (Int) -> Bool) -> Bool {
                        for alt in group {
                            let a0 = Int(starts[Int(alt)]), a1 = Int(starts[Int(alt) + 1])
                            let len = a1 - a0
                            if pos + len > n { continue }
                            var ok = true
                            var r = 0
                            while r < len { if bytes[a0 + r] != sp[pos + r] { ok = false; break }; r += 1 }
                            if ok && then(pos + len) { return true }
                        }
                        return false
                    }
                    func syllable(_ k: Int, _ pos: Int) -> Bool {
                        if k == syllables.endIndex { return pos == n }
                        let syl = syllables[k]
                        let ex = table.extraGroup[Int(syl)]
                        if ex >= 0 && matchGroup(table.extraRanges[Int(ex)], pos, { syllable(k + 1, $0) }) { return true }
                        let afterVowel: (Int) -> Bool = { p in
                            Hangul.final(syl) == 0
                                ? syllable(k + 1, p)
                                : matchGroup(table.groups[table.finalGroup(syl)], p, { syllable(k + 1, $0) })
                        }
                        let vowel: (Int) -> Bool = { p in matchGroup(table.groups[table.vowelGroup(syl)], p, afterVowel) }
                        if Hangul.initial(syl) == Hangul.ieung { return vowel(pos) }
                        return matchGroup(table.groups[table.initialGroup(syl)], pos, vowel)
                    }
                    return syllable(syllables.startIndex, 0)
                }
            }
        }
    }

    /// Edit cost (in half edits, see `letterCost`) of spelling `s` as `syllables` with `table`. States costlier
    /// than `budget` are pruned; the result is then `budget + 1` ("too far").
    static func cost(_ s: [UInt8], _ syllables: ArraySlice<UInt16>, table: KoreanSpellingTable,
                     budget: Int = 1 << 20) -> Int {
        let n = s.count
        if syllables.isEmpty { return min(n, budget + 1) }
        if n > 60 { return budget + 1 }   // no Korean name is that long; keeps the scratch buffers fixed-size
        var lo = 0, hi = 0
        for syl in syllables {
            let (a, b) = table.lengthBounds(syl)
            lo += a; hi += b
        }
        let bound = n < lo ? lo - n : n > hi ? n - hi : 0   // each missing or extra letter costs ≥ 1
        if bound > budget { return budget + 1 }
        if bound == 0 && spellsExactly(s, syllables, table: table) { return 0 }
        let cap = Int32(min(budget, 1 << 20))
        let inf = Int32(1 << 28)
        let stride = n + 1
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: 5 * stride + 2 * 64 + 64) { buf in
            var d = buf.baseAddress!
            var e = d + stride
            let t1 = e + stride
            let t2 = t1 + stride
            let x = t2 + stride
            let rows = x + stride
            for k in 0...n { d[k] = inf }
            d[0] = 0
            var tooFar = false
            // Per-letter costs of `s`, looked up once.
            let sCost = rows + 2 * 32
            for k in 0..<n { sCost[k] = letterCost[Int(s[k])] }
            letterCost.withUnsafeBufferPointer { lc in
            s.withUnsafeBufferPointer { sp in
                table.bytes.withUnsafeBufferPointer { bytes in
                    table.starts.withUnsafeBufferPointer { starts in
                        /// dst[i + j] = min over alternatives a in group, start i: src[i] + ed(a, s[i..<i+j]).
                        func relax(_ src: UnsafeMutablePointer<Int32>, _ dst: UnsafeMutablePointer<Int32>,
                                   _ group: Range<Int32>, _ best: Int32) {
                            for k in 0...n { dst[k] = inf }
                            var prev = rows, cur = rows + 32
                            for i in 0...n {
                                let base = src[i]
                                if base > cap || base > best + 3 { continue }
                                for alt in group {
                                    let a0 = Int(starts[Int(alt)]), a1 = Int(starts[Int(alt) + 1])
                                    let len = a1 - a0
                                    let w = min(n - i, min(len + 2, 30))
                                    prev[0] = 0
                                    if w > 0 { for j in 1...w { prev[j] = prev[j - 1] + sCost[i + j - 1] } }
                                    var r = 0
                                    while r < len {
                                        let ch = bytes[a0 + r]
                                        let chCost = lc[Int(ch)]
                                        cur[0] = prev[0] + chCost
                                        var j = 1
                                        while j <= w {
                                            let sc = sp[i + j - 1], scCost = sCost[i + j - 1]
                                            let subCost: Int32 = sc == ch ? 0 : (chCost == 1 && scCost == 1 ? 1 : 2)
                                            let sub = prev[j - 1] + subCost
                                            let del = prev[j] + chCost, ins = cur[j - 1] + scCost
                                            cur[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins)
                                            j += 1
                                        }
                                        swap(&prev, &cur)
                                        r += 1
                                    }
                                    for j in 0...w {
                                        let c = base + prev[j]
                                        if c < dst[i + j] { dst[i + j] = c }
                                    }
                                }
                            }
                        }
                        @inline(__always) func minimum(_ p: UnsafeMutablePointer<Int32>) -> Int32 {
                            var m = inf
                            for k in 0...n where p[k] < m { m = p[k] }
                            return m
                        }
                        for syl in syllables {
                            let best = minimum(d)
                            if best > cap { tooFar = true; break }
                            // Jamo by jamo: initial (skipped for silent ㅇ), vowel, final (skipped when none).
                            var src = d
                            if Hangul.initial(syl) != Hangul.ieung {
                                relax(src, t1, table.groups[table.initialGroup(syl)], best)
                                src = t1
                            }
                            relax(src, t2, table.groups[table.vowelGroup(syl)], minimum(src))
                            if Hangul.final(syl) != 0 {
                                relax(t2, e, table.groups[table.finalGroup(syl)], minimum(t2))
                            } else {
                                for k in 0...n { e[k] = t2[k] }
                            }
                            let ex = table.extraGroup[Int(syl)]
                            if ex >= 0 {
                                relax(d, x, table.extraRanges[Int(ex)], best)
                                for k in 0...n where x[k] < e[k] { e[k] = x[k] }
                            }
                            swap(&d, &e)
                        }
                    }
                }
            }
            }
            if tooFar { return budget + 1 }
            return min(Int(d[n]), budget + 1)
        }
    }
}
