import BureauCore
import BureauStore
import Foundation
import Vapor

/// A guard result as the API shows it: the article, the localization key and the English sentence.
struct GuardDTO: Content {
    var guardNumber: Int
    var article: String
    var severity: GuardResult.Severity
    var status: GuardResult.Status
    var key: String
    var parameters: [String: String]
    var message: String
    var remediable: Bool

    init(_ result: GuardResult) {
        guardNumber = result.guardNumber
        article = result.article
        severity = result.severity
        status = result.status
        key = result.key
        parameters = result.parameters
        message = result.message
        remediable = result.remediable
    }
}

struct WillStatementDTO: Content {
    var id: UUID
    var prisonerID: UUID
    var statedAt: Date
    var question: String
    var answer: WillAnswer
    var ownWords: String
    var translation: String?
    var language: String
    var interpreter: Interview.Interpreter?
    var interpreterEmployedByInterestedState: Bool
    var witnesses: [WillStatement.Witness]
    var privateInterview: Bool
    var privatelyConfirmed: Bool
    var mode: WillStatement.Mode
    var supersedes: UUID?
    var recordedBy: String
    var recordedAt: Date

    init(_ statement: WillStatement) {
        id = statement.id
        prisonerID = statement.prisonerID
        statedAt = statement.statedAt
        question = statement.question
        answer = statement.answer
        ownWords = statement.ownWords
        translation = statement.translation
        language = statement.language
        interpreter = statement.interpreter
        interpreterEmployedByInterestedState = statement.interpreterEmployedByInterestedState
        witnesses = statement.witnesses
        privateInterview = statement.privateInterview
        privatelyConfirmed = statement.privatelyConfirmed
        mode = statement.mode
        supersedes = statement.supersedes
        recordedBy = statement.recordedBy
        recordedAt = statement.recordedAt
    }
}

struct RiskAssessmentDTO: Content {
    var id: UUID
    var prisonerID: UUID
    var route: BureauCore.Route
    var risksConsidered: [RiskAssessment.Risk]
    var sources: [String]
    var findings: String?
    var outcome: RiskAssessment.Outcome
    var assessor: String
    var reviewer: String?
    var assessedAt: Date
    var reviewDate: Date?
    var supersedes: UUID?

    init(_ assessment: RiskAssessment) {
        id = assessment.id
        prisonerID = assessment.prisonerID
        route = assessment.route
        risksConsidered = assessment.risksConsidered.sorted()
        sources = assessment.sources
        findings = assessment.findings
        outcome = assessment.outcome
        assessor = assessment.assessor
        reviewer = assessment.reviewer
        assessedAt = assessment.assessedAt
        reviewDate = assessment.reviewDate
        supersedes = assessment.supersedes
    }
}

struct NoticeDTO: Content {
    var kind: DispositionNotice.Kind
    var prisonerID: UUID
    var caseID: UUID?
    var occurredAt: Date
    var recipients: [String]
    var destination: String?
    var destinationWithheldFrom: [String]

    init(_ notice: DispositionNotice) {
        kind = notice.kind
        prisonerID = notice.prisonerID
        caseID = notice.caseID
        occurredAt = notice.occurredAt
        recipients = notice.recipients.map {
            switch $0 {
            case .centralTracingAgency: return "central_tracing_agency"
            case .protectingPower(let name): return "protecting_power:\(name)"
            }
        }
        destination = notice.destination
        destinationWithheldFrom = notice.destinationWithheldFrom.sorted()
    }
}

/// `GET /api/v1/cases/{id}` and the answer to every case change.
struct CaseDTO: Content {
    var id: UUID
    var prisonerID: UUID
    var internmentNumber: String
    var prisonerName: String?
    var kind: DispositionCase.Kind
    var state: DispositionCase.State
    var route: BureauCore.Route?
    var receivingPower: String?
    var exchangeID: UUID?
    var author: String
    var createdAt: Date
    var approvals: [DispositionCase.Approval]
    var overrides: [GuardOverride]
    var waivers: [DispositionCase.Waiver]
    var handover: Handover?
    var withdrawalReason: String?
    var history: [DispositionCase.HistoryEntry]
    /// The whole checklist as the guards draw it up now.
    var guards: [GuardDTO]
    /// True when no guard result blocks.
    var allClear: Bool
    /// Omitted for roles that may not read will statements.
    var willStatements: [WillStatementDTO]?
    var riskAssessments: [RiskAssessmentDTO]
    var article12Assessments: [Article12Assessment]
    var medicalEligibility: [MedicalRepatriationEligibility]
    var consultations: [Consultation]
    var notices: [NoticeDTO]

    init(_ file: CaseFile) {
        let c = file.dispositionCase
        id = c.id
        prisonerID = c.prisonerID
        internmentNumber = file.prisoner.internmentNumber
        prisonerName = file.name
        kind = c.kind
        state = c.state
        route = c.route
        receivingPower = c.receivingPower
        exchangeID = c.exchangeID
        author = c.author
        createdAt = c.createdAt
        approvals = c.approvals
        overrides = c.overrides
        waivers = c.waivers
        handover = c.handover
        withdrawalReason = c.withdrawalReason
        history = c.history
        guards = file.guards.map(GuardDTO.init)
        allClear = file.guards.allClear
        willStatements = file.willStatements?.map(WillStatementDTO.init)
        riskAssessments = file.riskAssessments.map(RiskAssessmentDTO.init)
        article12Assessments = file.article12Assessments
        medicalEligibility = file.eligibility
        consultations = file.consultations
        notices = file.notices.map(NoticeDTO.init)
    }
}

