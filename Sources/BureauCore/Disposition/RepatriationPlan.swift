import Foundation

/// Guard 11 across the registry: once active hostilities have ceased (Art. 118), every prisoner
/// is on the repatriation plan, held under Art. 119(5), or kept out of it on the guard-2 records
/// of his own will and a risk at home. Anyone else is a delay, aged in days (AP I Art. 85(4)(b)).
public enum RepatriationPlan {
    public enum Standing: Sendable, Hashable {
        /// A release/repatriation case is open or executed.
        case onPlan(caseID: UUID)
        /// Art. 119(5): criminal proceedings pending or a sentence running.
        case heldForProceedings
        /// Not returned, on his recorded wish and a risk assessment of his home state.
        case nonReturnRecorded(caseID: UUID)
        /// Not accounted for: the delay so far, in whole days.
        case delayed(days: Int)
    }

    public struct Entry: Sendable, Hashable {
        public var prisonerID: UUID
        public var standing: Standing
        public var result: GuardResult
    }

    /// Nil while hostilities continue. `holds` are prisoners with an Art. 119(5) hold on their timeline.
    public static func audit(_ prisoners: [DispositionFacts], cases: [DispositionCase], holds: Set<UUID>,
                             at time: Date) -> [Entry]? {
        guard let cessation = prisoners.first?.conflict.cessationOfHostilities, time >= cessation else { return nil }
        return prisoners.map { facts in
            let id = facts.prisoner.id
            let own = cases.filter { $0.prisonerID == id && $0.state != .withdrawn }
            if let release = own.first(where: { $0.kind == .releaseEndOfHostilities }) {
                return Entry(prisonerID: id, standing: .onPlan(caseID: release.id),
                             result: .pass(11, LegalGuards.art11, .enforce, "guard.11.repatriation_plan"))
            }
            if holds.contains(id) {
                return Entry(prisonerID: id, standing: .heldForProceedings,
                             result: .pass(11, LegalGuards.art11, .enforce, "guard.11.held_art119_5"))
            }
            for nonReturn in own where nonReturn.kind == .thirdStateTransfer || nonReturn.kind == .releaseOther {
                let result = LegalGuards.endOfHostilities(nonReturn, facts: facts, at: time).first
                if let result, result.passed {
                    return Entry(prisonerID: id, standing: .nonReturnRecorded(caseID: nonReturn.id), result: result)
                }
            }
            let days = Int(time.timeIntervalSince(cessation) / 86_400)
            return Entry(prisonerID: id, standing: .delayed(days: days),
                         result: .fail(11, LegalGuards.art11, .enforce, "guard.11.not_on_plan", ["days": String(days)]))
        }
    }
}
