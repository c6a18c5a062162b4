import BureauCore
import BureauStore
import Vapor

/// The signed-in user of a request, set by `SessionMiddleware`.
struct CurrentUser: Sendable {
    var account: UserStore.Account
    var sessionID: UUID
    var csrfToken: String
    /// True when the request authenticated with a bearer token (API clients; no CSRF needed).
    var viaBearer: Bool

    var principal: Principal { Principal(username: account.username, role: account.role) }
}

extension Request {
    private struct CurrentUserKey: StorageKey {
        typealias Value = CurrentUser
    }

    var currentUser: CurrentUser? {
        get { storage[CurrentUserKey.self] }
        set { storage[CurrentUserKey.self] = newValue }
    }

    /// The signed-in user, or 401.
    func requireUser() throws -> CurrentUser {
        guard let user = currentUser else { throw Abort(.unauthorized, reason: "sign in first") }
        return user
    }

    var isAPI: Bool { url.path.hasPrefix("/api/") }

    /// The purpose a reader states for a read (`X-Bureau-Purpose` header or `purpose` query item).
    var statedPurpose: String? {
        let text = headers.first(name: "X-Bureau-Purpose") ?? (try? query.get(String.self, at: "purpose"))
        return text?.trimmedOrNil.map { String($0.prefix(200)) }
    }

    /// The page language: the user's choice, else the browser's Accept-Language.
    var language: String {
        if let chosen = currentUser?.account.locale, Catalog.languages.contains(chosen) { return chosen }
        if let chosen = cookies["bureau_lang"]?.string, Catalog.languages.contains(chosen) { return chosen }
        return Catalog.negotiate(headers.first(name: .acceptLanguage))
    }
}
