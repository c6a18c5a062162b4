import BureauCore
import NameMatching

/// Standard romanizations for the capture card (names as written plus a romanization), from
/// NameMatching: Revised Romanization of Korean (2000, without assimilation between syllables) for
/// Hangul; for Cyrillic the Ukrainian official system (2010) when the name has Ukrainian letters,
/// else BGN/PCGN.
public enum CardRomanization {
    public static let romanize: CaptureCardContent.Romanizer = { text, script in
        switch script {
        case .latin: return text
        case .cyrillic:
            let ukrainian = text.contains { "ІіЇїЄєҐґ".contains($0) }
            return CyrillicTransliteration.romanize(text, ukrainian: ukrainian)
        case .hangul:
            let words = text.split(whereSeparator: \.isWhitespace).map { word -> String in
                let syllables = word.unicodeScalars.compactMap { scalar -> UInt16? in
                    (0xAC00...0xD7A3).contains(scalar.value) ? UInt16(scalar.value - 0xAC00) : nil
                }
                let roman = Hangul.revisedRomanization(syllables)
                return roman.prefix(1).uppercased() + roman.dropFirst()
            }
            let result = words.filter { !$0.isEmpty }.joined(separator: " ")
            return result.isEmpty ? nil : result
        default: return nil
        }
    }
}
