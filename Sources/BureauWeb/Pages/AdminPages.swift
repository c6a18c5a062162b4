import BureauCore
import BureauStore
import Vapor

/// `/users` (administrator). The audit page is `AuditPage`.
struct AdminPages {
    struct UserRow: Encodable {
        var id: String
        var username: String
        var fullName: String
        var disabled: Bool
        var roleKey: String
        var created: String
        var locked: Bool
    }

    struct UsersModel: Encodable {
        var users: [UserRow]
        var roles: [FormOption]
        var username: String
        /// The age of the last complete backup (issue 13): the administrator keeps the keys and the backups.
        var backup: BackupStatus
    }

    struct UserForm: Content {
        var username: String?
        var role: String?
        var password: String?
    }

    func users(_ request: Request) async throws -> Response {
        try await renderUsers(request, username: "", error: nil, notice: nil, status: .ok)
    }

    func createUser(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let form = try request.content.decode(UserForm.self)
        do {
            let reader = FormReader(timeZone: request.bureau.config.timeZone)
            guard let role = try reader.choice(form.role, Role.self, field: "role") else {
                throw DomainError.invalid("role", "is required", code: "required")
            }
            try SignIn.checkPasswordPolicy(form.password ?? "")
            let hash = try await request.password.async.hash(form.password ?? "")
            let account = try await request.bureau.users.create(username: form.username?.trimmedOrNil ?? "",
                                                                passwordHash: hash, role: role, by: user.principal)
            let notice = request.bureau.catalog.text("users.created", request.language) + " " + account.username
            return try await renderUsers(request, username: "", error: nil, notice: notice, status: .created)
        } catch let error as DomainError where error.kind != .forbidden {
            return try await renderUsers(request, username: form.username ?? "", error: request.message(for: error),
                                         notice: nil, status: error.kind.status)
        }
    }

    private func renderUsers(_ request: Request, username: String, error: String?, notice: String?,
                             status: HTTPResponseStatus) async throws -> Response {
        let user = try request.requireUser()
        let language = request.language
        let zone = request.bureau.config.timeZone
        let now = request.bureau.context.clock.now()
        let rows = try await request.bureau.users.list(by: user.principal).map {
            UserRow(id: $0.id.uuidString, username: $0.username, fullName: $0.fullName ?? "", disabled: $0.disabled,
                    roleKey: "role.\($0.role.rawValue)",
                    created: DateText.format($0.createdAt, language: language, timeZone: zone),
                    locked: ($0.lockedUntil ?? .distantPast) > now)
        }
        let model = UsersModel(users: rows, roles: FormOption.choices(Role.self, "role"),
                               username: username, backup: try await BackupStatus.load(request))
        return try await request.renderPage("users", titleKey: "users.title", model: model, error: error, notice: notice,
                                            status: status)
    }
}
