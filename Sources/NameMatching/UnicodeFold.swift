/// Scalar-level folding used by the normalizer: a compact, table-driven subset of NFKC plus case folding for the
/// scripts that person names in Bureau use (Latin, Cyrillic, Hangul). No ICU on the hot path.
enum LatinFold {
    /// Dense lookup for U+00C0..U+024F and U+1E00..U+1EFF; empty means "not a foldable letter".
    static let dense: [[UInt8]] = {
        var out = [[UInt8]](repeating: [], count: 0x250 - 0xC0 + 0x100)
        for pair in table.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let cp = UInt32(parts[0], radix: 16) else { continue }
            let bytes = Array(parts[1].utf8)
            if cp >= 0xC0 && cp < 0x250 {
                out[Int(cp - 0xC0)] = bytes
            } else if cp >= 0x1E00 && cp < 0x1F00 {
                out[Int(cp - 0x1E00) + (0x250 - 0xC0)] = bytes
            }
        }
        return out
    }()

    /// ASCII replacement of a precomposed Latin letter, or nil.
    @inline(__always)
    static func fold(_ v: UInt32) -> [UInt8]? {
        let r: [UInt8]
        if v >= 0xC0 && v < 0x250 {
            r = dense[Int(v - 0xC0)]
        } else if v >= 0x1E00 && v < 0x1F00 {
            r = dense[Int(v - 0x1E00) + (0x250 - 0xC0)]
        } else {
            return nil
        }
        return r.isEmpty ? nil : r
    }
}

enum ScalarClass {
    case latin, cyrillic, hangul, otherLetter, combining, apostrophe, hyphen, comma, period, separator
}

enum Fold {
    /// Lower-cases a Cyrillic code point (U+0400..U+04FF); other values are returned unchanged.
    @inline(__always)
    static func lowerCyrillic(_ v: UInt32) -> UInt32 {
        if v >= 0x410 && v <= 0x42F { return v + 0x20 }
        if v >= 0x400 && v <= 0x40F { return v + 0x50 }
        if v >= 0x460 && v <= 0x4FF && v & 1 == 0 && v != 0x482 { return v + 1 }
        return v
    }

    @inline(__always)
    static func isCyrillic(_ v: UInt32) -> Bool { v >= 0x400 && v <= 0x52F }

    @inline(__always)
    static func isHangulSyllable(_ v: UInt32) -> Bool { v >= 0xAC00 && v <= 0xD7A3 }

    @inline(__always)
    static func isASCIILetter(_ v: UInt32) -> Bool { (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }

    /// Classifies a scalar for tokenization.
    @inline(__always)
    static func classify(_ v: UInt32) -> ScalarClass {
        if v < 0x80 {
            if isASCIILetter(v) { return .latin }
            switch v {
            case 0x22, 0x27, 0x60: return .apostrophe
            case 0x2D: return .hyphen
            case 0x2C, 0x3B: return .comma
            case 0x2E: return .period
            default: return .separator
            }
        }
        if v >= 0x300 && v <= 0x36F { return .combining }
        if isCyrillic(v) { return v == 0x482 || (v >= 0x483 && v <= 0x489) ? .combining : .cyrillic }
        if isHangulSyllable(v) || (v >= 0x1100 && v <= 0x11FF) { return .hangul }
        switch v {
        case 0x2019, 0x2018, 0x02BC, 0x02B9, 0x02BA, 0x02BB, 0x02BE, 0x02BF, 0x00B4, 0x201C, 0x201D: return .apostrophe
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2212, 0x00AD: return .hyphen
        case 0x3001, 0xFF0C, 0x060C: return .comma
        case 0x00B7, 0x30FB, 0x2027: return .separator
        default: break
        }
        if LatinFold.fold(v) != nil { return .latin }
        if v >= 0xFF21 && v <= 0xFF3A || v >= 0xFF41 && v <= 0xFF5A { return .latin }
        if let s = Unicode.Scalar(v), s.properties.isAlphabetic { return .otherLetter }
        return .separator
    }

    /// Composes a conjoining-jamo sequence L V (T) into a precomposed syllable, if possible.
    static func composeJamo(_ l: UInt32, _ v: UInt32, _ t: UInt32?) -> UInt32? {
        guard l >= 0x1100 && l <= 0x1112, v >= 0x1161 && v <= 0x1175 else { return nil }
        var s = 0xAC00 + ((l - 0x1100) * 21 + (v - 0x1161)) * 28
        if let t, t >= 0x11A8 && t <= 0x11C2 { s += t - 0x11A7 }
        return s
    }
}

/// Homoglyph repair between Latin and Cyrillic: letters that look the same in both scripts.
enum Homoglyph {
    /// Latin letter (lower-case ASCII) → Cyrillic look-alike.
    @inline(__always)
    static func toCyrillic(_ b: UInt32) -> UInt32? {
        switch b {
        case 0x61: return 0x430 // a → а
        case 0x62: return 0x432 // B → В
        case 0x63: return 0x441 // c → с
        case 0x65: return 0x435 // e → е
        case 0x68: return 0x43D // H → Н
        case 0x69: return 0x456 // i → і
        case 0x6A: return 0x458 // j → ј
        case 0x6B: return 0x43A // k → к
        case 0x6D: return 0x43C // M → М
        case 0x6F: return 0x43E // o → о
        case 0x70: return 0x440 // p → р
        case 0x73: return 0x455 // s → ѕ
        case 0x74: return 0x442 // T → Т
        case 0x78: return 0x445 // x → х
        case 0x79: return 0x443 // y → у
        default: return nil
        }
    }

    /// Cyrillic letter (lower-case) → Latin look-alike (ASCII).
    @inline(__always)
    static func toLatin(_ c: UInt32) -> UInt32? {
        switch c {
        case 0x430: return 0x61
        case 0x432: return 0x62
        case 0x441: return 0x63
        case 0x435: return 0x65
        case 0x43D: return 0x68
        case 0x456: return 0x69
        case 0x458: return 0x6A
        case 0x43A: return 0x6B
        case 0x43C: return 0x6D
        case 0x43E: return 0x6F
        case 0x440: return 0x70
        case 0x455: return 0x73
        case 0x442: return 0x74
        case 0x445: return 0x78
        case 0x443: return 0x79
        case 0x4BB: return 0x68
        case 0x501: return 0x64
        case 0x51B: return 0x71
        case 0x51D: return 0x77
        default: return nil
        }
    }
}
