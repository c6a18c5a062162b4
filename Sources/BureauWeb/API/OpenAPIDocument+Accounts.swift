import BureauCore

/// Account administration (issue 8): each operation has its form on `/users/:id` (`PageFormTable`).
extension OpenAPIDocument {
    static let accountOperations: [Operation] = [
        Operation(method: "post", path: "/api/v1/users/{id}/status",
                  summary: "Disable or enable an account; disabling ends its sessions and tokens", roles: "administrator",
                  body: "UserStatusInput", response: (200, "User"), parameters: [idParameter]),
        Operation(method: "post", path: "/api/v1/users/{id}/role",
                  summary: "Change an account's role; its sessions end (never the last active administrator)",
                  roles: "administrator", body: "UserRoleInput", response: (200, "User"), parameters: [idParameter]),
        Operation(method: "post", path: "/api/v1/users/{id}/full-name",
                  summary: "Set the full name pages show instead of the username (empty or left out: the username)",
                  roles: "administrator", body: "UserNameInput", response: (200, "User"), parameters: [idParameter]),
        Operation(method: "post", path: "/api/v1/users/{id}/reset-link",
                  summary: "Issue a one-time password link (shown once; the old password and sessions end)",
                  roles: "administrator", response: (201, "ResetLink"), parameters: [idParameter]),
    ]
}

/// The outbox's batch work (issue 8), each with its form on `/outbox`: the same code as `bureau outbox export | ack`.
extension OpenAPIDocument {
    static let outboxBatchOperations: [Operation] = [
        Operation(method: "post", path: "/api/v1/outbox/export",
                  summary: "Download every pending notice as one signed batch and mark them sent (as `bureau outbox export`)",
                  roles: "liaison officer, legal officer", response: (200, "SignedBatch")),
        Operation(method: "post", path: "/api/v1/outbox/acknowledgements",
                  summary: "Import the recipient's acknowledgement file, all or nothing (as `bureau outbox ack`)",
                  roles: "liaison officer, legal officer", body: "OutboxAcknowledgements", response: (200, "AcknowledgedCount")),
        Operation(method: "get", path: "/api/v1/outbox/{id}/preview",
                  summary: "One notice as its recipient will read it, in the recipient's language (audited read)",
                  roles: "liaison officer, legal officer", response: (200, "NoticePreview"), parameters: [idParameter]),
    ]
}

/// Correct and void (issue 8, item 4), each with its form on the prisoner's page.
extension OpenAPIDocument {
    static let correctionOperations: [Operation] = [
        Operation(method: "post", path: "/api/v1/prisoners/{id}/corrections",
                  summary: "Correct the status, the Power depended on or the unit, with a reason (the old value stays in the history)",
                  roles: "registrar, legal officer", body: "CorrectionInput", response: (201, "Correction"), parameters: [idParameter]),
        Operation(method: "post", path: "/api/v1/claims/{id}/correction",
                  summary: "Replace an identity claim (rank, name, number) with a corrected one, with a reason",
                  roles: "registrar, investigator", body: "ClaimCorrectionInput", response: (201, "Claim"), parameters: [idParameter]),
        Operation(method: "post", path: "/api/v1/prisoners/{id}/voidings",
                  summary: "Ask for the registration (no eventID) or one entry to be voided as made in error; counts once a second officer confirms",
                  roles: "registrar, legal officer, approver", body: "VoidingInput", response: (201, "Voiding"),
                  parameters: [idParameter]),
        Operation(method: "post", path: "/api/v1/voidings/{id}/confirm",
                  summary: "Confirm a voiding (four eyes: never the officer who asked); its clocks stop",
                  roles: "registrar, legal officer, approver", response: (200, "Voiding"), parameters: [idParameter]),
    ]
}

extension OpenAPISchemas {
    static var corrections: JSONValue {
        let reason = requiredText(RecordCorrection.reasonLimit)
        return [
            "CorrectionInput": object([("field", ["type": "string", "enum": ["status", "power", "unit"]]),
                                       // One line without control characters (a unit may be cleared with "").
                                       ("value", ["type": "string", "maxLength": 200,
                                                  "pattern": "^[^\\x00-\\x1F\\x7F-\\x9F\\u202A-\\u202E]*$"]),
                                       ("reason", reason)], required: ["field", "value", "reason"]),
            "Correction": object([("id", uuid), ("prisonerID", uuid), ("field", enumOf(RecordCorrection.Field.self)),
                                  ("before", string), ("after", string), ("reason", string), ("recordedBy", string),
                                  ("recordedAt", dateTime)],
                                 required: ["id", "prisonerID", "field", "reason", "recordedBy", "recordedAt"]),
            "ClaimCorrectionInput": object([("reason", reason), ("claim", OpenAPIDocument.ref("ClaimInput"))],
                                           required: ["reason", "claim"]),
            "VoidingInput": object([("reason", reason), ("eventID", uuid)], required: ["reason"]),
            "Voiding": object([("id", uuid), ("prisonerID", uuid), ("eventID", uuid), ("eventKind", string), ("reason", string),
                               ("requestedBy", string), ("requestedAt", dateTime), ("confirmedBy", string),
                               ("confirmedAt", dateTime)],
                              required: ["id", "prisonerID", "reason", "requestedBy", "requestedAt"]),
        ]
    }

    static var outboxBatches: JSONValue {
        [
            "SignedBatch": ["type": "object", "required": ["batch", "signature"]],
            "OutboxAcknowledgements": object([
                ("format", ["type": "string", "enum": ["bureau-outbox-ack/1"]]), ("batchID", string),
                ("acknowledgements", arrayOf(object([("noticeID", uuid), ("reference", nonBlank), ("receivedAt", dateTime)],
                                                    required: ["noticeID", "reference"]))),
            ], required: ["format", "acknowledgements"]),
            "AcknowledgedCount": object([("acknowledged", ["type": "integer", "minimum": 0])], required: ["acknowledged"]),
            "NoticePreview": object([("language", string), ("text", string), ("notice", OpenAPIDocument.ref("Notice"))],
                                    required: ["language", "text", "notice"]),
        ]
    }

    static var accounts: JSONValue {
        [
            "UserStatusInput": object([("disabled", bool)], required: ["disabled"]),
            "UserRoleInput": object([("role", enumOf(Role.self))], required: ["role"]),
            // Empty or left out: the username is shown again (Bureau refuses null values).
            "UserNameInput": object([("fullName", ["type": "string", "maxLength": 120])], required: []),
            "ResetLink": object([("link", string), ("expiresAt", dateTime)], required: ["link", "expiresAt"]),
        ]
    }
}
