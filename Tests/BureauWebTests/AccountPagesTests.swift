import BureauCore
import BureauStore
@testable import BureauWeb
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

extension WebSuite {
    /// Accounts from the pages (issue 8, item 3): disable and enable, a one-time password link,
    /// another role, a full name; each with its API operation, audited, never leaving Bureau without
    /// an active administrator.
    @Suite struct AccountPagesTests {
        static func accountID(_ bureau: TestBureau, _ username: String) async throws -> String {
            try #require(try await UserModel.query(on: bureau.app.db).filter(\.$username == username).first()?.id).uuidString
        }

        @Test func aDisabledAccountCannotSignInAndItsSessionsEnd() async throws {
            try await withBureau { bureau in
                let admin = try await FormSession.signIn(bureau, .administrator, name: "admin.one")
                let registrar = try await bureau.signedIn(.registrar, name: "reg.one")
                let id = try await Self.accountID(bureau, "reg.one")
                #expect(try await bureau.send(.GET, "api/v1/me", token: registrar).status == .ok)

                let page = try await admin.get(bureau, "/users/\(id)", language: "uk")
                #expect(page.status == .ok)
                #expect(page.body.string.contains("Вимкнути обліковий запис"))
                let disabled = try await admin.post(bureau, "/users/\(id)/status", [("disabled", "true")], language: "uk")
                #expect(disabled.status == .seeOther, "\(disabled.body.string)")
                #expect(disabled.headers.first(name: .location) == "/users/\(id)?saved=1")
                let saved = try await admin.get(bureau, "/users/\(id)?saved=1", language: "uk")
                #expect(saved.body.string.contains("Збережено") || saved.body.string.contains("notice"))
                #expect(saved.body.string.contains("Увімкнути обліковий запис"))
                // Its token ended, and its password no longer opens a session.
                #expect(try await bureau.send(.GET, "api/v1/me", token: registrar).status == .unauthorized)
                let again = try await bureau.send(.POST, "api/v1/session", token: nil, json: try await bureau.signInJSON("reg.one"))
                #expect(again.status == .unauthorized)
                let audit = try #require(try await bureau.lastAudit())
                #expect(audit.action == "auth.failed")
                let disabling = try await AuditModel.query(on: bureau.app.db).filter(\.$action == "user.disable").all()
                #expect(disabling.map(\.entityID) == [id])

                // Enabled again through the API: the password works again.
                let adminToken = try await bureau.token("admin.one")
                let enabled = try await bureau.send(.POST, "api/v1/users/\(id)/status", token: adminToken, json: #"{"disabled": false}"#)
                #expect(enabled.status == .ok, "\(enabled.body.string)")
                #expect(try enabled.content.get(Bool.self, at: "disabled") == false)
                #expect(try await bureau.send(.POST, "api/v1/session", token: nil,
                                              json: try await bureau.signInJSON("reg.one")).status == .created)
                // Only an administrator may.
                #expect(try await bureau.send(.POST, "api/v1/users/\(id)/status", token: registrar,
                                              json: #"{"disabled": true}"#).status != .ok)
            }
        }

