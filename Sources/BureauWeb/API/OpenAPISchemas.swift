import BureauCore

/// Component schemas of the OpenAPI document.
enum OpenAPISchemas {
    static func enumOf<T: CaseIterable & RawRepresentable>(_ type: T.Type) -> JSONValue where T.RawValue == String {
        ["type": "string", "enum": OpenAPIDocument.enumValues(type)]
    }

    static let string: JSONValue = ["type": "string"]
    static let optionalString: JSONValue = ["type": ["string", "null"]]
    static let dateTime: JSONValue = ["type": "string", "format": "date-time"]
    static let uuid: JSONValue = ["type": "string", "format": "uuid"]
    /// YYYY, YYYY-MM or YYYY-MM-DD, 1850–2199 (days past the 28th are checked against the month by the server).
    static let partialDate: JSONValue = ["type": "string",
                                         "pattern": "^(18[5-9]\\d|19\\d\\d|2[01]\\d\\d)(-(0[1-9]|1[0-2])(-(0[1-9]|1\\d|2[0-8]))?)?$"]
    static let bool: JSONValue = ["type": "boolean"]
    /// Text a person must type (not only spaces): what the domain calls "required".
    static let nonBlank: JSONValue = ["type": "string", "pattern": "\\S"]
    /// Required free text checked by `TextRules.checkText`: not blank, no control characters but line
    /// breaks and tabs, no bidirectional overrides.
    static func requiredText(_ limit: Int) -> JSONValue {
        let allowed = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\u202A-\\u202E]"
        let visible = "[^\\s\\x00-\\x1F\\x7F-\\x9F\\u202A-\\u202E]"
        return ["type": "string", "maxLength": .int(limit), "pattern": .string("^\(allowed)*\(visible)\(allowed)*$")]
    }

    static func object(_ properties: [(String, JSONValue)], required: [String]) -> JSONValue {
        ["type": "object", "additionalProperties": false, "properties": .object(properties),
         "required": .array(required.map { .string($0) })]
    }

    static func arrayOf(_ item: JSONValue) -> JSONValue { ["type": "array", "items": item] }

    static var claimProperties: [(String, JSONValue)] {
        [("surname", string), ("firstNames", string), ("fatherName", string), ("dateOfBirth", partialDate),
         ("placeOfBirth", string), ("rank", string), ("serviceNumber", string),
         ("nationality", ["type": "string", "pattern": "^[A-Za-z]{3}$"]), ("source", enumOf(ClaimSource.self)),
         ("confidence", enumOf(ClaimConfidence.self)), ("documentAuthenticity", enumOf(DocumentAuthenticity.self)),
         ("refusedItems", arrayOf(enumOf(CoreIdentityItem.self))), ("isAssessed", bool), ("note", string)]
    }

    static var all: JSONValue {
        let power = object([("power", ["type": "string", "pattern": "^[A-Za-z]{3}$"]), ("contested", bool),
                            ("rationale", string)], required: ["power"])
        let capture = object([("place", string), ("coordinates", string), ("capturingUnit", string),
                              ("unitAtCapture", string), ("circumstances", string), ("wounds", arrayOf(string))],
                             required: ["place"])
        let claimInput = object(claimProperties, required: ["source"])
        let claim = object([("id", uuid), ("displayName", string), ("script", enumOf(Script.self)),
                            ("recordedBy", string), ("recordedAt", dateTime)] + claimProperties,
                           required: ["id", "source", "confidence", "isAssessed", "recordedBy", "recordedAt"])
        let eventKinds = enumOf(EventKind.self)
        return [
            "Error": object([("error", object([("code", string), ("message", string), ("field", optionalString)],
                                              required: ["code", "message"]))], required: ["error"]),
            "Login": object([("username", string), ("password", string),
                             ("code", ["type": "string", "description": "Authenticator code or recovery code, for accounts with a second factor"])],
                            required: ["username", "password"]),
            "Session": object([("username", string), ("role", enumOf(Role.self)), ("token", string), ("csrfToken", string)],
                              required: ["username", "role", "token", "csrfToken"]),
            "Me": object([("username", string), ("role", enumOf(Role.self)), ("locale", string)],
                         required: ["username", "role", "locale"]),
            "PowerAllegiance": power,
            "Capture": capture,
            "ClaimInput": claimInput,
            "Claim": claim,
            "Registration": object([
                ("internmentNumber", string), ("status", enumOf(ProtectedStatus.self)), ("powerDependedOn", power),
                ("forcesServedWith", string), ("unit", string), ("languages", arrayOf(string)),
                ("canStateIdentity", bool), ("answersOnlyInWriting", bool), ("sex", enumOf(Sex.self)),
                ("claims", arrayOf(claimInput)), ("capturedAt", dateTime), ("capture", capture),
            ], required: ["powerDependedOn", "claims", "capturedAt", "capture"]),
            "Prisoner": object([
                ("id", uuid), ("internmentNumber", string), ("status", enumOf(ProtectedStatus.self)),
                ("powerDependedOn", power), ("forcesServedWith", string), ("unit", string), ("languages", arrayOf(string)),
                ("canStateIdentity", bool), ("answersOnlyInWriting", bool), ("sex", enumOf(Sex.self)),
                ("registeredAt", dateTime), ("registeredBy", string), ("capturedAt", dateTime),
                ("claims", arrayOf(claim)), ("withheld", arrayOf(enumOf(FieldClass.self))),
            ], required: ["id", "internmentNumber", "status", "powerDependedOn", "claims"]),
            "PrisonerPage": object([
                ("items", arrayOf(object([("id", uuid), ("internmentNumber", string), ("status", enumOf(ProtectedStatus.self)),
                                          ("power", string), ("powerContested", bool), ("name", string),
                                          ("names", arrayOf(string)), ("capturedAt", dateTime)],
                                         required: ["id", "internmentNumber", "names"]))),
                ("page", ["type": "integer"]), ("perPage", ["type": "integer"]), ("total", ["type": "integer"]),
            ], required: ["items", "page", "perPage", "total"]),
            "EventInput": object([("kind", eventKinds), ("occurredAt", dateTime), ("supersedes", uuid),
                                  ("data", ["type": "object", "description": "Fields of the kind; see the timeline types."])],
                                 required: ["kind", "occurredAt", "data"]),
            "TimelineEntry": object([("id", uuid), ("kind", eventKinds), ("occurredAt", dateTime), ("recordedAt", dateTime),
                                     ("recordedBy", string), ("supersedes", uuid), ("supersededBy", uuid),
                                     ("redacted", bool), ("data", ["type": "object"])],
                                    required: ["id", "kind", "occurredAt", "recordedAt", "recordedBy", "redacted", "data"]),
            "Timeline": arrayOf(OpenAPIDocument.ref("TimelineEntry")),
            "AuditEntries": arrayOf(object([("sequence", ["type": "integer"]), ("at", dateTime), ("actor", string),
                                            ("role", string), ("action", string), ("entity", string),
                                            ("entityID", string), ("purpose", string), ("detail", string),
                                            ("hash", string)], required: ["sequence", "at", "actor", "action", "hash"])),
            "AuditVerdict": object([("intact", bool), ("count", ["type": "integer"]), ("head", string),
                                    ("brokenAt", ["type": "integer"]), ("reason", string), ("rootHash", string),
                                    ("problems", arrayOf(string))], required: ["intact"]),
            "UserInput": object([("username", string), ("role", enumOf(Role.self)), ("password", ["type": "string", "minLength": 12])],
                                required: ["username", "role", "password"]),
            "User": object([("id", uuid), ("username", string), ("role", enumOf(Role.self)), ("disabled", bool),
                            ("lockedUntil", dateTime), ("createdAt", dateTime), ("fullName", string)],
                           required: ["id", "username", "role"]),
            "Users": arrayOf(OpenAPIDocument.ref("User")),
            "SearchHits": arrayOf(object([("prisoner", ["type": "object"]), ("claimID", uuid), ("matchedName", string),
                                          ("score", ["type": "number"]), ("explanation", string)],
                                         required: ["prisoner", "claimID", "matchedName", "score", "explanation"])),
        ]
    }
}
