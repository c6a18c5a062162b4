import BureauCore
import BureauStore
@testable import BureauWeb
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

extension WebSuite {
    @Suite struct AuthTests {
        @Test func everyAPIRouteButSignInNeedsASession() async throws {
            try await withBureau { bureau in
                for route in bureau.app.routes.all where route.path.first?.description == "api" {
                    let path = route.path.map { $0.description.hasPrefix(":") ? UUID().uuidString : $0.description }
                        .joined(separator: "/")
                    let response = try await bureau.send(route.method, path, token: nil, json: "{}")
                    if path == "api/v1/session" && route.method == .POST {
                        #expect(response.status != .unauthorized)
                    } else {
                        #expect(response.status == .unauthorized, "\(route.method) \(path) answered \(response.status)")
                    }
                }
            }
        }

        @Test func roleChecksRefuseAndAuditTheRefusal() async throws {
            try await withBureau { bureau in
                let admin = try await bureau.signedIn(.administrator)
                let medic = try await bureau.signedIn(.medicalOfficer)
                let registrar = try await bureau.signedIn(.registrar)

                let adminRead = try await bureau.send(.GET, "api/v1/prisoners", token: admin)
                #expect(adminRead.status == .forbidden)
                let refusal = try #require(try await bureau.lastAudit())
                #expect(refusal.action.hasPrefix("denied."))
                #expect(refusal.actor == "administrator")

                let medicRegister = try await bureau.send(.POST, "api/v1/prisoners", token: medic, json: Fixtures.registration())
                #expect(medicRegister.status == .forbidden)
                #expect(try await bureau.prisonerCount() == 0)

                let registrarAudit = try await bureau.send(.GET, "api/v1/audit", token: registrar)
                #expect(registrarAudit.status == .forbidden)
                let registrarUsers = try await bureau.send(.GET, "api/v1/users", token: registrar)
                #expect(registrarUsers.status == .forbidden)

                // A registrar may not record medical entries: the kind decides, not only the route.
                let created = try await bureau.send(.POST, "api/v1/prisoners", token: registrar, json: Fixtures.registration())
                let id = try created.content.get(String.self, at: "id")
                let medical = try await bureau.send(.POST, "api/v1/prisoners/\(id)/events", token: registrar, json: """
                    {"kind": "medical", "occurredAt": "2025-01-12T08:00:00Z", "data": {"kind": "inspection", "weightKg": 61}}
                    """)
                #expect(medical.status == .forbidden)
                let byMedic = try await bureau.send(.POST, "api/v1/prisoners/\(id)/events", token: medic, json: """
                    {"kind": "medical", "occurredAt": "2025-01-12T08:00:00Z", "data": {"kind": "inspection", "weightKg": 61}}
                    """)
                #expect(byMedic.status == .created)
            }
        }

