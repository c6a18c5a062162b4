import Foundation

/// What a user asks a case to do. The target names the state the case moves toward: the first
/// of the two approvals leaves it under legal review.
public enum DispositionTransition: Sendable, Hashable {
    case underLegalReview
    case approved(note: String? = nil)
    case executed(Handover)
    case withdrawn(reason: String)

    public var name: String {
        switch self {
        case .underLegalReview: return "submit"
        case .approved: return "approve"
        case .executed: return "execute"
        case .withdrawn: return "withdraw"
        }
    }
}

/// A transition that was allowed: the case as it now stands, the checklist it passed, and the
/// Art. 122 notices to queue (only on execution).
public struct TransitionOutcome: Sendable {
    public var dispositionCase: DispositionCase
    public var guards: [GuardResult]
    public var notices: [DispositionNotice]
}

/// A refused transition, with every reason at once: state-machine and permission errors, and the
/// full guard checklist (its failures are `blockingGuards`). The API answers 422 with all of them.
public struct TransitionRefusal: Error, Sendable, Equatable {
    public var errors: [DomainError]
    /// The whole checklist, for the case page.
    public var guards: [GuardResult]
    /// The guard results that stopped this transition (a submission is stopped only by bars).
    public var blockingGuards: [GuardResult]

    public init(errors: [DomainError], guards: [GuardResult], blocking: [GuardResult]? = nil) {
        self.errors = errors
        self.guards = guards
        self.blockingGuards = blocking ?? guards.blocking
    }

    /// Error codes and failing guard keys together, as a client lists them.
    public var codes: [String] { errors.map(\.code) + blockingGuards.map(\.key) }
    /// The HTTP-ish kind to answer with: a missing role is 403, a wrong state 409, else 422.
    public var kind: DomainError.Kind {
        if errors.contains(where: { $0.kind == .forbidden }) { return .forbidden }
        if blockingGuards.isEmpty, errors.contains(where: { $0.kind == .conflict }) { return .conflict }
        if errors.contains(where: { $0.kind == .invalid }) && blockingGuards.isEmpty { return .invalid }
        return .unprocessable
    }
}

/// The case state machine: draft → under legal review → approved (two approvers) → executed, or withdrawn.
public enum DispositionWorkflow {
    /// Roles that prepare and submit cases.
    public static var caseOfficers: Set<Role> { AccessPolicy.roles(with: .liaise) }
    /// Roles that record a hand-over.
    public static var executors: Set<Role> { AccessPolicy.roles(with: .recordHandover) }
    public static let requiredApprovals = 2

    /// Opens a draft. Refused for a prisoner a guard bars from this kind of case outright
    /// (guard 1: an eligible prisoner is never held for an exchange).
    public static func open(id: UUID, prisonerID: UUID, kind: DispositionCase.Kind, route: Route?, receivingPower: String?,
                            exchangeID: UUID? = nil, by actor: StaffMember, at time: Date,
                            facts: DispositionFacts) throws(TransitionRefusal) -> (DispositionCase, [GuardResult]) {
        let draft = DispositionCase(id: id, prisonerID: prisonerID, kind: kind, route: route, receivingPower: receivingPower?.uppercased(),
                                    exchangeID: exchangeID, author: actor.userID, createdAt: time)
        var errors: [DomainError] = []
        if actor.roles.isDisjoint(with: caseOfficers) {
            errors.append(DomainError(.forbidden, code: "role_required", "only a legal or liaison officer opens a case", field: nil))
        }
        if prisonerID != facts.prisoner.id {
            errors.append(.invalid("prisonerID", "the facts are for another prisoner"))
        }
        do { try validateRoute(route, receivingPower: receivingPower, kind: kind) } catch { errors.append(error) }
        let guards = LegalGuards.evaluate(draft, facts: facts, at: time)
        let bars = guards.filter { $0.blocks && !$0.remediable && $0.severity == .enforce }
        if !errors.isEmpty || !bars.isEmpty { throw TransitionRefusal(errors: errors, guards: guards, blocking: bars) }
        return (draft, guards)
    }

    /// The checklist as the case page shows it, without changing anything.
    public static func checklist(_ dispositionCase: DispositionCase, facts: DispositionFacts, at time: Date) -> [GuardResult] {
        LegalGuards.evaluate(dispositionCase, facts: facts, at: time,
                             stage: dispositionCase.state == .approved ? .execution : .review)
    }

