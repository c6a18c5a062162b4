/// Korean names: Hangul against Latin or Cyrillic romanizations, and Hangul against Hangul.
extension NameMatcher {
    /// Weight of the family name in a Korean name score: low, because a handful of surnames cover most people.
    static let koreanSurnameWeight = 0.3
    /// Sharpness of the given-name similarity: one consonant edit in a 7-letter given name costs 2/7 of it.
    static let givenFactor = 2.0

    /// Splits Hangul tokens into (surname syllables, given syllables).
    static func hangulSplit(_ name: NormalizedName) -> (ArraySlice<UInt16>, ArraySlice<UInt16>) {
        var all: [UInt16] = []
        var firstCount = -1, hanTokens = 0
        for t in name.tokens where t.script == .hangul {
            if firstCount < 0 { firstCount = t.syllables.count }
            hanTokens += 1
            all.append(contentsOf: t.syllables)
        }
        var surLen = Hangul.surnameLength(all)
        if hanTokens >= 2, firstCount <= 2 { surLen = firstCount }
        return (all[0..<surLen], all[surLen...])
    }

    /// The words of a non-Hangul name as letter arrays with their display text.
    static func romanWords(_ name: NormalizedName, withText: Bool = true) -> [(letters: [UInt8], text: String, single: Bool)] {
        var out: [(letters: [UInt8], text: String, single: Bool)] = []
        let toks = name.tokens
        var k = 0
        while k < toks.count {
            var e = k + 1
            while e < toks.count && toks[e].hyphenated { e += 1 }
            var letters: [UInt8] = []
            var text = ""
            var parts = 0
            for t in k..<e where toks[t].script == .latin || toks[t].script == .cyrillic {
                letters.append(contentsOf: toks[t].letters)
                if withText { text += parts == 0 ? toks[t].text : "-" + toks[t].text }
                parts += 1
            }
            if parts > 0 { out.append((letters, text, parts == 1)) }
            k = e
        }
        return out
    }

    /// Similarity of a romanized family name to Hangul surname syllables.
    @inline(__always)
    static func surnameSimilarity(_ letters: [UInt8], _ sur: ArraySlice<UInt16>, _ table: KoreanSpellingTable) -> Double {
        let c = KoreanAlignment.cost(letters, sur, table: table, budget: 2)
        if c == 0 { return 1 }
        if c <= 2 && letters.count >= 3 { return 0.6 }
        return 0
    }

    /// Similarity of a romanized given name to Hangul given-name syllables.
    @inline(__always)
    static func givenSimilarity(_ letters: [UInt8], _ given: ArraySlice<UInt16>, _ table: KoreanSpellingTable,
                                maxBudget: Int = Int.max / 8) -> Double {
        if given.isEmpty { return letters.isEmpty ? 1 : 0 }
        let len = Double(max(4, letters.count))
        // Costs are in half edits.
        let budget = min(maxBudget, Int(2 * len / givenFactor))
        let c = KoreanAlignment.cost(letters, given, table: table, budget: budget)
        if c > budget { return 0 }   // pruned: at least this far, and past what the caller cares about
        return max(0, 1 - givenFactor * Double(c) / 2 / len)
    }

    func koreanCross(hangul: NormalizedName, other: NormalizedName, hangulIsQuery: Bool, explain: Bool,
                     into alignments: inout [TokenAlignment]) -> Double {
        let (sur, given) = Self.hangulSplit(hangul)
        let words = Self.romanWords(other, withText: explain)
        if words.isEmpty || sur.isEmpty { return 0 }
        let table = other.tokens.contains { $0.script == .cyrillic } ? KoreanSpellingTable.cyrillicShared
                                                                        : KoreanSpellingTable.latinShared
        var best = -1.0, bestSur = 0.0, bestGiven = 0.0, bestSurWord = -1
        if words.count == 1 {
            let all = ArraySlice(Array(sur) + Array(given))
            let s = Self.givenSimilarity(words[0].letters, all, table)
            best = s; bestGiven = s
        } else {
            let cands = [0, words.count - 1].filter { words[$0].single || words.count == 2 }
            let surSims = cands.map { Self.surnameSimilarity(words[$0].letters, sur, table) }
            let anySurname = surSims.contains { $0 > 0 }
            for (ci, cand) in cands.enumerated() {
                let s1 = surSims[ci]
                // Without any family-name match only the first orientation is scored (it cannot reach the threshold).
                if !anySurname && ci > 0 { continue }
                var g: [UInt8] = []
                for (k, w) in words.enumerated() where k != cand { g.append(contentsOf: w.letters) }
                // Without the family name the pair cannot reach the threshold: a coarse given-name score will do.
                let s2 = Self.givenSimilarity(g, given, table, maxBudget: s1 > 0 ? Int.max / 8 : 2)
                let total = Self.koreanSurnameWeight * s1 + (1 - Self.koreanSurnameWeight) * s2
                if total > best { best = total; bestSur = s1; bestGiven = s2; bestSurWord = cand }
            }
        }
        if best < 0 { return 0 }
        if bestSur == 0 && bestSurWord >= 0 { best *= 0.8 }
        if explain {
            let surText = Hangul.string(sur), givenText = Hangul.string(given)
            if bestSurWord >= 0 {
                let givenWords = words.enumerated().filter { $0.offset != bestSurWord }.map(\.element.text).joined(separator: " ")
                alignments.append(Self.koreanAlignment(words[bestSurWord].text, surText, .surname, bestSur, hangulIsQuery))
                alignments.append(Self.koreanAlignment(givenWords, givenText, .given, bestGiven, hangulIsQuery))
            } else {
                alignments.append(Self.koreanAlignment(words[0].text, surText + givenText, .unknown, bestGiven, hangulIsQuery))
            }
        }
        return min(1, max(0, best))
    }

