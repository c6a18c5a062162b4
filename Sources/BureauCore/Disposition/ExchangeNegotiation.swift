import Foundation

/// An exchange agreement under Arts. 6 and 109(2); guard 4 flags clauses that worsen prisoners' position.
public struct ExchangeAgreement: Sendable, Hashable, Codable, Identifiable {
    public struct Clause: Sendable, Hashable, Codable {
        /// "§3", "Annex 1 item 4".
        public var reference: String
        public var text: String
        /// Set by a legal officer: it would worsen the position of prisoners (Art. 6).
        public var adverseToPrisoners: Bool

        public init(reference: String, text: String, adverseToPrisoners: Bool = false) {
            self.reference = reference
            self.text = text
            self.adverseToPrisoners = adverseToPrisoners
        }
    }

    public var id: UUID
    public var reference: String
    public var clauses: [Clause]

    public init(id: UUID, reference: String, clauses: [Clause] = []) {
        self.id = id
        self.reference = reference
        self.clauses = clauses
    }
}

/// Categories an exchange is counted in; ratios are agreed per category.
public enum ExchangeCategory: String, Sendable, Codable, CaseIterable, Comparable {
    case seriouslyWoundedOrSick = "seriously_wounded_or_sick"
    case officer
    case nonCommissionedOfficer = "nco"
    case otherRank = "other_rank"
    case civilian

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// One negotiation with a counterpart: our list (prisoners we would release), the counterpart's list
/// (whom they ask of us, whom they offer), the reviewed name matches, and the reconciliation.
///
/// Each prisoner on our list has his own exchange `DispositionCase`; the list never replaces the
/// case's guards and approvals.
public struct ExchangeNegotiation: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    /// The Power that receives our prisoners at the crossing (alpha-3, `RUS`).
    public var counterpart: String
    public var agreement: ExchangeAgreement?
    public var ourList: [ExchangeListEntry]
    public var counterpartList: [CounterpartEntry]
    public var matchReviews: [CounterpartMatchReview]
    public var reconciliation: [ReconciliationEntry]
    public var createdBy: String
    public var createdAt: Date

    public init(id: UUID, counterpart: String, agreement: ExchangeAgreement? = nil, ourList: [ExchangeListEntry] = [],
                counterpartList: [CounterpartEntry] = [], matchReviews: [CounterpartMatchReview] = [],
                reconciliation: [ReconciliationEntry] = [], createdBy: String, createdAt: Date) {
        self.id = id
        self.counterpart = counterpart.uppercased()
        self.agreement = agreement
        self.ourList = ourList
        self.counterpartList = counterpartList
        self.matchReviews = matchReviews
        self.reconciliation = reconciliation
        self.createdBy = createdBy
        self.createdAt = createdAt
    }

    /// The way home through the counterpart: his Power depended on, via the counterpart if different
    /// (a DPRK soldier handed to Russia: `PRK` via `RUS`).
    public func route(for facts: DispositionFacts) -> Route {
        let home = facts.prisoner.powerDependedOn.power.uppercased()
        return Route(destination: home, transit: home == counterpart ? [] : [counterpart])
    }

    /// The exchange case a prisoner would have in this negotiation, for screening him.
    public func candidateCase(for facts: DispositionFacts, caseID: UUID? = nil, author: String = "screening",
                              at time: Date) -> DispositionCase {
        DispositionCase(id: caseID ?? facts.prisoner.id, prisonerID: facts.prisoner.id, kind: .exchange,
                        route: route(for: facts), receivingPower: counterpart, exchangeID: id, author: author,
                        createdAt: time)
    }
}

/// A prisoner on our list.
public struct ExchangeListEntry: Sendable, Hashable, Codable {
    public var prisonerID: UUID
    public var category: ExchangeCategory
    /// His exchange case, once opened.
    public var caseID: UUID?
    public var addedBy: String
    public var addedAt: Date

