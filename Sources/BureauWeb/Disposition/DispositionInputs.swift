import BureauCore
import Foundation

// Request bodies of the disposition API. Decoded with `StrictJSON`, so an unknown field is refused;
// ids, authors and record times are set by the store, never by the client.

struct RouteInput: Codable {
    var destination: String
    var transit: [String]?

    var route: BureauCore.Route { BureauCore.Route(destination: destination, transit: transit ?? []) }
}

/// `POST /api/v1/prisoners/{id}/will-statements`.
struct WillStatementInput: Codable {
    var statedAt: Date
    var question: String
    var answer: WillAnswer
    var ownWords: String
    var translation: String?
    /// Optional here so a missing language is answered by the domain rule (`language: required`).
    var language: String?
    var interpreter: Interview.Interpreter?
    var interpreterEmployedByInterestedState: Bool?
    var witnesses: [WillStatement.Witness]?
    var privateInterview: Bool?
    var mode: WillStatement.Mode
    var supersedes: UUID?

    var statement: WillStatement {
        WillStatement(id: UUID(), prisonerID: UUID(), statedAt: statedAt, question: question, answer: answer,
                      ownWords: ownWords, translation: translation?.trimmedOrNil, language: language ?? "",
                      interpreter: interpreter,
                      interpreterEmployedByInterestedState: interpreterEmployedByInterestedState ?? false,
                      witnesses: witnesses ?? [], privateInterview: privateInterview ?? false, mode: mode,
                      supersedes: supersedes, recordedBy: "", recordedAt: statedAt)
    }
}

/// `POST /api/v1/prisoners/{id}/risk-assessments`; the assessor is the signed-in legal officer.
struct RiskAssessmentInput: Codable {
    var route: RouteInput
    var risksConsidered: [RiskAssessment.Risk]
    var sources: [String]
    var findings: String?
    var outcome: RiskAssessment.Outcome
    var reviewer: String?
    var assessedAt: Date
    var reviewDate: Date?
    var supersedes: UUID?

    var assessment: RiskAssessment {
        RiskAssessment(id: UUID(), prisonerID: UUID(), route: route.route, risksConsidered: Set(risksConsidered),
                       sources: sources, findings: findings, outcome: outcome, assessor: "", reviewer: reviewer,
                       assessedAt: assessedAt, reviewDate: reviewDate, supersedes: supersedes)
    }
}

/// `POST /api/v1/prisoners/{id}/article12-assessments`.
struct Article12Input: Codable {
    var receivingPower: String
    var partyToConvention: Bool
    var willing: Bool
    var able: Bool
    var basis: String
    var assessedAt: Date
    var supersedes: UUID?

    var assessment: Article12Assessment {
        Article12Assessment(id: UUID(), prisonerID: UUID(), receivingPower: receivingPower,
                            partyToConvention: partyToConvention, willing: willing, able: able, basis: basis,
                            assessor: "", assessedAt: assessedAt, supersedes: supersedes)
    }
}

/// `POST /api/v1/prisoners/{id}/medical-eligibility`.
struct EligibilityInput: Codable {
    var category: MedicalRepatriationEligibility.Category
    var annexIReference: String?
    var obviousCase: Bool?
    var commissionDecision: MedicalRepatriationEligibility.CommissionDecision?
    var decidedAt: Date
    var decidedBy: String
    var fitToTravel: Bool?
    var supersedes: UUID?

    var eligibility: MedicalRepatriationEligibility {
        MedicalRepatriationEligibility(id: UUID(), prisonerID: UUID(), category: category, annexIReference: annexIReference,
                                       obviousCase: obviousCase ?? false, commissionDecision: commissionDecision,
                                       decidedAt: decidedAt, decidedBy: decidedBy, fitToTravel: fitToTravel ?? true,
                                       supersedes: supersedes)
    }
}

/// `POST /api/v1/parties`: a state or organisation and the roles it plays for prisoners.
struct PartyInput: Codable {
    struct RoleInput: Codable {
        var prisonerID: UUID
        var role: PartyRole
        var contested: Bool?
        var rationale: String?
    }

