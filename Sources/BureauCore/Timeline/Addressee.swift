/// Who a duty is owed to, or who a communication went to.
///
/// Art. 122–123: the Bureau writes to the Central Tracing Agency and, where one is appointed, the
/// Protecting Power (in Russia–Ukraine none is, and the ICRC is the practical channel).
public enum Addressee: String, Sendable, Codable, CaseIterable, Comparable {
    /// ICRC Central Tracing Agency (Art. 123 "Central Prisoners of War Information Agency").
    case centralTracingAgency = "cta"
    case protectingPower = "protecting_power"
    /// The ICRC as visitor and humanitarian intermediary (Art. 126), apart from its Tracing Agency.
    case icrc
    /// The Power the prisoner depends on (reached through the CTA or the Protecting Power).
    case powerDependedOn = "power_depended_on"
    case prisoner
    case family
    /// The prisoners' representative (Art. 79).
    case representative
    /// The National Information Bureau itself (Art. 120: death certificates go to the Bureau).
    case bureau

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
