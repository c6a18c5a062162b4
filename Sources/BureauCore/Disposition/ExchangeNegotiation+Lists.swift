import Foundation

/// How candidates for our list are ordered.
public struct ProposalRule: Sendable, Hashable, Codable {
    public var seriouslyWoundedFirst: Bool
    public var longestHeldFirst: Bool
    /// At most this many proposed; nil for all who qualify.
    public var limit: Int?

    public init(seriouslyWoundedFirst: Bool = true, longestHeldFirst: Bool = true, limit: Int? = nil) {
        self.seriouslyWoundedFirst = seriouslyWoundedFirst
        self.longestHeldFirst = longestHeldFirst
        self.limit = limit
    }
}

/// Who the rule proposes, and who the guards keep off the list and why.
public struct ExchangeProposal: Sendable, Hashable {
    public struct Candidate: Sendable, Hashable {
        public var prisonerID: UUID
        public var category: ExchangeCategory
        public var capturedAt: Date?
        /// The counterpart asked for him by name (a reviewed match).
        public var requestedByCounterpart: Bool
        /// Warn guards he fails: they need an override on his case before he can go.
        public var warnings: [GuardResult]
    }

    public struct Exclusion: Sendable, Hashable {
        public var prisonerID: UUID
        public var requestedByCounterpart: Bool
        /// The enforce guards he fails.
        public var reasons: [GuardResult]
        /// True when no record can cure it (eligible for medical repatriation, serious risk at home).
        public var barred: Bool { reasons.contains { !$0.remediable } }
    }

    public var proposed: [Candidate]
    public var excluded: [Exclusion]
}

/// Per-category totals and the ratio of our list to what the counterpart offers.
public struct ExchangeTotals: Sendable, Hashable {
    public var ours: [ExchangeCategory: Int]
    public var theirs: [ExchangeCategory: Int]

    public var ourTotal: Int { ours.values.reduce(0, +) }
    public var theirTotal: Int { theirs.values.reduce(0, +) }
    /// Ours per one of theirs; nil while they offer nobody.
    public var ratio: Double? { theirTotal == 0 ? nil : Double(ourTotal) / Double(theirTotal) }

    public func ratio(_ category: ExchangeCategory) -> Double? {
        let theirs = theirs[category] ?? 0
        return theirs == 0 ? nil : Double(ours[category] ?? 0) / Double(theirs)
    }
}

extension ExchangeNegotiation {
    /// The guards applied to `facts` as a candidate for this exchange.
    public func screen(_ facts: DispositionFacts, at time: Date) -> [GuardResult] {
        var facts = facts
        facts.exchangeAgreement = agreement
        return LegalGuards.evaluate(candidateCase(for: facts, at: time), facts: facts, at: time)
    }

    /// Category by default: seriously wounded or sick when the timeline says so, else by `ranks`.
    public static func category(of facts: DispositionFacts, ranks: [UUID: ExchangeCategory] = [:]) -> ExchangeCategory {
        facts.seriouslyIll ? .seriouslyWoundedOrSick : ranks[facts.prisoner.id] ?? .otherRank
    }

    /// Proposes candidates from `pool` by `rule`, never including anyone an enforce guard excludes.
    /// Those already on our list are skipped.
    public func propose(from pool: [DispositionFacts], rule: ProposalRule = ProposalRule(),
                        ranks: [UUID: ExchangeCategory] = [:], at time: Date) -> ExchangeProposal {
        let listed = Set(ourList.map(\.prisonerID))
        let requested = Set(matchReviews.compactMap(\.confirmedPrisonerID))
        var proposed: [ExchangeProposal.Candidate] = []
        var excluded: [ExchangeProposal.Exclusion] = []
        for facts in pool where !listed.contains(facts.prisoner.id) {
            let results = screen(facts, at: time)
            let enforced = results.filter { $0.blocks && $0.severity == .enforce }
            if enforced.isEmpty {
                proposed.append(.init(prisonerID: facts.prisoner.id, category: Self.category(of: facts, ranks: ranks),
                                      capturedAt: facts.capturedAt, requestedByCounterpart: requested.contains(facts.prisoner.id),
                                      warnings: results.filter { $0.blocks && $0.severity == .warn }))
            } else {
                excluded.append(.init(prisonerID: facts.prisoner.id, requestedByCounterpart: requested.contains(facts.prisoner.id),
                                      reasons: enforced))
            }
        }
        proposed.sort { a, b in
            if rule.seriouslyWoundedFirst {
                let aw = a.category == .seriouslyWoundedOrSick, bw = b.category == .seriouslyWoundedOrSick
                if aw != bw { return aw }
            }
            if rule.longestHeldFirst, a.capturedAt != b.capturedAt {
                return (a.capturedAt ?? .distantFuture) < (b.capturedAt ?? .distantFuture)
            }
            return a.prisonerID.uuidString < b.prisonerID.uuidString
        }
        if let limit = rule.limit { proposed = Array(proposed.prefix(limit)) }
        return ExchangeProposal(proposed: proposed, excluded: excluded)
    }

