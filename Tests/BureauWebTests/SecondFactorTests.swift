import BureauCore
import BureauStore
@testable import BureauWeb
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// A browser-like client of the pages: it keeps the session cookie and reads the CSRF token off forms.
struct PageClient {
    let bureau: TestBureau
    var cookie: String?

    func send(_ method: HTTPMethod, _ path: String, form: [(String, String)]? = nil) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        if let cookie { headers.add(name: "Cookie", value: "bureau_session=\(cookie)") }
        headers.add(name: .acceptLanguage, value: "en")
        var body = ByteBuffer()
        if let form {
            headers.contentType = .urlEncodedForm
            body = ByteBuffer(string: form.map { "\(FormSession.encode($0.0))=\(FormSession.encode($0.1))" }.joined(separator: "&"))
        }
        return try await bureau.app.testing().sendRequest(method, path, headers: headers, body: body)
    }

    /// Signs in on the page; keeps the cookie when one is set.
    mutating func signIn(_ username: String, code: String? = nil) async throws -> TestingHTTPResponse {
        let response = try await send(.POST, "/login", form: [("username", username), ("password", TestBureau.password),
                                                              ("code", code ?? "")])
        if let set = response.headers.setCookie?[SessionMiddleware.cookieName]?.string, !set.isEmpty { cookie = set }
        return response
    }

    static func field(_ name: String, in html: String) -> String? {
        guard let range = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    static func element(_ id: String, in html: String) -> String? {
        guard let range = html.range(of: "id=\"\(id)\"") else { return nil }
        let rest = html[range.upperBound...].drop { $0 != ">" }.dropFirst()
        return String(rest.prefix { $0 != "<" })
    }
}

extension WebSuite {
    @Suite struct SecondFactorTests {
        @Test func anAdministratorIsHeldOnTheEnrolmentPageUntilEnrolled() async throws {
            try await withBureau { bureau in
                let hash = try await bureau.app.password.async.hash(TestBureau.password)
                _ = try await bureau.services.users.create(username: "chief", passwordHash: hash, role: .administrator, by: .console)
                var client = PageClient(bureau: bureau)
                let login = try await client.signIn("chief")
                #expect(login.status == .seeOther)
                #expect(login.headers.first(name: .location) == "/second-factor")

                // Nothing else opens: pages redirect, the API refuses.
                let users = try await client.send(.GET, "/users")
                #expect(users.status == .seeOther && users.headers.first(name: .location) == "/second-factor")
                let api = try await client.send(.GET, "/api/v1/users")
                #expect(api.status == .forbidden)
                #expect(api.errorCode == "second_factor_required")

                let page = try await client.send(.GET, "/second-factor")
                #expect(page.status == .ok)
                #expect(page.headers.first(name: .cacheControl) == "no-store")
                let html = page.body.string
                let secretText = try #require(PageClient.element("totp-secret", in: html))
                let uri = try #require(PageClient.element("totp-uri", in: html))
                let secret = try #require(Base32.decode(secretText))
                #expect(secret.count == 20)
                #expect(uri.hasPrefix("otpauth://totp/Bureau%3Achief?secret=\(Base32.encode(secret))&amp;issuer=Bureau"))
                // Reloading shows the same secret, so a phone already set up keeps working.
                #expect(PageClient.element("totp-secret", in: try await client.send(.GET, "/second-factor").body.string) == secretText)
                let csrf = try #require(PageClient.field("_csrf", in: html))

                let wrong = try await client.send(.POST, "/second-factor", form: [("_csrf", csrf), ("code", "000000")])
                #expect(wrong.status == .badRequest)
                #expect(wrong.body.string.contains("does not match"))
                let code = TOTP(secret: secret).code(at: bureau.clock.now)
                let done = try await client.send(.POST, "/second-factor", form: [("_csrf", csrf), ("code", code)])
                #expect(done.status == .ok)
                let shown = done.body.string.components(separatedBy: "<code>").dropFirst().map { String($0.prefix(11)) }
                #expect(shown.count == 10 && shown.allSatisfy(RecoveryCodes.looksLikeRecoveryCode))
                let stored = try await RecoveryCodeModel.query(on: bureau.app.db).all()
                #expect(stored.count == 10 && Set(stored.map(\.codeHash)) == Set(shown.map(RecoveryCodes.digest)),
                        "only digests are stored")
                let row = try #require(try await UserModel.query(on: bureau.app.db).filter(\.$username == "chief").first())
                #expect(row.totpSecret?.hasPrefix("v1:") == true, "the secret is sealed")
                #expect(row.totpSecret?.contains(Base32.encode(secret)) == false)
                #expect(try await client.send(.GET, "/users").status == .ok)

                // The next sign-in needs a code; the used one is refused, the next step's is accepted.
                var again = PageClient(bureau: bureau)
                #expect(try await again.signIn("chief").status == .unauthorized)
                #expect(try await again.signIn("chief", code: code).status == .unauthorized, "a used code is refused")
                let next = TOTP(secret: secret).code(atStep: TOTP.step(at: bureau.clock.now) + 1)
                let fresh = try await again.signIn("chief", code: next)
                #expect(fresh.status == .seeOther && fresh.headers.first(name: .location) == "/")
                // One recovery code opens one session.
                var lost = PageClient(bureau: bureau)
                #expect(try await lost.signIn("chief", code: shown[3].uppercased()).status == .seeOther)
                var reuse = PageClient(bureau: bureau)
                #expect(try await reuse.signIn("chief", code: shown[3]).status == .unauthorized, "a recovery code works once")
                #expect(try await bureau.services.users.unusedRecoveryCodes(userID: row.requireID()) == 9)
            }
        }

