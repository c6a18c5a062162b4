import Foundation

// MARK: Guard 8 — no public release of identifiable images or voice without legal sign-off (Art. 13(2))

extension LegalGuards {
    static let art8 = MediaReleaseRequest.article

    /// The checklist of a release request. Every failure is enforced: nobody overrides Art. 13.
    /// Refusal is the default: while anything identifiable remains, no approval can be recorded.
    public static func mediaRelease(_ request: MediaReleaseRequest) -> [GuardResult] {
        var results: [GuardResult] = []
        let remaining = request.remainingIdentifiable.sorted()
        if remaining.isEmpty {
            results.append(.pass(8, art8, .enforce, "guard.8.not_identifiable"))
        } else {
            results.append(.fail(8, art8, .enforce, "guard.8.identifiable",
                                 ["features": remaining.map(\.rawValue).joined(separator: ", ")]))
            if request.prisonerView?.consents == true {
                results.append(.fail(8, "GC III Arts. 7, 13(2)", .enforce, "guard.8.consent_not_sufficient"))
            }
        }
        if !request.citesRisk {
            results.append(.fail(8, art8, .enforce, "guard.8.risk_not_considered"))
        }
        switch request.assessment {
        case nil: results.append(.fail(8, art8, .enforce, "guard.8.no_legal_assessment"))
        case let assessment? where !assessment.approve:
            results.append(.fail(8, art8, .enforce, "guard.8.assessed_against", remediable: false))
        case .some: results.append(.pass(8, art8, .enforce, "guard.8.legal_assessment"))
        }
        return results
    }
}

/// Filing, assessing and deciding release requests, and recording breaches. Pure: the store
/// persists what these return, with the audit entry, in one transaction.
public enum MediaReleaseWorkflow {
    /// A legal officer records a request on behalf of whoever asks.
    public static func file(_ request: MediaReleaseRequest, by actor: StaffMember) throws(DomainError) -> MediaReleaseRequest {
        try require(actor, .legalOfficer, "only a legal officer records a release request")
        var filed = request
        guard let description = request.description.trimmedOrNil else {
            throw .invalid("description", "describe the material", code: "required")
        }
        guard let requester = request.requester.trimmedOrNil else {
            throw .invalid("requester", "name who asks for the release", code: "required")
        }
        guard let purpose = request.purpose.trimmedOrNil else {
            throw .invalid("purpose", "say why it should be published", code: "required")
        }
        filed.digest = try digest(request.digest)
        filed.description = description
        filed.requester = requester
        filed.purpose = purpose
        filed.familyRisk = request.familyRisk?.trimmedOrNil
        filed.recordedBy = actor.userID
        filed.assessment = nil
        filed.decision = nil
        return filed
    }

    /// The legal officer's assessment against Art. 13. It may recommend approval only when the checklist
    /// (bar the assessment itself) is clear.
    public static func assess(_ request: MediaReleaseRequest, approve: Bool, reasoning: String, by actor: StaffMember,
                              at time: Date) throws(DomainError) -> MediaReleaseRequest {
        try require(actor, .legalOfficer, "only a legal officer assesses a release request")
        if request.decision != nil {
            throw DomainError(.conflict, code: "release_decided", "the request is already decided", field: nil)
        }
        guard let reasoning = reasoning.trimmedOrNil else {
            throw .invalid("reasoning", "an assessment gives its reasons", code: "required")
        }
        if approve, let bar = LegalGuards.mediaRelease(request).blocking.first(where: { $0.key != "guard.8.no_legal_assessment" }) {
            throw .unprocessable("approve", "\(bar.message) (\(bar.article))", code: "release_identifiable")
        }
        var updated = request
        updated.assessment = .init(approve: approve, reasoning: reasoning, by: actor.userID, at: time)
        return updated
    }

    /// A second person, an approver who neither recorded nor assessed the request, approves or refuses.
    /// Approval needs a clear checklist; refusal is always possible.
    public static func decide(_ request: MediaReleaseRequest, approve: Bool, reasoning: String, by actor: StaffMember,
                              at time: Date) throws(DomainError) -> MediaReleaseRequest {
        try require(actor, .approver, "only an approver decides a release request")
        if request.decision != nil {
            throw DomainError(.conflict, code: "release_decided", "the request is already decided", field: nil)
        }
        guard let assessment = request.assessment else {
            throw DomainError(.conflict, code: "release_not_assessed", "a legal officer assesses the request first", field: nil)
        }
        if actor.userID == assessment.by || actor.userID == request.recordedBy {
            throw DomainError(.forbidden, code: "second_approver_required",
                              "a release is decided by someone other than who recorded and assessed it", field: nil)
        }
        guard let reasoning = reasoning.trimmedOrNil else {
            throw .invalid("reasoning", "a decision gives its reasons", code: "required")
        }
        if approve, let bar = LegalGuards.mediaRelease(request).blocking.first {
            throw .unprocessable("approve", "\(bar.message) (\(bar.article))", code: "release_identifiable")
        }
        var updated = request
        updated.decision = .init(approve: approve, reasoning: reasoning, by: actor.userID, at: time)
        return updated
    }

    /// Records material published about him. Material whose digest matches an approved request of his
    /// is no breach and is refused, so the dashboard shows only real breaches.
    public static func recordBreach(_ breach: MediaReleaseBreach, approved: [MediaReleaseRequest],
                                    by actor: StaffMember) throws(DomainError) -> MediaReleaseBreach {
        try require(actor, .legalOfficer, "only a legal officer records a breach")
        var recorded = breach
        recorded.digest = try digest(breach.digest)
        guard let description = breach.description.trimmedOrNil else {
            throw .invalid("description", "describe the material", code: "required")
        }
        guard let publishedIn = breach.publishedIn.trimmedOrNil else {
            throw .invalid("published_in", "say where it was published", code: "required")
        }
        if approved.contains(where: { $0.prisonerID == breach.prisonerID && $0.state == .approved && $0.digest == recorded.digest }) {
            throw DomainError(.conflict, code: "release_was_approved", "this material was released on an approved request",
                              field: "digest")
        }
        recorded.description = description
        recorded.publishedIn = publishedIn
        recorded.recordedBy = actor.userID
        recorded.closedAt = nil
        recorded.closedBy = nil
        return recorded
    }

    /// The legal officer closes a breach with what was done about it.
    public static func closeBreach(_ breach: MediaReleaseBreach, note: String, by actor: StaffMember,
                                   at time: Date) throws(DomainError) -> MediaReleaseBreach {
        try require(actor, .legalOfficer, "only a legal officer closes a breach")
        if !breach.isOpen { throw DomainError(.conflict, code: "breach_closed", "the breach is already closed", field: nil) }
        guard let note = note.trimmedOrNil else { throw .invalid("note", "say what was done", code: "required") }
        var closed = breach
        closed.closedBy = actor.userID
        closed.closedAt = time
        closed.closingNote = note
        return closed
    }

    /// A SHA-256 digest as 64 hexadecimal digits, lower-cased.
    static func digest(_ text: String) throws(DomainError) -> String {
        let value = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard value.count == 64, value.allSatisfy({ $0.isHexDigit }) else {
            throw .invalid("digest", "the SHA-256 digest of the file is 64 hexadecimal digits", code: "invalid_digest")
        }
        return value
    }

    static func require(_ actor: StaffMember, _ role: Role, _ message: String) throws(DomainError) {
        if !actor.has(role) { throw DomainError(.forbidden, code: "role_required", message, field: nil) }
    }
}
