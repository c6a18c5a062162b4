import BureauCore
import Vapor

struct SessionAPIController {
    struct LoginInput: Codable {
        var username: String
        var password: String
        /// The authenticator's current code or an unused recovery code, for accounts with a second factor.
        var code: String?
    }

    struct SessionDTO: Content {
        var username: String
        var role: Role
        /// For API clients: send as `Authorization: Bearer <token>`.
        var token: String
        /// For scripts that use the cookie: send as `X-CSRF-Token` on unsafe requests.
        var csrfToken: String
    }

    struct MeDTO: Content {
        var username: String
        var role: Role
        var locale: String
    }

    func login(_ request: Request) async throws -> Response {
        let input = try StrictJSON.decode(LoginInput.self, from: request)
        let opened = try await SignIn.open(username: input.username, password: input.password, code: input.code,
                                           forEnrolment: false, on: request)
        let response = Response(status: .created)
        try response.content.encode(SessionDTO(username: opened.account.username, role: opened.account.role,
                                               token: opened.token, csrfToken: opened.csrfToken))
        response.cookies[SessionMiddleware.cookieName] = SessionMiddleware.sessionCookie(
            opened.token, secure: request.bureau.config.secureCookies, maxAge: nil)
        return response
    }

    func logout(_ request: Request) async throws -> HTTPStatus {
        let user = try request.requireUser()
        try await request.bureau.users.closeSession(id: user.sessionID, by: user.principal)
        return .noContent
    }

    func me(_ request: Request) async throws -> MeDTO {
        let user = try request.requireUser()
        return MeDTO(username: user.account.username, role: user.account.role, locale: request.language)
    }
}
