/// What a member of staff may do to a case: the buttons a page offers. Pages ask here instead of
/// re-deciding the workflow; `transition` applies the same rules (and the guards) when he acts.
public enum CaseAction: String, Sendable, CaseIterable {
    case submit
    case approve
    case execute
    case withdraw
}

extension DispositionWorkflow {
    /// The actions `actor` may take on `current` as it stands: role, authorship and state, the same
    /// tests `transition(_:to:by:at:facts:)` makes. Legal guards are not weighed here: an offered
    /// action may still be refused with every reason, which the page then shows.
    public static func availableActions(_ current: DispositionCase, for actor: StaffMember) -> Set<CaseAction> {
        var actions: Set<CaseAction> = []
        if current.state == .draft && mayPrepare(current, actor) { actions.insert(.submit) }
        if current.state == .underLegalReview && actor.has(.approver) && actor.userID != current.author
            && !current.approvals.contains(where: { $0.by == actor.userID }) {
            actions.insert(.approve)
        }
        if current.state == .approved && !actor.roles.isDisjoint(with: executors) { actions.insert(.execute) }
        if current.state.isOpen && mayWithdraw(current, actor) { actions.insert(.withdraw) }
        return actions
    }

    /// The author or a legal officer submits a case.
    static func mayPrepare(_ current: DispositionCase, _ actor: StaffMember) -> Bool {
        actor.userID == current.author || actor.has(.legalOfficer)
    }

    /// The author, a legal officer or an approver withdraws a case.
    static func mayWithdraw(_ current: DispositionCase, _ actor: StaffMember) -> Bool {
        actor.userID == current.author || !actor.roles.isDisjoint(with: [.legalOfficer, .approver])
    }
}
