import BureauCore
import Vapor

func pageRoutes(_ app: Application) throws {
    let auth = AuthPages()
    app.get("login", use: auth.loginForm)
    app.post("login", use: auth.login)
    app.get("setup", ":token", use: auth.setupForm)
    app.post("setup", ":token", use: auth.setup)
    app.post("language", use: LanguagePages().choose)
    let accounts = AccountPages()
    app.get("reset", ":token", use: accounts.resetForm)
    app.post("reset", ":token", use: accounts.reset)

    let staff = app.grouped(RoleMiddleware.anyStaff)
    staff.get(use: auth.home)
    staff.post("logout", use: auth.logout)
    let secondFactor = SecondFactorPages()
    staff.get("second-factor", use: secondFactor.show)
    staff.post("second-factor", use: secondFactor.confirm)

    let readers = app.grouped(RoleMiddleware(.readRegistry))
    readers.get("prisoners", use: PrisonerListPage().show)
    readers.get("prisoners", ":id", use: PrisonerDetailPage().show)

    let registrars = app.grouped(RoleMiddleware(.registerPrisoner))
    let register = RegisterPage()
    registrars.get("prisoners", "new", use: register.form)
    registrars.post("prisoners", use: register.submit)

    let claimants = app.grouped(RoleMiddleware(.recordClaim))
    let claims = ClaimPage()
    claimants.get("prisoners", ":id", "claims", "new", use: claims.form)
    claimants.post("prisoners", ":id", "claims", use: claims.submit)

    let recorders = app.grouped(RoleMiddleware(.recordEvent))
    let events = EventPage()
    recorders.get("prisoners", ":id", "events", "new", use: events.form)
    recorders.post("prisoners", ":id", "events", use: events.submit)

    let correctionPages = CorrectionPages()
    let correctors = app.grouped(RoleMiddleware(.correctRegistration))
    correctors.get("prisoners", ":id", "corrections", "new", use: correctionPages.form)
    correctors.post("prisoners", ":id", "corrections", use: correctionPages.submit)
    let voiders = app.grouped(RoleMiddleware(.voidRecord))
    voiders.get("prisoners", ":id", "voidings", "new", use: correctionPages.voidForm)
    voiders.post("prisoners", ":id", "voidings", use: correctionPages.requestVoid)
    voiders.post("voidings", ":id", "confirm", use: correctionPages.confirmVoid)

    let admin = AdminPages()
    let administrators = app.grouped(RoleMiddleware(.manageUsers))
    administrators.get("users", use: admin.users)
    administrators.post("users", use: admin.createUser)
    administrators.get("users", ":id", use: accounts.show)
    administrators.post("users", ":id", "full-name", use: accounts.setFullName)
    administrators.post("users", ":id", "role", use: accounts.changeRole)
    administrators.post("users", ":id", "status", use: accounts.setStatus)
    administrators.post("users", ":id", "reset-link", use: accounts.issueReset)
    app.grouped(RoleMiddleware(.readAudit)).get("audit", use: AuditPage().render)
    let auditLog = AuditLogPage()
    app.grouped(RoleMiddleware(.readAudit)).get("audit", "checkpoints", use: auditLog.show)
    // Signing commits to entries that already exist and reveals nothing new: the auditors who read the log sign.
    app.grouped(RoleMiddleware(.readAudit)).post("audit", "checkpoints", use: auditLog.sign)
}