        @Test func theLastActiveAdministratorCannotDemoteOrDisableHimself() async throws {
            try await withBureau { bureau in
                let admin = try await FormSession.signIn(bureau, .administrator, name: "admin.one")
                let id = try await Self.accountID(bureau, "admin.one")
                let demoted = try await admin.post(bureau, "/users/\(id)/role", [("role", "registrar")], language: "uk")
                #expect(demoted.status == .conflict)
                #expect(demoted.body.string.contains("хоча б один активний адміністратор"))
                let disabled = try await admin.post(bureau, "/users/\(id)/status", [("disabled", "true")], language: "en")
                #expect(disabled.status == .conflict)
                #expect(disabled.body.string.contains("at least one active administrator"))
                let token = try await bureau.token("admin.one")
                let api = try await bureau.send(.POST, "api/v1/users/\(id)/role", token: token, json: #"{"role": "auditor"}"#)
                #expect(api.status == .conflict)
                #expect(api.errorCode == "last_administrator")
                let model = try #require(try await UserModel.find(UUID(uuidString: id), on: bureau.app.db))
                #expect(model.role == "administrator" && !model.disabled)

                // With a second administrator, the first may step down; his sessions end.
                try await bureau.makeUser("admin.two", .administrator)
                let stepped = try await admin.post(bureau, "/users/\(id)/role", [("role", "auditor")], language: "uk")
                #expect(stepped.status == .seeOther)
                #expect(try await bureau.send(.GET, "api/v1/me", token: token).status == .unauthorized)
                let audit = try await AuditModel.query(on: bureau.app.db).filter(\.$action == "user.role").all()
                #expect(audit.last?.detail == "role=auditor")
            }
        }

        @Test func aRoleChangeEndsTheSessionsOfTheAccount() async throws {
            try await withBureau { bureau in
                let admin = try await FormSession.signIn(bureau, .administrator, name: "admin.one")
                let registrar = try await bureau.signedIn(.registrar, name: "reg.one")
                let id = try await Self.accountID(bureau, "reg.one")
                let bad = try await admin.post(bureau, "/users/\(id)/role", [("role", "general")], language: "uk")
                #expect(bad.status == .badRequest)
                #expect(try await bureau.send(.GET, "api/v1/me", token: registrar).status == .ok)
                let changed = try await admin.post(bureau, "/users/\(id)/role", [("role", "investigator")])
                #expect(changed.status == .seeOther)
                #expect(try await bureau.send(.GET, "api/v1/me", token: registrar).status == .unauthorized)
                let token = try await bureau.token("reg.one")
                let me = try await bureau.send(.GET, "api/v1/me", token: token)
                #expect(try me.content.get(String.self, at: "role") == "investigator")
            }
        }

        @Test func aResetLinkWorksOnceExpiresAndEndsTheOldPassword() async throws {
            try await withBureau { bureau in
                let admin = try await FormSession.signIn(bureau, .administrator, name: "admin.one")
                let registrar = try await bureau.signedIn(.registrar, name: "reg.one")
                let id = try await Self.accountID(bureau, "reg.one")
                let issued = try await admin.post(bureau, "/users/\(id)/reset-link", [], language: "uk")
                #expect(issued.status == .created, "\(issued.body.string)")
                let html = issued.body.string
                let link = try #require(html.firstMatch(of: /\/reset\/([A-Za-z0-9_-]{40,})/))
                let path = "/reset/\(link.1)"
                #expect(html.contains("показується лише зараз"))
                // Shown once: the account page does not show it again; the token is stored only as a digest.
                #expect(!(try await admin.get(bureau, "/users/\(id)")).body.string.contains(String(link.1)))
                #expect(try await PasswordResetModel.query(on: bureau.app.db).filter(\.$tokenHash == String(link.1)).count() == 0)
                // The old password and sessions end at once.
                #expect(try await bureau.send(.GET, "api/v1/me", token: registrar).status == .unauthorized)
                #expect(try await bureau.send(.POST, "api/v1/session", token: nil,
                                              json: try await bureau.signInJSON("reg.one")).status == .unauthorized)

                let form = try await bureau.app.testing().sendRequest(.GET, path, headers: ["Accept-Language": "uk"])
                #expect(form.status == .ok)
                #expect(form.body.string.contains("reg.one"))
                var headers = HTTPHeaders()
                headers.contentType = .urlEncodedForm
                let short = try await bureau.app.testing().sendRequest(.POST, path, headers: headers,
                                                                       body: ByteBuffer(string: "password=short&passwordRepeat=short"))
                #expect(short.status == .badRequest)
                let body = "password=new+horse+battery+staple&passwordRepeat=new+horse+battery+staple"
                let done = try await bureau.app.testing().sendRequest(.POST, path, headers: headers, body: ByteBuffer(string: body))
                #expect(done.status == .seeOther)
                #expect(done.headers.first(name: .location) == "/login?reset=1")
                #expect(try await bureau.send(.POST, "api/v1/session", token: nil,
                                              json: try await bureau.signInJSON("reg.one", password: "new horse battery staple")).status == .created)
                // Single use.
                let replay = try await bureau.app.testing().sendRequest(.POST, path, headers: headers, body: ByteBuffer(string: body))
                #expect(replay.status == .notFound)
                #expect(try await bureau.app.testing().sendRequest(.GET, path).status == .notFound)

                // A link expires after a day (issued through the API).
                let token = try await bureau.token("admin.one")
                let second = try await bureau.send(.POST, "api/v1/users/\(id)/reset-link", token: token)
                #expect(second.status == .created, "\(second.body.string)")
                let url = try second.content.get(String.self, at: "link")
                let secondPath = String(url[url.range(of: "/reset/")!.lowerBound...])
                bureau.clock.advance(UserStore.resetLinkLifetime + 1)
                let expired = try await bureau.app.testing().sendRequest(.GET, secondPath, headers: ["Accept-Language": "uk"])
                #expect(expired.status == .notFound)
                #expect(expired.body.string.contains("Попросіть адміністратора"))
                let actions = try await AuditModel.query(on: bureau.app.db).filter(\.$entityID == id).all().map(\.action)
                #expect(actions.filter { $0 == "user.reset_link" }.count == 2)
                #expect(actions.contains("user.reset_complete"))
            }
        }

        @Test func aFullNameIsShownInsteadOfTheUsername() async throws {
            try await withBureau { bureau in
                let admin = try await FormSession.signIn(bureau, .administrator, name: "admin.one")
                try await bureau.makeUser("reg.one", .registrar)
                let id = try await Self.accountID(bureau, "reg.one")
                let bad = try await admin.post(bureau, "/users/\(id)/full-name", [("fullName", "Іван\u{202E}Петренко")], language: "uk")
                #expect(bad.status == .badRequest)
                let saved = try await admin.post(bureau, "/users/\(id)/full-name", [("fullName", "Іван Петренко")], language: "uk")
                #expect(saved.status == .seeOther)
                let list = try await admin.get(bureau, "/users", language: "uk")
                #expect(list.body.string.contains("Іван Петренко"))
                let audit = try await AuditModel.query(on: bureau.app.db).filter(\.$action == "user.full_name").all()
                #expect(audit.count == 1)
                let detail = audit.first?.detail ?? ""
                #expect(!detail.contains("Петренко"), "audit detail: \(detail)")
                // The person named sees his own name in the page header.
                let named = try await FormSession(token: try await bureau.token("reg.one"), csrf: "")
                    .get(bureau, "/prisoners", language: "uk")
                #expect(named.body.string.contains("Іван Петренко"))
                let token = try await bureau.token("admin.one")
                let api = try await bureau.send(.POST, "api/v1/users/\(id)/full-name", token: token, json: #"{"fullName": ""}"#)
                #expect(api.status == .ok, "\(api.body.string)")
                #expect((try? api.content.get(String.self, at: "fullName")) == nil)
            }
        }
    }
}
