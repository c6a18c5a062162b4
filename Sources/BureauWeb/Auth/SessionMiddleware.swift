import BureauStore
import Vapor

/// Resolves the session cookie or bearer token into `req.currentUser`; enforces CSRF on unsafe
/// cookie-authenticated requests.
struct SessionMiddleware: AsyncMiddleware {
    static let cookieName = "bureau_session"
    /// The largest form body any page takes (the enquiry list import).
    static let largestForm = 8 * 1024 * 1024

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
        // A file upload (the outbox's acknowledgements) carries `_csrf` as a part of its multipart body.
        let isForm = request.headers.contentType == .urlEncodedForm || request.headers.contentType?.type == "multipart"
        if supplied == nil, isForm {
            // Middleware runs before the route collects the body: a form larger than the first chunk
            // off the socket (about 2 KB) is still streaming here, and its `_csrf` field would read as
            // missing. Collect it now, up to the largest form any route takes (a pasted CTA list of
            // enquiries, 8 MB): a route's own limit is not visible from here, so this bound is the one that holds.
            if request.body.data == nil {
                let limit = Self.largestForm
                guard (try? await request.body.collect(max: limit).get()) != nil else {
                    throw Abort(.payloadTooLarge, reason: "the form is larger than Bureau accepts")
                }
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
