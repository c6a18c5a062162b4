import BureauCore
import BureauStore
import Vapor

/// Routes of the Convention clocks (issue 4): obligations, capture card, notifications outbox.
func clocksRoutes(_ app: Application) throws {
    let api = app.grouped("api", "v1")
    let readers = api.grouped(RoleMiddleware(.readRegistry))
    let obligations = ObligationsAPIController()
    readers.get("obligations", use: obligations.list)
    readers.get("prisoners", ":id", "obligations", use: obligations.forPrisoner)
    readers.get("prisoners", ":id", "capture-card", use: obligations.captureCard)

    let operators = api.grouped(RoleMiddleware(.operateOutbox))
    let outbox = OutboxAPIController()
    operators.get("outbox", use: outbox.list)
    operators.get("outbox", "public-key", use: outbox.publicKey)
    operators.post("outbox", ":id", "sent", use: outbox.sent)
    operators.post("outbox", ":id", "acknowledgement", use: outbox.acknowledge)
    let batches = OutboxBatchPages()
    operators.post("outbox", "export", use: batches.exportAPI)
    operators.on(.POST, "outbox", "acknowledgements", body: .collect(maxSize: "8mb"), use: batches.acknowledgementsAPI)
    operators.get("outbox", ":id", "preview", use: batches.previewAPI)

    let pageReaders = app.grouped(RoleMiddleware(.readRegistry))
    let pages = ObligationsPage()
    pageReaders.get("obligations", use: pages.dashboard)
    pageReaders.get("prisoners", ":id", "obligations", use: pages.prisoner)
    let card = CaptureCardPage()
    pageReaders.get("prisoners", ":id", "capture-card", use: card.show)
    app.grouped(RoleMiddleware(.recordEvent)).post("prisoners", ":id", "capture-card", use: card.record)
    let outboxPage = OutboxPage()
    let pageOperators = app.grouped(RoleMiddleware(.operateOutbox))
    pageOperators.get("outbox", use: outboxPage.show)
    pageOperators.post("outbox", ":id", "sent", use: outboxPage.sent)
    pageOperators.post("outbox", ":id", "acknowledgement", use: outboxPage.acknowledge)
    pageOperators.post("outbox", "export", use: batches.download)
    pageOperators.on(.POST, "outbox", "acknowledgements", body: .collect(maxSize: "8mb"), use: batches.acknowledgements)
    pageOperators.get("outbox", ":id", "preview", use: batches.preview)
}

extension OpenAPIDocument {
    static let stateParameter: JSONValue = [
        "name": "state", "in": "query",
        "description": "overdue; due (within the due-soon window, 48 h by default); open; fulfilled; waived; all. Default: overdue and due.",
        "schema": ["type": "string", "enum": ["overdue", "due", "open", "not_yet_due", "fulfilled", "waived", "all"]],
    ]
    static let ruleParameter: JSONValue = ["name": "rule", "in": "query", "description": "A catalogue ID such as GC3-70-card",
                                           "schema": ["type": "string", "enum": enumValues(RuleID.self)]]

    /// API operations of the Convention clocks, added to the OpenAPI document.
    static let clocksOperations: [Operation] = [
        Operation(method: "get", path: "/api/v1/obligations",
                  summary: "GC III obligations across the registry, derived from the timelines (audited read)",
                  roles: "registry readers; health-class obligations only for roles that read health",
                  response: (200, "ObligationList"), parameters: [
                      stateParameter, ruleParameter,
                      ["name": "facility", "in": "query", "schema": ["type": "string"],
                       "description": "The facility holding the prisoner now"],
                      ["name": "prisoner", "in": "query", "schema": ["type": "string", "format": "uuid"]],
                  ]),
        Operation(method: "get", path: "/api/v1/prisoners/{id}/obligations",
                  summary: "One prisoner's obligations, open and fulfilled (audited read)",
                  roles: "registry readers; health-class obligations only for roles that read health",
                  response: (200, "ObligationList"), parameters: [idParameter, stateParameter, ruleParameter, purposeParameter]),
        Operation(method: "get", path: "/api/v1/prisoners/{id}/capture-card",
                  summary: "The Art. 70 capture card (Annex IV B) prefilled from the record (audited read)",
                  roles: "registry readers", response: (200, "CaptureCard"), parameters: [idParameter, purposeParameter]),
        Operation(method: "get", path: "/api/v1/outbox",
                  summary: "Notices owed to the CTA and the Protecting Power (Arts. 122–123)",
                  roles: "liaison officer, legal officer", response: (200, "Notices"), parameters: [
                      ["name": "status", "in": "query", "schema": ["type": "string", "enum": enumValues(OutboundNotice.Status.self)]],
                  ]),
        Operation(method: "get", path: "/api/v1/outbox/public-key",
                  summary: "The Ed25519 public key outbox batches are signed with",
                  roles: "liaison officer, legal officer", response: (200, "PublicKey")),
        Operation(method: "post", path: "/api/v1/outbox/{id}/sent",
                  summary: "Mark a pending notice sent; records the notification on the prisoner's timeline",
                  roles: "liaison officer, legal officer", body: "NoticeSent", response: (200, "Notice"),
                  parameters: [idParameter]),
        Operation(method: "post", path: "/api/v1/outbox/{id}/acknowledgement",
                  summary: "Record the recipient's acknowledgement of a sent notice",
                  roles: "liaison officer, legal officer", body: "NoticeAcknowledgement", response: (200, "Notice"),
                  parameters: [idParameter]),
    ]

