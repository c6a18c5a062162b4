/// Turns a raw name string into a `NormalizedName`.
///
/// Steps: a table-driven NFKC/case-folding subset (fullwidth forms, precomposed and combining diacritics,
/// conjoining Hangul jamo), tokenization on spaces, hyphens, commas and periods; script detection per token and
/// homoglyph repair to each token's majority script; Cyrillic transliteration and the cross-orthography skeleton;
/// given-name classes; roles (surname from a comma or a surname ending, patronymic from its ending, initials).
/// The normalizer is a value with no state: it is `Sendable` and safe to use from any thread.
public struct NameNormalizer: Sendable {
    public init() {}

    /// Normalizes one name.
    public func normalize(_ name: String) -> NormalizedName {
        var raws: [RawToken] = []
        var commaAfter: Int? = nil
        var cur = RawToken()
        var nextHyphenated = false

        func flush() {
            if !cur.scalars.isEmpty {
                cur.hyphenated = nextHyphenated
                raws.append(cur)
            }
            cur = RawToken()
            nextHyphenated = false
        }

        let view = name.unicodeScalars
        var idx = view.startIndex
        while idx != view.endIndex {
            let us = view[idx]
            let next = view.index(after: idx)
            defer { idx = next }
            let v = us.value
            switch Fold.classify(v) {
            case .latin:
                if v < 0x80 {
                    cur.scalars.append(v | 0x20)
                } else if v >= 0xFF21 && v <= 0xFF5A {
                    cur.scalars.append((v - 0xFF21 + 0x41) | 0x20)
                } else if let f = LatinFold.fold(v) {
                    for b in f { cur.scalars.append(UInt32(b)) }
                }
                cur.mark(idx, next)
            case .cyrillic:
                cur.scalars.append(Fold.lowerCyrillic(v))
                cur.mark(idx, next)
            case .hangul, .otherLetter:
                cur.scalars.append(v)
                cur.mark(idx, next)
            case .combining:
                Self.applyCombining(v, to: &cur.scalars)
                if !cur.scalars.isEmpty { cur.mark(idx, next) }
            case .apostrophe:
                if !cur.scalars.isEmpty { cur.mark(idx, next) }
            case .hyphen:
                let had = !cur.scalars.isEmpty
                flush()
                nextHyphenated = had || !raws.isEmpty
            case .comma:
                flush()
                if commaAfter == nil && !raws.isEmpty { commaAfter = raws.count }
            case .period:
                cur.period = true
                flush()
            case .separator:
                flush()
            }
        }
        flush()
        return build(raws, commaAfter: commaAfter, original: name)
    }

    struct RawToken {
        var scalars: [UInt32] = []
        var start: String.Index? = nil
        var end: String.Index? = nil
        var hyphenated = false
        var period = false

        @inline(__always)
        mutating func mark(_ from: String.Index, _ to: String.Index) {
            if start == nil { start = from; scalars.reserveCapacity(16) }
            end = to
        }
    }

    static func applyCombining(_ mark: UInt32, to s: inout [UInt32]) {
        guard let last = s.last else { return }
        switch mark {
        case 0x306: // breve: ŏ ŭ (McCune–Reischauer), й
            if last == 0x6F { s.removeLast(); s.append(contentsOf: [0x65, 0x6F]) }
            else if last == 0x75 { s.removeLast(); s.append(contentsOf: [0x65, 0x75]) }
            else if last == 0x438 { s[s.count - 1] = 0x439 }
            else if last == 0x443 { s[s.count - 1] = 0x45E }
        case 0x30C: // caron: č š ž
            if last == 0x63 || last == 0x73 || last == 0x7A { s.append(0x68) }
        case 0x308: // diaeresis: ё ї
            if last == 0x435 { s[s.count - 1] = 0x451 } else if last == 0x456 { s[s.count - 1] = 0x457 }
        case 0x301: // acute: ć ś ź ń
            if last == 0x63 || last == 0x73 || last == 0x7A { s.append(0x68) }
        default: break
        }
    }

