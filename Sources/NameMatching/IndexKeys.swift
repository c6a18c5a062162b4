/// Candidate keys of a name for the inverted index: skeletons, consonant frames and given-name classes for
/// Latin/Cyrillic tokens; surname syllable and given-name consonant codes for Korean names (from Hangul, or from a
/// romanization whose first or last word is a known Korean surname). Keys are 64-bit hashes.
struct IndexKey: Hashable, Sendable {
    let hash: UInt64
    /// Relative weight of the key type (multiplied by IDF at search time).
    let weight: Float
}

enum IndexKeys {
    @inline(__always)
    static func fnv(_ tag: UInt8, _ bytes: some Sequence<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        h = (h ^ UInt64(tag)) &* 0x100_0000_01b3
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }

    /// The distinct key hashes under which a name is posted.
    static func postingHashes(for name: NormalizedName) -> [UInt64] {
        var out: [UInt64] = []
        for k in keys(for: name) where !out.contains(k.hash) { out.append(k.hash) }
        return out
    }

    static func keys(for name: NormalizedName) -> [IndexKey] {
        var out: [IndexKey] = []
        if name.hasHangul {
            let (sur, given) = NameMatcher.hangulSplit(name)
            if let s0 = sur.first {
                let surKey = [Hangul.initialSoundLaw(s0)] + sur.dropFirst()
                koreanKeys(surname: surKey, codes: [hangulCode(given)], into: &out)
            }
            return out
        }
        for t in name.tokens where t.script == .other {
            out.append(IndexKey(hash: fnv(4, t.text.lowercased().utf8), weight: 1))
        }
        for t in name.tokens where t.role != .initial && !t.skeleton.isEmpty {
            let w: Float = t.role == .patronymic ? 0.25 : 1
            out.append(IndexKey(hash: fnv(1, t.skeleton), weight: w))
            if t.script == .latin {
                for c in Skeleton.latinConsonantKeys(t.skeleton) where c.count >= 2 {
                    out.append(IndexKey(hash: fnv(2, c), weight: 0.5 * w))
                }
            } else {
                let c = Skeleton.consonantKey(t.skeleton)
                if c.count >= 2 { out.append(IndexKey(hash: fnv(2, c), weight: 0.5 * w)) }
            }
            if t.symbol >= 0 {
                withUnsafeBytes(of: t.symbol) { out.append(IndexKey(hash: fnv(3, $0), weight: 0.8)) }
            }
        }
        romanKoreanKeys(name, into: &out)
        return out
    }

    static func koreanKeys(surname: [UInt16], codes: [[UInt8]], into out: inout [IndexKey]) {
        let surBytes = surname.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        out.append(IndexKey(hash: fnv(10, surBytes), weight: 0.3))
        for code in codes {
            out.append(IndexKey(hash: fnv(11, code), weight: 1.0))
            out.append(IndexKey(hash: fnv(12, surBytes + [0xFF] + code), weight: 1.5))
        }
    }

    /// Korean keys for a Latin or Cyrillic name that may be a romanized Korean name.
    static func romanKoreanKeys(_ name: NormalizedName, into out: inout [IndexKey]) {
        let words = NameMatcher.romanWords(name)
        guard words.count >= 2 && words.count <= 4 else { return }
        let cyr = name.tokens.contains { $0.script == .cyrillic }
        let surnames = cyr ? KoreanSurnames.cyrillic : KoreanSurnames.latin
        var seen = Set<UInt64>()
        for cand in Set([0, words.count - 1]) where words[cand].single {
            guard let syls = surnames[words[cand].letters] else { continue }
            var chunks: [[UInt8]] = []
            var wordIndex = 0
            for r in name.words {
                defer { wordIndex += 1 }
                if wordIndex == cand { continue }
                for t in name.tokens[r] where t.script == .latin || t.script == .cyrillic { chunks.append(t.letters) }
            }
            let codes = romanCodes(chunks, cyrillic: cyr)
            for s in syls {
                var tmp: [IndexKey] = []
                koreanKeys(surname: [s], codes: codes, into: &tmp)
                for k in tmp where seen.insert(k.hash).inserted { out.append(k) }
            }
        }
    }

    // Consonant classes: K T P J S H N R M, final ㅇ = G.
    static let initialClass: [UInt8] = Array("KKNTTRMPPSS JJJKTPH".utf8)
    static let finalClass: [UInt8] = Array(" KKKNNNTRRRRRRRRMPPTTGTTKTPT".utf8)

    /// Given-name consonant code of Hangul syllables.
    static func hangulCode(_ syl: ArraySlice<UInt16>) -> [UInt8] {
        var out: [UInt8] = []
        for s in syl {
            let i = initialClass[Hangul.initial(s)], f = finalClass[Hangul.final(s)]
            if i != UInt8(ascii: " ") { out.append(i) }
            if f != UInt8(ascii: " ") { out.append(f) }
        }
        return out
    }

