import BureauCore
import Vapor

/// The OpenAPI 3.1 description of `/api/v1`, served at `/api/v1/openapi.json`.
///
/// Written by hand next to the routes; `OpenAPITests` fails when a registered route is missing
/// here or documented with another method.
enum OpenAPIDocument {
    struct Operation {
        var method: String
        var path: String
        var summary: String
        var roles: String
        var body: String?
        var response: (status: Int, schema: String?)
        var parameters: [JSONValue] = []
        var bodyMediaType = "application/json"
        /// A documented refusal besides the generic error: status and schema (a custody move stopped by Art. 22(3)).
        var refusal: (status: Int, schema: String)? = nil
    }

    static let idParameter: JSONValue = ["name": "id", "in": "path", "required": true,
                                         "schema": ["type": "string", "format": "uuid"]]
    static let purposeParameter: JSONValue = ["name": "X-Bureau-Purpose", "in": "header", "required": false,
                                              "description": "Why the record is read; kept in the audit trail.",
                                              "schema": ["type": "string"]]

    static var operations: [Operation] {
        registryOperations + accountOperations + correctionOperations + clocksOperations + outboxBatchOperations + dispositionOperations + enquiryOperations
            + mediaReleaseOperations + placementOperations
    }

    static let registryOperations: [Operation] = [
        Operation(method: "post", path: "/api/v1/session", summary: "Sign in; returns a bearer token and sets the session cookie",
                  roles: "anyone", body: "Login", response: (201, "Session")),
        Operation(method: "delete", path: "/api/v1/session", summary: "Sign out", roles: "any staff",
                  response: (204, nil)),
        Operation(method: "get", path: "/api/v1/me", summary: "The signed-in user", roles: "any staff",
                  response: (200, "Me")),
        Operation(method: "get", path: "/api/v1/openapi.json", summary: "This document", roles: "any staff",
                  response: (200, nil)),
        Operation(method: "get", path: "/api/v1/prisoners", summary: "List prisoners with filters and paging (audited)",
                  roles: "registry readers", response: (200, "PrisonerPage"), parameters: [
                      ["name": "q", "in": "query", "schema": ["type": "string"], "description": "Text in any name or service number"],
                      ["name": "power", "in": "query", "schema": ["type": "string", "pattern": "^[A-Za-z]{3}$"]],
                      ["name": "status", "in": "query", "schema": ["type": "string", "enum": enumValues(ProtectedStatus.self)]],
                      ["name": "page", "in": "query", "schema": ["type": "integer", "minimum": 1, "maximum": 100_000]],
                      ["name": "perPage", "in": "query", "schema": ["type": "integer", "minimum": 1, "maximum": 200]],
                      ["name": "voided", "in": "query", "schema": ["type": "string", "enum": ["0", "1"]],
                       "description": "1: only prisoners voided as registered in error (hidden otherwise)"],
                  ]),
        Operation(method: "get", path: "/api/v1/search",
                  summary: "Tracing search: prisoners ranked by name across scripts, with the matching claim and why (audited)",
                  roles: "registry readers", response: (200, "SearchHits"), parameters: [
                      ["name": "name", "in": "query", "required": true,
                       "schema": ["type": "string", "minLength": 1, "pattern": "\\S"], "description": "Not only spaces"],
                      ["name": "dob", "in": "query", "schema": OpenAPISchemas.partialDate, "description": "YYYY, YYYY-MM or YYYY-MM-DD"],
                      ["name": "top", "in": "query", "schema": ["type": "integer", "minimum": 1, "maximum": 100]],
                      purposeParameter,
                  ]),
        Operation(method: "post", path: "/api/v1/prisoners", summary: "Register a captured person", roles: "registrar",
                  body: "Registration", response: (201, "Prisoner")),
        Operation(method: "get", path: "/api/v1/prisoners/{id}", summary: "One prisoner's record (audited read)",
                  roles: "registry readers", response: (200, "Prisoner"), parameters: [idParameter, purposeParameter]),
        Operation(method: "get", path: "/api/v1/prisoners/{id}/timeline",
                  summary: "The entries this reader may see (audited read)", roles: "registry readers",
                  response: (200, "Timeline"), parameters: [idParameter, purposeParameter]),
        Operation(method: "post", path: "/api/v1/prisoners/{id}/claims", summary: "Add an identity claim",
                  roles: "registrar, investigator", body: "ClaimInput", response: (201, "Claim"), parameters: [idParameter]),
        Operation(method: "post", path: "/api/v1/prisoners/{id}/events",
                  summary: "Record or correct a timeline entry; a custody move that would hold him apart from his group or forces without his consent or a confirmed override is refused (409, Art. 22(3))",
                  roles: "by kind: see AccessPolicy", body: "EventInput", response: (201, "TimelineEntry"),
                  parameters: [idParameter], refusal: (409, "PlacementRefusal")),
        Operation(method: "get", path: "/api/v1/audit", summary: "Audit entries, newest first", roles: "auditor",
                  response: (200, "AuditEntries"), parameters: [
                      ["name": "before", "in": "query", "schema": ["type": "integer"]],
                      ["name": "limit", "in": "query", "schema": ["type": "integer", "maximum": 1000]],
                      ["name": "actor", "in": "query", "schema": ["type": "string"]],
                      ["name": "entityID", "in": "query", "schema": ["type": "string"]],
                  ]),
        Operation(method: "get", path: "/api/v1/audit/verify",
                  summary: "Verify the audit log: hash chain and Merkle tree (recorded as an audit entry)", roles: "auditor",
                  response: (200, "AuditVerdict")),
        Operation(method: "get", path: "/api/v1/audit/checkpoints",
                  summary: "The log's signed checkpoints (c2sp.org/tlog-checkpoint), witnesses' cosignatures, the last verification (audited read)",
                  roles: "auditor", response: (200, "AuditCheckpoints")),
        Operation(method: "post", path: "/api/v1/audit/checkpoints",
                  summary: "Sign a checkpoint of the whole log now, its own audit entry included, and queue it for the witnesses (audited)",
                  roles: "auditor", response: (201, "AuditCheckpoint")),
        Operation(method: "get", path: "/api/v1/audit/consistency",
                  summary: "Consistency proof between two tree sizes (RFC 9162 §2.1.4), for a witness holding checkpoints of both (audited)",
                  roles: "auditor", response: (200, "AuditConsistency"), parameters: [
                      ["name": "from", "in": "query", "required": true, "schema": ["type": "integer", "minimum": 1],
                       "description": "The older tree size (at most `to`)"],
                      ["name": "to", "in": "query", "required": true, "schema": ["type": "integer", "minimum": 1],
                       "description": "The newer tree size (at most the log's size)"],
                  ]),
        Operation(method: "get", path: "/api/v1/audit/proof",
                  summary: "Inclusion proof for one entry (RFC 6962; c2sp.org/tlog-proof@v1 when a checkpoint of that size exists; audited)",
                  roles: "auditor", response: (200, "AuditProof"), parameters: [
                      ["name": "entry", "in": "query", "required": true, "schema": ["type": "integer", "minimum": 1]],
                      ["name": "size", "in": "query", "schema": ["type": "integer", "minimum": 1],
                       "description": "Tree size; default: the newest checkpoint's"],
                  ]),
        Operation(method: "get", path: "/api/v1/users", summary: "Staff accounts", roles: "administrator",
                  response: (200, "Users")),
        Operation(method: "post", path: "/api/v1/users", summary: "Create a staff account", roles: "administrator",
                  body: "UserInput", response: (201, "User")),
    ]