    /// Folds Latin scalars (already lower-case ASCII or precomposed) to ASCII letters.
    static func foldLatin(_ scalars: [UInt32]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(scalars.count)
        for v in scalars {
            if v < 0x80 {
                if Fold.isASCIILetter(v) { out.append(UInt8(v | 0x20)) }
            } else if let f = LatinFold.fold(v) {
                out.append(contentsOf: f)
            }
        }
        return out
    }

    private func build(_ raws: [RawToken], commaAfter: Int?, original: String) -> NormalizedName {
        // Script per token with homoglyph repair.
        var scripts: [NameScript] = []
        var fixed: [[UInt32]] = []
        scripts.reserveCapacity(raws.count)
        fixed.reserveCapacity(raws.count)
        var ukrainian = false
        for raw in raws {
            var lat = 0, cyr = 0, han = 0, oth = 0
            for v in raw.scalars {
                if v < 0x80 { lat += 1 } else if Fold.isCyrillic(v) { cyr += 1 }
                else if Fold.isHangulSyllable(v) || (v >= 0x1100 && v <= 0x11FF) { han += 1 } else { oth += 1 }
            }
            var s = raw.scalars
            let script: NameScript
            if han > 0 && han >= lat + cyr {
                script = .hangul
                s = Self.composeHangul(s)
            } else if cyr > lat && cyr >= oth {
                script = .cyrillic
                if lat > 0 { for k in s.indices where s[k] < 0x80 { if let c = Homoglyph.toCyrillic(s[k]) { s[k] = c } } }
            } else if lat > 0 && lat >= oth {
                script = .latin
                if cyr > 0 { for k in s.indices where Fold.isCyrillic(s[k]) { if let c = Homoglyph.toLatin(s[k]) { s[k] = c } } }
            } else {
                script = .other
            }
            if script == .cyrillic && s.contains(where: CyrillicTransliteration.isUkrainianLetter) { ukrainian = true }
            scripts.append(script)
            fixed.append(s)
        }
        // Hungarian and Belarusian spelling are decided for the whole name (`Szergej` alone could be Polish). Most
        // names have neither a Latin `s`/`z` after `c`/`s`/`z` nor a Cyrillic `і`/`ў`, and skip the check.
        var latinWords: [[UInt8]] = []
        var cyrillicWords: [[UInt32]] = []
        for k in raws.indices {
            let w = fixed[k]
            if scripts[k] == .latin && w.indices.dropLast().contains(where: { (w[$0] == 0x73 || w[$0] == 0x63 || w[$0] == 0x7A)
                && (w[$0 + 1] == 0x7A || w[$0 + 1] == 0x73) }) {
                latinWords = raws.indices.filter { scripts[$0] == .latin }.map { fixed[$0].compactMap { $0 < 0x80 ? UInt8($0) : nil } }
                break
            }
        }
        for k in raws.indices where scripts[k] == .cyrillic && fixed[k].contains(where: { $0 == 0x456 || $0 == 0x45E }) {
            cyrillicWords = raws.indices.filter { scripts[$0] == .cyrillic }.map { fixed[$0] }
            break
        }
        let hungarian = !latinWords.isEmpty && Orthography.isHungarian(latinWords)
        let belarusian = !cyrillicWords.isEmpty && Orthography.isBelarusian(cyrillicWords)
        var tokens: [NameToken] = []
        tokens.reserveCapacity(raws.count)
        for (k, raw) in raws.enumerated() {
            let s = fixed[k]
            let script = scripts[k]
            var letters: [UInt8] = []
            var skeleton: [UInt8] = []
            var syllables: [UInt16] = []
            switch script {
            case .latin:
                letters = s.compactMap { $0 < 0x80 ? UInt8($0) : nil }
                if hungarian { letters = Orthography.fromHungarian(letters) }
                skeleton = Skeleton.of(Orthography.balticStem(letters))
            case .cyrillic:
                let cyr = s.filter { Fold.isCyrillic($0) || $0 < 0x80 }
                letters = CyrillicTransliteration.latinLetters(belarusian ? Orthography.fromBelarusian(cyr) : cyr,
                                                               ukrainian: ukrainian)
                skeleton = Skeleton.of(letters)
            case .hangul:
                syllables = s.compactMap { Fold.isHangulSyllable($0) ? UInt16($0 - 0xAC00) : nil }
            case .other:
                break
            }
            if script != .hangul && skeleton.isEmpty && syllables.isEmpty && script != .other { continue }
            var symbol = skeleton.count >= 2 ? GivenNames.symbol(of: skeleton) : -1
            if symbol < 0 && script == .latin && letters.last == UInt8(ascii: "s") {
                symbol = GivenNames.balticSymbol(letters: letters)
            }
            var role: NameRole = .unknown
            if script != .hangul && (letters.count == 1 || (raw.period && letters.count <= 2 && script == .latin)) {
                role = .initial
            } else if symbol >= 0 {
                role = .given
            }
            let text = raw.start.map { String(original.unicodeScalars[$0..<raw.end!]) } ?? ""
            tokens.append(NameToken(text: text, script: script, role: role, skeleton: skeleton,
                                    symbol: symbol, syllables: syllables, letters: letters, hyphenated: raw.hyphenated))
        }
        Self.assignRoles(&tokens, commaAfter: commaAfter)
        return NormalizedName(original: original, tokens: tokens, commaOrder: commaAfter != nil, ukrainian: ukrainian)
    }

