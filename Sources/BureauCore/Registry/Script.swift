/// Writing systems Bureau distinguishes for display and matching.
public enum Script: String, Sendable, Codable, CaseIterable {
    case latin, cyrillic, hangul, other, none

    /// The script of most letters in `text`; `.none` for text without letters.
    public static func dominant(in text: String) -> Script {
        var counts: [Script: Int] = [:]
        for scalar in text.unicodeScalars {
            let script = of(scalar)
            if script != .none { counts[script, default: 0] += 1 }
        }
        return counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key.rawValue > $1.key.rawValue) }?.key ?? .none
    }

    static func of(_ scalar: Unicode.Scalar) -> Script {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF: return .latin
        case 0x400...0x52F: return .cyrillic
        case 0xAC00...0xD7A3, 0x1100...0x11FF, 0x3130...0x318F: return .hangul
        default: return scalar.properties.isAlphabetic ? .other : .none
        }
    }
}