    var name: String
    var kind: Party.Kind
    var stateCode: String?
    var isICRC: Bool?
    var roles: [RoleInput]?

    var party: Party { Party(id: UUID(), name: name, kind: kind, stateCode: stateCode, isICRC: isICRC ?? false) }
    var assignments: [PartyRoleAssignment] {
        (roles ?? []).map { PartyRoleAssignment(partyID: UUID(), prisonerID: $0.prisonerID, role: $0.role,
                                                contested: $0.contested ?? false, rationale: $0.rationale) }
    }
}

/// `POST /api/v1/consultations`.
struct ConsultationInput: Codable {
    var partyID: UUID
    var direction: Consultation.Direction
    var kind: Consultation.Kind
    var date: Date
    var channel: Consultation.Channel
    var summary: String
    var attachments: [String]?
    var caseIDs: [UUID]?
    var prisonerIDs: [UUID]?
    var inReplyTo: UUID?
    var disclosesWill: Bool?
    var disclosureApproval: DisclosureApproval?

    var consultation: Consultation {
        Consultation(id: UUID(), partyID: partyID, direction: direction, kind: kind, date: date, channel: channel,
                     summary: summary, attachments: attachments ?? [], caseIDs: caseIDs ?? [], prisonerIDs: prisonerIDs ?? [],
                     inReplyTo: inReplyTo, disclosesWill: disclosesWill ?? false, disclosureApproval: disclosureApproval,
                     recordedBy: "", recordedAt: date)
    }
}

/// `POST /api/v1/cases`.
struct CaseInput: Codable {
    var prisonerID: UUID
    var kind: DispositionCase.Kind
    var route: RouteInput?
    var receivingPower: String?
    var exchangeID: UUID?
}

/// `POST /api/v1/cases/{id}/overrides` (request) and `…/overrides/confirm` (reason omitted).
struct OverrideInput: Codable {
    var key: String
    var reason: String?
}

/// `PUT /api/v1/prisoners/{id}/exit-checklist`.
struct ExitChecklistInput: Codable {
    var finalStatementIssued: Bool
    var valuablesResolved: Bool
}

/// `POST /api/v1/exchanges`.
struct ExchangeInput: Codable {
    struct AgreementInput: Codable {
        var reference: String
        var clauses: [ExchangeAgreement.Clause]?
    }

    var counterpart: String
    var agreement: AgreementInput?
}

/// `POST /api/v1/exchanges/{id}/our-list`.
struct ListEntryInput: Codable {
    var prisonerID: UUID
    var category: ExchangeCategory
}

/// `POST /api/v1/exchanges/{id}/matches`: the reviewer's choice; no prisoner means "not in our registry".
struct MatchInput: Codable {
    var entryID: UUID
    var prisonerID: UUID?
}

/// `POST /api/v1/exchanges/{id}/reconciliation`: one line per prisoner on our list.
struct ReconciliationInput: Codable {
    struct Line: Codable {
        var prisonerID: UUID
        /// When he crossed; omit when he did not.
        var crossedAt: Date?
        var reason: NonCrossingReason?
        var note: String?
    }

    var outcomes: [Line]

    func decoded() throws -> [UUID: ReconciliationEntry.Outcome] {
        var result: [UUID: ReconciliationEntry.Outcome] = [:]
        for (index, line) in outcomes.enumerated() {
            if result[line.prisonerID] != nil {
                throw DomainError.invalid("outcomes[\(index)].prisonerID", "appears twice", code: "duplicate")
            }
            if let at = line.crossedAt {
                result[line.prisonerID] = .crossed(at: at)
            } else if let reason = line.reason {
                result[line.prisonerID] = .didNotCross(reason, note: line.note?.trimmedOrNil)
            } else {
                throw DomainError.invalid("outcomes[\(index)]", "give crossedAt, or the reason he did not cross",
                                          code: "required")
            }
        }
        return result
    }
}
