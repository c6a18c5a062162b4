/// The writing system of one name token.
public enum NameScript: UInt8, Sendable, Hashable, CustomStringConvertible {
    case latin, cyrillic, hangul, other

    public var description: String {
        switch self {
        case .latin: "Latin"
        case .cyrillic: "Cyrillic"
        case .hangul: "Hangul"
        case .other: "other"
        }
    }
}

/// What a token is within a person's name, as far as the normalizer can tell.
public enum NameRole: UInt8, Sendable, Hashable, CustomStringConvertible {
    case surname, given, patronymic, initial, unknown

    public var description: String {
        switch self {
        case .surname: "surname"
        case .given: "given"
        case .patronymic: "patronymic"
        case .initial: "initial"
        case .unknown: "name"
        }
    }
}

/// One token of a normalized name.
public struct NameToken: Sendable, Hashable {
    /// The token as written, after NFKC-style folding, lower-casing and homoglyph repair.
    public let text: String
    /// The token's script (the majority script of its letters).
    public let script: NameScript
    /// The token's role in the name.
    public internal(set) var role: NameRole
    /// Cross-orthography skeleton shared by Cyrillic and the European romanizations (empty for Hangul).
    public let skeleton: [UInt8]
    /// Given-name equivalence class (Олександр = Александр = Oleksandr = Alexander …), or -1.
    public let symbol: Int32
    /// Hangul syllable indices (0..<11172), only for Hangul tokens.
    public let syllables: [UInt16]
    /// Lower-case ASCII letters used to match against Hangul (romanized Cyrillic for Cyrillic tokens).
    public let letters: [UInt8]
    /// True when the token was joined to the previous one by a hyphen (`Jong-un`, `Rimsky-Korsakov`).
    public let hyphenated: Bool
}