    static func composeHangul(_ s: [UInt32]) -> [UInt32] {
        guard s.contains(where: { $0 >= 0x1100 && $0 <= 0x11FF }) else { return s }
        var out: [UInt32] = []
        var k = 0
        while k < s.count {
            if k + 1 < s.count, let syl = Fold.composeJamo(s[k], s[k + 1], k + 2 < s.count ? s[k + 2] : nil) {
                let hasT = k + 2 < s.count && s[k + 2] >= 0x11A8 && s[k + 2] <= 0x11C2
                out.append(syl)
                k += hasT ? 3 : 2
            } else {
                out.append(s[k])
                k += 1
            }
        }
        return out
    }

    /// Role heuristics for non-Hangul tokens.
    static func assignRoles(_ tokens: inout [NameToken], commaAfter: Int?) {
        let n = tokens.count
        guard n > 0 else { return }
        let full = tokens.indices.filter { tokens[$0].role != .initial && tokens[$0].script != .hangul }
        // Patronymic: a patronymic ending, never the first word, and only in names of three or more words.
        if full.count >= 3 {
            let cands = full.filter { $0 != full.first && Patronymic.isPatronymic(tokens[$0].skeleton) }
            // Several -ovich words (Віктор Федорович Янукович): the patronymic is the one after the given name.
            let pick = cands.count > 1
                ? (cands.first { k in k > 0 && tokens[k - 1].role == .given } ?? cands[0])
                : cands.first
            if let k = pick { tokens[k].role = .patronymic }
        }
        if let c = commaAfter, c < n {
            for k in 0..<c where tokens[k].role != .initial && tokens[k].script != .hangul { tokens[k].role = .surname }
            for k in c..<n where tokens[k].role == .unknown { tokens[k].role = .given }
            return
        }
        for k in full where tokens[k].role == .unknown && Patronymic.looksLikeSurname(tokens[k].skeleton) {
            tokens[k].role = .surname
        }
        let unknown = full.filter { tokens[$0].role == .unknown }
        let hasSurname = full.contains { tokens[$0].role == .surname }
        if unknown.count == 1 && !hasSurname && full.count >= 2 {
            tokens[unknown[0]].role = .surname
        }
    }
}
