import Foundation

/// After the crossing: who on our list actually crossed, who did not, and why.
public struct ReconciliationEntry: Sendable, Hashable, Codable {
    public enum Outcome: Sendable, Hashable, Codable {
        case crossed(at: Date)
        case didNotCross(NonCrossingReason, note: String?)
    }

    public var prisonerID: UUID
    public var outcome: Outcome
    public var recordedBy: String
    public var recordedAt: Date

    public init(prisonerID: UUID, outcome: Outcome, recordedBy: String, recordedAt: Date) {
        self.prisonerID = prisonerID
        self.outcome = outcome
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}

public enum NonCrossingReason: String, Sendable, Codable, CaseIterable {
    /// He refused at the crossing. Restricted like his will: never in a notice (guard 12).
    case declinedAtCrossing = "declined_at_crossing"
    case unfitToTravel = "unfit_to_travel"
    case counterpartRefused = "counterpart_refused"
    /// A guard failed on his case before the hand-over.
    case guardBlocked = "guard_blocked"
    case logistics
    case died
    case other
}

extension ExchangeNegotiation {
    /// Records the outcome for every prisoner on our list. A "crossed" needs his exchange case executed
    /// (its hand-over already produced the Art. 122 notice); each "did not cross" produces a notice that
    /// he remains in custody, without the reason.
    public func reconciled(_ outcomes: [UUID: ReconciliationEntry.Outcome], cases: [DispositionCase],
                           factsByPrisoner: [UUID: DispositionFacts], by actor: StaffMember,
                           at time: Date) throws(DomainError) -> (ExchangeNegotiation, [DispositionNotice]) {
        if actor.roles.isDisjoint(with: DispositionWorkflow.executors) {
            throw DomainError(.forbidden, code: "role_required", "only a legal, liaison or camp officer reconciles", field: nil)
        }
        if !reconciliation.isEmpty {
            throw DomainError(.conflict, code: "already_reconciled", "this exchange is already reconciled", field: nil)
        }
        var entries: [ReconciliationEntry] = []
        var notices: [DispositionNotice] = []
        for (index, listed) in ourList.enumerated() {
            let field = "outcomes[\(listed.prisonerID.uuidString)]"
            guard let outcome = outcomes[listed.prisonerID] else {
                throw .invalid(field, "say whether he crossed (list line \(index + 1))", code: "outcome_missing")
            }
            switch outcome {
            case .crossed:
                let executed = cases.contains {
                    $0.prisonerID == listed.prisonerID && $0.exchangeID == id && $0.state == .executed
                }
                if !executed {
                    throw .unprocessable(field, "he cannot have crossed: his exchange case was not executed",
                                         code: "crossed_without_executed_case")
                }
            case .didNotCross(let reason, let note):
                if reason == .other && note?.trimmedOrNil == nil {
                    throw .invalid("\(field).note", "say why he did not cross", code: "reason_required")
                }
                let recipients = factsByPrisoner[listed.prisonerID].map(DispositionNotice.recipients(for:))
                    ?? [.centralTracingAgency]
                notices.append(DispositionNotice(kind: .remainsInCustody, prisonerID: listed.prisonerID,
                                                 caseID: listed.caseID, occurredAt: time, recipients: recipients,
                                                 destination: nil))
            }
            entries.append(ReconciliationEntry(prisonerID: listed.prisonerID, outcome: outcome, recordedBy: actor.userID,
                                               recordedAt: time))
        }
        let unknown = Set(outcomes.keys).subtracting(ourList.map(\.prisonerID))
        if let stray = unknown.first {
            throw .unprocessable("outcomes[\(stray.uuidString)]", "he is not on our list", code: "not_listed")
        }
        var updated = self
        updated.reconciliation = entries
        return (updated, notices)
    }

    public var crossed: [UUID] {
        reconciliation.compactMap { if case .crossed = $0.outcome { $0.prisonerID } else { nil } }
    }

    public var didNotCross: [UUID] {
        reconciliation.compactMap { if case .didNotCross = $0.outcome { $0.prisonerID } else { nil } }
    }
}
