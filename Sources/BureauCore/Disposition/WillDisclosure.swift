import Foundation

/// Guard 12: who may see a prisoner's will statements and anything that reveals an asylum or
/// third-state wish (a third-state transfer case, its destination).
///
/// A leaked wish can endanger him and his family (gc3.md §5), so the Power he depends on — every
/// candidate when contested — and the forces he served with never see it; any other state only
/// with DPO and legal sign-off; the ICRC, which confirms his will in private, may.
public enum WillDisclosure {
    public enum Recipient: Sendable, Hashable {
        /// Bureau staff, by role (`AccessPolicy` decides on `FieldClass.will`).
        case staff(Role)
        case party(Party)
    }

    public enum Decision: String, Sendable, Hashable, Codable {
        case allowed
        /// Data protection officer and legal officer must both sign off (`DisclosureApproval`).
        case needsApproval = "needs_approval"
        case forbidden
    }

    public static func decision(for recipient: Recipient, facts: DispositionFacts) -> Decision {
        switch recipient {
        case .staff(let role):
            return AccessPolicy.canRead(role, .will) ? .allowed : .forbidden
        case .party(let party):
            if party.isICRC { return .allowed }
            let code = party.stateCode?.uppercased()
            let origin = facts.originPowers
            let roles = Set(facts.partyRoles.filter { $0.partyID == party.id && $0.prisonerID == facts.prisoner.id }.map(\.role))
            if roles.contains(.powerDependedOn) || roles.contains(.forcesServedWith) { return .forbidden }
            if let code, origin.contains(code) { return .forbidden }
            return .needsApproval
        }
    }

    /// The will statements `recipient` may see: all, or none. Never a partial view, because even
    /// "he has a statement on file" tells the Power of origin something.
    public static func visibleStatements(_ statements: [WillStatement], to recipient: Recipient,
                                         facts: DispositionFacts, approval: DisclosureApproval? = nil) -> [WillStatement] {
        switch decision(for: recipient, facts: facts) {
        case .allowed: return statements
        case .needsApproval: return approval.map { $0.reason.trimmedOrNil == nil ? [] : statements } ?? []
        case .forbidden: return []
        }
    }

    /// Whether `recipient` may learn of the case at all. A third-state transfer or a release in
    /// which he stays reveals his wish by its kind; other cases do not.
    public static func mayLearnOf(_ dispositionCase: DispositionCase, recipient: Recipient, facts: DispositionFacts,
                                  approval: DisclosureApproval? = nil) -> Bool {
        let revealing = dispositionCase.kind == .thirdStateTransfer
            || (dispositionCase.kind == .releaseOther && dispositionCase.route == nil)
        guard revealing else {
            if case .staff(let role) = recipient { return AccessPolicy.canRead(role, .core) }
            return true
        }
        switch decision(for: recipient, facts: facts) {
        case .allowed: return true
        case .needsApproval: return approval != nil
        case .forbidden: return false
        }
    }
}