    public static func transition(_ current: DispositionCase, to target: DispositionTransition, by actor: StaffMember,
                                  at time: Date, facts: DispositionFacts) throws(TransitionRefusal) -> TransitionOutcome {
        var errors: [DomainError] = []
        if current.prisonerID != facts.prisoner.id {
            errors.append(.invalid("prisonerID", "the facts are for another prisoner"))
        }
        let stage: LegalGuards.Stage = if case .executed = target { .execution } else { .review }
        let guards = LegalGuards.evaluate(current, facts: facts, at: time, stage: stage)
        var next = current
        var notices: [DispositionNotice] = []
        var blockingGuards: [GuardResult] = []

        func illegal() -> DomainError {
            DomainError(.conflict, code: "illegal_transition",
                        "a case that is \(current.state.rawValue) cannot \(target.name)", field: "state")
        }

        switch target {
        case .underLegalReview:
            if current.state != .draft { errors.append(illegal()) }
            if !mayPrepare(current, actor) {
                errors.append(DomainError(.forbidden, code: "role_required",
                                          "only the author or a legal officer submits a case", field: nil))
            }
            // Missing records can be gathered during review; a bar cannot be cured.
            blockingGuards = guards.filter { $0.blocks && !$0.remediable && $0.severity == .enforce }
            next.state = .underLegalReview

        case .approved(let note):
            if current.state != .underLegalReview { errors.append(illegal()) }
            if !actor.has(.approver) {
                errors.append(DomainError(.forbidden, code: "role_required", "only a user with the approver role approves",
                                          field: nil))
            }
            if actor.userID == current.author {
                errors.append(DomainError(.forbidden, code: "author_cannot_approve",
                                          "the author of a case cannot approve it", field: nil))
            }
            if current.approvals.contains(where: { $0.by == actor.userID }) {
                errors.append(DomainError(.conflict, code: "already_approved",
                                          "you have already approved this case; a second approver is needed", field: nil))
            }
            blockingGuards = guards.blocking
            next.approvals.append(.init(by: actor.userID, at: time, note: note?.trimmedOrNil))
            if next.approvals.count >= requiredApprovals { next.state = .approved }

        case .executed(let handover):
            if current.state != .approved { errors.append(illegal()) }
            if actor.roles.isDisjoint(with: executors) {
                errors.append(DomainError(.forbidden, code: "role_required",
                                          "only a legal, liaison or camp officer records a hand-over", field: nil))
            }
            do {
                try DispositionRules.validate(handover, approvedAt: current.approvals.map(\.at).max(), now: time)
            } catch { errors.append(error) }
            if let power = current.receivingPower, handover.receivingParty.uppercased() != power {
                errors.append(.unprocessable("handover.receivingParty",
                                             "he was approved for hand-over to \(power), not \(handover.receivingParty)",
                                             code: "wrong_receiving_party"))
            }
            blockingGuards = guards.blocking
            next.state = .executed
            next.handover = handover
            notices = DispositionNotice.forExecution(of: next, facts: facts)

        case .withdrawn(let reason):
            if !current.state.isOpen { errors.append(illegal()) }
            if reason.trimmedOrNil == nil {
                errors.append(.invalid("reason", "say why the case is withdrawn", code: "reason_required"))
            }
            if !mayWithdraw(current, actor) {
                errors.append(DomainError(.forbidden, code: "role_required",
                                          "only the author, a legal officer or an approver withdraws a case", field: nil))
            }
            // Withdrawing is always lawful: guards are reported, never blocking.
            next.state = .withdrawn
            next.withdrawalReason = reason.trimmedOrNil
        }

        if !errors.isEmpty || !blockingGuards.isEmpty {
            throw TransitionRefusal(errors: errors, guards: guards, blocking: blockingGuards)
        }
        let note: String? = switch target {
        case .withdrawn(let reason): reason
        case .approved(let note): note
        default: nil
        }
        next.history.append(.init(from: current.state, to: next.state, action: target.name, by: actor.userID, at: time,
                                  note: note))
        return TransitionOutcome(dispositionCase: next, guards: guards, notices: notices)
    }

    static func validateRoute(_ route: Route?, receivingPower: String?, kind: DispositionCase.Kind) throws(DomainError) {
        if kind.isTransferToAnotherPower {
            if route == nil {
                throw .invalid("route", "name the destination and every transit state", code: "required")
            }
            if receivingPower == nil {
                throw .invalid("receivingPower", "name the Power that takes custody at the hand-over", code: "required")
            }
        }
        if let route {
            try DispositionRules.country(route.destination, "route.destination")
            for (index, state) in route.transit.enumerated() { try DispositionRules.country(state, "route.transit[\(index)]") }
        }
        if let receivingPower {
            try DispositionRules.country(receivingPower, "receivingPower")
            if let route, !route.states.contains(receivingPower.uppercased()) {
                throw .invalid("receivingPower", "the receiving Power must be on the route (destination or transit)",
                               code: "receiving_power_off_route")
            }
        }
    }
}

/// The request body of `POST /cases/{id}/transitions`:
/// `{"to": "approved", "note": "…"}`, `{"to": "executed", "handover": {…}}`, `{"to": "withdrawn", "reason": "…"}`.
extension DispositionTransition: Codable {
    private enum CodingKeys: String, CodingKey { case to, note, handover, reason }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(String.self, forKey: .to) {
        case DispositionCase.State.underLegalReview.rawValue: self = .underLegalReview
        case DispositionCase.State.approved.rawValue: self = .approved(note: try container.decodeIfPresent(String.self, forKey: .note))
        case DispositionCase.State.executed.rawValue: self = .executed(try container.decode(Handover.self, forKey: .handover))
        case DispositionCase.State.withdrawn.rawValue: self = .withdrawn(reason: try container.decodeIfPresent(String.self, forKey: .reason) ?? "")
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .to, in: container, debugDescription: "no transition to \(other)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .underLegalReview:
            try container.encode(DispositionCase.State.underLegalReview.rawValue, forKey: .to)
        case .approved(let note):
            try container.encode(DispositionCase.State.approved.rawValue, forKey: .to)
            try container.encodeIfPresent(note, forKey: .note)
        case .executed(let handover):
            try container.encode(DispositionCase.State.executed.rawValue, forKey: .to)
            try container.encode(handover, forKey: .handover)
        case .withdrawn(let reason):
            try container.encode(DispositionCase.State.withdrawn.rawValue, forKey: .to)
            try container.encode(reason, forKey: .reason)
        }
    }
}
