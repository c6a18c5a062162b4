import Foundation

/// Limits and hygiene for text people type: lengths counted three ways, names without hidden
/// characters, dates a record can plausibly carry.
public enum TextRules {
    /// The earliest year any date in the registry may carry: nobody alive and captured was born before it.
    public static let earliestYear = 1900
    /// A character (grapheme) rarely needs more than a base and a few marks; beyond this a string
    /// is stuffed, not written (a "1-letter" name of 100,000 combining marks).
    public static let scalarsPerCharacter = 4

    /// `value` within `limit` characters, and within `limit × 4` Unicode scalars and `limit × 16` UTF-8 bytes.
    public static func checkLength(_ value: String, field: String, limit: Int) throws(DomainError) {
        let scalars = value.unicodeScalars.count
        if value.count > limit || scalars > limit * scalarsPerCharacter || value.utf8.count > limit * scalarsPerCharacter * 4 {
            throw .invalid(field, "must be at most \(limit) characters (and \(limit * scalarsPerCharacter) Unicode code points)",
                           code: "too_long")
        }
    }

    /// Free text: the length limit, and no control characters but line breaks and tabs.
    public static func checkText(_ value: String, field: String, limit: Int) throws(DomainError) {
        try checkLength(value, field: field, limit: limit)
        if value.unicodeScalars.contains(where: { isControl($0) && !"\n\r\t".unicodeScalars.contains($0) }) {
            throw .invalid(field, "must not contain control characters", code: "control_characters")
        }
        if value.unicodeScalars.contains(where: isBidiOverride) {
            throw .invalid(field, "must not contain bidirectional override characters", code: "bidi_control")
        }
    }

    /// A person's name: the length limit; no control characters, no bidirectional overrides or
    /// isolates (they make a name display as another); at least one visible letter, digit or sign.
    public static func checkName(_ value: String, field: String, limit: Int = 200) throws(DomainError) {
        try checkLength(value, field: field, limit: limit)
        if value.unicodeScalars.contains(where: isControl) {
            throw .invalid(field, "must not contain control characters", code: "control_characters")
        }
        if value.unicodeScalars.contains(where: { isBidiOverride($0) || isBidiIsolateOrMark($0) }) {
            throw .invalid(field, "must not contain bidirectional control characters", code: "bidi_control")
        }
        if !value.isEmpty, !value.unicodeScalars.contains(where: isVisibleBase) {
            throw .invalid(field, "must contain a visible letter, not only invisible or combining characters",
                           code: "name_invisible")
        }
    }

    /// A date a record may carry: not before 1900.
    public static func checkPlausible(_ date: Date, field: String) throws(DomainError) {
        if date < earliestInstant {
            throw .unprocessable(field, "dates before \(earliestYear) are not plausible here", code: "implausible_date")
        }
    }

    public static func checkPlausible(_ date: PartialDate, field: String) throws(DomainError) {
        if date.year < earliestYear {
            throw .unprocessable(field, "dates before \(earliestYear) are not plausible here", code: "implausible_date")
        }
    }

    static let earliestInstant = Date(timeIntervalSince1970: -2_208_988_800)  // 1900-01-01T00:00:00Z

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control
    }

    /// LRE, RLE, PDF, LRO, RLO: they reorder what follows ("Trojan source").
    static func isBidiOverride(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value)
    }

    /// LRI, RLI, FSI, PDI, and the invisible direction marks LRM, RLM, ALM.
    static func isBidiIsolateOrMark(_ scalar: Unicode.Scalar) -> Bool {
        (0x2066...0x2069).contains(scalar.value) || [0x200E, 0x200F, 0x061C].contains(scalar.value)
    }

    /// A scalar that shows on its own: not a mark, format character, separator or default-ignorable.
    static func isVisibleBase(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        if properties.isDefaultIgnorableCodePoint || properties.isWhitespace { return false }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .format, .control, .spaceSeparator, .lineSeparator,
             .paragraphSeparator, .unassigned, .privateUse, .surrogate:
            return false
        default:
            return true
        }
    }
}
