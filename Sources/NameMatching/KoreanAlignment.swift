/// Approximate matching of a romanized string against a sequence of Hangul syllables: the minimum number of
/// single-letter edits that turns the string into some concatenation of the syllables' alternative spellings.
enum KoreanAlignment {
    /// Edit cost (in letters) of spelling `s` as `syllables` with `table`. States costlier than `budget` are
    /// pruned; the result is then `budget + 1` ("too far").
    static func cost(_ s: [UInt8], _ syllables: ArraySlice<UInt16>, table: KoreanSpellingTable,
                     budget: Int = 1 << 20) -> Int {
        let n = s.count
        if syllables.isEmpty { return min(n, budget + 1) }
        // Every spelling of the syllables is between lo and hi letters long: at least |n - [lo, hi]| edits.
        var lo = 0, hi = 0
        for syl in syllables { lo += Int(table.minLength[Int(syl)]); hi += Int(table.maxLength[Int(syl)]) }
        let bound = n < lo ? lo - n : n > hi ? n - hi : 0
        if bound > budget { return budget + 1 }
        let inf = Int32(1 << 28)
        let cap = Int32(min(budget, 1 << 20))
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: 2 * (n + 1) + 2 * 64) { buf in
            var d = buf.baseAddress!
            var e = d + (n + 1)
            var prev = e + (n + 1)
            var cur = prev + 64
            for k in 0...n { d[k] = inf }
            d[0] = 0
            var tooFar = false
            s.withUnsafeBufferPointer { sp in
                table.bytes.withUnsafeBufferPointer { bytes in
                    table.starts.withUnsafeBufferPointer { starts in
                        for syl in syllables {
                            for k in 0...n { e[k] = inf }
                            var best = inf
                            for k in 0...n where d[k] < best { best = d[k] }
                            if best > cap { tooFar = true; break }
                            let range = table.alternativeRange(syl)
                            for i in 0...n {
                                let base = d[i]
                                if base > cap || base > best + 3 { continue }
                                for alt in range {
                                    let a0 = Int(starts[alt]), a1 = Int(starts[alt + 1])
                                    let len = a1 - a0
                                    let w = min(n - i, min(len + 2, 60))
                                    for j in 0...w { prev[j] = Int32(j) }
                                    var r = 0
                                    while r < len {
                                        let ch = bytes[a0 + r]
                                        cur[0] = Int32(r + 1)
                                        var j = 1
                                        while j <= w {
                                            let sub = prev[j - 1] + (sp[i + j - 1] == ch ? 0 : 1)
                                            let del = prev[j] + 1, ins = cur[j - 1] + 1
                                            cur[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins)
                                            j += 1
                                        }
                                        swap(&prev, &cur)
                                        r += 1
                                    }
                                    for j in 0...w {
                                        let c = base + prev[j]
                                        if c < e[i + j] { e[i + j] = c }
                                    }
                                }
                            }
                            swap(&d, &e)
                        }
                    }
                }
            }
            if tooFar { return budget + 1 }
            return min(Int(d[n]), budget + 1)
        }
    }
}