    static func koreanAlignment(_ roman: String, _ hangul: String, _ role: NameRole, _ sim: Double,
                                _ hangulIsQuery: Bool) -> TokenAlignment {
        TokenAlignment(query: hangulIsQuery ? hangul : roman, candidate: hangulIsQuery ? roman : hangul, role: role,
                       kind: .romanization, similarity: sim,
                       weight: role == .surname ? koreanSurnameWeight : 1 - koreanSurnameWeight)
    }

    /// Jamo-level distance between two syllables: 0, 1/3, 2/3 or 1.
    @inline(__always)
    static func syllableDistance(_ x: UInt16, _ y: UInt16) -> Double {
        if x == y { return 0 }
        var d = 0
        if Hangul.initial(x) != Hangul.initial(y) { d += 1 }
        if Hangul.vowel(x) != Hangul.vowel(y) { d += 1 }
        if Hangul.final(x) != Hangul.final(y) { d += 1 }
        return Double(d) / 3
    }

    static func syllableSimilarity(_ a: ArraySlice<UInt16>, _ b: ArraySlice<UInt16>) -> Double {
        let n = a.count, m = b.count
        if n == 0 && m == 0 { return 1 }
        if n == 0 || m == 0 { return 0 }
        var prev = (0...m).map(Double.init)
        var cur = prev
        let aa = Array(a), bb = Array(b)
        for i in 1...n {
            cur[0] = Double(i)
            for j in 1...m {
                cur[j] = min(prev[j - 1] + syllableDistance(aa[i - 1], bb[j - 1]), prev[j] + 1, cur[j - 1] + 1)
            }
            swap(&prev, &cur)
        }
        return max(0, 1 - 1.5 * prev[m] / Double(max(n, m)))
    }

    func hangulPair(_ a: NormalizedName, _ b: NormalizedName, explain: Bool,
                    into alignments: inout [TokenAlignment]) -> Double {
        let (sa, ga) = Self.hangulSplit(a)
        let (sb, gb) = Self.hangulSplit(b)
        let law = { (s: ArraySlice<UInt16>) -> [UInt16] in s.isEmpty ? [] : [Hangul.initialSoundLaw(s.first!)] + s.dropFirst() }
        let surSim = law(sa) == law(sb) ? 1.0 : Self.syllableSimilarity(sa, sb) * 0.8
        let givenSim = Self.syllableSimilarity(ga, gb)
        let w = Self.koreanSurnameWeight
        var score = w * surSim + (1 - w) * givenSim
        if surSim < 0.5 { score *= 0.8 }
        if explain {
            let sta = Hangul.string(sa), stb = Hangul.string(sb), gta = Hangul.string(ga), gtb = Hangul.string(gb)
            let surKind: TokenAlignment.Kind = sta == stb ? .exact : surSim == 1 ? .spelling : .fuzzy
            alignments.append(TokenAlignment(query: sta, candidate: stb, role: .surname,
                                             kind: surKind, similarity: surSim, weight: w))
            alignments.append(TokenAlignment(query: gta, candidate: gtb, role: .given,
                                             kind: gta == gtb ? .exact : .fuzzy, similarity: givenSim, weight: 1 - w))
        }
        return min(1, max(0, score))
    }
}

extension KoreanSpellingTable {
    /// The Latin table, built once on first use.
    static let latinShared = latin
    /// The Cyrillic (Kontsevich) table, built once on first use.
    static let cyrillicShared = cyrillic
}
