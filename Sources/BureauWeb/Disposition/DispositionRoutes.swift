import BureauCore
import BureauStore
import Vapor

/// Routes of lawful disposition (issue 5): will statements, risk assessments, consultations,
/// disposition cases and exchanges. Role checks here are the first gate; the store and the core
/// workflow check again (approver approves, author never approves, and so on).
func dispositionRoutes(_ app: Application) throws {
    let api = app.grouped("api", "v1")
    let records = DispositionRecordsAPIController()
    api.grouped(RoleMiddleware(.recordWill)).post("prisoners", ":id", "will-statements", use: records.recordWill)
    api.grouped(RoleMiddleware(.readWill)).get("prisoners", ":id", "will-statements", use: records.willStatements)
    let assessors = api.grouped(RoleMiddleware(.assessRisk))
    assessors.post("prisoners", ":id", "risk-assessments", use: records.recordRisk)
    assessors.post("prisoners", ":id", "article12-assessments", use: records.recordArticle12)
    api.grouped(RoleMiddleware(.decideEligibility)).post("prisoners", ":id", "medical-eligibility", use: records.recordEligibility)
    api.grouped(RoleMiddleware(.recordExitChecklist)).put("prisoners", ":id", "exit-checklist", use: records.recordExitChecklist)
    let liaison = api.grouped(RoleMiddleware(.liaise))
    liaison.post("parties", use: records.createParty)
    liaison.post("consultations", use: records.recordConsultation)

    let cases = CasesAPIController()
    liaison.post("cases", use: cases.open)
    api.grouped(RoleMiddleware(.readRegistry)).get("cases", ":id", use: cases.show)
    api.grouped(RoleMiddleware(.moveCase)).post("cases", ":id", "transitions", use: cases.transition)
    let overriders = api.grouped(RoleMiddleware(.requestOverride))
    overriders.post("cases", ":id", "overrides", use: cases.requestOverride)
    api.grouped(RoleMiddleware(.confirmOverride)).post("cases", ":id", "overrides", "confirm", use: cases.confirmOverride)

    let exchanges = ExchangesAPIController()
    liaison.post("exchanges", use: exchanges.create)
    api.grouped(RoleMiddleware(.readExchanges)).get("exchanges", ":id", use: exchanges.show)
    liaison.post("exchanges", ":id", "our-list", use: exchanges.addToList)
    liaison.on(.POST, "exchanges", ":id", "counterpart-list", body: .collect(maxSize: "4mb"), use: exchanges.importList)
    liaison.post("exchanges", ":id", "matches", use: exchanges.confirmMatch)
    api.grouped(RoleMiddleware(.recordHandover)).post("exchanges", ":id", "reconciliation", use: exchanges.reconcile)

    mediaReleaseRoutes(app)
    try dispositionPageRoutes(app)
}

extension OpenAPIDocument {
    static let caseParameter: JSONValue = ["name": "id", "in": "path", "required": true, "description": "Case id",
                                           "schema": ["type": "string", "format": "uuid"]]