    /// Puts a prisoner on our list. Refused with every reason when an enforce guard fails:
    /// nobody a guard excludes is ever held for, or counted in, an exchange.
    public func adding(_ facts: DispositionFacts, category: ExchangeCategory, caseID: UUID? = nil,
                       by actor: StaffMember, at time: Date) throws(TransitionRefusal) -> ExchangeNegotiation {
        var errors: [DomainError] = []
        if actor.roles.isDisjoint(with: DispositionWorkflow.caseOfficers) {
            errors.append(DomainError(.forbidden, code: "role_required", "only a legal or liaison officer edits our list",
                                      field: nil))
        }
        if ourList.contains(where: { $0.prisonerID == facts.prisoner.id }) {
            errors.append(DomainError(.conflict, code: "already_listed", "he is already on our list", field: "prisonerID"))
        }
        let results = screen(facts, at: time)
        let enforced = results.filter { $0.blocks && $0.severity == .enforce }
        if !errors.isEmpty || !enforced.isEmpty {
            throw TransitionRefusal(errors: errors, guards: results, blocking: enforced)
        }
        var updated = self
        updated.ourList.append(.init(prisonerID: facts.prisoner.id, category: category, caseID: caseID,
                                     addedBy: actor.userID, addedAt: time))
        return updated
    }

    /// Re-screens everyone already on our list. Anyone an enforce guard now excludes (an Art. 110
    /// decision since he was listed, a new risk finding, a changed will) must come off before he is
    /// counted or handed over.
    public func listReview(_ pool: [DispositionFacts], at time: Date) -> [ExchangeProposal.Exclusion] {
        let requested = Set(matchReviews.compactMap(\.confirmedPrisonerID))
        return ourList.compactMap { entry in
            guard let facts = pool.first(where: { $0.prisoner.id == entry.prisonerID }) else { return nil }
            let enforced = screen(facts, at: time).filter { $0.blocks && $0.severity == .enforce }
            return enforced.isEmpty ? nil : .init(prisonerID: entry.prisonerID,
                                                  requestedByCounterpart: requested.contains(entry.prisonerID), reasons: enforced)
        }
    }

    /// Takes a prisoner off our list; the reason goes to the audit event.
    public func removing(_ prisonerID: UUID, reason: String, by actor: StaffMember) throws(DomainError) -> ExchangeNegotiation {
        if actor.roles.isDisjoint(with: DispositionWorkflow.caseOfficers) {
            throw DomainError(.forbidden, code: "role_required", "only a legal or liaison officer edits our list", field: nil)
        }
        if reason.trimmedOrNil == nil {
            throw .invalid("reason", "say why he comes off the list", code: "reason_required")
        }
        guard ourList.contains(where: { $0.prisonerID == prisonerID }) else {
            throw DomainError(.notFound, code: "not_listed", "he is not on our list", field: "prisonerID")
        }
        if !reconciliation.isEmpty {
            throw DomainError(.conflict, code: "already_reconciled", "the exchange is over", field: nil)
        }
        var updated = self
        updated.ourList.removeAll { $0.prisonerID == prisonerID }
        return updated
    }

    public var totals: ExchangeTotals {
        var ours: [ExchangeCategory: Int] = [:]
        var theirs: [ExchangeCategory: Int] = [:]
        for entry in ourList { ours[entry.category, default: 0] += 1 }
        for entry in counterpartList where entry.direction == .offered { theirs[entry.category, default: 0] += 1 }
        return ExchangeTotals(ours: ours, theirs: theirs)
    }
}
