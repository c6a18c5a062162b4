import BureauCore
import Vapor

/// Sign-in, sign-out, language choice and the one-time first-administrator setup.
struct AuthPages {
    struct LoginModel: Encodable {
        var next: String
        var username: String
    }

    struct LoginForm: Content {
        var username: String?
        var password: String?
        var code: String?
        var next: String?
    }

    func loginForm(_ request: Request) async throws -> Response {
        if request.currentUser != nil { return request.redirect(to: "/") }
        let next = Self.safeNext(try? request.query.get(String.self, at: "next"))
        // Back from a password link: the new password is set; nothing else is read from the query.
        let reset = (try? request.query.get(String.self, at: "reset")) == "1"
        return try await request.renderPage("login", titleKey: "login.title", model: LoginModel(next: next, username: ""),
                                            notice: reset ? request.bureau.catalog.text("reset.done", request.language) : nil)
    }

    func login(_ request: Request) async throws -> Response {
        let form = try request.content.decode(LoginForm.self)
        let username = form.username?.trimmedOrNil ?? ""
        let next = Self.safeNext(form.next)
        do {
            let opened = try await SignIn.open(username: username, password: form.password ?? "",
                                               code: form.code?.trimmedOrNil, forEnrolment: true, on: request)
            let response = request.redirect(to: opened.mustEnrol ? SecondFactorPages.path : next, redirectType: .normal)
            response.cookies[SessionMiddleware.cookieName] = SessionMiddleware.sessionCookie(
                opened.token, secure: request.bureau.config.secureCookies, maxAge: nil)
            if let locale = request.cookies[LanguagePages.cookieName]?.string, opened.account.locale == nil,
               Catalog.languages.contains(locale) {
                try await request.bureau.users.setLocale(locale, userID: opened.account.id,
                                                         by: .init(username: opened.account.username, role: opened.account.role))
            }
            return response
        } catch let abort as any AbortError where [.unauthorized, .tooManyRequests].contains(abort.status) {
            let key = abort.status == .tooManyRequests ? "login.locked" : "login.refused"
            return try await request.renderPage("login", titleKey: "login.title",
                                                model: LoginModel(next: next, username: username),
                                                error: request.bureau.catalog.text(key, request.language),
                                                status: abort.status)
        }
    }

    func logout(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        try await request.bureau.users.closeSession(id: user.sessionID, by: user.principal)
        let response = request.redirect(to: "/login", redirectType: .normal)
        response.cookies[SessionMiddleware.cookieName] = SessionMiddleware.sessionCookie(
            "", secure: request.bureau.config.secureCookies, maxAge: 0)
        return response
    }

    func home(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        switch user.account.role {
        case .administrator: return request.redirect(to: "/users")
        case .auditor: return request.redirect(to: "/audit")
        default: return request.redirect(to: "/prisoners")
        }
    }

    /// Only local paths, so the sign-in page cannot be used to bounce users to another site.
    static func safeNext(_ next: String?) -> String {
        guard let next = next?.removingPercentEncoding ?? next, next.hasPrefix("/"), !next.hasPrefix("//"),
              !next.contains("\\") else { return "/" }
        return next
    }

    // MARK: First administrator

    struct SetupModel: Encodable {
        var token: String
        var username: String
    }

    struct SetupForm: Content {
        var username: String?
        var password: String?
        var passwordRepeat: String?
    }

    func setupForm(_ request: Request) async throws -> Response {
        let token = request.parameters.get("token") ?? ""
        // Once any account exists the setup page is gone, whatever link is presented.
        guard try await request.bureau.users.count() == 0,
              try await request.bureau.users.setupTokenIsValid(tokenHash: Tokens.digest(token)) else {
            throw DomainError(.notFound, code: "setup_link_invalid", "this setup link is used, expired or unknown")
        }
        return try await request.renderPage("setup", titleKey: "setup.title", model: SetupModel(token: token, username: ""))
    }

    func setup(_ request: Request) async throws -> Response {
        let token = request.parameters.get("token") ?? ""
        guard try await request.bureau.users.count() == 0 else {
            throw DomainError(.notFound, code: "setup_link_invalid", "this setup link is used, expired or unknown")
        }
        let form = try request.content.decode(SetupForm.self)
        let username = form.username?.trimmedOrNil ?? ""
        do {
            let password = form.password ?? ""
            try SignIn.checkPasswordPolicy(password)
            guard password == form.passwordRepeat else {
                throw DomainError.invalid("passwordRepeat", "the passwords differ", code: "password_mismatch")
            }
            let hash = try await request.password.async.hash(password)
            _ = try await request.bureau.users.completeSetup(tokenHash: Tokens.digest(token), username: username,
                                                             passwordHash: hash)
            return request.redirect(to: "/login", redirectType: .normal)
        } catch let error as DomainError where error.kind == .invalid {
            return try await request.renderPage("setup", titleKey: "setup.title",
                                                model: SetupModel(token: token, username: username),
                                                error: request.message(for: error), status: .badRequest)
        }
    }
}

/// The UA EN RU switch: remembered on the account when signed in, in a cookie otherwise.
struct LanguagePages {
    static let cookieName = "bureau_lang"

    struct Form: Content {
        var lang: String
        var back: String?
    }

    func choose(_ request: Request) async throws -> Response {
        let form = try request.content.decode(Form.self)
        guard Catalog.languages.contains(form.lang) else {
            throw DomainError.invalid("lang", "one of uk, en, ru", code: "invalid_language")
        }
        if let user = request.currentUser {
            try await request.bureau.users.setLocale(form.lang, userID: user.account.id, by: user.principal)
        }
        let response = request.redirect(to: AuthPages.safeNext(form.back), redirectType: .normal)
        response.cookies[Self.cookieName] = HTTPCookies.Value(string: form.lang, maxAge: 365 * 24 * 3600, path: "/",
                                                             isSecure: request.bureau.config.secureCookies,
                                                             isHTTPOnly: true, sameSite: .strict)
        return response
    }
}
