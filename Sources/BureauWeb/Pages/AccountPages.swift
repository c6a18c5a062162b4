import BureauCore
import BureauStore
import Vapor

/// `/users/:id` (administrator): one account — its full name, role, whether it may sign in, and a
/// one-time password link; and `/reset/:token`, where the member of staff chooses the new password.
struct AccountPages {
    struct Model: Encodable {
        var id: String
        var username: String
        var fullName: String
        var roleKey: String
        var roles: [FormOption]
        var disabled: Bool
        var locked: Bool
        var secondFactor: Bool
        var created: String
        /// The reset link just issued: shown this once, never stored in clear.
        var resetLink: String?
        var resetExpires: String?
    }

    struct NameForm: Content { var fullName: String? }
    struct RoleForm: Content { var role: String? }
    struct StatusForm: Content { var disabled: String? }

    func show(_ request: Request) async throws -> Response {
        try await render(request, account: try await account(request))
    }

    func setFullName(_ request: Request) async throws -> Response {
        let form = try request.content.decode(NameForm.self)
        return try await change(request) { user, id in
            try await request.bureau.users.setFullName(form.fullName, userID: id, by: user.principal)
        }
    }

    func changeRole(_ request: Request) async throws -> Response {
        let form = try request.content.decode(RoleForm.self)
        return try await change(request) { user, id in
            let reader = FormReader(timeZone: request.bureau.config.timeZone)
            guard let role = try reader.choice(form.role, Role.self, field: "role") else {
                throw DomainError.invalid("role", "is required", code: "required")
            }
            return try await request.bureau.users.changeRole(to: role, userID: id, by: user.principal)
        }
    }

    func setStatus(_ request: Request) async throws -> Response {
        let form = try request.content.decode(StatusForm.self)
        return try await change(request) { user, id in
            guard let value = form.disabled, ["true", "false"].contains(value) else {
                throw DomainError.invalid("disabled", "is not one of the offered choices", code: "invalid_choice")
            }
            return try await request.bureau.users.setDisabled(value == "true", userID: id, by: user.principal)
        }
    }

    func issueReset(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let target = try await account(request)
        do {
            let issued = try await Self.issue(for: target.id, on: request, by: user.principal)
            let zone = request.bureau.config.timeZone
            return try await render(request, account: try await account(request), link: issued.link,
                                    expires: DateText.format(issued.expires, language: request.language, timeZone: zone),
                                    status: .created)
        } catch let error as DomainError where ![.forbidden, .notFound].contains(error.kind) {
            return try await render(request, account: target, error: request.message(for: error), status: error.kind.status)
        }
    }

    /// Makes a reset token, records its digest and returns the link to hand over (page and API alike).
    static func issue(for id: UUID, on request: Request, by principal: Principal) async throws -> (link: String, expires: Date) {
        let token = Tokens.make()
        let expires = try await request.bureau.users.issueReset(tokenHash: Tokens.digest(token), userID: id, by: principal)
        return (link(token, on: request), expires)
    }

    /// The link as the administrator's own browser reached Bureau: the address staff use.
    static func link(_ token: String, on request: Request) -> String {
        let host = request.headers.first(name: .host) ?? "\(request.bureau.config.hostname):\(request.bureau.config.port)"
        let scheme = request.bureau.config.secureCookies ? "https" : "http"
        return "\(scheme)://\(host)/reset/\(token)"
    }

    /// Applies one change and lands back on the account with "Saved."; a refused change (the last
    /// administrator, a bad name) comes back on the page with the reason in the page language.
    private func change(_ request: Request,
                        _ body: (CurrentUser, UUID) async throws -> UserStore.Account) async throws -> Response {
        let user = try request.requireUser()
        let target = try await account(request)
        do {
            let changed = try await body(user, target.id)
            // Changing one's own role or disabling oneself ends one's session: the account page is then out of reach.
            if changed.id == user.account.id, changed.role != user.account.role || changed.disabled {
                return request.redirect(to: "/login", redirectType: .normal)
            }
            return request.redirect(to: "/users/\(target.id.uuidString)?saved=1", redirectType: .normal)
        } catch let error as DomainError where ![.forbidden, .notFound].contains(error.kind) {
            return try await render(request, account: target, error: request.message(for: error), status: error.kind.status)
        }
    }

    private func account(_ request: Request) async throws -> UserStore.Account {
        let id = try request.uuidParameter(code: "user_not_found")
        guard let account = try await request.bureau.users.find(id: id) else {
            throw DomainError(.notFound, code: "user_not_found", "no such account")
        }
        return account
    }

    private func render(_ request: Request, account: UserStore.Account, link: String? = nil, expires: String? = nil,
                        error: String? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let now = request.bureau.context.clock.now()
        let model = Model(id: account.id.uuidString, username: account.username, fullName: account.fullName ?? "",
                          roleKey: "role.\(account.role.rawValue)",
                          roles: FormOption.choices(Role.self, "role", chosen: { $0 == account.role }),
                          disabled: account.disabled, locked: (account.lockedUntil ?? .distantPast) > now,
                          secondFactor: account.secondFactorEnrolled,
                          created: DateText.format(account.createdAt, language: request.language,
                                                   timeZone: request.bureau.config.timeZone),
                          resetLink: link, resetExpires: expires)
        return try await request.renderPage("user", titleKey: "account.title", model: model, error: error,
                                            notice: link == nil ? nil : request.bureau.catalog.text("account.resetIssued", request.language),
                                            status: status)
    }

    // MARK: The member of staff's side of the link

    struct ResetModel: Encodable {
        var token: String
        var username: String
    }

    struct ResetForm: Content {
        var password: String?
        var passwordRepeat: String?
    }

    func resetForm(_ request: Request) async throws -> Response {
        let token = request.parameters.get("token") ?? ""
        guard let account = try await request.bureau.users.resetAccount(tokenHash: Tokens.digest(token)) else {
            throw DomainError(.notFound, code: "reset_link_invalid", "this password link is used, expired or unknown")
        }
        return try await request.renderPage("reset", titleKey: "reset.title",
                                            model: ResetModel(token: token, username: account.username))
    }

    func reset(_ request: Request) async throws -> Response {
        let token = request.parameters.get("token") ?? ""
        guard let account = try await request.bureau.users.resetAccount(tokenHash: Tokens.digest(token)) else {
            throw DomainError(.notFound, code: "reset_link_invalid", "this password link is used, expired or unknown")
        }
        let form = try request.content.decode(ResetForm.self)
        do {
            let password = form.password ?? ""
            try SignIn.checkPasswordPolicy(password)
            guard password == form.passwordRepeat else {
                throw DomainError.invalid("passwordRepeat", "the passwords differ", code: "password_mismatch")
            }
            let hash = try await request.password.async.hash(password)
            try await request.bureau.users.completeReset(tokenHash: Tokens.digest(token), passwordHash: hash)
            return request.redirect(to: "/login?reset=1", redirectType: .normal)
        } catch let error as DomainError where error.kind == .invalid {
            return try await request.renderPage("reset", titleKey: "reset.title",
                                                model: ResetModel(token: token, username: account.username),
                                                error: request.message(for: error), status: .badRequest)
        }
    }
}
