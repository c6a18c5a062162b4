import BureauCore
import BureauStore
import Vapor

/// Routes of the tracing workflow (issue 12): the API under `/api/v1/enquiries` and its pages.
func enquiryRoutes(_ app: Application) throws {
    let api = app.grouped("api", "v1")
    let controller = EnquiryAPIController()
    let readers = api.grouped(RoleMiddleware(.readEnquiries))
    let tracers = api.grouped(RoleMiddleware(.traceEnquiries))
    readers.get("enquiries", use: controller.list)
    readers.get("enquiries", ":id", use: controller.show)
    tracers.post("enquiries", use: controller.create)
    tracers.post("enquiries", ":id", "outcome", use: controller.outcome)
    tracers.post("enquiries", ":id", "confirm", use: controller.confirm)
    tracers.post("enquiries", ":id", "answer", use: controller.answer)
    tracers.post("enquiries", ":id", "match", use: controller.rematch)
    tracers.post("enquiries", ":id", "rule-out", use: controller.ruleOut)
    tracers.post("enquiries", ":id", "assign", use: controller.assign)
    tracers.on(.POST, "enquiry-lists", body: .collect(maxSize: "8mb"), use: controller.importList)
    tracers.get("enquiry-lists", ":id", use: controller.listProgress)
    try enquiryPageRoutes(app)
}

extension OpenAPIDocument {
    static let enquiryOperations: [Operation] = [
        Operation(method: "post", path: "/api/v1/enquiries",
                  summary: "Record an enquiry (Art. 122(7)): who asks, the person as the enquirer knows him (names in any script, every spelling), the answer's language; returns it with ranked registry candidates",
                  roles: "tracing officer", body: "EnquiryInput", response: (201, "Enquiry")),
        Operation(method: "get", path: "/api/v1/enquiries", summary: "Enquiries, oldest deadline first, with filters (audited)",
                  roles: "tracing officer, liaison officer, legal officer", response: (200, "EnquirySummaries"), parameters: [
                      ["name": "status", "in": "query", "schema": ["type": "string", "enum": enumValues(EnquiryStatus.self)]],
                      ["name": "clock", "in": "query", "schema": ["type": "string", "enum": enumValues(ObligationStatus.self)]],
                      ["name": "enquirer", "in": "query", "schema": ["type": "string", "enum": enumValues(Enquirer.Kind.self)]],
                      ["name": "assignedTo", "in": "query", "schema": ["type": "string"]],
                      ["name": "list", "in": "query", "schema": ["type": "string", "format": "uuid"],
                       "description": "The bulk list the enquiries came in"],
                      ["name": "q", "in": "query", "schema": ["type": "string"], "description": "Text in a name sought or the reference"],
                  ]),
        Operation(method: "get", path: "/api/v1/enquiries/{id}",
                  summary: "One enquiry with its candidates (each with why, as codes and in English), outcomes, answers and, when standing, new matches (audited)",
                  roles: "tracing officer, liaison officer, legal officer", response: (200, "Enquiry"), parameters: [idParameter]),
        Operation(method: "post", path: "/api/v1/enquiries/{id}/outcome",
                  summary: "Record what was found: held, died in captivity, released (each naming the prisoner, checked against his record), no record, or needs more information (with the question asked back)",
                  roles: "tracing officer", body: "OutcomeInput", response: (200, "Enquiry"), parameters: [idParameter]),
        Operation(method: "post", path: "/api/v1/enquiries/{id}/confirm",
                  summary: "Confirm a positive outcome as a second officer (403 for the officer who recorded it)",
                  roles: "tracing officer", response: (200, "Enquiry"), parameters: [idParameter]),
        Operation(method: "post", path: "/api/v1/enquiries/{id}/answer",
                  summary: "Issue the answer in the enquirer's language with only what Arts. 122 and 17 allow; queued for the next signed outbox batch",
                  roles: "tracing officer", response: (201, "EnquiryAnswer"), parameters: [idParameter]),
        Operation(method: "post", path: "/api/v1/enquiries/{id}/match", summary: "Match again against the registry as it is now",
                  roles: "tracing officer", response: (200, "Enquiry"), parameters: [idParameter]),
        Operation(method: "post", path: "/api/v1/enquiries/{id}/rule-out",
                  summary: "Rule a candidate out: never proposed or raised again for this enquiry", roles: "tracing officer",
                  body: "RuleOutInput", response: (200, "Enquiry"), parameters: [idParameter]),
        Operation(method: "post", path: "/api/v1/enquiries/{id}/assign", summary: "Hand the enquiry to another tracing officer",
                  roles: "tracing officer", body: "AssignInput", response: (200, "Enquiry"), parameters: [idParameter]),
        Operation(method: "post", path: "/api/v1/enquiry-lists",
                  summary: "Import a list of enquiries (CSV body, UTF-8 or Windows-1251; a broken file is 400 naming line and column and nothing is written). 202: matched in the background; poll the Location for progress",
                  roles: "tracing officer", response: (202, "EnquiryListProgress"), parameters: [
                      ["name": "enquirer", "in": "query", "schema": ["type": "string", "enum": enumValues(Enquirer.Kind.self)]],
                      ["name": "enquirerName", "in": "query", "schema": ["type": "string"]],
                      ["name": "through", "in": "query", "schema": ["type": "string"]],
                      ["name": "reference", "in": "query", "schema": ["type": "string"]],
                      ["name": "language", "in": "query", "schema": ["type": "string", "enum": ["uk", "en", "ru", "ko"]]],
                      ["name": "receivedAt", "in": "query", "schema": ["type": "string", "format": "date-time"]],
                      ["name": "encoding", "in": "query",
                       "schema": ["type": "string", "enum": enumValues(CounterpartListImport.TextEncoding.self)]],
                  ]),
        Operation(method: "get", path: "/api/v1/enquiry-lists/{id}", summary: "Progress of a list being matched",
                  roles: "tracing officer", response: (200, "EnquiryListProgress"), parameters: [idParameter]),
    ]
}

