import BureauCore
import BureauStore
import Vapor

extension BureauServices {
    /// Guard 10: consents and overrides of the Art. 22(3) warning.
    public var placements: PlacementStore { PlacementStore(context: context) }
}

/// `POST /api/v1/prisoners/{id}/placement-consents`.
struct PlacementConsentInput: Codable {
    var facility: String
    var section: String?
    /// How and to whom he gave his consent.
    var statement: String
}

/// `POST /api/v1/prisoners/{id}/placement-overrides`.
struct PlacementOverrideInput: Codable {
    var facility: String
    var section: String?
    var reason: String
}

/// A consent or override as the API returns it; `text` is empty for readers without the will class.
struct PlacementClearanceDTO: Content {
    var id: UUID
    var prisonerID: UUID
    var kind: PlacementClearance.Kind
    var facility: String
    var section: String?
    var text: String
    var keys: [String]
    var recordedBy: String
    var recordedAt: Date
    var confirmedBy: String?
    var confirmedAt: Date?
    var effective: Bool

    init(_ c: PlacementClearance) {
        id = c.id
        prisonerID = c.prisonerID
        kind = c.kind
        facility = c.facility
        section = c.section
        text = c.text
        keys = c.keys
        recordedBy = c.recordedBy
        recordedAt = c.recordedAt
        confirmedBy = c.confirmedBy
        confirmedAt = c.confirmedAt
        effective = c.isEffective
    }
}

struct PlacementClearancesDTO: Content {
    var clearances: [PlacementClearanceDTO]
}

/// A custody move stopped by Art. 22(3) (409): the error in the caller's language, naming the article,
/// the lines that stopped it and the two ways forward.
struct PlacementRefusalDTO: Content {
    var error: APIErrorBody.Detail
    var article: String
    /// The failing lines in the caller's language.
    var warnings: [String]
    var reasons: [GuardDTO]
    var guards: [GuardDTO]
    /// Where to record his consent, or request the override a second approver confirms.
    var remedies: [String]

    static func response(_ refusal: PlacementRefusal, prisonerID: UUID, for request: Request) throws -> Response {
        let text = DispositionText(request: request)
        let warnings = refusal.blocking.map(text.guardMessage)
        let body = PlacementRefusalDTO(
            error: .init(code: PlacementRefusal.code,
                         message: ([text.text("error.\(PlacementRefusal.code)")] + warnings).joined(separator: " "),
                         field: "facility"),
            article: refusal.blocking.first?.article ?? "GC III Art. 22(3)", warnings: warnings,
            reasons: refusal.blocking.map(GuardDTO.init), guards: refusal.guards.map(GuardDTO.init),
            remedies: ["/api/v1/prisoners/\(prisonerID.uuidString)/placement-consents",
                       "/api/v1/prisoners/\(prisonerID.uuidString)/placement-overrides"])
        let response = Response(status: .conflict)
        try response.content.encode(body, using: JSONCoders.encoder)
        response.headers.replaceOrAdd(name: .contentLanguage, value: request.language)
        return response
    }
}

struct PlacementAPIController {
    func consent(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let input = try StrictJSON.decode(PlacementConsentInput.self, from: request)
        let consent = try await request.bureau.placements.recordConsent(try request.prisonerID(), facility: input.facility,
                                                                        section: input.section, statement: input.statement,
                                                                        by: user.principal)
        return try Self.created(consent)
    }

    func requestOverride(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let input = try StrictJSON.decode(PlacementOverrideInput.self, from: request)
        let override = try await request.bureau.placements.requestOverride(try request.prisonerID(), facility: input.facility,
                                                                           section: input.section, reason: input.reason,
                                                                           by: user.principal)
        return try Self.created(override)
    }

    func confirm(_ request: Request) async throws -> PlacementClearanceDTO {
        let user = try request.requireUser()
        guard let id = request.parameters.get("id").flatMap(UUID.init(uuidString:)) else {
            throw DomainError(.notFound, code: "override_not_found", "no override with that id")
        }
        return PlacementClearanceDTO(try await request.bureau.placements.confirmOverride(id, by: user.principal))
    }

    func list(_ request: Request) async throws -> PlacementClearancesDTO {
        let user = try request.requireUser()
        let clearances = try await request.bureau.placements.clearances(of: try request.prisonerID(), by: user.principal)
        return PlacementClearancesDTO(clearances: clearances.map(PlacementClearanceDTO.init))
    }

