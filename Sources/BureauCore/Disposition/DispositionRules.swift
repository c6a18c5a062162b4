import Foundation

/// Checks on disposition records before they are stored: each throws the first fault, naming its field.
public enum DispositionRules {
    /// Clock skew tolerated between a client and the server for "now".
    static let futureTolerance: TimeInterval = 300

    public static func validate(_ statement: WillStatement, existing: [WillStatement], capturedAt: Date?,
                                now: Date) throws(DomainError) {
        try notFuture(statement.statedAt, now: now, field: "statedAt")
        if let capturedAt, statement.statedAt < capturedAt {
            throw .unprocessable("statedAt", "the statement is dated before the capture", code: "event_before_capture")
        }
        try requireText(statement.question, "question")
        try requireText(statement.ownWords, "ownWords")
        try language(statement.language, "language")
        // Art. 17(7) and guard 2: a will is recorded only through a named interpreter.
        guard let interpreter = statement.interpreter else {
            throw .unprocessable("interpreter", "Art. 17(7): a will statement is recorded only through a named interpreter",
                                 code: "interpreter_required")
        }
        try requireName(interpreter.name, "interpreter.name")
        try requireText(interpreter.affiliation, "interpreter.affiliation")
        if let state = interpreter.affiliationState { try country(state, "interpreter.affiliationState") }
        if case .thirdState(let state) = statement.answer { try country(state, "answer.state") }
        for (index, witness) in statement.witnesses.enumerated() {
            try requireName(witness.name, "witnesses[\(index)].name")
            try requireText(witness.affiliation, "witnesses[\(index)].affiliation")
        }
        try superseding(statement.supersedes, ids: existing.filter { $0.prisonerID == statement.prisonerID }.map(\.id),
                        alreadySuperseded: existing.compactMap(\.supersedes))
    }

    public static func validate(_ assessment: RiskAssessment, existing: [RiskAssessment], now: Date) throws(DomainError) {
        try notFuture(assessment.assessedAt, now: now, field: "assessedAt")
        try country(assessment.route.destination, "route.destination")
        for (index, state) in assessment.route.transit.enumerated() { try country(state, "route.transit[\(index)]") }
        if assessment.risksConsidered.isEmpty {
            throw .invalid("risksConsidered", "name the risks considered (death, torture, persecution, family reprisal)",
                           code: "required")
        }
        if assessment.sources.compactMap(\.trimmedOrNil).isEmpty {
            throw .invalid("sources", "name at least one source", code: "required")
        }
        try requireName(assessment.assessor, "assessor")
        if let reviewer = assessment.reviewer?.trimmedOrNil, reviewer == assessment.assessor {
            throw .unprocessable("reviewer", "the reviewer must be someone other than the assessor", code: "reviewer_is_assessor")
        }
        if let review = assessment.reviewDate, review <= assessment.assessedAt {
            throw .invalid("reviewDate", "the review date must be after the assessment", code: "out_of_range")
        }
        if assessment.outcome == .seriousRisk && assessment.findings?.trimmedOrNil == nil {
            throw .invalid("findings", "a serious risk is documented with its findings", code: "required")
        }
        try superseding(assessment.supersedes, ids: existing.filter { $0.prisonerID == assessment.prisonerID }.map(\.id),
                        alreadySuperseded: existing.compactMap(\.supersedes))
    }

    public static func validate(_ assessment: Article12Assessment, now: Date) throws(DomainError) {
        try notFuture(assessment.assessedAt, now: now, field: "assessedAt")
        try country(assessment.receivingPower, "receivingPower")
        try requireText(assessment.basis, "basis")
        try requireName(assessment.assessor, "assessor")
    }

    public static func validate(_ eligibility: MedicalRepatriationEligibility, now: Date) throws(DomainError) {
        try notFuture(eligibility.decidedAt, now: now, field: "decidedAt")
        try requireName(eligibility.decidedBy, "decidedBy")
        if eligibility.commissionDecision == nil && !eligibility.obviousCase {
            throw .invalid("commissionDecision", "record the Mixed Medical Commission decision, or mark an obvious case",
                           code: "required")
        }
        if eligibility.obviousCase && !eligibility.category.isDirectRepatriation {
            throw .unprocessable("obviousCase", "Art. 112: only direct repatriation cases may bypass the Commission",
                                 code: "obvious_case_not_direct")
        }
    }