/// A refused transition: every error and every failing guard at once.
struct RefusalDTO: Content {
    var error: APIErrorBody.Detail
    var errors: [APIErrorBody.Detail]
    /// The guard results that stopped the request, each with its article and localization key.
    var reasons: [GuardDTO]
    /// The whole checklist.
    var guards: [GuardDTO]

    init(_ refusal: TransitionRefusal) {
        errors = refusal.errors.map { .init(code: $0.code, message: $0.message, field: $0.field) }
        reasons = refusal.blockingGuards.map(GuardDTO.init)
        guards = refusal.guards.map(GuardDTO.init)
        let first = errors.first
        let message = (refusal.errors.map(\.message) + refusal.blockingGuards.map(\.message)).joined(separator: " ")
        error = .init(code: first?.code ?? "guard_failed", message: message, field: first?.field)
    }

    static func response(_ refusal: TransitionRefusal) throws -> Response {
        let response = Response(status: refusal.kind.status)
        try response.content.encode(RefusalDTO(refusal), using: JSONCoders.encoder)
        return response
    }
}

struct ExchangeEntryDTO: Content {
    var entry: CounterpartEntry
    var candidates: [MatchCandidate]
    var confirmedPrisonerID: UUID?
    var confirmedBy: String?
}

struct ExclusionDTO: Content {
    var prisonerID: UUID
    var name: String?
    var requestedByCounterpart: Bool
    var barred: Bool
    var reasons: [GuardDTO]
}

struct ProposedDTO: Content {
    var prisonerID: UUID
    var name: String?
    var category: ExchangeCategory
    var requestedByCounterpart: Bool
    var warnings: [GuardDTO]
}

/// `GET /api/v1/exchanges/{id}`.
struct ExchangeDTO: Content {
    var id: UUID
    var counterpart: String
    var agreement: ExchangeAgreement?
    var ourList: [ExchangeListEntry]
    var counterpartList: [ExchangeEntryDTO]
    var proposed: [ProposedDTO]
    var excluded: [ExclusionDTO]
    var listReview: [ExclusionDTO]
    var reconciliation: [ReconciliationLineDTO]
    var totals: [String: [String: Int]]
    var ratio: Double?
    var createdBy: String
    var createdAt: Date

    init(_ negotiation: ExchangeNegotiation, file: ExchangeFile? = nil) {
        id = negotiation.id
        counterpart = negotiation.counterpart
        agreement = negotiation.agreement
        ourList = negotiation.ourList
        let reviews = Dictionary(negotiation.matchReviews.map { ($0.entryID, $0) }, uniquingKeysWith: { a, _ in a })
        counterpartList = negotiation.counterpartList.map { entry in
            let review = reviews[entry.id]
            return ExchangeEntryDTO(entry: entry, candidates: review?.candidates ?? [],
                                    confirmedPrisonerID: review?.confirmedPrisonerID, confirmedBy: review?.confirmedBy)
        }
        let names = file?.names ?? [:]
        proposed = file?.proposal.proposed.map {
            ProposedDTO(prisonerID: $0.prisonerID, name: names[$0.prisonerID], category: $0.category,
                        requestedByCounterpart: $0.requestedByCounterpart, warnings: $0.warnings.map(GuardDTO.init))
        } ?? []
        func exclusion(_ item: ExchangeProposal.Exclusion) -> ExclusionDTO {
            ExclusionDTO(prisonerID: item.prisonerID, name: names[item.prisonerID],
                         requestedByCounterpart: item.requestedByCounterpart, barred: item.barred,
                         reasons: item.reasons.map(GuardDTO.init))
        }
        excluded = file?.proposal.excluded.map(exclusion) ?? []
        listReview = file?.listReview.map(exclusion) ?? []
        reconciliation = negotiation.reconciliation.map(ReconciliationLineDTO.init)
        let totals = negotiation.totals
        self.totals = ["ours": Dictionary(uniqueKeysWithValues: totals.ours.map { ($0.key.rawValue, $0.value) }),
                       "theirs": Dictionary(uniqueKeysWithValues: totals.theirs.map { ($0.key.rawValue, $0.value) })]
        ratio = totals.ratio
        createdBy = negotiation.createdBy
        createdAt = negotiation.createdAt
    }
}

struct ReconciliationLineDTO: Content {
    var prisonerID: UUID
    var crossed: Bool
    var crossedAt: Date?
    var reason: NonCrossingReason?
    var note: String?
    var recordedBy: String

    init(_ entry: ReconciliationEntry) {
        prisonerID = entry.prisonerID
        recordedBy = entry.recordedBy
        switch entry.outcome {
        case .crossed(let at):
            crossed = true
            crossedAt = at
        case .didNotCross(let why, let text):
            crossed = false
            reason = why
            note = text
        }
    }
}

/// `POST /api/v1/exchanges/{id}/reconciliation`.
struct ReconciliationDTO: Content {
    var exchange: ExchangeDTO
    var notices: [NoticeDTO]
}
