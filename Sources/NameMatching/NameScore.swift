/// How one token of the query was matched (or not) to one token of the candidate.
public struct TokenAlignment: Sendable, Hashable {
    /// Why two tokens were aligned.
    public enum Kind: String, Sendable, Hashable {
        /// Same letters after folding.
        case exact
        /// The standard transliteration of the other script (Shevchenko = Шевченко).
        case transliteration
        /// Different spellings with the same cross-orthography skeleton (Shevchenko = Шевченко = Schewtschenko).
        case spelling
        /// The same given name in another language (Олександр = Aleksandr = Alexander).
        case nameVariant = "name variant"
        /// A romanization of Hangul (Kim = 김, Jong-un = 정은, Чен Ын = 정은).
        case romanization
        /// Similar but not identical skeletons (typo or unusual spelling).
        case fuzzy
        /// An initial against a full name (A. = Aleksandr).
        case initial
        /// A token of the query with no counterpart.
        case unmatchedQuery = "only in query"
        /// A token of the candidate with no counterpart.
        case unmatchedCandidate = "only in candidate"
    }

    /// The query token as written (nil when only the candidate has it).
    public let query: String?
    /// The candidate token as written (nil when only the query has it).
    public let candidate: String?
    /// The role the engine gave the pair.
    public let role: NameRole
    /// The kind of alignment.
    public let kind: Kind
    /// Token similarity in [0, 1].
    public let similarity: Double
    /// Weight of this alignment in the name score.
    public let weight: Double

    /// One line for a reviewer, e.g. `Shevchenko ↔ Шевченко: surname, spelling, 1.00`.
    public var text: String {
        let sim = Self.format(similarity)
        switch kind {
        case .unmatchedQuery: return "\(query ?? "?"): \(role), only in query"
        case .unmatchedCandidate: return "\(candidate ?? "?"): \(role), only in candidate"
        default: return "\(query ?? "?") ↔ \(candidate ?? "?"): \(role), \(kind.rawValue), \(sim)"
        }
    }

    static func format(_ x: Double) -> String {
        let v = Int((max(0, min(1, x)) * 100).rounded())
        return v == 100 ? "1.00" : v < 10 ? "0.0\(v)" : "0.\(v)"
    }
}

/// The result of comparing two names.
public struct NameScore: Sendable, Hashable {
    /// Similarity in [0, 1] (after evidence, when evidence was given).
    public let score: Double
    /// `score >= NameMatcher.threshold`.
    public let isMatch: Bool
    /// Per-token alignments, query order first, then candidate-only tokens.
    public let explanation: [TokenAlignment]
    /// Notes on evidence that moved the score (date of birth, service number, unit, common surname).
    public let evidenceNotes: [String]

    /// A human-readable explanation, e.g.
    /// `0.97 match: Shevchenko ↔ Шевченко: surname, spelling, 1.00; Oleksandr ↔ Александр: given, name variant, 0.95`.
    public var explanationText: String {
        var parts = explanation.map(\.text)
        parts.append(contentsOf: evidenceNotes)
        return "\(TokenAlignment.format(score)) \(isMatch ? "match" : "no match"): " + parts.joined(separator: "; ")
    }
}
