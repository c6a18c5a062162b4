/// Hangul by arithmetic: a precomposed syllable index `s` (0..<11172, i.e. code point − U+AC00) decomposes into
/// initial `s / 588`, vowel `(s % 588) / 28` and final `s % 28`.
public enum Hangul {
    @inline(__always) static func initial(_ s: UInt16) -> Int { Int(s) / 588 }
    @inline(__always) static func vowel(_ s: UInt16) -> Int { (Int(s) % 588) / 28 }
    @inline(__always) static func final(_ s: UInt16) -> Int { Int(s) % 28 }
    @inline(__always) static func compose(_ l: Int, _ v: Int, _ t: Int) -> UInt16 { UInt16(l * 588 + v * 28 + t) }

    /// Syllable index of a precomposed Hangul character.
    static func index(_ c: Character) -> UInt16? {
        guard let v = c.unicodeScalars.first?.value, Fold.isHangulSyllable(v) else { return nil }
        return UInt16(v - 0xAC00)
    }

    /// Syllable indices of a Hangul string (other characters are skipped).
    static func indices(_ s: String) -> [UInt16] { s.compactMap(index) }

    /// The string form of syllable indices.
    static func string(_ syllables: some Sequence<UInt16>) -> String {
        var v = String.UnicodeScalarView()
        for s in syllables { if let u = Unicode.Scalar(0xAC00 + UInt32(s)) { v.append(u) } }
        return String(v)
    }

    // Jamo indices used below.
    static let giyeok = 0, nieun = 2, rieul = 5, ieung = 11

    /// The South Korean initial-sound law (두음법칙) applied to a word-initial syllable:
    /// ㄹ → ㅇ before ㅣ ㅑ ㅕ ㅛ ㅠ ㅖ and → ㄴ before other vowels; ㄴ → ㅇ before ㅣ ㅑ ㅕ ㅛ ㅠ ㅖ
    /// (리 → 이, 류 → 유, 로 → 노, 림 → 임, 녀 → 여). North Korean spellings (리설주) then meet South Korean ones.
    public static func initialSoundLaw(_ s: UInt16) -> UInt16 {
        let l = initial(s), v = vowel(s), t = final(s)
        let iotized = [20, 2, 6, 12, 17, 7].contains(v) // ㅣ ㅑ ㅕ ㅛ ㅠ ㅖ
        if l == rieul { return compose(iotized ? ieung : nieun, v, t) }
        if l == nieun && iotized { return compose(ieung, v, t) }
        return s
    }

    /// Two-syllable family names (남궁, 황보, 제갈, 선우, 사공, 서문, 독고, 동방, 제갈, 어금, 망절, 소봉, 장곡).
    static let compoundSurnames: Set<[UInt16]> = Set(
        ["남궁", "황보", "제갈", "선우", "사공", "서문", "독고", "동방", "어금", "망절", "소봉", "장곡", "공손"]
            .map { indices($0) })

    /// Number of syllables of the family name at the start of a Hangul name written without spaces.
    static func surnameLength(_ syl: [UInt16]) -> Int {
        if syl.count >= 3 && compoundSurnames.contains([syl[0], syl[1]]) { return 2 }
        return syl.isEmpty ? 0 : 1
    }

    /// Revised Romanization (2000) of syllables, without the assimilation rules between syllables.
    public static func revisedRomanization(_ syllables: [UInt16]) -> String {
        var out = ""
        for (k, s) in syllables.enumerated() {
            let l = initial(s), v = vowel(s), t = final(s)
            out += k == 0 ? rrInitial[l] : rrInitial[l]
            out += rrVowel[v]
            out += rrFinal[t]
        }
        return out
    }

    static let rrInitial = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"]
    static let rrVowel = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we",
                          "wi", "yu", "eu", "ui", "i"]
    static let rrFinal = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p",
                          "t", "t", "ng", "t", "t", "k", "t", "p", "t"]
}