    public init(prisonerID: UUID, category: ExchangeCategory, caseID: UUID? = nil, addedBy: String, addedAt: Date) {
        self.prisonerID = prisonerID
        self.category = category
        self.caseID = caseID
        self.addedBy = addedBy
        self.addedAt = addedAt
    }
}

/// One line of the counterpart's list, as imported (CSV import and name matching live elsewhere).
public struct CounterpartEntry: Sendable, Hashable, Codable, Identifiable {
    public enum Direction: String, Sendable, Codable, CaseIterable {
        /// A person they ask us to release; matched against our registry.
        case requested
        /// A person they would release to us; counted against our list.
        case offered
    }

    public var id: UUID
    /// Line in the imported file, for the reviewer and for error messages.
    public var line: Int
    public var direction: Direction
    /// The name exactly as written, in its own script.
    public var name: String
    public var dateOfBirth: String?
    public var rank: String?
    public var category: ExchangeCategory
    public var note: String?

    public init(id: UUID, line: Int, direction: Direction, name: String, dateOfBirth: String? = nil, rank: String? = nil,
                category: ExchangeCategory = .otherRank, note: String? = nil) {
        self.id = id
        self.line = line
        self.direction = direction
        self.name = name
        self.dateOfBirth = dateOfBirth
        self.rank = rank
        self.category = category
        self.note = note
    }
}

/// A registry prisoner NameMatching proposes for a counterpart entry.
public struct MatchCandidate: Sendable, Hashable, Codable {
    public var prisonerID: UUID
    /// 0…1, higher is closer.
    public var score: Double
    /// Why, in words a reviewer can check ("surname 리 = Ри, Kontsevich romanisation; birth year equal").
    public var explanation: String
    /// The claim that matched, as recorded (Hangul, Cyrillic, Latin).
    public var matchedName: String?
    /// The same explanation as data, so each page says it in its language (`EnquiryText.explanation`);
    /// nil in candidates stored before it was kept, which show `explanation`.
    public var reasons: [MatchReason]?

    public init(prisonerID: UUID, score: Double, explanation: String, matchedName: String? = nil,
                reasons: [MatchReason]? = nil) {
        self.prisonerID = prisonerID
        self.score = score
        self.explanation = explanation
        self.matchedName = matchedName
        self.reasons = reasons
    }
}

/// A reviewer's decision on one counterpart entry: which candidate it is, or that none is.
public struct CounterpartMatchReview: Sendable, Hashable, Codable {
    public var entryID: UUID
    /// Ranked candidates as NameMatching returned them.
    public var candidates: [MatchCandidate]
    /// The confirmed prisoner; nil with `confirmedBy` set means "not in our registry".
    public var confirmedPrisonerID: UUID?
    public var confirmedBy: String?
    public var confirmedAt: Date?

    public init(entryID: UUID, candidates: [MatchCandidate], confirmedPrisonerID: UUID? = nil,
                confirmedBy: String? = nil, confirmedAt: Date? = nil) {
        self.entryID = entryID
        self.candidates = candidates.sorted { $0.score > $1.score }
        self.confirmedPrisonerID = confirmedPrisonerID
        self.confirmedBy = confirmedBy
        self.confirmedAt = confirmedAt
    }

    public var isReviewed: Bool { confirmedBy != nil }

    /// The reviewer confirms one of the candidates, or (with nil) that the person is not in the registry.
    public func confirmed(_ prisonerID: UUID?, by reviewer: String, at time: Date) throws(DomainError) -> Self {
        if let prisonerID, !candidates.contains(where: { $0.prisonerID == prisonerID }) {
            throw .unprocessable("prisonerID", "confirm one of the proposed candidates", code: "not_a_candidate")
        }
        if isReviewed {
            throw DomainError(.conflict, code: "already_reviewed", "this entry has already been reviewed", field: "entryID")
        }
        var review = self
        review.confirmedPrisonerID = prisonerID
        review.confirmedBy = reviewer
        review.confirmedAt = time
        return review
    }
}
