import BureauCore
import Foundation

/// Guard 12 applied to the checklist itself: a result that tells whether he wants to go home (a return
/// "against his will", a route "not the one he asked for") reveals an asylum wish as surely as his
/// statement does. Staff who may not read the will class see that such a result exists, its article
/// and its status, but not what it says.
public enum GuardRedaction {
    public static let restrictedKey = "guard.restricted"
    public static let restrictedMessage =
        "Concerns his will and safety: shown only to legal officers and approvers (guard 12)."

    /// Keys whose sentence reveals what he wants.
    static let revealing: Set<String> = [
        "guard.2.return_against_will", "guard.2.against_expressed_will", "guard.2.will_undecided",
        "guard.2.route_matches_will", "guard.3.against_will", "guard.11.non_return_recorded",
        "guard.11.non_return_without_records", "guard.12.disclosed_to_origin", "guard.12.disclosed_without_approval",
    ]

    public static func redact(_ results: [GuardResult], for role: Role) -> [GuardResult] {
        guard !AccessPolicy.canRead(role, .will) else { return results }
        return results.map { result in
            guard revealing.contains(result.key) else { return result }
            var redacted = GuardResult(guardNumber: result.guardNumber, article: result.article, severity: result.severity,
                                       status: result.status, key: restrictedKey, remediable: result.remediable)
            redacted.message = restrictedMessage
            return redacted
        }
    }

    public static func redact(_ refusal: TransitionRefusal, for role: Role) -> TransitionRefusal {
        TransitionRefusal(errors: refusal.errors, guards: redact(refusal.guards, for: role),
                          blocking: redact(refusal.blockingGuards, for: role))
    }

    static func redact(_ proposal: ExchangeProposal, for role: Role) -> ExchangeProposal {
        var proposal = proposal
        for index in proposal.proposed.indices {
            proposal.proposed[index].warnings = redact(proposal.proposed[index].warnings, for: role)
        }
        for index in proposal.excluded.indices {
            proposal.excluded[index].reasons = redact(proposal.excluded[index].reasons, for: role)
        }
        return proposal
    }

    /// Runs `body`, redacting any refusal it throws for `role`.
    static func refusing<T>(for role: Role, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let refusal as TransitionRefusal {
            throw redact(refusal, for: role)
        }
    }
}