        @Test func fiveFailuresLockTheAccountForFifteenMinutes() async throws {
            try await withBureau { bureau in
                try await bureau.makeUser("clerk", .registrar)
                for _ in 0..<5 {
                    let wrong = try await bureau.send(.POST, "api/v1/session", token: nil,
                                                      json: #"{"username": "clerk", "password": "not the password"}"#)
                    #expect(wrong.status == .unauthorized)
                }
                let locked = try await bureau.send(.POST, "api/v1/session", token: nil,
                                                   json: #"{"username": "clerk", "password": "\#(TestBureau.password)"}"#)
                #expect(locked.status == .tooManyRequests)
                let failures = try await AuditModel.query(on: bureau.app.db).filter(\.$action == "auth.failed").count()
                #expect(failures == 6)
                bureau.clock.advance(15 * 60 + 1)
                let again = try await bureau.send(.POST, "api/v1/session", token: nil,
                                                  json: #"{"username": "clerk", "password": "\#(TestBureau.password)"}"#)
                #expect(again.status == .created)
            }
        }

        @Test func idleSessionsExpire() async throws {
            try await withBureau { bureau in
                let token = try await bureau.signedIn(.registrar)
                bureau.clock.advance(29 * 60)
                #expect(try await bureau.send(.GET, "api/v1/me", token: token).status == .ok)
                bureau.clock.advance(29 * 60)
                #expect(try await bureau.send(.GET, "api/v1/me", token: token).status == .ok)
                bureau.clock.advance(31 * 60)
                #expect(try await bureau.send(.GET, "api/v1/me", token: token).status == .unauthorized)
            }
        }

        @Test func signInSetsAStrictHttpOnlySecureCookie() async throws {
            try await withBureau { bureau in
                try await bureau.makeUser("clerk", .registrar)
                let response = try await bureau.send(.POST, "api/v1/session", token: nil,
                                                     json: #"{"username": "clerk", "password": "\#(TestBureau.password)"}"#)
                let cookie = try #require(response.headers.first(name: .setCookie))
                #expect(cookie.contains("bureau_session="))
                #expect(cookie.contains("HttpOnly"))
                #expect(cookie.contains("Secure"))
                #expect(cookie.contains("SameSite=Strict"))
                let rows = try await SessionModel.query(on: bureau.app.db).all()
                let token = try response.content.get(String.self, at: "token")
                #expect(rows.count == 1 && rows[0].tokenHash != token, "only the digest of the token is stored")
            }
        }

        @Test func cookieSessionsNeedTheCSRFToken() async throws {
            try await withBureau { bureau in
                try await bureau.makeUser("clerk", .registrar)
                let login = try await bureau.send(.POST, "api/v1/session", token: nil,
                                                  json: #"{"username": "clerk", "password": "\#(TestBureau.password)"}"#)
                let token = try login.content.get(String.self, at: "token")
                let csrf = try login.content.get(String.self, at: "csrfToken")
                let cookie = [("Cookie", "bureau_session=\(token)")]
                let without = try await bureau.send(.POST, "api/v1/prisoners", token: nil, json: Fixtures.registration(),
                                                    headers: cookie)
                #expect(without.status == .forbidden)
                #expect(try await bureau.prisonerCount() == 0)
                let with = try await bureau.send(.POST, "api/v1/prisoners", token: nil, json: Fixtures.registration(),
                                                 headers: cookie + [("X-CSRF-Token", csrf)])
                #expect(with.status == .created)
            }
        }

        @Test func theSetupLinkWorksOnceAndExpires() async throws {
            try await withBureau { bureau in
                let link = try #require(try await Startup.setupLinkIfNeeded(bureau.app))
                let path = String(link.drop { $0 != "/" }.dropFirst(2).drop { $0 != "/" })
                #expect(path.hasPrefix("/setup/"))
                let page = try await bureau.app.testing().sendRequest(.GET, path)
                #expect(page.status == .ok)
                var headers = HTTPHeaders()
                headers.contentType = .urlEncodedForm
                let weak = try await bureau.app.testing().sendRequest(.POST, path, headers: headers,
                                                                      body: ByteBuffer(string: "username=chief&password=short&passwordRepeat=short"))
                #expect(weak.status == .badRequest)
                #expect(try await bureau.services.users.count() == 0)
                let body = "username=chief&password=a+long+passphrase&passwordRepeat=a+long+passphrase"
                let done = try await bureau.app.testing().sendRequest(.POST, path, headers: headers, body: ByteBuffer(string: body))
                #expect(done.status == .seeOther)
                let accounts = try await bureau.services.users.list(by: .console)
                #expect(accounts.map(\.username) == ["chief"])
                #expect(accounts.map(\.role) == [.administrator])
                let replay = try await bureau.app.testing().sendRequest(.POST, path, headers: headers, body: ByteBuffer(string: body))
                #expect(replay.status == .notFound)
                #expect(try await Startup.setupLinkIfNeeded(bureau.app) == nil)
                // Once an account exists the setup page is gone, even for a link that never was used.
                #expect(try await bureau.app.testing().sendRequest(.GET, path).status == .notFound)
                // The administrator signs in on the page and is led to enrol an authenticator; the API
                // gives no token before that.
                let api = try await bureau.send(.POST, "api/v1/session", token: nil,
                                                json: #"{"username": "chief", "password": "a long passphrase"}"#)
                #expect(api.status == .forbidden)
                #expect(api.errorCode == "second_factor_enrolment_required")
                let signIn = try await bureau.app.testing().sendRequest(.POST, "/login", headers: headers,
                                                                        body: ByteBuffer(string: "username=chief&password=a+long+passphrase"))
                #expect(signIn.status == .seeOther)
                #expect(signIn.headers.first(name: .location) == "/second-factor")
            }
        }

        @Test func anUnusedSetupLinkExpiresAfterAnHour() async throws {
            try await withBureau { bureau in
                let link = try #require(try await Startup.setupLinkIfNeeded(bureau.app))
                let path = "/setup/" + link.components(separatedBy: "/setup/")[1]
                bureau.clock.advance(3_601)
                let page = try await bureau.app.testing().sendRequest(.GET, path)
                #expect(page.status == .notFound)
            }
        }
    }
}