    static func enumValues<T: CaseIterable & RawRepresentable>(_ type: T.Type) -> JSONValue where T.RawValue == String {
        .array(T.allCases.map { .string($0.rawValue) })
    }

    static func ref(_ name: String) -> JSONValue { ["$ref": .string("#/components/schemas/\(name)")] }

    static var document: JSONValue {
        var paths: [(String, JSONValue)] = []
        for path in uniquePaths {
            var methods: [(String, JSONValue)] = []
            for operation in operations where operation.path == path {
                var entry: [(String, JSONValue)] = [
                    ("summary", .string(operation.summary)),
                    ("description", .string("Roles: \(operation.roles).")),
                    ("operationId", .string(operation.method + operation.path.replacingOccurrences(of: "/", with: "_"))),
                ]
                if !operation.parameters.isEmpty { entry.append(("parameters", .array(operation.parameters))) }
                if let body = operation.body {
                    entry.append(("requestBody", ["required": true,
                                                  "content": .object([(operation.bodyMediaType, .object([("schema", ref(body))]))])]))
                }
                var responses: [(String, JSONValue)] = []
                if let schema = operation.response.schema {
                    responses.append((String(operation.response.status),
                                      ["description": "OK", "content": ["application/json": ["schema": ref(schema)]]]))
                } else {
                    responses.append((String(operation.response.status), ["description": "OK"]))
                }
                if let refusal = operation.refusal {
                    responses.append((String(refusal.status), ["description": "Refused",
                                                               "content": ["application/json": ["schema": ref(refusal.schema)]]]))
                }
                responses.append(("default", ["description": "Error", "content": ["application/json": ["schema": ref("Error")]]]))
                entry.append(("responses", .object(responses)))
                if operation.path != "/api/v1/session" || operation.method != "post" {
                    entry.append(("security", [["bearer": []], ["cookie": []]]))
                }
                methods.append((operation.method, .object(entry)))
            }
            paths.append((path, .object(methods)))
        }
        return [
            "openapi": "3.1.0",
            "info": ["title": "Bureau API", "version": "1.0.0",
                     "description": "National Information Bureau registry (GC III Art. 122). Every read of a prisoner record and every write is audited."],
            "paths": .object(paths),
            "components": ["schemas": OpenAPISchemas.all.merging(.object(clocksSchemas)).merging(OpenAPISchemas.disposition)
                               .merging(OpenAPISchemas.auditLog)
                               .merging(OpenAPISchemas.enquiries)
                               .merging(OpenAPISchemas.mediaReleases)
                               .merging(OpenAPISchemas.placements)
                               .merging(OpenAPISchemas.accounts)
                               .merging(OpenAPISchemas.outboxBatches)
                               .merging(OpenAPISchemas.corrections),
                           "securitySchemes": [
                               "bearer": ["type": "http", "scheme": "bearer"],
                               "cookie": ["type": "apiKey", "in": "cookie", "name": "bureau_session"],
                           ]],
        ]
    }

    static var uniquePaths: [String] {
        var seen: [String] = []
        for operation in operations where !seen.contains(operation.path) { seen.append(operation.path) }
        return seen
    }

    static func serve(_ request: Request) async throws -> Response {
        let response = Response(status: .ok)
        try response.content.encode(document, using: JSONCoders.encoder)
        return response
    }
}
