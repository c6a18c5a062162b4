/// Scores how likely two names denote the same person, across scripts and romanization systems.
///
/// Order-free token alignment on skeletons (weighted Levenshtein, given-name classes, initials), surname weighted
/// up, patronymic optional, unmatched query tokens costlier than unmatched candidate tokens; Hangul against Latin
/// or Cyrillic by romanization alignment with the family name split off. `NameMatcher` is an immutable value and
/// `Sendable`: share one instance across tasks.
public struct NameMatcher: Sendable {
    /// The fixed decision threshold, chosen on the development sets and kept fixed.
    public static let threshold: Double = 0.80

    /// The normalizer used by the `String` overloads.
    public let normalizer: NameNormalizer

    public init(normalizer: NameNormalizer = NameNormalizer()) {
        self.normalizer = normalizer
    }

    /// Scores two raw names (`a` is the query side), with an explanation.
    public func score(_ a: String, _ b: String) -> NameScore {
        score(normalizer.normalize(a), normalizer.normalize(b))
    }

    /// Scores two normalized names (`a` is the query side), with an explanation.
    public func score(_ a: NormalizedName, _ b: NormalizedName) -> NameScore {
        var notes: [String] = []
        var alignments: [TokenAlignment] = []
        let s = compute(a, b, explain: true, into: &alignments, notes: &notes)
        return NameScore(score: s, isMatch: s >= Self.threshold, explanation: alignments, evidenceNotes: notes)
    }

    /// Scores two normalized names and adjusts the score with optional evidence (date of birth, service number,
    /// unit) from both records.
    public func score(_ a: NormalizedName, _ b: NormalizedName,
                      queryEvidence: MatchEvidence, candidateEvidence: MatchEvidence) -> NameScore {
        let base = score(a, b)
        let (adjusted, notes) = queryEvidence.adjust(base.score, against: candidateEvidence)
        return NameScore(score: adjusted, isMatch: adjusted >= Self.threshold, explanation: base.explanation,
                         evidenceNotes: base.evidenceNotes + notes)
    }

    /// The score alone, without building an explanation (the fast path used for ranking and bulk scoring).
    public func similarity(_ a: NormalizedName, _ b: NormalizedName) -> Double {
        var alignments: [TokenAlignment] = []
        var notes: [String] = []
        return compute(a, b, explain: false, into: &alignments, notes: &notes)
    }

    func compute(_ a: NormalizedName, _ b: NormalizedName, explain: Bool,
                 into alignments: inout [TokenAlignment], notes: inout [String]) -> Double {
        if a.isEmpty || b.isEmpty { return 0 }
        let ah = a.hasHangul, bh = b.hasHangul
        if ah && bh { return hangulPair(a, b, explain: explain, into: &alignments) }
        if ah != bh {
            let hangulIsQuery = ah
            return koreanCross(hangul: ah ? a : b, other: ah ? b : a, hangulIsQuery: hangulIsQuery,
                               explain: explain, into: &alignments)
        }
        var generalAlignments: [TokenAlignment] = []
        var generalNotes: [String] = []
        let g = general(a, b, explain: explain, into: &generalAlignments, notes: &generalNotes)
        if g < Self.threshold {
            let latin = Self.bothLatin(a, b)
            // Romanized Korean names that token alignment misses (Kim Jong Un ↔ Ким Чен Ын ↔ Kim Chŏng-ŭn).
            var korean: [TokenAlignment] = []
            if let k = koreanRomanPair(a, b, explain: explain, fine: latin, into: &korean), k > g {
                alignments.append(contentsOf: korean)
                return k
            }
        } else if (Self.hasSyllabicGivenName(a) || Self.hasSyllabicGivenName(b)) && Self.bothLatin(a, b) {
            // Syllable tokens are short, so token alignment is lenient with them (Min-jun ≈ Min-jung): the Korean
            // phonetic code has the last word.
            var korean: [TokenAlignment] = []
            if let k = koreanRomanPair(a, b, explain: explain, fine: true, into: &korean), k < g {
                alignments.append(contentsOf: korean)
                return k
            }
        }
        alignments.append(contentsOf: generalAlignments)
        notes.append(contentsOf: generalNotes)
        return g
    }
}
