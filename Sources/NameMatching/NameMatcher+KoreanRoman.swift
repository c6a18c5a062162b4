/// Two romanized Korean names (Latin or Cyrillic on either side): `Kim Jong Un` ↔ `Ким Чен Ын` ↔ `Kim Chŏng-ŭn`.
/// Both names must have a first or last word that is a known spelling of a Korean family name, and the family
/// names must be able to denote the same Hangul surname. Given names are compared on a coarse phonetic code that
/// erases the differences between the romanization systems (ㅓ = eo/ŏ/o/u/е, ㅇ = ng/н, ㅈ = j/ch/чж …).
extension NameMatcher {
    /// Surname word candidates: (word index, Hangul surnames it can spell).
    static func koreanSurnameCandidates(_ name: NormalizedName,
                                        _ words: [(letters: [UInt8], text: String, single: Bool)]) -> [(Int, [UInt16])] {
        guard words.count >= 2 && words.count <= 4 else { return [] }
        let table = name.tokens.contains { $0.script == .cyrillic } ? KoreanSurnames.cyrillic : KoreanSurnames.latin
        var out: [(Int, [UInt16])] = []
        for cand in Set([0, words.count - 1]).sorted() where words[cand].single {
            if let s = table[words[cand].letters] { out.append((cand, s)) }
        }
        return out
    }

