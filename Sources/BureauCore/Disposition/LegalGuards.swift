import Foundation

/// The hard legal guards of gc3.md §7, as pure functions of a case and its facts.
///
/// `evaluate` returns the whole checklist (passes and failures) with confirmed overrides applied;
/// callers decide which failures block which transition (`DispositionWorkflow`).
public enum LegalGuards {
    /// The moment a checklist is drawn up for: execution adds the hand-over checks of guard 7.
    public enum Stage: String, Sendable, Codable {
        case review
        case execution
    }

    public static func evaluate(_ dispositionCase: DispositionCase, facts: DispositionFacts, at time: Date,
                                stage: Stage = .review) -> [GuardResult] {
        var results: [GuardResult] = []
        results += medicalNeverTraded(dispositionCase, facts: facts, at: time)
        results += departureRecords(dispositionCase, facts: facts, at: time)
        results += medicalRepatriationWill(dispositionCase, facts: facts, at: time)
        results += noWaiverOfRights(dispositionCase, facts: facts)
        results += interviewLanguage(dispositionCase, facts: facts, at: time)
        if stage == .execution {
            results += custodyChangeNotified(dispositionCase, facts: facts)
        }
        results += identityWarnings(dispositionCase, facts: facts)
        results += endOfHostilities(dispositionCase, facts: facts, at: time)
        results += willNotDisclosed(dispositionCase, facts: facts)
        return applyOverrides(results, dispositionCase.overrides)
    }

    /// Marks failed warn results overridden where a confirmed override names their key.
    /// Enforce results are never overridden.
    public static func applyOverrides(_ results: [GuardResult], _ overrides: [GuardOverride]) -> [GuardResult] {
        let accepted = Set(overrides.filter(\.isConfirmed).map(\.key))
        return results.map { result in
            guard result.status == .failed, result.severity == .warn, accepted.contains(result.key) else { return result }
            var overridden = result
            overridden.status = .overridden
            return overridden
        }
    }

    // MARK: Articles cited

    static let art1 = "GC III Arts. 109(1), 110; 1960 Commentary (no man-for-man exchange)"
    static let art2Will = "GC III Arts. 109(3), 118; non-refoulement (ICRC 2020 Commentary on Art. 118)"
    static let art2Risk = "Non-refoulement; GC III Art. 118 (ICRC 2020 Commentary)"
    static let art12 = "GC III Art. 12"
    static let art3 = "GC III Arts. 109(3), 110"
    static let art4 = "GC III Arts. 6, 7"
    static let art5 = "GC III Art. 17(7)"
    static let art7 = "GC III Arts. 66, 119, 122"
    static let art9Document = "GC III Arts. 17(3), 18(3)"
    static let art9Power = "GC III Arts. 4, 5, 122; gc3.md §4"
    static let art9Protecting = "GC III Arts. 10, 122, 123"
    static let art11 = "GC III Arts. 118, 119(5); AP I Art. 85(4)(b)"
    static let art12Privacy = "Data protection (gc3.md §5); GC III Art. 13"

    static func day(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day())
    }
}

// MARK: Guard 1 — medical repatriation is never traded

extension LegalGuards {
    public static func medicalNeverTraded(_ c: DispositionCase, facts: DispositionFacts, at time: Date) -> [GuardResult] {
        switch c.kind {
        case .exchange:
            return exchangeEligibility(facts: facts, at: time)
        case .directMedicalRepatriation, .neutralAccommodation:
            if c.exchangeID != nil {
                return [.fail(1, art1, .enforce, "guard.1.medical_linked_to_exchange", remediable: false)]
            }
            return [.pass(1, art1, .enforce, "guard.1.not_traded")]
        default:
            return []
        }
    }

    /// Guard 1 for a prisoner on, or proposed for, an exchange list.
    public static func exchangeEligibility(facts: DispositionFacts, at time: Date) -> [GuardResult] {
        let decision = facts.currentEligibility(at: time)
        if let decision, decision.eligible {
            return [.fail(1, art1, .enforce, "guard.1.eligible_in_exchange", ["article": decision.category.article],
                          remediable: false)]
        }
        if facts.seriouslyIll && (decision == nil || decision?.commissionDecision == .notConfirmed) {
            return [.fail(1, art1, .warn, "guard.1.eligibility_not_assessed")]
        }
        return [.pass(1, art1, .enforce, "guard.1.not_eligible")]
    }
}

// MARK: Guard 3 — Art. 109(3), no medical repatriation against his will during hostilities

extension LegalGuards {
    public static func medicalRepatriationWill(_ c: DispositionCase, facts: DispositionFacts, at time: Date) -> [GuardResult] {
        guard c.kind == .directMedicalRepatriation || c.kind == .neutralAccommodation else { return [] }
        var results: [GuardResult] = []
        let decision = facts.currentEligibility(at: time)
        if c.kind == .directMedicalRepatriation {
            if let decision, decision.eligibleForRepatriation {
                results.append(.pass(3, art3, .enforce, "guard.3.eligible", ["article": decision.category.article]))
            } else {
                results.append(.fail(3, art3, .enforce, "guard.3.not_eligible"))
            }
            if decision?.fitToTravel == false {
                results.append(.fail(3, "GC III Art. 109(1)", .enforce, "guard.3.not_fit_to_travel"))
            }
            if facts.hostilitiesOngoing(at: time) {
                if let will = facts.currentWill(at: time), will.answer == .returnHome {
                    results.append(.pass(3, art3, .enforce, "guard.3.wishes_return", ["date": day(will.statedAt)]))
                } else {
                    results.append(.fail(3, art3, .enforce, "guard.3.against_will"))
                }
            }
        } else if let decision, decision.eligibleForNeutralAccommodation {
            results.append(.pass(3, art3, .enforce, "guard.3.eligible_neutral", ["article": decision.category.article]))
        } else {
            results.append(.fail(3, art3, .enforce, "guard.3.not_eligible_neutral"))
        }
        return results
    }
}
