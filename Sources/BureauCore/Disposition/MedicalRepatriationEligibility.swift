import Foundation

/// Whether a sick or wounded prisoner must be repatriated or accommodated in a neutral country
/// (Arts. 109–113, Annex I), and what the Mixed Medical Commission decided.
///
/// Guard 1: an eligible prisoner is owed repatriation "regardless of number or rank"; he is never
/// held for, or counted in, an exchange.
public struct MedicalRepatriationEligibility: Sendable, Hashable, Codable, Identifiable {
    /// The grounds of Art. 110, as Annex I spells them out.
    public enum Category: String, Sendable, Codable, CaseIterable {
        /// Art. 110(1)(1): incurably wounded or sick, mental or physical fitness gravely diminished.
        case incurableGravelyDiminished = "art110_1_1"
        /// Art. 110(1)(2): not likely to recover within one year, fitness gravely diminished.
        case noRecoveryWithinYear = "art110_1_2"
        /// Art. 110(1)(3): recovered, but fitness permanently and gravely diminished.
        case recoveredPermanentlyDiminished = "art110_1_3"
        /// Art. 110(2)(1): recovery may be expected within a year in a neutral country.
        case neutralRecoveryWithinYear = "art110_2_1"
        /// Art. 110(2)(2): health seriously threatened by continued captivity.
        case neutralHealthThreatened = "art110_2_2"

        /// Art. 110(1): direct repatriation.
        public var isDirectRepatriation: Bool {
            switch self {
            case .incurableGravelyDiminished, .noRecoveryWithinYear, .recoveredPermanentlyDiminished: return true
            case .neutralRecoveryWithinYear, .neutralHealthThreatened: return false
            }
        }

        public var article: String {
            switch self {
            case .incurableGravelyDiminished: return "Art. 110(1)(1)"
            case .noRecoveryWithinYear: return "Art. 110(1)(2)"
            case .recoveredPermanentlyDiminished: return "Art. 110(1)(3)"
            case .neutralRecoveryWithinYear: return "Art. 110(2)(1)"
            case .neutralHealthThreatened: return "Art. 110(2)(2)"
            }
        }
    }

    /// Annex IV E certificate: A repatriate, B neutral country, NC re-examine.
    public enum CommissionDecision: String, Sendable, Codable, CaseIterable {
        case a = "A"
        case b = "B"
        case notConfirmed = "NC"
    }

    public var id: UUID
    public var prisonerID: UUID
    public var category: Category
    /// The Annex I heading relied on, e.g. "A.1(c) loss of a hand".
    public var annexIReference: String?
    /// Art. 112 practice: an obvious case needs no Commission.
    public var obviousCase: Bool
    public var commissionDecision: CommissionDecision?
    public var decidedAt: Date
    /// The physician or the Commission that decided.
    public var decidedBy: String
    public var fitToTravel: Bool
    public var supersedes: UUID?

    public init(id: UUID, prisonerID: UUID, category: Category, annexIReference: String? = nil,
                obviousCase: Bool = false, commissionDecision: CommissionDecision? = nil, decidedAt: Date,
                decidedBy: String, fitToTravel: Bool = true, supersedes: UUID? = nil) {
        self.id = id
        self.prisonerID = prisonerID
        self.category = category
        self.annexIReference = annexIReference
        self.obviousCase = obviousCase
        self.commissionDecision = commissionDecision
        self.decidedAt = decidedAt
        self.decidedBy = decidedBy
        self.fitToTravel = fitToTravel
        self.supersedes = supersedes
    }

    /// Owed direct repatriation (Art. 110(1)): Commission decision A, or an obvious case.
    public var eligibleForRepatriation: Bool {
        guard category.isDirectRepatriation else { return false }
        if let decision = commissionDecision { return decision == .a }
        return obviousCase
    }

    /// Owed accommodation in a neutral country (Art. 110(2)): Commission decision B.
    public var eligibleForNeutralAccommodation: Bool {
        !category.isDirectRepatriation && commissionDecision == .b
    }

    /// Either way the Convention, not a bargain, decides his departure.
    public var eligible: Bool { eligibleForRepatriation || eligibleForNeutralAccommodation }

    /// The decision in force at `time`.
    public static func current(_ decisions: [MedicalRepatriationEligibility],
                               at time: Date) -> MedicalRepatriationEligibility? {
        let superseded = Set(decisions.compactMap(\.supersedes))
        return decisions.filter { !superseded.contains($0.id) && $0.decidedAt <= time }
            .max { $0.decidedAt < $1.decidedAt }
    }
}
