import BureauCore
import BureauStore
import Vapor

extension BureauServices {
    /// Will statements, assessments, parties, consultations, cases and exchanges (issue 5).
    public var disposition: DispositionStore { DispositionStore(context: context) }
}

/// Answers a refused transition with 422 (403 or 409 when that is all it is) and every reason.
func answeringRefusals(_ body: () async throws -> Response) async throws -> Response {
    do {
        return try await body()
    } catch let refusal as TransitionRefusal {
        return try RefusalDTO.response(refusal)
    }
}

func created(_ value: some Encodable, location: String? = nil) throws -> Response {
    let response = Response(status: .created)
    if let location { response.headers.replaceOrAdd(name: .location, value: location) }
    try response.content.encode(value, using: JSONCoders.encoder)
    return response
}

extension Request {
    func uuidParameter(_ name: String = "id", code: String) throws -> UUID {
        guard let text = parameters.get(name), let id = UUID(uuidString: text) else {
            throw DomainError(.notFound, code: code, "no record with that id")
        }
        return id
    }
}

/// Records about one prisoner's future: will statements, risk and Art. 12 assessments, medical
/// eligibility, exit checklist; and parties and consultations.
struct DispositionRecordsAPIController {
    func recordWill(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let input = try StrictJSON.decode(WillStatementInput.self, from: request)
        let statement = try await request.bureau.disposition.recordWillStatement(
            input.statement, for: try request.prisonerID(), by: user.principal, purpose: request.statedPurpose)
        return try created(WillStatementDTO(statement))
    }

    func willStatements(_ request: Request) async throws -> [WillStatementDTO] {
        let user = try request.requireUser()
        return try await request.bureau.disposition.willStatements(of: try request.prisonerID(), by: user.principal,
                                                                   purpose: request.statedPurpose)
            .map(WillStatementDTO.init)
    }

    func recordRisk(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let input = try StrictJSON.decode(RiskAssessmentInput.self, from: request)
        let assessment = try await request.bureau.disposition.recordRiskAssessment(
            input.assessment, for: try request.prisonerID(), by: user.principal)
        return try created(RiskAssessmentDTO(assessment))
    }

    func recordArticle12(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let input = try StrictJSON.decode(Article12Input.self, from: request)
        return try created(try await request.bureau.disposition.recordArticle12(
            input.assessment, for: try request.prisonerID(), by: user.principal))
    }

    func recordEligibility(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let input = try StrictJSON.decode(EligibilityInput.self, from: request)
        return try created(try await request.bureau.disposition.recordEligibility(
            input.eligibility, for: try request.prisonerID(), by: user.principal))
    }

    func recordExitChecklist(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let input = try StrictJSON.decode(ExitChecklistInput.self, from: request)
        let checklist = try await request.bureau.disposition.recordExitChecklist(
            ExitChecklist(finalStatementIssued: input.finalStatementIssued, valuablesResolved: input.valuablesResolved),
            for: try request.prisonerID(), by: user.principal)
        let response = Response(status: .ok)
        try response.content.encode(checklist, using: JSONCoders.encoder)
        return response
    }

    func createParty(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let input = try StrictJSON.decode(PartyInput.self, from: request)
        let (party, roles) = try await request.bureau.disposition.createParty(input.party, roles: input.assignments,
                                                                               by: user.principal)
        return try created(PartyDTO(party: party, roles: roles))
    }

    func recordConsultation(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let input = try StrictJSON.decode(ConsultationInput.self, from: request)
        return try created(try await request.bureau.disposition.recordConsultation(input.consultation, by: user.principal))
    }
}

struct PartyDTO: Content {
    var party: Party
    var roles: [PartyRoleAssignment]
}

/// Disposition cases: open, read with the checklist, move, override.
struct CasesAPIController {
    func open(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let input = try StrictJSON.decode(CaseInput.self, from: request)
        return try await answeringRefusals {
            let file = try await request.bureau.disposition.openCase(
                CaseRequest(prisonerID: input.prisonerID, kind: input.kind, route: input.route?.route,
                            receivingPower: input.receivingPower, exchangeID: input.exchangeID), by: user.principal)
            return try created(CaseDTO(file), location: "/api/v1/cases/\(file.dispositionCase.id.uuidString)")
        }
    }

    func show(_ request: Request) async throws -> CaseDTO {
        let user = try request.requireUser()
        return CaseDTO(try await request.bureau.disposition.caseFile(try request.uuidParameter(code: "case_not_found"),
                                                                     by: user.principal, purpose: request.statedPurpose))
    }

