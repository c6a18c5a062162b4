/// A person's name after normalization: tokens with script, skeleton keys and roles.
public struct NormalizedName: Sendable, Hashable {
    /// The input string.
    public let original: String
    /// The tokens in input order (hyphenated parts are separate tokens with `hyphenated == true`).
    public let tokens: [NameToken]
    /// True when a comma marked "Surname, Given …" order.
    public let commaOrder: Bool
    /// True when some Cyrillic token has a Ukrainian-only letter (і ї є ґ).
    public let ukrainian: Bool

    /// True when the name has at least one Hangul token.
    public let hasHangul: Bool

    init(original: String, tokens: [NameToken], commaOrder: Bool, ukrainian: Bool) {
        self.original = original
        self.tokens = tokens
        self.commaOrder = commaOrder
        self.ukrainian = ukrainian
        self.hasHangul = tokens.contains { $0.script == .hangul }
    }

    /// All Hangul syllables of the name, in order.
    public var hangulSyllables: [UInt16] { tokens.flatMap(\.syllables) }

    /// True when there is nothing to match.
    public var isEmpty: Bool { tokens.isEmpty }
}

extension NormalizedName {
    /// Words: tokens glued by hyphens grouped together (`Jong-un` is one word of two tokens).
    var words: [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        for i in 1..<max(1, tokens.count + 1) where i == tokens.count || !tokens[i].hyphenated {
            out.append(start..<i)
            start = i
        }
        return tokens.isEmpty ? [] : out
    }
}