        @Test func apiClientsSignInWithTheCodeAndWrongCodesLockLikePasswords() async throws {
            try await withBureau { bureau in
                try await bureau.makeUser("lo.kovalenko", .legalOfficer)
                let noCode = try await bureau.send(.POST, "api/v1/session", token: nil,
                                                   json: #"{"username": "lo.kovalenko", "password": "\#(TestBureau.password)"}"#)
                let unknown = try await bureau.send(.POST, "api/v1/session", token: nil,
                                                    json: #"{"username": "lo.nobody", "password": "\#(TestBureau.password)"}"#)
                #expect(noCode.status == .unauthorized)
                #expect(noCode.body.string == unknown.body.string, "a missing code tells nothing more than an unknown name")
                let code = try #require(try await bureau.code(for: "lo.kovalenko"))
                let signIn = #"{"username": "lo.kovalenko", "password": "\#(TestBureau.password)", "code": "\#(code)"}"#
                let token = try await bureau.send(.POST, "api/v1/session", token: nil, json: signIn)
                #expect(token.status == .created)
                let session = try token.content.get(String.self, at: "token")
                #expect(try await bureau.send(.POST, "api/v1/session", token: nil, json: signIn).status == .unauthorized,
                        "replaying the code is refused")
                for _ in 0..<4 {
                    let wrong = try await bureau.send(.POST, "api/v1/session", token: nil, json: signIn.replacingOccurrences(of: code, with: "000000"))
                    #expect(wrong.status == .unauthorized)
                }
                let locked = try await bureau.send(.POST, "api/v1/session", token: nil, json: try await bureau.signInJSON("lo.kovalenko"))
                #expect(locked.status == .tooManyRequests, "after the last success, the replay and four wrong codes are five failures")
                #expect(try await bureau.send(.GET, "api/v1/me", token: session).status == .unauthorized,
                        "the lockout ends the open session")
            }
        }

        @Test func otherRolesMayEnrolByChoiceAndThenNeedTheCode() async throws {
            try await withBureau { bureau in
                let account = try await bureau.makeUser("clerk", .registrar)
                _ = try await bureau.token("clerk")
                try await bureau.enrol(account)
                let bare = try await bureau.send(.POST, "api/v1/session", token: nil,
                                                 json: #"{"username": "clerk", "password": "\#(TestBureau.password)"}"#)
                #expect(bare.status == .unauthorized)
                _ = try await bureau.token("clerk")
            }
        }

        @Test func unknownAndExistingNamesAnswerAlike() async throws {
            try await withBureau { bureau in
                try await bureau.makeUser("clerk", .registrar)
                func attempt(_ name: String) async throws -> TestingHTTPResponse {
                    try await bureau.send(.POST, "api/v1/session", token: nil,
                                          json: #"{"username": "\#(name)", "password": "not the password"}"#)
                }
                for _ in 0..<4 {
                    let known = try await attempt("clerk"), unknown = try await attempt("nobody")
                    #expect(known.status == .unauthorized && unknown.status == .unauthorized)
                    #expect(known.body.string == unknown.body.string)
                }
                let known = try await attempt("clerk"), unknown = try await attempt("nobody")
                #expect(known.status == unknown.status && known.body.string == unknown.body.string)
                let lockedKnown = try await attempt("clerk"), lockedUnknown = try await attempt("nobody")
                #expect(lockedKnown.status == .tooManyRequests && lockedUnknown.status == .tooManyRequests)
                #expect(lockedKnown.body.string == lockedUnknown.body.string, "unknown names lock after five failures too")
            }
        }

        @Test func aPasswordChangeEndsTheOtherSessions() async throws {
            try await withBureau { bureau in
                try await bureau.makeUser("clerk", .registrar)
                let first = try await bureau.token("clerk")
                let second = try await bureau.token("clerk")
                let keep = try #require(try await bureau.services.users.session(tokenHash: Tokens.digest(second), idleTimeout: 600))
                let hash = try await bureau.app.password.async.hash("another long passphrase")
                try await bureau.services.users.changePassword(username: "clerk", passwordHash: hash, keeping: keep.id,
                                                               by: Principal(username: "clerk", role: .registrar))
                #expect(try await bureau.send(.GET, "api/v1/me", token: first).status == .unauthorized)
                #expect(try await bureau.send(.GET, "api/v1/me", token: second).status == .ok)
                _ = try await bureau.token("clerk", password: "another long passphrase")
            }
        }
    }
}
