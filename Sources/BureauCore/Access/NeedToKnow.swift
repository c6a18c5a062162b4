/// The one redaction place: what a reader may see of anything Bureau shows — responses, pages,
/// documents and errors alike — decided from `AccessPolicy.readableClasses` and the class table
/// (`DataClasses.swift`). Callers build their DTOs, pages and error texts from what this returns,
/// never from the unredacted value.
public struct NeedToKnow: Sendable, Hashable {
    public let role: Role
    public let classes: Set<FieldClass>

    public init(_ role: Role) {
        self.role = role
        self.classes = AccessPolicy.readableClasses(of: role)
    }

    public static let restrictedKey = "guard.restricted"
    public static let restrictedMessage = "Restricted: shown only to staff who may read this class of data."

    public func mayRead(_ fieldClass: FieldClass) -> Bool {
        classes.contains(fieldClass)
    }

    /// The values of a class this reader holds; the rest are left out.
    public func visible<T: Classified>(_ values: [T]) -> [T] {
        values.filter { mayRead($0.dataClass) }
    }

    public func visible<T: Classified>(_ value: T?) -> T? {
        value.flatMap { mayRead($0.dataClass) ? $0 : nil }
    }

    /// Guard results keep their place, guard number, article and status (a reader learns that a
    /// restricted point passed or failed, so he knows whom to ask), but not what they say.
    public func redact(_ results: [GuardResult]) -> [GuardResult] {
        results.map { result in
            guard !mayRead(result.dataClass) else { return result }
            var redacted = GuardResult(guardNumber: result.guardNumber, article: result.article, severity: result.severity,
                                       status: result.status, key: Self.restrictedKey, remediable: result.remediable)
            redacted.message = Self.restrictedMessage
            return redacted
        }
    }

    public func redact(_ refusal: TransitionRefusal) -> TransitionRefusal {
        TransitionRefusal(errors: refusal.errors, guards: redact(refusal.guards), blocking: redact(refusal.blockingGuards))
    }

    public func redact(_ proposal: ExchangeProposal) -> ExchangeProposal {
        var proposal = proposal
        for index in proposal.proposed.indices {
            proposal.proposed[index].warnings = redact(proposal.proposed[index].warnings)
        }
        for index in proposal.excluded.indices {
            proposal.excluded[index].reasons = redact(proposal.excluded[index].reasons)
        }
        return proposal
    }

    /// A refusal at the crossing tells as much as his will (guard 12): others read "did not cross".
    public func redact(_ negotiation: ExchangeNegotiation) -> ExchangeNegotiation {
        guard !mayRead(.will) else { return negotiation }
        var negotiation = negotiation
        for index in negotiation.reconciliation.indices {
            if case .didNotCross(.declinedAtCrossing, _) = negotiation.reconciliation[index].outcome {
                negotiation.reconciliation[index].outcome = .didNotCross(.other, note: nil)
            }
        }
        return negotiation
    }

    /// The parties as this reader may see them: a party he knows of only through a role that names
    /// his wish ("third state for him") is left out with that role.
    public func visible(_ parties: [Party], roles: [PartyRoleAssignment]) -> [Party] {
        let hidden = Set(roles.filter { !mayRead($0.dataClass) }.map(\.partyID))
            .subtracting(visible(roles).map(\.partyID))
        return parties.filter { !hidden.contains($0.id) }
    }

    /// Runs `body`, redacting any refusal it throws, so an error never tells more than the response would.
    public func refusing<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let refusal as TransitionRefusal {
            throw redact(refusal)
        }
    }
}