    /// API operations of disposition, added to the OpenAPI document.
    static let dispositionOperations: [Operation] = [
        Operation(method: "post", path: "/api/v1/prisoners/{id}/will-statements",
                  summary: "Record a will statement (never edited: a new one supersedes). Sealed at rest; needs language and a named interpreter",
                  roles: "investigator, legal officer", body: "WillStatementInput", response: (201, "WillStatement"),
                  parameters: [idParameter, purposeParameter]),
        Operation(method: "get", path: "/api/v1/prisoners/{id}/will-statements",
                  summary: "His will statements, oldest first (audited read of the most restricted class)",
                  roles: "legal officer, approver", response: (200, "WillStatements"), parameters: [idParameter, purposeParameter]),
        Operation(method: "post", path: "/api/v1/prisoners/{id}/risk-assessments",
                  summary: "Record a non-refoulement risk assessment of a route (destination and transit states)",
                  roles: "legal officer", body: "RiskAssessmentInput", response: (201, "RiskAssessment"), parameters: [idParameter]),
        Operation(method: "post", path: "/api/v1/prisoners/{id}/article12-assessments",
                  summary: "Record an Art. 12 assessment of a receiving Power (party, willing, able)",
                  roles: "legal officer", body: "ArticleTwelveInput", response: (201, "ArticleTwelveAssessment"), parameters: [idParameter]),
        Operation(method: "post", path: "/api/v1/prisoners/{id}/medical-eligibility",
                  summary: "Record an Art. 110 / Annex I eligibility decision (Mixed Medical Commission A, B, NC, or an obvious case)",
                  roles: "medical officer", body: "EligibilityInput", response: (201, "Eligibility"), parameters: [idParameter]),
        Operation(method: "put", path: "/api/v1/prisoners/{id}/exit-checklist",
                  summary: "Record the Art. 66 statement and valuables checked at the hand-over (guard 7)",
                  roles: "camp officer, legal officer", body: "ExitChecklist", response: (200, "ExitChecklist"),
                  parameters: [idParameter]),
        Operation(method: "post", path: "/api/v1/parties", summary: "Register a state or organisation and its roles per prisoner",
                  roles: "legal officer, liaison officer", body: "PartyInput", response: (201, "PartyResult")),
        Operation(method: "post", path: "/api/v1/consultations",
                  summary: "Log an appeal, request, note or reply; refused if it would disclose a will to the Power of origin (guard 12)",
                  roles: "legal officer, liaison officer", body: "ConsultationInput", response: (201, "Consultation")),
        Operation(method: "post", path: "/api/v1/cases",
                  summary: "Open a disposition case; 422 with every guard that bars it", roles: "legal officer, liaison officer",
                  body: "CaseInput", response: (201, "Case")),
        Operation(method: "get", path: "/api/v1/cases/{id}", summary: "A case with its guard checklist (audited read)",
                  roles: "registry readers; third-state cases only for will readers", response: (200, "Case"),
                  parameters: [caseParameter, purposeParameter]),
        Operation(method: "post", path: "/api/v1/cases/{id}/transitions",
                  summary: "Submit, approve (two approvers, not the author), execute or withdraw; 422 with all reasons at once",
                  roles: "by transition: see DispositionWorkflow", body: "Transition", response: (200, "Case"),
                  parameters: [caseParameter]),
        Operation(method: "post", path: "/api/v1/cases/{id}/overrides",
                  summary: "Request an override of a failing warn guard, with a reason", roles: "legal officer, approver",
                  body: "OverrideInput", response: (201, "Case"), parameters: [caseParameter]),
        Operation(method: "post", path: "/api/v1/cases/{id}/overrides/confirm",
                  summary: "Confirm an override as second approver (not its requester, not the author)", roles: "approver",
                  body: "OverrideInput", response: (200, "Case"), parameters: [caseParameter]),
        Operation(method: "post", path: "/api/v1/exchanges", summary: "Open an exchange negotiation with a counterpart",
                  roles: "legal officer, liaison officer", body: "ExchangeInput", response: (201, "Exchange")),
        Operation(method: "get", path: "/api/v1/exchanges/{id}",
                  summary: "The negotiation: our list, the counterpart's list with candidates, proposals and exclusions with reasons, totals",
                  roles: "legal officer, liaison officer, approver", response: (200, "Exchange"), parameters: [idParameter]),
        Operation(method: "post", path: "/api/v1/exchanges/{id}/our-list",
                  summary: "Put a prisoner on our list; 422 with every guard that excludes him", roles: "legal officer, liaison officer",
                  body: "ListEntryInput", response: (201, "Exchange"), parameters: [idParameter]),
        Operation(method: "post", path: "/api/v1/exchanges/{id}/counterpart-list",
                  summary: "Import the counterpart's list as CSV (UTF-8 or Windows-1251); returns ranked registry candidates per line. A broken file is 400 naming line and column; nothing is written",
                  roles: "legal officer, liaison officer", body: "CounterpartCSV", response: (201, "ImportedEntries"), parameters: [
                      idParameter,
                      ["name": "direction", "in": "query", "schema": ["type": "string", "enum": enumValues(CounterpartEntry.Direction.self)]],
                      ["name": "encoding", "in": "query",
                       "schema": ["type": "string", "enum": enumValues(CounterpartListImport.TextEncoding.self)]],
                  ], bodyMediaType: "text/csv"),
        Operation(method: "post", path: "/api/v1/exchanges/{id}/reconciliation",
                  summary: "After the crossing: who crossed (his exchange case executed) and who did not, and why; queues the Art. 122 notices",
                  roles: "legal officer, liaison officer, camp officer", body: "ReconciliationInput",
                  response: (200, "Reconciliation"), parameters: [idParameter]),
        Operation(method: "post", path: "/api/v1/exchanges/{id}/matches",
                  summary: "Confirm which candidate a counterpart line is, or that he is not in the registry",
                  roles: "legal officer, liaison officer", body: "MatchInput", response: (200, "MatchReview"), parameters: [idParameter]),
    ]
}