    /// Coarse phonetic code of romanized Korean letters.
    /// `fine` (for two names in the same script) keeps what one romanization system always writes the same way:
    /// `ng` ≠ `n` (민정 ≠ 민준), the y/w glides (은 ≠ 연) and e/ae ≠ o/u/eo/eu; across scripts those merge, because
    /// Kontsevich writes ㅇ as н and ㅓ as е.
    static func koreanCoarseCode(_ s: [UInt8], fine: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        let n = s.count
        var p = 0
        @inline(__always) func isV(_ c: UInt8) -> Bool {
            c == UInt8(ascii: "a") || c == UInt8(ascii: "e") || c == UInt8(ascii: "i") || c == UInt8(ascii: "o")
                || c == UInt8(ascii: "u") || c == UInt8(ascii: "y") || c == UInt8(ascii: "w")
        }
        var lastStop = false
        while p < n {
            let c = s[p]
            let next: UInt8 = p + 1 < n ? s[p + 1] : 0
            if isV(c) || c == UInt8(ascii: "v") {
                var q = p
                while q < n, isV(s[q]) || s[q] == UInt8(ascii: "v") {
                    // In the fine code a glide before a vowel starts a new syllable (ji-yeon, not jiyeo-n).
                    if fine && q > p && (s[q] == UInt8(ascii: "y") || s[q] == UInt8(ascii: "w")) && q + 1 < n
                        && isV(s[q + 1]) { break }
                    q += 1
                }
                var run = s[p..<q].filter { $0 != UInt8(ascii: "w") && $0 != UInt8(ascii: "v") }
                if fine {
                    if s[p] == UInt8(ascii: "w") { out.append(UInt8(ascii: "W")) }
                    if run.count >= 2 && run[0] == UInt8(ascii: "y") { out.append(UInt8(ascii: "Y")); run.removeFirst() }
                    let r = String(decoding: run, as: UTF8.self)
                    let code: UInt8
                    switch r {
                    case "a": code = UInt8(ascii: "A")
                    case "e", "ae", "ai", "ea", "oe", "oi", "ei": code = UInt8(ascii: "E")
                    case "i", "ee", "ui", "eui", "y", "yi": code = UInt8(ascii: "I")
                    default: code = UInt8(ascii: "V")
                    }
                    out.append(code)
                    lastStop = false
                    p = q
                    continue
                }
                var code = UInt8(ascii: "V")
                if let last = run.last {
                    if last == UInt8(ascii: "a") { code = UInt8(ascii: "A") }
                    else if last == UInt8(ascii: "i") || (last == UInt8(ascii: "y") && run.count >= 2) { code = UInt8(ascii: "I") }
                    else if run.count == 2 && run[run.startIndex] == UInt8(ascii: "e") && last == UInt8(ascii: "e") { code = UInt8(ascii: "I") }
                }
                out.append(code)
                lastStop = false
                p = q
                continue
            }
            var code: UInt8 = 0
            var step = 1
            switch c {
            case UInt8(ascii: "n"):
                code = UInt8(ascii: "N")
                if next == UInt8(ascii: "g") { step = 2; if fine { code = UInt8(ascii: "G") } }
            case UInt8(ascii: "k"):
                if next == UInt8(ascii: "h") { code = lastStop ? 0 : UInt8(ascii: "H"); step = 2 }
                else { code = UInt8(ascii: "K"); if next == c { step = 2 } }
            case UInt8(ascii: "g"), UInt8(ascii: "q"): code = UInt8(ascii: "K"); if next == c { step = 2 }
            case UInt8(ascii: "c"):
                if next == UInt8(ascii: "h") {
                    code = UInt8(ascii: "J"); step = 2
                    if p + 3 < n && s[p + 2] == UInt8(ascii: "z") && s[p + 3] == UInt8(ascii: "h") { step = 4 }
                } else { code = UInt8(ascii: "K") }
            case UInt8(ascii: "j"), UInt8(ascii: "z"):
                code = UInt8(ascii: "J"); if next == c || next == UInt8(ascii: "h") { step = 2 }
            case UInt8(ascii: "t"), UInt8(ascii: "d"):
                if c == UInt8(ascii: "t") && (next == UInt8(ascii: "s") || next == UInt8(ascii: "c")) {
                    code = UInt8(ascii: "J"); step = next == UInt8(ascii: "c") && p + 2 < n && s[p + 2] == UInt8(ascii: "h") ? 3 : 2
                } else { code = UInt8(ascii: "T"); if next == c || next == UInt8(ascii: "h") { step = 2 } }
            case UInt8(ascii: "p"), UInt8(ascii: "b"), UInt8(ascii: "f"):
                code = UInt8(ascii: "P"); if next == c || next == UInt8(ascii: "h") { step = 2 }
            case UInt8(ascii: "s"):
                code = UInt8(ascii: "S"); if next == UInt8(ascii: "s") || next == UInt8(ascii: "h") { step = 2 }
            case UInt8(ascii: "h"):
                let prevV = p > 0 && isV(s[p - 1])
                let nextV = next != 0 && isV(next)
                if lastStop || (prevV && !nextV) { code = 0 } else { code = UInt8(ascii: "H") }
            case UInt8(ascii: "r"), UInt8(ascii: "l"):
                code = UInt8(ascii: "R"); if next == c { step = 2 }
            case UInt8(ascii: "m"): code = UInt8(ascii: "M")
            default: code = 0
            }
            if code != 0 { out.append(code) }
            // Aspiration after a stop (Kontsevich тх, пх, кх, чх) is not a separate ㅎ.
            lastStop = code == UInt8(ascii: "K") || code == UInt8(ascii: "T") || code == UInt8(ascii: "P")
                || code == UInt8(ascii: "J")
            p += step
        }
        return out
    }

