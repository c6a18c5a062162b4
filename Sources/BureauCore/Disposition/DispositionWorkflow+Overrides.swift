import Foundation

/// Overrides of warn guards and waivers: recorded on an open case, never on an executed one.
extension DispositionWorkflow {
    /// A legal officer or approver asks to accept a failing warn guard, with a reason.
    /// It takes effect only once a second approver confirms it.
    public static func requestOverride(_ dispositionCase: DispositionCase, key: String, reason: String,
                                       by actor: StaffMember, at time: Date,
                                       facts: DispositionFacts) throws(DomainError) -> DispositionCase {
        try requireEditable(dispositionCase)
        if actor.roles.isDisjoint(with: [.legalOfficer, .approver]) {
            throw DomainError(.forbidden, code: "role_required", "only a legal officer or an approver requests an override",
                              field: nil)
        }
        guard let reason = reason.trimmedOrNil else {
            throw .invalid("reason", "an override needs a reason", code: "override_reason_required")
        }
        let failing = LegalGuards.evaluate(dispositionCase, facts: facts, at: time,
                                           stage: dispositionCase.state == .approved ? .execution : .review)
            .filter { $0.key == key && $0.status == .failed }
        guard let result = failing.first else {
            throw .unprocessable("key", "no failing guard has the key \(key)", code: "override_unknown_guard")
        }
        if result.severity == .enforce {
            throw .unprocessable("key", "guard \(result.guardNumber) is enforced and cannot be overridden (\(result.article))",
                                 code: "override_enforce_guard")
        }
        if dispositionCase.overrides.contains(where: { $0.key == key }) {
            throw DomainError(.conflict, code: "override_exists", "an override for \(key) is already recorded", field: "key")
        }
        var updated = dispositionCase
        updated.overrides.append(GuardOverride(key: key, reason: reason, requestedBy: actor.userID, requestedAt: time))
        return updated
    }

    /// A second person with the approver role confirms an override.
    public static func confirmOverride(_ dispositionCase: DispositionCase, key: String, by actor: StaffMember,
                                       at time: Date) throws(DomainError) -> DispositionCase {
        try requireEditable(dispositionCase)
        guard let index = dispositionCase.overrides.firstIndex(where: { $0.key == key }) else {
            throw DomainError(.notFound, code: "override_not_found", "no override requested for \(key)", field: "key")
        }
        if !actor.has(.approver) {
            throw DomainError(.forbidden, code: "role_required", "only a user with the approver role confirms an override",
                              field: nil)
        }
        let override = dispositionCase.overrides[index]
        if override.requestedBy == actor.userID || dispositionCase.author == actor.userID {
            throw DomainError(.forbidden, code: "second_approver_required",
                              "an override is confirmed by someone other than its requester and the case author", field: nil)
        }
        if override.confirmedBy != nil {
            throw DomainError(.conflict, code: "override_confirmed", "this override is already confirmed", field: "key")
        }
        var updated = dispositionCase
        updated.overrides[index].confirmedBy = actor.userID
        updated.overrides[index].confirmedAt = time
        return updated
    }

    /// Records a waiver the prisoner is said to have made. It never removes a right: it becomes a
    /// guard-4 warning that must itself be overridden with a reason and a second approver.
    public static func recordWaiver(_ dispositionCase: DispositionCase, right: String, reason: String,
                                    by actor: StaffMember, at time: Date) throws(DomainError) -> DispositionCase {
        try requireEditable(dispositionCase)
        guard let right = right.trimmedOrNil else { throw .invalid("right", "name the right", code: "required") }
        guard let reason = reason.trimmedOrNil else {
            throw .invalid("reason", "a waiver needs a reason", code: "waiver_reason_required")
        }
        var updated = dispositionCase
        updated.waivers.append(.init(right: right, reason: reason, recordedBy: actor.userID, recordedAt: time))
        return updated
    }

    static func requireEditable(_ dispositionCase: DispositionCase) throws(DomainError) {
        if !dispositionCase.state.isOpen {
            throw DomainError(.conflict, code: "case_closed", "the case is \(dispositionCase.state.rawValue)", field: "state")
        }
    }
}
