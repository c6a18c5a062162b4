import BureauStore
import Vapor

/// Resolves the session cookie or bearer token into `req.currentUser`; enforces CSRF on unsafe
/// cookie-authenticated requests.
struct SessionMiddleware: AsyncMiddleware {
    static let cookieName = "bureau_session"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let users = request.bureau.users
        let idle = request.bureau.config.sessionIdleTimeout
        if let bearer = request.headers.bearerAuthorization?.token {
            guard let session = try await users.session(tokenHash: Tokens.digest(bearer), idleTimeout: idle) else {
                throw Abort(.unauthorized, reason: "the token is unknown or has expired")
            }
            request.currentUser = CurrentUser(account: session.account, sessionID: session.id,
                                              csrfToken: session.csrfToken, viaBearer: true)
        } else if let cookie = request.cookies[Self.cookieName]?.string,
                  let session = try await users.session(tokenHash: Tokens.digest(cookie), idleTimeout: idle) {
            request.currentUser = CurrentUser(account: session.account, sessionID: session.id,
                                              csrfToken: session.csrfToken, viaBearer: false)
        }
        if let user = request.currentUser, !user.viaBearer, ![.GET, .HEAD].contains(request.method) {
            try await Self.checkCSRF(request, expected: user.csrfToken)
        }
        return try await next.respond(to: request)
    }

    /// Forms carry `_csrf`; scripts send `X-CSRF-Token`. SameSite=Strict already blocks most
    /// cross-site posts; the token covers the rest.
    static func checkCSRF(_ request: Request, expected: String) async throws {
        var supplied = request.headers.first(name: "X-CSRF-Token")
        if supplied == nil, request.headers.contentType == .urlEncodedForm {
            // A form past 16 kB (a pasted list) is still streaming when it reaches here: collect it, up to the
            // largest form Bureau takes (8 MB, a CSV list of enquiries), so the token can be read.
            if request.body.data == nil {
                _ = try await request.body.collect(max: 8 * 1024 * 1024).get()
            }
            supplied = try? request.content.get(String.self, at: "_csrf")
        }
        guard let supplied, Tokens.equal(supplied, expected) else {
            throw Abort(.forbidden, reason: "the form has expired or did not come from Bureau; reload the page and try again")
        }
    }

    static func sessionCookie(_ token: String, secure: Bool, maxAge: Int?) -> HTTPCookies.Value {
        HTTPCookies.Value(string: token, expires: nil, maxAge: maxAge, domain: nil, path: "/", isSecure: secure,
                          isHTTPOnly: true, sameSite: .strict)
    }
}