    static func created(_ clearance: PlacementClearance) throws -> Response {
        let response = Response(status: .created)
        try response.content.encode(PlacementClearanceDTO(clearance), using: JSONCoders.encoder)
        return response
    }
}

func placementRoutes(_ app: Application) {
    let api = app.grouped("api", "v1")
    let controller = PlacementAPIController()
    api.grouped(RoleMiddleware(.readRegistry)).get("prisoners", ":id", "placement-clearances", use: controller.list)
    api.grouped(RoleMiddleware(.recordPlacementConsent)).post("prisoners", ":id", "placement-consents", use: controller.consent)
    api.grouped(RoleMiddleware(.requestOverride)).post("prisoners", ":id", "placement-overrides", use: controller.requestOverride)
    api.grouped(RoleMiddleware(.confirmOverride)).post("placement-overrides", ":id", "confirm", use: controller.confirm)
    let pages = PlacementPages()
    app.grouped(RoleMiddleware(.recordPlacementConsent)).post("prisoners", ":id", "placement-consents", use: pages.consent)
    app.grouped(RoleMiddleware(.requestOverride)).post("prisoners", ":id", "placement-overrides", use: pages.requestOverride)
    app.grouped(RoleMiddleware(.confirmOverride)).post("placement-overrides", ":id", "confirm", use: pages.confirm)
}

// MARK: OpenAPI

extension OpenAPISchemas {
    static var placements: JSONValue {
        let clearance = object([
            ("id", uuid), ("prisonerID", uuid), ("kind", enumOf(PlacementClearance.Kind.self)), ("facility", string),
            ("section", string), ("text", ["type": "string", "description": "His consent as given, or the reason; empty for roles that may not read his will"]),
            ("keys", arrayOf(string)), ("recordedBy", string), ("recordedAt", dateTime), ("confirmedBy", string),
            ("confirmedAt", dateTime), ("effective", bool),
        ], required: ["id", "prisonerID", "kind", "facility", "text", "keys", "recordedBy", "recordedAt", "effective"])
        let detail = object([("code", string), ("message", string), ("field", optionalString)], required: ["code", "message"])
        return [
            "PlacementConsentInput": object([("facility", OpenAPISchemas.nonBlank), ("section", string),
                                             ("statement", OpenAPISchemas.nonBlank)], required: ["facility", "statement"]),
            "PlacementOverrideInput": object([("facility", OpenAPISchemas.nonBlank), ("section", string),
                                              ("reason", OpenAPISchemas.nonBlank)], required: ["facility", "reason"]),
            "PlacementClearance": clearance,
            "PlacementClearances": object([("clearances", arrayOf(clearance))], required: ["clearances"]),
            "PlacementRefusal": object([
                ("error", detail), ("article", string), ("warnings", arrayOf(string)),
                ("reasons", arrayOf(OpenAPIDocument.ref("Guard"))), ("guards", arrayOf(OpenAPIDocument.ref("Guard"))),
                ("remedies", arrayOf(string)),
            ], required: ["error", "article", "warnings", "reasons", "guards", "remedies"]),
        ]
    }
}

extension OpenAPIDocument {
    static let placementOperations: [Operation] = [
        Operation(method: "get", path: "/api/v1/prisoners/{id}/placement-clearances",
                  summary: "His recorded consents and overrides of the Art. 22(3) warning (audited read; the words only for readers of his will)",
                  roles: "registry readers", response: (200, "PlacementClearances"), parameters: [idParameter]),
        Operation(method: "post", path: "/api/v1/prisoners/{id}/placement-consents",
                  summary: "Record his consent to being held in a facility section apart from his group or forces (Art. 22(3))",
                  roles: "registrar, camp officer, legal officer", body: "PlacementConsentInput",
                  response: (201, "PlacementClearance"), parameters: [idParameter]),
        Operation(method: "post", path: "/api/v1/prisoners/{id}/placement-overrides",
                  summary: "Request an override of the Art. 22(3) warning for a facility section, with a reason; effective once a second approver confirms it",
                  roles: "legal officer, approver", body: "PlacementOverrideInput",
                  response: (201, "PlacementClearance"), parameters: [idParameter]),
        Operation(method: "post", path: "/api/v1/placement-overrides/{id}/confirm",
                  summary: "Confirm an Art. 22(3) override: an approver other than its requester",
                  roles: "approver", response: (200, "PlacementClearance"), parameters: [idParameter]),
    ]
}
