import BureauCore
import Fluent
import Foundation

/// Every verification is itself an audit entry (`audit.verify`), so the auditor's page can show the last
/// one and nobody can claim a check that never ran.
public enum AuditVerifications {
    public static let action = "audit.verify"

    public static func record(_ result: AuditVerification, checkpoint: Checkpoint?, by principal: Principal,
                              context: StoreContext) async throws {
        var detail = result.intact ? "intact entries=\(result.size)" : "broken: " + (result.problems.first ?? "")
        if let checkpoint { detail += " checkpoint=\(checkpoint.size)" }
        let record = AuditRecord(actor: principal.username, role: principal.role.rawValue, action: action,
                                 entity: "audit", detail: String(detail.prefix(400)))
        _ = try await context.audited(record) { _ in () }
    }

    /// The most recent verification's entry.
    public static func last(on db: any Database) async throws -> AuditEntry? {
        try await AuditModel.query(on: db).filter(\.$action == action).sort(\.$id, .descending).first()?.entry
    }
}
