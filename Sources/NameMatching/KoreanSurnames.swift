/// Romanized spellings of common Korean family names → Hangul surname syllables (after the initial-sound law).
enum KoreanSurnames {
    static let common = "김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길위표명기반왕금옥육인맹제모탁국어은편용예경봉사부"

    static func build(_ table: KoreanSpellingTable) -> [[UInt8]: [UInt16]] {
        var map: [[UInt8]: [UInt16]] = [:]
        let syls = Hangul.indices(common)
        for s in syls {
            let target = Hangul.initialSoundLaw(s)
            for spelling in table.spellings(s) {
                let key = Array(spelling.utf8)
                if map[key]?.contains(target) != true { map[key, default: []].append(target) }
            }
        }
        return map
    }

    static let latin = build(.latinShared)
    static let cyrillic = build(.cyrillicShared)

    /// A cheap pre-check before the dictionary look-up: (first letter, second letter, length) signatures of all
    /// spellings in both tables.
    static let signatures: [Bool] = {
        var bits = [Bool](repeating: false, count: 27 * 27 * 9)
        for key in Array(latin.keys) + Array(cyrillic.keys) { bits[signature(key)] = true }
        return bits
    }()

    @inline(__always)
    static func signature(_ s: [UInt8]) -> Int {
        func slot(_ c: UInt8?) -> Int {
            guard let c, c >= 0x61 && c <= 0x7A else { return 26 }
            return Int(c - 0x61)
        }
        return (slot(s.first) * 27 + slot(s.count > 1 ? s[1] : nil)) * 9 + min(s.count, 8)
    }

    /// Whether `letters` may be a Korean family name (then look it up in `latin` or `cyrillic`).
    @inline(__always)
    static func mayBeSurname(_ letters: [UInt8]) -> Bool {
        letters.count <= 8 && !letters.isEmpty && signatures[signature(letters)]
    }
}
