/// Approximate matching of a romanized string against a sequence of Hangul syllables: the minimum number of
/// single-letter edits that turns the string into some concatenation of the syllables' alternative spellings.
enum KoreanAlignment {
    /// Edit cost (in letters) of spelling `s` as `syllables` with `table`; `Int.max / 4` when impossible.
    static func cost(_ s: [UInt8], _ syllables: ArraySlice<UInt16>, table: KoreanSpellingTable) -> Int {
        let n = s.count
        let inf = Int.max / 4
        if syllables.isEmpty { return n }
        var d = [Int](repeating: inf, count: n + 1)
        var e = [Int](repeating: inf, count: n + 1)
        d[0] = 0
        var prev = [Int](repeating: 0, count: 16)
        var cur = [Int](repeating: 0, count: 16)
        table.bytes.withUnsafeBufferPointer { bytes in
            table.starts.withUnsafeBufferPointer { starts in
                for syl in syllables {
                    for k in 0...n { e[k] = inf }
                    var best = inf
                    for k in 0...n where d[k] < best { best = d[k] }
                    let range = table.alternativeRange(syl)
                    for i in 0...n {
                        let base = d[i]
                        if base >= inf || base > best + 3 { continue }
                        for alt in range {
                            let a0 = Int(starts[alt]), a1 = Int(starts[alt + 1])
                            let len = a1 - a0
                            let w = min(n - i, len + 2)
                            if prev.count < w + 1 { prev = [Int](repeating: 0, count: w + 1); cur = prev }
                            for j in 0...w { prev[j] = j }
                            if len > 0 {
                                for r in 0..<len {
                                    let ch = bytes[a0 + r]
                                    cur[0] = r + 1
                                    if w > 0 {
                                        for j in 1...w {
                                            let sub = prev[j - 1] + (s[i + j - 1] == ch ? 0 : 1)
                                            cur[j] = min(sub, min(prev[j] + 1, cur[j - 1] + 1))
                                        }
                                    }
                                    swap(&prev, &cur)
                                }
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
        return d[n]
    }
}