    public static func validate(_ party: Party) throws(DomainError) {
        try requireText(party.name, "name")
        switch party.kind {
        case .state:
            guard let code = party.stateCode else {
                throw .invalid("stateCode", "a state needs its ISO 3166-1 alpha-3 code", code: "required")
            }
            try country(code, "stateCode")
        case .organisation:
            if party.stateCode != nil {
                throw .invalid("stateCode", "an organisation has no state code", code: "invalid_field")
            }
        }
    }

    public static func validate(_ assignment: PartyRoleAssignment) throws(DomainError) {
        if assignment.contested && assignment.rationale?.trimmedOrNil == nil {
            throw .invalid("rationale", "a contested role needs the rationale for the choice", code: "required")
        }
    }

    /// Guard 12 enforced where it matters: nothing revealing his will goes out to a party not entitled to it.
    public static func validate(_ consultation: Consultation, party: Party, factsByPrisoner: [DispositionFacts],
                                now: Date) throws(DomainError) {
        try notFuture(consultation.date, now: now, field: "date")
        try requireText(consultation.summary, "summary")
        if consultation.partyID != party.id {
            throw .invalid("partyID", "the party does not match", code: "invalid_field")
        }
        guard consultation.direction == .outbound, consultation.disclosesWill else { return }
        for facts in factsByPrisoner where consultation.prisonerIDs.contains(facts.prisoner.id) {
            switch WillDisclosure.decision(for: .party(party), facts: facts) {
            case .forbidden:
                throw .unprocessable("disclosesWill",
                                     "a prisoner's will is never disclosed to the Power he depends on or the forces he served with",
                                     code: "will_disclosure_forbidden")
            case .needsApproval:
                guard let approval = consultation.disclosureApproval else {
                    throw .unprocessable("disclosureApproval", "disclosing his will to a state needs DPO and legal approval",
                                         code: "disclosure_approval_required")
                }
                try requireText(approval.reason, "disclosureApproval.reason")
                if approval.dataProtectionOfficer == approval.legalOfficer {
                    throw .unprocessable("disclosureApproval.legalOfficer",
                                         "the DPO and the legal officer must be two different people", code: "same_approver")
                }
            case .allowed:
                break
            }
        }
    }

    public static func validate(_ handover: Handover, approvedAt: Date?, now: Date) throws(DomainError) {
        try notFuture(handover.at, now: now, field: "handover.at")
        if let approvedAt, handover.at < approvedAt {
            throw .unprocessable("handover.at", "the hand-over is dated before the approval", code: "handover_before_approval")
        }
        try requireText(handover.place, "handover.place")
        try requireText(handover.receivingParty, "handover.receivingParty")
        if handover.icrcPresent && handover.icrcDelegate?.trimmedOrNil == nil {
            throw .invalid("handover.icrcDelegate", "name the ICRC delegate present", code: "required")
        }
    }

    // MARK: Helpers

    static func notFuture(_ date: Date, now: Date, field: String) throws(DomainError) {
        if date.timeIntervalSince(now) > futureTolerance {
            throw .unprocessable(field, "the date is in the future", code: "event_in_future")
        }
        try TextRules.checkPlausible(date, field: field)
    }

    static func requireText(_ value: String, _ field: String) throws(DomainError) {
        if value.trimmedOrNil == nil { throw .invalid(field, "is required", code: "required") }
        try TextRules.checkText(value, field: field, limit: 8000)
    }

    /// A person's name: required, and free of hidden characters (`TextRules.checkName`).
    static func requireName(_ value: String, _ field: String) throws(DomainError) {
        try requireText(value, field)
        try TextRules.checkName(value, field: field)
    }

    static func country(_ code: String, _ field: String) throws(DomainError) {
        if !ClaimRules.isAlpha3(code) {
            throw .invalid(field, "must be an ISO 3166-1 alpha-3 code such as KOR or PRK", code: "invalid_country")
        }
    }

    static func language(_ code: String, _ field: String) throws(DomainError) {
        let valid = (2...8).contains(code.count) && code.allSatisfy { $0.isASCII && ($0.isLetter || $0 == "-") }
        if !valid {
            throw .invalid(field, code.trimmedOrNil == nil ? "is required" : "use a language code such as ko, ru or uk",
                           code: code.trimmedOrNil == nil ? "required" : "invalid_language")
        }
    }

    static func superseding(_ target: UUID?, ids: [UUID], alreadySuperseded: [UUID]) throws(DomainError) {
        guard let target else { return }
        if !ids.contains(target) {
            throw .unprocessable("supersedes", "the record to supersede does not exist for this prisoner", code: "supersedes_unknown")
        }
        if alreadySuperseded.contains(target) {
            throw DomainError(.conflict, code: "already_superseded",
                              "that record has already been superseded; supersede the newest", field: "supersedes")
        }
    }
}