    /// Component schemas of the Convention clocks.
    static var clocksSchemas: [(String, JSONValue)] {
        typealias S = OpenAPISchemas
        let addressee = S.enumOf(Addressee.self)
        let state = S.object([("status", S.enumOf(ObligationStatus.self)), ("by", S.uuid), ("at", S.dateTime),
                              ("late", S.bool), ("reason", S.string), ("approver", S.string)], required: ["status"])
        let obligation = S.object([
            ("id", S.string), ("rule", S.enumOf(RuleID.self)), ("article", S.string), ("duty", S.string),
            ("dutyKey", S.string), ("owedTo", S.arrayOf(addressee)), ("prisonerID", S.uuid),
            ("internmentNumber", S.string), ("prisonerName", S.string), ("triggerEventID", S.uuid),
            ("triggerKind", S.enumOf(EventKind.self)), ("triggeredAt", S.dateTime), ("dueAt", S.dateTime),
            ("deadlineBasis", S.enumOf(DeadlineBasis.self)), ("deadlineRule", S.string),
            ("fulfilledBy", S.arrayOf(S.enumOf(EventKind.self))), ("facility", S.string), ("facilityTimeZone", S.string),
            ("barsUntil", S.dateTime), ("status", S.enumOf(ObligationStatus.self)), ("state", state),
        ], required: ["id", "rule", "article", "duty", "owedTo", "prisonerID", "dueAt", "deadlineBasis", "status", "state"])
        let counts: JSONValue = ["type": "object", "description": "rule ID → status → count",
                                 "additionalProperties": ["type": "object", "additionalProperties": ["type": "integer"]]]
        let notice = S.object([
            ("id", S.uuid), ("prisonerID", S.uuid), ("obligationID", S.string), ("rule", S.enumOf(RuleID.self)),
            ("subject", S.enumOf(NotificationEntry.Subject.self)), ("recipient", addressee), ("concerningEventID", S.uuid),
            ("content", ["type": "object", "description": "Art. 17 core identity and the facts of the event (NoticeContent)"]),
            ("createdAt", S.dateTime), ("dueAt", S.dateTime), ("status", S.enumOf(OutboundNotice.Status.self)),
            ("sentAt", S.dateTime), ("sentBy", S.string), ("channel", S.string), ("batchID", S.string),
            ("timelineEventID", S.uuid), ("acknowledgedAt", S.dateTime), ("acknowledgedBy", S.string),
            ("reference", S.string),
        ], required: ["id", "prisonerID", "obligationID", "rule", "subject", "recipient", "content", "status"])
        return [
            ("Obligation", obligation),
            ("ObligationList", S.object([("derivedAt", S.dateTime), ("total", ["type": "integer"]), ("counts", counts),
                                         ("items", S.arrayOf(ref("Obligation")))],
                                        required: ["derivedAt", "total", "counts", "items"])),
            ("CaptureCard", ["type": "object",
                             "description": "Annex IV B items 1–14 (CaptureCardContent): names as written with their romanization"]),
            ("Notice", notice),
            ("Notices", S.arrayOf(ref("Notice"))),
            ("NoticeSent", S.object([("channel", S.nonBlank), ("reference", S.string)], required: ["channel"])),
            ("NoticeAcknowledgement", S.object([("reference", S.nonBlank), ("receivedAt", S.dateTime)],
                                               required: ["reference"])),
            ("PublicKey", S.object([("algorithm", S.string), ("publicKey", S.string)], required: ["algorithm", "publicKey"])),
        ]
    }
}
