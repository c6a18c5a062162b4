import BureauCore
import BureauStore
import Vapor

/// `/audit/checkpoints` (auditor): the log's signed checkpoints, who witnessed them, the last verification,
/// and a button that signs one now.
struct AuditLogPage {
    struct Witness: Encodable {
        var name: String
        var at: String
    }

    struct Row: Encodable {
        var size: Int64
        var signed: String
        var by: String
        var root: String
        var sent: Bool
        var witnessed: Bool
        var witnesses: [Witness]
    }

    struct Model: Encodable {
        var publicKey: String
        var everyEntries: Int
        var everyMinutes: Int
        var verified: Bool
        var verifiedAt: String
        var verifiedBy: String
        var intact: Bool
        var verificationEntry: Int64
        var hasRows: Bool
        var rows: [Row]
    }

    func show(_ request: Request) async throws -> Response {
        // After signing, the form redirects here with `?signed=1` (nothing else is read from the query).
        let signed = (try? request.query.get(String.self, at: "signed")) == "1"
        return try await render(request, notice: signed ? request.bureau.catalog.text("auditlog.signed_now", request.language) : nil)
    }

    /// `POST /audit/checkpoints`: the same write as `POST /api/v1/audit/checkpoints` (audited by the store).
    func sign(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        _ = try await request.bureau.auditCheckpoints().make(by: user.principal)
        return request.redirect(to: "/audit/checkpoints?signed=1", redirectType: .normal)
    }

    func render(_ request: Request, notice: String? = nil) async throws -> Response {
        try await AuditAPIController.auditRead(request)
        let checkpoints = try request.bureau.auditCheckpoints()
        let (language, zone) = (request.language, request.bureau.config.timeZone)
        func date(_ value: Date) -> String { DateText.format(value, language: language, timeZone: zone) }
        let last = try await AuditVerifications.last(on: request.db)
        let rows = try await checkpoints.list().map { stored in
            Row(size: stored.size, signed: date(stored.createdAt), by: stored.createdBy,
                root: String(stored.rootHash.prefix(16)) + "…", sent: stored.batchID != nil,
                witnessed: !stored.cosignatures.isEmpty,
                witnesses: stored.cosignatures.map { Witness(name: $0.witness, at: $0.witnessedAt.map(date) ?? "") })
        }
        let config = request.bureau.config
        let model = Model(publicKey: checkpoints.signer.verifier.vkey, everyEntries: config.checkpointEntries,
                          everyMinutes: config.checkpointMinutes, verified: last != nil,
                          verifiedAt: last.map { date($0.date) } ?? "", verifiedBy: last?.actor ?? "",
                          intact: last?.detail?.hasPrefix("intact") == true, verificationEntry: last?.sequence ?? 0,
                          hasRows: !rows.isEmpty, rows: rows)
        return try await request.renderPage("audit-checkpoints", titleKey: "auditlog.title", model: model, notice: notice)
    }
}
