import BureauCore

/// Component schemas and operations of guard 8 (media release requests, Art. 13).
extension OpenAPISchemas {
    static var mediaReleases: JSONValue {
        let digest: JSONValue = ["type": "string", "pattern": "^[0-9A-Fa-f]{64}$", "description": "SHA-256 of the file (the file stays outside Bureau)"]
        let decision = object([("approve", bool), ("reasoning", string), ("article", string), ("by", string), ("at", dateTime)],
                              required: ["approve", "reasoning", "article", "by", "at"])
        let view = object([("consents", bool), ("note", string), ("recordedBy", string), ("recordedAt", dateTime)],
                          required: ["consents", "recordedBy", "recordedAt"])
        let request = object([
            ("id", uuid), ("prisonerID", uuid), ("medium", enumOf(MediaReleaseRequest.Medium.self)), ("description", string),
            ("digest", digest), ("requester", string), ("purpose", string),
            ("identifiable", arrayOf(enumOf(MediaReleaseRequest.Feature.self))),
            ("measures", arrayOf(enumOf(MediaReleaseRequest.Measure.self))), ("prisonerView", view),
            ("riskAssessmentIDs", arrayOf(uuid)), ("familyRisk", string), ("recordedBy", string), ("recordedAt", dateTime),
            ("assessment", decision), ("decision", decision),
        ], required: ["id", "prisonerID", "medium", "description", "digest", "requester", "purpose", "identifiable", "measures"])
        let release = object([
            ("request", request), ("state", enumOf(MediaReleaseRequest.State.self)),
            ("remainingIdentifiable", arrayOf(enumOf(MediaReleaseRequest.Feature.self))),
            ("guards", arrayOf(OpenAPIDocument.ref("Guard"))),
        ], required: ["request", "state", "remainingIdentifiable", "guards"])
        let breach = object([
            ("id", uuid), ("prisonerID", uuid), ("medium", enumOf(MediaReleaseRequest.Medium.self)), ("description", string),
            ("digest", digest), ("publishedIn", string), ("publishedAt", dateTime), ("recordedBy", string),
            ("recordedAt", dateTime), ("closedBy", string), ("closedAt", dateTime), ("closingNote", string),
        ], required: ["id", "prisonerID", "medium", "description", "digest", "publishedIn", "publishedAt"])
        return [
            "MediaReleaseInput": object([
                ("medium", enumOf(MediaReleaseRequest.Medium.self)), ("description", OpenAPISchemas.nonBlank), ("digest", digest),
                ("requester", ["type": "string", "pattern": "\\S", "description": "Who asks: press office, ministry, investigators"]),
                ("purpose", OpenAPISchemas.nonBlank), ("identifiable", arrayOf(enumOf(MediaReleaseRequest.Feature.self))),
                ("measures", arrayOf(enumOf(MediaReleaseRequest.Measure.self))), ("prisonerConsents", bool),
                ("prisonerViewNote", string), ("riskAssessmentIds", arrayOf(uuid)), ("familyRisk", string),
            ], required: ["medium", "description", "digest", "requester", "purpose", "identifiable"]),
            "MediaRelease": release,
            "MediaReleases": object([("releases", arrayOf(release))], required: ["releases"]),
            "ReleaseDecisionInput": object([("approve", bool), ("reasoning", OpenAPISchemas.nonBlank)], required: ["approve", "reasoning"]),
            "MediaBreachInput": object([
                ("medium", enumOf(MediaReleaseRequest.Medium.self)), ("description", OpenAPISchemas.nonBlank), ("digest", digest),
                ("publishedIn", OpenAPISchemas.nonBlank), ("publishedAt", dateTime),
            ], required: ["medium", "description", "digest", "publishedIn", "publishedAt"]),
            "MediaBreach": object([("breach", breach)], required: ["breach"]),
            "MediaBreaches": object([("breaches", arrayOf(breach))], required: ["breaches"]),
            "BreachCloseInput": object([("note", OpenAPISchemas.nonBlank)], required: ["note"]),
            "Groups": object([("groups", arrayOf(object([
                ("facility", string), ("group", ["type": "string", "description": "nationality/language/forces, PRK/ko/RUS"]),
                ("nationality", string), ("language", string), ("forces", string), ("members", arrayOf(string)),
                ("representative", string), ("representation", OpenAPIDocument.ref("Guard")),
            ], required: ["facility", "group", "nationality", "members", "representation"])))], required: ["groups"]),
            "PlacementCheck": object([("guards", arrayOf(OpenAPIDocument.ref("Guard"))), ("allClear", bool)],
                                     required: ["guards", "allClear"]),
        ]
    }
}