    static func unitLevenshtein(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count), cur = prev
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                cur[j] = min(prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1), prev[j] + 1, cur[j - 1] + 1)
            }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }

    /// Score of two romanized Korean names, or nil when either does not look like one.
    /// Phonetic code of the given part (every word but the family name). The fine code is taken per token, so
    /// that syllable boundaries (`Ji-eun`) survive; the coarse code runs over the concatenated letters.
    static func givenCode(_ name: NormalizedName, skippingWord skip: Int, fine: Bool) -> [UInt8] {
        var letters: [UInt8] = []
        var code: [UInt8] = []
        var w = 0
        for r in name.words {
            defer { w += 1 }
            if w == skip { continue }
            for t in name.tokens[r] where t.script == .latin || t.script == .cyrillic {
                if fine { code += koreanCoarseCode(t.letters, fine: true) } else { letters += t.letters }
            }
        }
        return fine ? code : koreanCoarseCode(letters)
    }

    /// Whether a name's given part is written as separate syllables (`Min-jun`, `Jong Un`): the mark of a
    /// romanized Korean name rather than a Slavic name with a Korean family name (Виктор Цой).
    static func hasSyllabicGivenName(_ name: NormalizedName) -> Bool {
        let t = name.tokens
        guard t.count >= 3 else { return false }
        return t.dropFirst().contains { $0.hyphenated } || (t.count == 3 && t.allSatisfy { $0.letters.count <= 5 })
    }

    /// Whether both names are Latin (then the fine phonetic code applies; Cyrillic conventions disagree on
    /// ㅓ as е or о and write ㅇ as н).
    static func bothLatin(_ a: NormalizedName, _ b: NormalizedName) -> Bool {
        !a.tokens.contains { $0.script == .cyrillic } && !b.tokens.contains { $0.script == .cyrillic }
    }

    func koreanRomanPair(_ a: NormalizedName, _ b: NormalizedName, explain: Bool, fine: Bool,
                         into alignments: inout [TokenAlignment]) -> Double? {
        // Cheap gate: a Korean family name is a known spelling, as the first or last word, in names of ≤ 4 words.
        func plausible(_ n: NormalizedName) -> Bool {
            let t = n.tokens
            guard t.count >= 2 && t.count <= 6 else { return false }
            if !KoreanSurnames.mayBeSurname(t[0].letters) && !KoreanSurnames.mayBeSurname(t[t.count - 1].letters) {
                return false
            }
            let table = t.contains { $0.script == .cyrillic } ? KoreanSurnames.cyrillic : KoreanSurnames.latin
            if !(t.count > 1 && t[1].hyphenated) && KoreanSurnames.mayBeSurname(t[0].letters)
                && table[t[0].letters] != nil { return true }
            return !t[t.count - 1].hyphenated && KoreanSurnames.mayBeSurname(t[t.count - 1].letters)
                && table[t[t.count - 1].letters] != nil
        }
        guard plausible(a) && plausible(b) else { return nil }
        let wa = Self.romanWords(a, withText: explain), wb = Self.romanWords(b, withText: explain)
        let ca = Self.koreanSurnameCandidates(a, wa), cb = Self.koreanSurnameCandidates(b, wb)
        if ca.isEmpty || cb.isEmpty { return nil }
        var best: (Double, Int, Int, Double)? = nil
        for (ia, sa) in ca {
            for (ib, sb) in cb where sa.contains(where: sb.contains) {
                let xa = Self.givenCode(a, skippingWord: ia, fine: fine)
                let xb = Self.givenCode(b, skippingWord: ib, fine: fine)
                let d = Self.unitLevenshtein(xa, xb)
                let gsim = max(0, 1 - 2.0 * Double(d) / Double(max(3, xa.count, xb.count)))
                let s = Self.koreanSurnameWeight + (1 - Self.koreanSurnameWeight) * gsim
                if best == nil || s > best!.0 { best = (s, ia, ib, gsim) }
            }
        }
        guard let (score, ia, ib, gsim) = best else { return nil }
        if explain {
            let w = Self.koreanSurnameWeight
            alignments.append(TokenAlignment(query: wa[ia].text, candidate: wb[ib].text, role: .surname,
                                             kind: .romanization, similarity: 1, weight: w))
            let qa = wa.enumerated().filter { $0.offset != ia }.map(\.element.text).joined(separator: " ")
            let qb = wb.enumerated().filter { $0.offset != ib }.map(\.element.text).joined(separator: " ")
            alignments.append(TokenAlignment(query: qa, candidate: qb, role: .given, kind: .romanization,
                                             similarity: gsim, weight: 1 - w))
        }
        return score
    }
}
