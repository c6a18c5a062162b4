import Foundation

// MARK: Guard 2 — no departure without a current will statement, a risk assessment of the whole
// route, and (for another Power) an Art. 12 assessment. A documented serious risk blocks the route.

extension LegalGuards {
    public static func departureRecords(_ c: DispositionCase, facts: DispositionFacts, at time: Date) -> [GuardResult] {
        // A release where he stays still needs his will on record (guard 11: non-return rests on it).
        guard c.isDeparture || c.kind == .releaseOther else { return [] }
        var results = willRecord(facts: facts, at: time)
        if let route = c.route {
            results += routeRisk(route, kind: c.kind, facts: facts, at: time)
        } else if c.isDeparture {
            results.append(.fail(2, art2Risk, .enforce, "guard.2.no_route"))
        }
        results += article12(c, facts: facts, at: time)
        return results
    }

    static func willRecord(facts: DispositionFacts, at time: Date) -> [GuardResult] {
        guard let will = facts.currentWill(at: time) else {
            return [.fail(2, art2Will, .enforce, "guard.2.no_will_statement")]
        }
        var results: [GuardResult] = []
        if time.timeIntervalSince(will.statedAt) > facts.policy.willStatementMaxAge {
            results.append(.fail(2, art2Will, .enforce, "guard.2.will_statement_stale", ["date": day(will.statedAt)]))
        } else {
            results.append(.pass(2, art2Will, .enforce, "guard.2.will_statement", ["date": day(will.statedAt)]))
        }
        if will.privatelyConfirmed {
            results.append(.pass(2, art2Will, .warn, "guard.2.private_confirmation"))
        } else {
            results.append(.fail(2, art2Will, .warn, "guard.2.no_private_confirmation"))
        }
        return results
    }

    static func routeRisk(_ route: Route, kind: DispositionCase.Kind, facts: DispositionFacts,
                          at time: Date) -> [GuardResult] {
        var results: [GuardResult] = []
        let current = facts.currentRisks(at: time)
        let serious = facts.seriousRisks(at: time)
        let where_ = ["route": route.description]
        // A documented serious risk in any state on the route blocks it, whatever else is on file.
        let blocking = serious.filter { route.states.contains($0.route.destination.uppercased()) }
        for state in Set(blocking.map { $0.route.destination.uppercased() }).sorted() {
            results.append(.fail(2, art2Risk, .enforce, "guard.2.serious_risk", ["state": state], remediable: false))
        }
        let covering = current.filter { $0.covers(route) }.max { $0.assessedAt < $1.assessedAt }
        if let covering {
            let missing = facts.policy.requiredRisks.subtracting(covering.risksConsidered)
            if covering.outcome == .inconclusive {
                results.append(.fail(2, art2Risk, .enforce, "guard.2.risk_inconclusive", where_))
            } else if !missing.isEmpty {
                results.append(.fail(2, art2Risk, .enforce, "guard.2.risks_not_considered",
                                     where_.merging(["risks": missing.sorted().map(\.rawValue).joined(separator: ", ")]) { a, _ in a }))
            } else if covering.reviewer?.trimmedOrNil == nil {
                results.append(.fail(2, art2Risk, .enforce, "guard.2.risk_not_reviewed", where_))
            } else if covering.outcome == .noSeriousRisk {
                results.append(.pass(2, art2Risk, .enforce, "guard.2.risk_assessed",
                                     ["route": route.description, "date": day(covering.assessedAt)]))
            }
        } else if blocking.isEmpty {
            let sameDestination = current.filter { $0.route.destination.uppercased() == route.destination.uppercased() }
            let expired = RiskAssessment.inForce(facts.riskAssessments.filter { $0.prisonerID == facts.prisoner.id }, at: time)
                .filter { $0.covers(route) }.compactMap(\.reviewDate).max()
            if sameDestination.isEmpty, let expired {
                results.append(.fail(2, art2Risk, .enforce, "guard.2.risk_assessment_expired",
                                     ["route": route.description, "date": day(expired)]))
            } else if sameDestination.isEmpty {
                results.append(.fail(2, art2Risk, .enforce, "guard.2.no_risk_assessment", where_))
            } else {
                let seen = sameDestination.reduce(Set<String>()) { $0.union($1.route.states) }
                let missing = route.states.subtracting(seen).sorted().joined(separator: ", ")
                results.append(.fail(2, art2Risk, .enforce, "guard.2.transit_not_assessed", ["states": missing]))
            }
        }
        results += againstWill(route, kind: kind, facts: facts, serious: serious, at: time)
        return results
    }

    /// Non-refoulement: no return home against his expressed will where a serious risk at home is
    /// documented — whatever an exchange agreement says; without such a risk, a warning.
    static func againstWill(_ route: Route, kind: DispositionCase.Kind, facts: DispositionFacts,
                            serious: [RiskAssessment], at time: Date) -> [GuardResult] {
        guard kind != .neutralAccommodation, let will = facts.currentWill(at: time) else { return [] }
        let origin = facts.originPowers
        let returnsHome = !route.states.isDisjoint(with: origin)
        let matches: Bool
        switch will.answer {
        case .returnHome: matches = origin.contains(route.destination.uppercased())
        case .thirdState(let state): matches = state.uppercased() == route.destination.uppercased() && !returnsHome
        case .stay, .undecided: matches = false
        }
        if matches {
            return [.pass(2, art2Will, .enforce, "guard.2.route_matches_will")]
        }
        let riskAtHome = serious.contains { origin.contains($0.route.destination.uppercased()) }
        if returnsHome && will.answer != .returnHome && riskAtHome {
            return [.fail(2, art2Will, .enforce, "guard.2.return_against_will", remediable: false)]
        }
        if will.answer == .undecided {
            return [.fail(2, art2Will, .warn, "guard.2.will_undecided")]
        }
        return [.fail(2, art2Will, .warn, "guard.2.against_expressed_will")]
    }

    /// Art. 12 applies whenever the Power receiving him is not, beyond dispute, his own.
    static func article12(_ c: DispositionCase, facts: DispositionFacts, at time: Date) -> [GuardResult] {
        guard let power = c.nextPower?.uppercased() else { return [] }
        let ownPower = facts.prisoner.powerDependedOn.power.uppercased()
        let needed = c.kind == .thirdStateTransfer || c.kind == .neutralAccommodation
            || power != ownPower || facts.powerDependedOnContested
        guard needed else { return [] }
        guard let assessment = Article12Assessment.current(
            facts.article12Assessments.filter { $0.prisonerID == facts.prisoner.id }, for: power, at: time) else {
            return [.fail(2, art12, .enforce, "guard.2.no_article12_assessment", ["power": power])]
        }
        if !assessment.satisfied {
            let unmet = [(assessment.partyToConvention, "party to the Convention"), (assessment.willing, "willing"),
                         (assessment.able, "able")].filter { !$0.0 }.map(\.1).joined(separator: ", ")
            return [.fail(2, art12, .enforce, "guard.2.article12_not_satisfied", ["power": power, "unmet": unmet])]
        }
        return [.pass(2, art12, .enforce, "guard.2.article12_satisfied", ["power": power, "date": day(assessment.assessedAt)])]
    }
}
