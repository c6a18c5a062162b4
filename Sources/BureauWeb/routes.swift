import BureauCore
import Vapor

/// Every route, each behind its role check. The API table is mirrored in `OpenAPIDocument`;
/// a test fails when the two disagree.
func routes(_ app: Application) throws {
    let api = app.grouped("api", "v1")
    let sessions = SessionAPIController()
    api.post("session", use: sessions.login)

    let staff = api.grouped(RoleMiddleware.anyStaff)
    staff.delete("session", use: sessions.logout)
    staff.get("me", use: sessions.me)
    staff.get("openapi.json", use: OpenAPIDocument.serve)

    let prisoners = PrisonersAPIController()
    let readers = api.grouped(RoleMiddleware(.readRegistry))
    readers.get("prisoners", use: prisoners.list)
    readers.get("prisoners", ":id", use: prisoners.show)
    readers.get("prisoners", ":id", "timeline", use: prisoners.timeline)
    readers.get("search", use: SearchAPIController().search)
    api.grouped(RoleMiddleware(.registerPrisoner)).post("prisoners", use: prisoners.create)
    api.grouped(RoleMiddleware(.recordClaim)).post("prisoners", ":id", "claims", use: prisoners.addClaim)
    api.grouped(RoleMiddleware(.recordEvent)).post("prisoners", ":id", "events", use: prisoners.addEvent)
    let corrections = CorrectionsAPIController()
    api.grouped(RoleMiddleware(.correctRegistration)).post("prisoners", ":id", "corrections", use: corrections.correct)
    api.grouped(RoleMiddleware(.recordClaim)).post("claims", ":id", "correction", use: corrections.correctClaim)
    let voiders = api.grouped(RoleMiddleware(.voidRecord))
    voiders.post("prisoners", ":id", "voidings", use: corrections.requestVoid)
    voiders.post("voidings", ":id", "confirm", use: corrections.confirmVoid)

    let auditors = api.grouped(RoleMiddleware(.readAudit))
    let audit = AuditAPIController()
    auditors.get("audit", use: audit.list)
    auditors.get("audit", "verify", use: audit.verify)
    let auditLog = AuditLogAPIController()
    auditors.get("audit", "checkpoints", use: auditLog.checkpoints)
    auditors.post("audit", "checkpoints", use: auditLog.sign)
    auditors.get("audit", "proof", use: auditLog.proof)
    auditors.get("audit", "consistency", use: auditLog.consistency)

    let admins = api.grouped(RoleMiddleware(.manageUsers))
    let users = UsersAPIController()
    admins.get("users", use: users.list)
    admins.post("users", use: users.create)
    admins.post("users", ":id", "status", use: users.setStatus)
    admins.post("users", ":id", "role", use: users.changeRole)
    admins.post("users", ":id", "full-name", use: users.setFullName)
    admins.post("users", ":id", "reset-link", use: users.issueReset)

    try pageRoutes(app)
    try clocksRoutes(app)
    try dispositionRoutes(app)
    try enquiryRoutes(app)
}