    @inline(__always)
    static func isVowelLetter(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"),
             UInt8(ascii: "y"), UInt8(ascii: "w"), UInt8(ascii: "v"): return true
        default: return false
        }
    }

    /// Given-name consonant codes of romanized chunks (syllable groups split at hyphens and spaces); ambiguous
    /// spellings branch (`ng` before a vowel, Cyrillic final `н` = ㄴ or ㅇ), at most 8 codes.
    static func romanCodes(_ chunks: [[UInt8]], cyrillic: Bool) -> [[UInt8]] {
        var results: [[UInt8]] = [[]]
        for chunk in chunks {
            var partial: [[UInt8]] = [[]]
            let n = chunk.count
            var p = 0
            var lastWasStop = false
            while p < n {
                let c = chunk[p]
                let next: UInt8 = p + 1 < n ? chunk[p + 1] : 0
                var emit: [[UInt8]] = []
                var step = 1
                if isVowelLetter(c) {
                    lastWasStop = false
                    p += 1
                    continue
                }
                switch c {
                case UInt8(ascii: "n"):
                    if next == UInt8(ascii: "g") {
                        let after: UInt8 = p + 2 < n ? chunk[p + 2] : 0
                        if after != 0 && isVowelLetter(after) {
                            emit = [[UInt8(ascii: "G")], [UInt8(ascii: "N"), UInt8(ascii: "K")]]
                            // Kontsevich writes ㅇ as н, so нг is also ㅇ + ㄱ (Ёнгюн = 영균).
                            if cyrillic { emit.append([UInt8(ascii: "G"), UInt8(ascii: "K")]) }
                        }
                        else { emit = [[UInt8(ascii: "G")]] }
                        step = 2
                    } else if cyrillic && (next == 0 || !isVowelLetter(next)) {
                        emit = [[UInt8(ascii: "N")], [UInt8(ascii: "G")]]
                    } else {
                        emit = [[UInt8(ascii: "N")]]
                    }
                case UInt8(ascii: "k"), UInt8(ascii: "g"), UInt8(ascii: "q"):
                    if c == UInt8(ascii: "k") && next == UInt8(ascii: "h") {
                        emit = lastWasStop ? [[]] : [[UInt8(ascii: "H")]]
                        step = 2
                    } else {
                        emit = [[UInt8(ascii: "K")]]
                        if next == c { step = 2 }
                    }
                case UInt8(ascii: "c"):
                    if next == UInt8(ascii: "h") {
                        emit = [[UInt8(ascii: "J")]]
                        step = 2
                        if p + 3 < n && chunk[p + 2] == UInt8(ascii: "z") && chunk[p + 3] == UInt8(ascii: "h") { step = 4 }
                    } else {
                        emit = [[UInt8(ascii: "K")]]
                    }
                case UInt8(ascii: "j"), UInt8(ascii: "z"):
                    emit = [[UInt8(ascii: "J")]]
                    if next == c || next == UInt8(ascii: "h") { step = 2 }
                case UInt8(ascii: "t"), UInt8(ascii: "d"):
                    if c == UInt8(ascii: "t") && next == UInt8(ascii: "c") && p + 2 < n && chunk[p + 2] == UInt8(ascii: "h") {
                        emit = [[UInt8(ascii: "J")]]; step = 3
                    } else if c == UInt8(ascii: "t") && next == UInt8(ascii: "s") {
                        emit = [[UInt8(ascii: "J")]]; step = 2
                    } else {
                        emit = [[UInt8(ascii: "T")]]
                        if next == c { step = 2 }
                    }
                case UInt8(ascii: "p"), UInt8(ascii: "b"), UInt8(ascii: "f"):
                    emit = [[UInt8(ascii: "P")]]
                    if next == c { step = 2 }
                case UInt8(ascii: "s"):
                    emit = [[UInt8(ascii: "S")]]
                    if next == UInt8(ascii: "s") || next == UInt8(ascii: "h") { step = 2 }
                case UInt8(ascii: "h"):
                    let prevIsVowel = p > 0 && isVowelLetter(chunk[p - 1])
                    let nextIsVowel = next != 0 && isVowelLetter(next)
                    if lastWasStop && !prevIsVowel { emit = [[]] }
                    else if prevIsVowel && !nextIsVowel { emit = [[]] }
                    else { emit = [[UInt8(ascii: "H")]] }
                case UInt8(ascii: "r"), UInt8(ascii: "l"):
                    emit = [[UInt8(ascii: "R")]]
                    if next == c { step = 2 }
                case UInt8(ascii: "m"):
                    emit = [[UInt8(ascii: "M")]]
                default:
                    emit = [[]]
                }
                var grown: [[UInt8]] = []
                for base in partial { for e in emit where grown.count < 8 { grown.append(base + e) } }
                partial = grown
                let stops: [[UInt8]] = [[UInt8(ascii: "K")], [UInt8(ascii: "T")], [UInt8(ascii: "P")], [UInt8(ascii: "J")]]
                lastWasStop = emit.count == 1 && stops.contains(emit[0])
                p += step
            }
            var combined: [[UInt8]] = []
            for r in results { for q in partial where combined.count < 8 { combined.append(r + q) } }
            results = combined
        }
        return results
    }
}
