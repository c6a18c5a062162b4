import Foundation

/// A way out of custody: where he ends up and every state he passes through on the way
/// (the DPRK via Russia: destination `PRK`, transit `["RUS"]`).
public struct Route: Sendable, Hashable, Codable {
    /// ISO 3166-1 alpha-3 of the final destination.
    public var destination: String
    public var transit: [String]

    public init(destination: String, transit: [String] = []) {
        self.destination = destination
        self.transit = transit
    }

    /// Every state on the route, destination included.
    public var states: Set<String> { Set(transit.map { $0.uppercased() } + [destination.uppercased()]) }

    public var description: String {
        transit.isEmpty ? destination : "\(destination) via \(transit.joined(separator: ", "))"
    }
}

/// A non-refoulement assessment (gc3.md §3): is there a serious risk to his fundamental rights
/// at the destination or on the way?
public struct RiskAssessment: Sendable, Hashable, Codable, Identifiable {
    public enum Risk: String, Sendable, Codable, CaseIterable, Comparable {
        /// Arbitrary deprivation of life.
        case death
        case torture
        case persecution
        /// Reprisals against his family (capture treated as treason).
        case familyReprisal = "family_reprisal"

        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public enum Outcome: String, Sendable, Codable, CaseIterable {
        case noSeriousRisk = "no_serious_risk"
        case seriousRisk = "serious_risk"
        case inconclusive
    }

    public var id: UUID
    public var prisonerID: UUID
    public var route: Route
    public var risksConsidered: Set<Risk>
    /// Where the findings come from: UN reports, defector testimony, ICRC, the prisoner himself.
    public var sources: [String]
    public var findings: String?
    public var outcome: Outcome
    public var assessor: String
    /// A second person who reviewed the finding; never the assessor.
    public var reviewer: String?
    public var assessedAt: Date
    /// After this date the assessment is stale and must be redone.
    public var reviewDate: Date?
    public var supersedes: UUID?

    public init(id: UUID, prisonerID: UUID, route: Route, risksConsidered: Set<Risk>, sources: [String],
                findings: String? = nil, outcome: Outcome, assessor: String, reviewer: String? = nil,
                assessedAt: Date, reviewDate: Date? = nil, supersedes: UUID? = nil) {
        self.id = id
        self.prisonerID = prisonerID
        self.route = route
        self.risksConsidered = risksConsidered
        self.sources = sources
        self.findings = findings
        self.outcome = outcome
        self.assessor = assessor
        self.reviewer = reviewer
        self.assessedAt = assessedAt
        self.reviewDate = reviewDate
        self.supersedes = supersedes
    }

    /// Assessments not superseded and made by `time`, whatever their review date.
    public static func inForce(_ assessments: [RiskAssessment], at time: Date) -> [RiskAssessment] {
        let superseded = Set(assessments.compactMap(\.supersedes))
        return assessments.filter { !superseded.contains($0.id) && $0.assessedAt <= time }
    }

    /// Assessments that can clear a route at `time`: in force and not past their review date.
    public static func current(_ assessments: [RiskAssessment], at time: Date) -> [RiskAssessment] {
        inForce(assessments, at: time).filter { $0.reviewDate.map { $0 >= time } ?? true }
    }

    /// True when this assessment looked at the whole of `route`: same destination, every transit state.
    public func covers(_ route: Route) -> Bool {
        self.route.destination.uppercased() == route.destination.uppercased()
            && route.states.isSubset(of: self.route.states)
    }
}

/// Art. 12: before handing a prisoner to another Power, the detaining power satisfies itself that
/// the Power is a party to the Convention and willing and able to apply it.
public struct Article12Assessment: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var prisonerID: UUID
    /// ISO 3166-1 alpha-3 of the Power that would receive him.
    public var receivingPower: String
    public var partyToConvention: Bool
    public var willing: Bool
    public var able: Bool
    /// Assurances received, diplomatic notes, the basis of the finding.
    public var basis: String
    public var assessor: String
    public var assessedAt: Date
    public var supersedes: UUID?

    public init(id: UUID, prisonerID: UUID, receivingPower: String, partyToConvention: Bool, willing: Bool,
                able: Bool, basis: String, assessor: String, assessedAt: Date, supersedes: UUID? = nil) {
        self.id = id
        self.prisonerID = prisonerID
        self.receivingPower = receivingPower
        self.partyToConvention = partyToConvention
        self.willing = willing
        self.able = able
        self.basis = basis
        self.assessor = assessor
        self.assessedAt = assessedAt
        self.supersedes = supersedes
    }

    public var satisfied: Bool { partyToConvention && willing && able }

    /// The newest assessment in force for `power` at `time`.
    public static func current(_ assessments: [Article12Assessment], for power: String,
                               at time: Date) -> Article12Assessment? {
        let superseded = Set(assessments.compactMap(\.supersedes))
        return assessments
            .filter { !superseded.contains($0.id) && $0.assessedAt <= time
                && $0.receivingPower.uppercased() == power.uppercased() }
            .max { $0.assessedAt < $1.assessedAt }
    }
}
