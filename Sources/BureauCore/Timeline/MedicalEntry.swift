/// A medical fact about the prisoner (Arts. 30–31): inspection, admission, certificate.
public struct MedicalEntry: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case inspection
        case admission
        case discharge
        case certificate
        case note
    }

    public var kind: Kind
    /// Art. 31: monthly inspections record the weight.
    public var weightKg: Double?
    /// Art. 122(6): seriously ill or wounded prisoners get weekly health reports.
    public var seriouslyIll: Bool?
    public var summary: String?

    public init(kind: Kind, weightKg: Double? = nil, seriouslyIll: Bool? = nil, summary: String? = nil) {
        self.kind = kind
        self.weightKg = weightKg
        self.seriouslyIll = seriouslyIll
        self.summary = summary
    }
}