extension OpenAPIDocument {
    static let mediaReleaseOperations: [Operation] = [
        Operation(method: "post", path: "/api/v1/prisoners/{id}/media-releases",
                  summary: "Record a request to publish material about him (Art. 13), on behalf of whoever asks",
                  roles: "legal officer", body: "MediaReleaseInput", response: (201, "MediaRelease"), parameters: [idParameter]),
        Operation(method: "get", path: "/api/v1/prisoners/{id}/media-releases",
                  summary: "The release requests about him with their guard-8 checklist (audited read; may cite his risk assessment)",
                  roles: "legal officer, approver", response: (200, "MediaReleases"), parameters: [idParameter]),
        Operation(method: "get", path: "/api/v1/media-releases/{id}", summary: "One release request with its checklist",
                  roles: "legal officer, approver", response: (200, "MediaRelease"), parameters: [idParameter]),
        Operation(method: "post", path: "/api/v1/media-releases/{id}/assessment",
                  summary: "The legal officer's assessment against Art. 13; approval only when nothing identifiable remains",
                  roles: "legal officer", body: "ReleaseDecisionInput", response: (200, "MediaRelease"), parameters: [idParameter]),
        Operation(method: "post", path: "/api/v1/media-releases/{id}/decision",
                  summary: "Approve or refuse: a second person, neither recorder nor assessor; refusal is the default while he is identifiable",
                  roles: "approver", body: "ReleaseDecisionInput", response: (200, "MediaRelease"), parameters: [idParameter]),
        Operation(method: "post", path: "/api/v1/prisoners/{id}/media-breaches",
                  summary: "Record material about him published without an approved request (raised on the legal officer's dashboard)",
                  roles: "legal officer", body: "MediaBreachInput", response: (201, "MediaBreach"), parameters: [idParameter]),
        Operation(method: "get", path: "/api/v1/media-breaches", summary: "Open breaches of Art. 13",
                  roles: "legal officer, approver", response: (200, "MediaBreaches")),
        Operation(method: "get", path: "/api/v1/groups",
                  summary: "The camp's nationality, language and forces groups (Art. 22(3)); each without an elected representative flagged (Art. 79)",
                  roles: "registry readers", response: (200, "Groups")),
        Operation(method: "get", path: "/api/v1/prisoners/{id}/placement-check",
                  summary: "Art. 22(3) lines for placing him in a facility (query facility, section, consent): warned where he would be apart from his forces or group",
                  roles: "registry readers", response: (200, "PlacementCheck"), parameters: [idParameter,
                      ["name": "facility", "in": "query", "required": true, "schema": ["type": "string", "minLength": 1, "pattern": "\\S"]],
                      ["name": "section", "in": "query", "required": false, "schema": ["type": "string"]],
                      ["name": "consent", "in": "query", "required": false, "schema": ["type": "boolean"]]]),
        Operation(method: "post", path: "/api/v1/media-breaches/{id}/close", summary: "Close a breach with what was done",
                  roles: "legal officer", body: "BreachCloseInput", response: (200, "MediaBreach"), parameters: [idParameter]),
    ]
}