extension OpenAPISchemas {
    static var enquiries: JSONValue {
        let open: JSONValue = ["type": "object"]
        let enquirer = object([("kind", enumOf(Enquirer.Kind.self)), ("name", string), ("through", string),
                               ("channel", enumOf(Enquirer.Channel.self)), ("reference", string)],
                              required: ["kind", "name", "channel"])
        let person = object([("names", arrayOf(string)), ("dateOfBirth", partialDate), ("placeOfBirth", string),
                             ("fatherName", string), ("unit", string), ("rank", string), ("serviceNumber", string),
                             ("lastSeenAt", partialDate), ("lastSeenPlace", string)], required: ["names"])
        let reason = object([("code", ["type": "string", "description": "Localization key match.<code>"]), ("role", string),
                             ("query", string), ("candidate", string), ("similarity", ["type": "number"])], required: ["code"])
        let candidate = object([("prisonerID", uuid), ("internmentNumber", string), ("name", string), ("matchedName", string),
                                ("queryName", string), ("score", ["type": "number"]), ("explanation", string),
                                ("reasons", arrayOf(reason))], required: ["prisonerID", "score", "explanation", "reasons"])
        let answer = object([("id", uuid), ("outcomeID", uuid), ("recipient", string), ("language", string),
                             ("content", open), ("letter", string), ("issuedBy", string), ("issuedAt", dateTime)],
                            required: ["id", "recipient", "language", "content", "letter"])
        return [
            "EnquiryInput": object([("enquirer", enquirer), ("person", person),
                                    ("language", ["type": "string", "enum": ["uk", "en", "ru", "ko"]]),
                                    ("receivedAt", dateTime), ("assignedTo", string), ("note", string)],
                                   required: ["enquirer", "person", "language", "receivedAt"]),
            "OutcomeInput": object([("result", enumOf(EnquiryOutcome.Result.Code.self)), ("prisonerID", uuid),
                                    ("question", string), ("note", string)], required: ["result"]),
            "RuleOutInput": object([("prisonerID", uuid)], required: ["prisonerID"]),
            "AssignInput": object([("assignedTo", string)], required: ["assignedTo"]),
            "Enquiry": object([("id", uuid), ("status", enumOf(EnquiryStatus.self)), ("enquirer", enquirer), ("person", person),
                               ("language", string), ("receivedAt", dateTime), ("dueAt", dateTime),
                               ("clock", enumOf(ObligationStatus.self)), ("assignedTo", string), ("answeredAt", dateTime),
                               ("candidates", arrayOf(candidate)), ("outcome", open), ("outcomes", arrayOf(open)),
                               ("answers", arrayOf(answer)), ("raised", arrayOf(candidate))],
                              required: ["id", "status", "enquirer", "person", "receivedAt", "dueAt", "candidates"]),
            "EnquirySummaries": arrayOf(object([("id", uuid), ("status", enumOf(EnquiryStatus.self)), ("names", arrayOf(string)),
                                                ("dueAt", dateTime), ("clock", enumOf(ObligationStatus.self))],
                                               required: ["id", "status", "names", "dueAt", "clock"])),
            "EnquiryAnswer": answer,
            "EnquiryListProgress": object([("id", uuid), ("state", enumOf(EnquiryListJobs.State.self)),
                                           ("total", ["type": "integer"]), ("matched", ["type": "integer"]),
                                           ("withCandidates", ["type": "integer"]), ("seconds", ["type": "number"]),
                                           ("failure", string)], required: ["id", "state", "total", "matched"]),
        ]
    }
}