    func transition(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let id = try request.uuidParameter(code: "case_not_found")
        let target = try StrictJSON.decode(DispositionTransition.self, from: request)
        return try await answeringRefusals {
            let file = try await request.bureau.disposition.transition(id, to: target, by: user.principal)
            let response = Response(status: .ok)
            try response.content.encode(CaseDTO(file), using: JSONCoders.encoder)
            return response
        }
    }

    func requestOverride(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let input = try StrictJSON.decode(OverrideInput.self, from: request)
        let file = try await request.bureau.disposition.requestOverride(
            try request.uuidParameter(code: "case_not_found"), key: input.key, reason: input.reason ?? "", by: user.principal)
        return try created(CaseDTO(file))
    }

    func confirmOverride(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let input = try StrictJSON.decode(OverrideInput.self, from: request)
        let file = try await request.bureau.disposition.confirmOverride(
            try request.uuidParameter(code: "case_not_found"), key: input.key, by: user.principal)
        let response = Response(status: .ok)
        try response.content.encode(CaseDTO(file), using: JSONCoders.encoder)
        return response
    }
}

/// Exchange negotiations: our list, the counterpart's list and its matches.
struct ExchangesAPIController {
    func create(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let input = try StrictJSON.decode(ExchangeInput.self, from: request)
        let agreement = input.agreement.map { ExchangeAgreement(id: UUID(), reference: $0.reference, clauses: $0.clauses ?? []) }
        let negotiation = try await request.bureau.disposition.createExchange(counterpart: input.counterpart.uppercased(),
                                                                              agreement: agreement, by: user.principal)
        return try created(ExchangeDTO(negotiation), location: "/api/v1/exchanges/\(negotiation.id.uuidString)")
    }

    func show(_ request: Request) async throws -> ExchangeDTO {
        let user = try request.requireUser()
        let file = try await request.bureau.disposition.exchangeFile(try request.uuidParameter(code: "exchange_not_found"),
                                                                     by: user.principal)
        return ExchangeDTO(file.negotiation, file: file)
    }

    func addToList(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let id = try request.uuidParameter(code: "exchange_not_found")
        let input = try StrictJSON.decode(ListEntryInput.self, from: request)
        return try await answeringRefusals {
            let negotiation = try await request.bureau.disposition.addToList(id, prisonerID: input.prisonerID,
                                                                             category: input.category, by: user.principal)
            return try created(ExchangeDTO(negotiation))
        }
    }

    /// The body is the CSV file itself; `direction` (requested, offered) and `encoding` (auto, utf8,
    /// windows-1251) come in the query.
    func importList(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let id = try request.uuidParameter(code: "exchange_not_found")
        var direction = CounterpartEntry.Direction.requested
        if let raw = (try? request.query.get(String.self, at: "direction"))?.trimmedOrNil {
            guard let parsed = CounterpartEntry.Direction(rawValue: raw) else {
                throw DomainError.invalid("direction", "one of requested, offered", code: "invalid_choice")
            }
            direction = parsed
        }
        var encoding = CounterpartListImport.TextEncoding.auto
        if let raw = (try? request.query.get(String.self, at: "encoding"))?.trimmedOrNil {
            guard let parsed = CounterpartListImport.TextEncoding(rawValue: raw.lowercased()) else {
                throw DomainError.invalid("encoding", "one of auto, utf8, windows-1251", code: "invalid_choice")
            }
            encoding = parsed
        }
        let imported = try await request.bureau.disposition.importCounterpartList(
            id, data: Data(buffer: request.body.data ?? ByteBuffer()), direction: direction, encoding: encoding, by: user.principal)
        return try created(imported.map {
            ExchangeEntryDTO(entry: $0.entry, candidates: $0.review.candidates, confirmedPrisonerID: nil, confirmedBy: nil)
        })
    }

    func reconcile(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let input = try StrictJSON.decode(ReconciliationInput.self, from: request)
        let (negotiation, notices) = try await request.bureau.disposition.reconcile(
            try request.uuidParameter(code: "exchange_not_found"), outcomes: try input.decoded(), by: user.principal)
        let response = Response(status: .ok)
        try response.content.encode(ReconciliationDTO(exchange: ExchangeDTO(negotiation), notices: notices.map(NoticeDTO.init)),
                                    using: JSONCoders.encoder)
        return response
    }

    func confirmMatch(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let input = try StrictJSON.decode(MatchInput.self, from: request)
        let review = try await request.bureau.disposition.confirmMatch(
            try request.uuidParameter(code: "exchange_not_found"), entryID: input.entryID, prisonerID: input.prisonerID,
            by: user.principal)
        let response = Response(status: .ok)
        try response.content.encode(review, using: JSONCoders.encoder)
        return response
    }
}
