import BureauCore

/// Component schemas of the disposition operations.
extension OpenAPISchemas {
    static var disposition: JSONValue {
        let country: JSONValue = ["type": "string", "pattern": "^[A-Za-z]{3}$"]
        let route = object([("destination", country), ("transit", arrayOf(country))], required: ["destination"])
        let interpreter = object([("name", requiredText(8000)), ("affiliation", requiredText(8000)), ("affiliationState", country)],
                                 required: ["name", "affiliation"])
        let witness = object([("name", requiredText(8000)), ("affiliation", requiredText(8000)), ("isICRCDelegate", bool)],
                             required: ["name", "affiliation", "isICRCDelegate"])
        // The state belongs to a wish for a third state, and only to it.
        let answer: JSONValue = ["oneOf": [
            object([("kind", ["type": "string", "enum": ["return_home", "stay", "undecided"]])], required: ["kind"]),
            object([("kind", ["const": "third_state"]), ("state", country)], required: ["kind", "state"]),
        ]]
        let willInput: [(String, JSONValue)] = [
            ("statedAt", dateTime), ("question", requiredText(8000)), ("answer", answer), ("ownWords", requiredText(8000)),
            ("translation", string), ("language", ["type": "string", "description": "BCP 47: ko, ru, uk, en"]),
            ("interpreter", interpreter), ("interpreterEmployedByInterestedState", bool), ("witnesses", arrayOf(witness)),
            ("privateInterview", bool), ("mode", enumOf(WillStatement.Mode.self)), ("supersedes", uuid),
        ]
        let riskInput: [(String, JSONValue)] = [
            ("route", route), ("risksConsidered", arrayOf(enumOf(RiskAssessment.Risk.self))), ("sources", arrayOf(string)),
            ("findings", string), ("outcome", enumOf(RiskAssessment.Outcome.self)), ("reviewer", string),
            ("assessedAt", dateTime), ("reviewDate", dateTime), ("supersedes", uuid),
        ]
        let article12: [(String, JSONValue)] = [
            ("receivingPower", country), ("partyToConvention", bool), ("willing", bool), ("able", bool), ("basis", requiredText(8000)),
            ("assessedAt", dateTime), ("supersedes", uuid),
        ]
        let eligibility: [(String, JSONValue)] = [
            ("category", enumOf(MedicalRepatriationEligibility.Category.self)), ("annexIReference", string),
            ("obviousCase", bool), ("commissionDecision", enumOf(MedicalRepatriationEligibility.CommissionDecision.self)),
            ("decidedAt", dateTime), ("decidedBy", requiredText(8000)), ("fitToTravel", bool), ("supersedes", uuid),
        ]
        let approval = object([("dataProtectionOfficer", string), ("legalOfficer", string), ("reason", requiredText(8000)),
                               ("approvedAt", dateTime)], required: ["dataProtectionOfficer", "legalOfficer", "reason", "approvedAt"])
        let consultation: [(String, JSONValue)] = [
            ("partyID", uuid), ("direction", enumOf(Consultation.Direction.self)), ("kind", enumOf(Consultation.Kind.self)),
            ("date", dateTime), ("channel", enumOf(Consultation.Channel.self)), ("summary", requiredText(8000)),
            ("attachments", arrayOf(string)), ("caseIDs", arrayOf(uuid)), ("prisonerIDs", arrayOf(uuid)),
            ("inReplyTo", uuid), ("disclosesWill", bool), ("disclosureApproval", approval),
        ]
        let guardResult = object([
            ("guardNumber", ["type": "integer", "minimum": 1, "maximum": 12]), ("article", string),
            ("severity", enumOf(GuardResult.Severity.self)), ("status", enumOf(GuardResult.Status.self)),
            ("key", ["type": "string", "description": "Localization key, guard.<n>.<point>"]),
            ("parameters", ["type": "object"]), ("message", string), ("remediable", bool),
        ], required: ["guardNumber", "article", "severity", "status", "key", "message"])
        let handover = object([("at", dateTime), ("place", requiredText(8000)), ("receivingParty", requiredText(8000)), ("receivingOfficial", string),
                               ("icrcPresent", bool), ("icrcDelegate", string), ("note", string)],
                              required: ["at", "place", "receivingParty", "icrcPresent"])
        let open: JSONValue = ["type": "object"]
        let partyRoles = arrayOf(["oneOf": [
            object([("prisonerID", uuid), ("role", enumOf(PartyRole.self)), ("contested", ["const": true]),
                    ("rationale", nonBlank)], required: ["prisonerID", "role", "contested", "rationale"]),
            object([("prisonerID", uuid), ("role", enumOf(PartyRole.self)), ("contested", ["const": false]),
                    ("rationale", string)], required: ["prisonerID", "role"]),
        ]])
        // A cell of a name: no delimiter, quote or control character, nothing that reorders or hides text.
        let nameCell = "[^\\x00-\\x1F\\x7F-\\x9F\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069,;\"]"
        // What the import skips as an empty line: white space only (Unicode space separators included).
        let blank = "[ \\t\\x0B\\x0C\\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000]"
        let visible = "[^\\s\\x00-\\x1F\\x7F-\\x9F\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069,;\"]"
        let willStatement = object([("id", uuid), ("prisonerID", uuid), ("privatelyConfirmed", bool),
                                    ("recordedBy", string), ("recordedAt", dateTime)] + willInput,
                                   required: ["id", "prisonerID", "statedAt", "answer", "ownWords", "language", "mode"])
        let reason = object([("code", ["type": "string", "description": "Localization key match.<code>"]), ("role", string),
                             ("query", string), ("candidate", string), ("similarity", ["type": "number"])], required: ["code"])
        let candidate = object([("prisonerID", uuid), ("score", ["type": "number"]), ("explanation", string),
                                ("matchedName", string), ("reasons", arrayOf(reason))],
                               required: ["prisonerID", "score", "explanation"])
        let entry = object([("entry", open), ("candidates", arrayOf(candidate)), ("confirmedPrisonerID", uuid),
                            ("confirmedBy", string)], required: ["entry", "candidates"])
        return [
            "Guard": guardResult,
            "WillStatementInput": object(willInput, required: ["statedAt", "question", "answer", "ownWords", "language",
                                                               "interpreter", "mode"]),
            "WillStatement": willStatement,
            "WillStatements": arrayOf(OpenAPIDocument.ref("WillStatement")),
            "RiskAssessmentInput": object(riskInput, required: ["route", "risksConsidered", "sources", "outcome", "assessedAt"]),
            "RiskAssessment": object([("id", uuid), ("prisonerID", uuid), ("assessor", string)] + riskInput,
                                     required: ["id", "route", "outcome", "assessor"]),
            "ArticleTwelveInput": object(article12, required: ["receivingPower", "partyToConvention", "willing", "able", "basis",
                                                           "assessedAt"]),
            "ArticleTwelveAssessment": object([("id", uuid), ("prisonerID", uuid), ("assessor", string)] + article12,
                                          required: ["id", "receivingPower"]),
            "EligibilityInput": object(eligibility, required: ["category", "decidedAt", "decidedBy"]),
            "Eligibility": object([("id", uuid), ("prisonerID", uuid)] + eligibility, required: ["id", "category"]),
            "ExitChecklist": object([("finalStatementIssued", bool), ("valuablesResolved", bool)],
                                    required: ["finalStatementIssued", "valuablesResolved"]),
            // A state has its ISO code, an organisation has none; a contested role needs its rationale.
            "PartyInput": ["oneOf": [
                object([("name", requiredText(8000)), ("kind", ["const": "state"]), ("stateCode", country), ("isICRC", bool),
                        ("roles", partyRoles)], required: ["name", "kind", "stateCode"]),
                object([("name", requiredText(8000)), ("kind", ["const": "organisation"]), ("isICRC", bool),
                        ("roles", partyRoles)], required: ["name", "kind"]),
            ]],
            "PartyResult": object([("party", open), ("roles", arrayOf(open))], required: ["party", "roles"]),
            "ConsultationInput": object(consultation, required: ["partyID", "direction", "kind", "date", "channel", "summary"]),
            "Consultation": object([("id", uuid), ("recordedBy", string), ("recordedAt", dateTime)] + consultation,
                                   required: ["id", "partyID"]),
            "CaseInput": object([("prisonerID", uuid), ("kind", enumOf(DispositionCase.Kind.self)), ("route", route),
                                 ("receivingPower", country), ("exchangeID", uuid)], required: ["prisonerID", "kind"]),
            "Case": object([
                ("id", uuid), ("prisonerID", uuid), ("internmentNumber", string), ("prisonerName", string),
                ("kind", enumOf(DispositionCase.Kind.self)), ("state", enumOf(DispositionCase.State.self)), ("route", route),
                ("receivingPower", country), ("exchangeID", uuid), ("author", string), ("createdAt", dateTime),
                ("approvals", arrayOf(open)), ("overrides", arrayOf(open)), ("waivers", arrayOf(open)), ("handover", handover),
                ("withdrawalReason", string), ("history", arrayOf(open)),
                ("guards", arrayOf(OpenAPIDocument.ref("Guard"))), ("allClear", bool),
                ("willStatements", arrayOf(OpenAPIDocument.ref("WillStatement"))),
                ("riskAssessments", arrayOf(OpenAPIDocument.ref("RiskAssessment"))),
                ("article12Assessments", arrayOf(OpenAPIDocument.ref("ArticleTwelveAssessment"))),
                ("medicalEligibility", arrayOf(OpenAPIDocument.ref("Eligibility"))),
                ("consultations", arrayOf(OpenAPIDocument.ref("Consultation"))), ("notices", arrayOf(open)),
            ], required: ["id", "prisonerID", "kind", "state", "guards", "allClear"]),
            // What a transition carries depends on where it goes: a note with an approval, the hand-over with the
            // execution, a reason with a withdrawal.
            "Transition": ["oneOf": [
                object([("to", ["const": "under_legal_review"])], required: ["to"]),
                object([("to", ["const": "approved"]), ("note", string)], required: ["to"]),
                object([("to", ["const": "executed"]), ("handover", handover)], required: ["to", "handover"]),
                object([("to", ["const": "withdrawn"]), ("reason", string)], required: ["to"]),
            ]],
            "Refusal": object([("error", open), ("errors", arrayOf(open)), ("reasons", arrayOf(OpenAPIDocument.ref("Guard"))),
                               ("guards", arrayOf(OpenAPIDocument.ref("Guard")))], required: ["error", "errors", "reasons"]),
            "OverrideInput": object([("key", string), ("reason", string)], required: ["key"]),
            "ExchangeInput": object([("counterpart", country),
                                     ("agreement", object([("reference", string),
                                                           ("clauses", arrayOf(object([("reference", string), ("text", string),
                                                                                       ("adverseToPrisoners", bool)],
                                                                                      required: ["reference", "text", "adverseToPrisoners"])))],
                                                          required: ["reference"]))],
                                    required: ["counterpart"]),
            "Exchange": object([("id", uuid), ("counterpart", country), ("agreement", open), ("ourList", arrayOf(open)),
                                ("counterpartList", arrayOf(entry)), ("proposed", arrayOf(open)), ("excluded", arrayOf(open)),
                                ("listReview", arrayOf(open)),
                                ("reconciliation", arrayOf(object([("prisonerID", uuid), ("crossed", bool), ("crossedAt", dateTime),
                                                                   ("reason", enumOf(NonCrossingReason.self)), ("note", string),
                                                                   ("recordedBy", string)],
                                                                  required: ["prisonerID", "crossed", "recordedBy"]))),
                                ("totals", open), ("ratio", ["type": ["number", "null"]]),
                                ("createdBy", string), ("createdAt", dateTime)], required: ["id", "counterpart"]),
            "ListEntryInput": object([("prisonerID", uuid), ("category", enumOf(ExchangeCategory.self))],
                                     required: ["prisonerID", "category"]),
            "ImportedEntries": arrayOf(entry),
            // The simplest file the import takes: a `name` header, then one name a line. Richer files (more
            // columns, other delimiters, Windows-1251) are described in the summary; this is what a generator can write.
            "CounterpartCSV": ["type": "string", "minLength": 1,
                               "pattern": .string("^name(\\r?\\n(\(nameCell){0,99}\(visible)\(nameCell){0,99}|\(blank)*))*(\\r?\\n)?$"),
                               "description": "The file: a header line (name or surname column), then one line per person"],
            "ReconciliationInput": object([("outcomes", arrayOf(object([
                ("prisonerID", uuid), ("crossedAt", dateTime), ("reason", enumOf(NonCrossingReason.self)), ("note", string),
            ], required: ["prisonerID"]).adding("anyOf", [["required": ["crossedAt"]], ["required": ["reason"]]])))],
            required: ["outcomes"]),
            "Reconciliation": object([("exchange", OpenAPIDocument.ref("Exchange")), ("notices", arrayOf(open))],
                                     required: ["exchange", "notices"]),
            "MatchInput": object([("entryID", uuid), ("prisonerID", uuid)], required: ["entryID"]),
            "MatchReview": object([("entryID", uuid), ("candidates", arrayOf(candidate)), ("confirmedPrisonerID", uuid),
                                   ("confirmedBy", string), ("confirmedAt", dateTime)], required: ["entryID", "candidates"]),
        ]
    }
}
