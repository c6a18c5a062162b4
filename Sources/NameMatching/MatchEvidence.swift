/// Optional facts beside a name that raise or lower a name score: date of birth, service number and unit.
///
/// The name score is moved on the log-odds scale, so strong evidence can lift a borderline name match over the
/// threshold or push a name-only match under it, but cannot turn a clear non-match into a match by itself.
public struct MatchEvidence: Sendable, Hashable {
    /// Date of birth as `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    public var dateOfBirth: String?
    /// Military service number (compared ignoring spaces, dashes and case).
    public var serviceNumber: String?
    /// Military unit designation (compared ignoring spaces, punctuation and case).
    public var unit: String?

    public init(dateOfBirth: String? = nil, serviceNumber: String? = nil, unit: String? = nil) {
        self.dateOfBirth = dateOfBirth
        self.serviceNumber = serviceNumber
        self.unit = unit
    }

    static func canonical(_ s: String?) -> String? {
        guard let s else { return nil }
        let c = String(s.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) })
        return c.isEmpty ? nil : c
    }

    static func dateParts(_ s: String?) -> [Int]? {
        guard let s else { return nil }
        let parts = s.split(whereSeparator: { $0 == "-" || $0 == "." || $0 == "/" }).compactMap { Int($0) }
        return parts.isEmpty ? nil : parts
    }

    /// Adjusts `score` with the evidence of both records; returns the new score and reviewer notes.
    public func adjust(_ score: Double, against other: MatchEvidence) -> (Double, [String]) {
        var logit = Self.logit(score)
        var notes: [String] = []
        if let a = Self.dateParts(dateOfBirth), let b = Self.dateParts(other.dateOfBirth) {
            let common = min(a.count, b.count)
            if a[0] != b[0] {
                logit -= abs(a[0] - b[0]) <= 1 ? 1.0 : 2.5
                notes.append("date of birth differs (\(dateOfBirth!) vs \(other.dateOfBirth!))")
            } else if common >= 3 && a[1] == b[1] && a[2] == b[2] {
                logit += 2.0
                notes.append("same date of birth")
            } else if common >= 2 && a[1] != b[1] {
                logit -= 1.0
                notes.append("birth month differs")
            } else {
                logit += 0.6
                notes.append("same year of birth")
            }
        }
        if let a = Self.canonical(serviceNumber), let b = Self.canonical(other.serviceNumber) {
            if a == b { logit += 3.0; notes.append("same service number") }
            else { logit -= 1.5; notes.append("service number differs") }
        }
        if let a = Self.canonical(unit), let b = Self.canonical(other.unit) {
            if a == b { logit += 0.7; notes.append("same unit") }
        }
        if notes.isEmpty { return (score, notes) }
        return (Self.sigmoid(logit), notes)
    }

    // The logit is taken around the match threshold so that evidence shifts decisions symmetrically.
    static func logit(_ p: Double) -> Double {
        let q = min(0.999, max(0.001, p))
        let t = NameMatcher.threshold
        return (q - t) * 8
    }

    static func sigmoid(_ x: Double) -> Double {
        min(1, max(0, NameMatcher.threshold + x / 8))
    }
}
