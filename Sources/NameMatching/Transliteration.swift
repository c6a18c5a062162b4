/// Cyrillic → Latin transliteration used as the first step of the cross-orthography skeleton and of Korean
/// matching. It follows the Ukrainian official system (Cabinet of Ministers resolution 55, 2010) for names that
/// contain a Ukrainian-only letter and the BGN/PCGN–ICAO 9303 common core for Russian and Belarusian; the skeleton
/// then erases the differences between those systems (ya/ia, yu/iu, y/i/j, kh/h …).
public enum CyrillicTransliteration {
    /// Whether a lower-cased Cyrillic letter occurs only in Ukrainian (і ї є ґ).
    @inline(__always)
    static func isUkrainianLetter(_ c: UInt32) -> Bool {
        c == 0x456 || c == 0x457 || c == 0x454 || c == 0x491
    }

    /// Whether a lower-cased Cyrillic letter is Belarusian (ў) or the Russian-only ы/э/ъ/ё.
    @inline(__always)
    static func isRussianOrBelarusianLetter(_ c: UInt32) -> Bool {
        c == 0x45E || c == 0x44B || c == 0x44D || c == 0x44A || c == 0x451
    }

    /// Transliterates one lower-cased Cyrillic letter; `ukrainian` selects г→h, и→y (official 2010 system).
    @inline(__always)
    static func latin(_ c: UInt32, ukrainian: Bool) -> StaticString {
        switch c {
        case 0x430: return "a"
        case 0x431: return "b"
        case 0x432: return "v"
        case 0x433: return ukrainian ? "h" : "g"
        case 0x434: return "d"
        case 0x435: return "e"
        case 0x436: return "zh"
        case 0x437: return "z"
        case 0x438: return ukrainian ? "y" : "i"
        case 0x439: return "y"
        case 0x43A: return "k"
        case 0x43B: return "l"
        case 0x43C: return "m"
        case 0x43D: return "n"
        case 0x43E: return "o"
        case 0x43F: return "p"
        case 0x440: return "r"
        case 0x441: return "s"
        case 0x442: return "t"
        case 0x443: return "u"
        case 0x444: return "f"
        case 0x445: return "kh"
        case 0x446: return "ts"
        case 0x447: return "ch"
        case 0x448: return "sh"
        case 0x449: return "shch"
        case 0x44A: return "|"   // ъ: a syllable boundary (Kontsevich нъ = final ㅇ before a vowel); not a letter
        case 0x44B: return "y"
        case 0x44C: return ""
        case 0x44D: return "e"
        case 0x44E: return "yu"
        case 0x44F: return "ya"
        case 0x450: return "e"
        case 0x451: return "yo"
        case 0x452: return "dj"
        case 0x453: return "g"
        case 0x454: return "ye"
        case 0x455: return "dz"
        case 0x456: return "i"
        case 0x457: return "yi"
        case 0x458: return "j"
        case 0x459: return "lj"
        case 0x45A: return "nj"
        case 0x45B: return "c"
        case 0x45C: return "k"
        case 0x45D: return "i"
        case 0x45E: return "w"      // Belarusian ў (only after vowels): -оў, -аў = Russian -ов (Быкаў = Быков)
        case 0x45F: return "dzh"
        case 0x491: return "g"
        case 0x4E9: return "o"
        case 0x4AF: return "u"
        case 0x4D9: return "a"
        case 0x493: return "g"
        case 0x49B: return "k"
        case 0x4A3: return "n"      // Tatar/Bashkir ң: Russian spelling writes н (Миңнеханов = Минниханов)
        case 0x4A1: return "k"      // Bashkir ҡ
        case 0x499: return "z"      // Bashkir ҙ
        case 0x4AB: return "s"      // Bashkir ҫ
        case 0x4B1: return "u"
        case 0x4BB: return "h"
        case 0x497: return "zh"
        default: return ""
        }
    }

    /// Transliterates a lower-cased Cyrillic word into ASCII letters.
    static func latinLetters(_ scalars: [UInt32], ukrainian: Bool) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(scalars.count + 4)
        for c in scalars {
            if c < 0x80 {
                out.append(UInt8(truncatingIfNeeded: c))
                continue
            }
            let s = latin(c, ukrainian: ukrainian)
            s.withUTF8Buffer { out.append(contentsOf: $0) }
        }
        return out
    }

    /// Romanizes a Cyrillic string with the Ukrainian official system (2010) when `ukrainian`, else with the
    /// simplified BGN/PCGN–ICAO core. Intended for display and tests; matching uses the skeleton.
    public static func romanize(_ text: String, ukrainian: Bool) -> String {
        var result = ""
        for s in text.unicodeScalars {
            let v = s.value
            if Fold.isCyrillic(v) {
                let low = Fold.lowerCyrillic(v)
                let piece = latin(low, ukrainian: ukrainian)
                var str = piece.withUTF8Buffer { String(decoding: $0, as: UTF8.self) }
                if str == "|" { str = "" }
                if low != v, let f = str.first {
                    str = f.uppercased() + str.dropFirst()
                }
                result += str
            } else {
                result.unicodeScalars.append(s)
            }
        }
        return result
    }
}
