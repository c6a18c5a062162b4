/// Schemas of the audit log's checkpoints and proofs (issue 10).
extension OpenAPISchemas {
    static let integer: JSONValue = ["type": "integer"]

    static var auditLog: JSONValue {
        let cosignature = object([("witness", string), ("vkey", string), ("witnessedAt", dateTime), ("importedAt", dateTime),
                                  ("importedBy", string)], required: ["witness", "vkey", "importedAt", "importedBy"])
        let checkpoint = object([("size", integer), ("rootHash", string), ("note", string), ("createdAt", dateTime),
                                 ("createdBy", string), ("batchID", optionalString), ("cosignatures", arrayOf(cosignature))],
                                required: ["size", "rootHash", "note", "createdAt", "createdBy", "cosignatures"])
        let verification = object([("at", dateTime), ("by", string), ("intact", bool), ("detail", string)],
                                  required: ["at", "by", "intact", "detail"])
        return [
            "AuditCheckpoint": checkpoint,
            "AuditConsistency": object([("from", integer), ("to", integer), ("fromRoot", string), ("toRoot", string),
                                        ("proof", arrayOf(string))],
                                       required: ["from", "to", "fromRoot", "toRoot", "proof"]),
            "AuditCheckpoints": object([("publicKey", string), ("origin", string), ("everyEntries", integer),
                                        ("everyMinutes", integer), ("lastVerification", verification),
                                        ("checkpoints", arrayOf(checkpoint))],
                                       required: ["publicKey", "origin", "everyEntries", "everyMinutes", "checkpoints"]),
            "AuditProof": object([("entry", integer), ("size", integer), ("index", integer), ("entryBytes", string),
                                  ("leafHash", string), ("path", arrayOf(string)), ("rootHash", string),
                                  ("tlogProof", optionalString)],
                                 required: ["entry", "size", "index", "entryBytes", "leafHash", "path", "rootHash"]),
        ]
    }
}
