import BureauCore
import Vapor

/// What every page template receives besides its own model: language, user, CSRF token, menu.
struct PageContext<Model: Encodable>: Encodable {
    struct UserInfo: Encodable {
        var username: String
        /// The full name when the account has one (what pages call people), else the username.
        var name: String
        var role: String
        var roleKey: String
    }

    struct Nav: Encodable {
        var registry: Bool
        var register: Bool
        var users: Bool
        var audit: Bool
        var exchanges: Bool
        var enquiries: Bool
    }

    struct LanguageChoice: Encodable {
        var code: String
        var label: String
        var current: Bool
    }

    var lang: String
    var title: String
    var user: UserInfo?
    var csrf: String
    var nav: Nav
    /// What the signed-in user may do, by permission (`can.record_will`): templates offer links
    /// from `AccessPolicy`, never from role names of their own.
    var can: [String: Bool]
    var languages: [LanguageChoice]
    var path: String
    var error: String?
    var notice: String?
    var page: Model
}

extension Request {
    /// Every permission by name, true where `role` holds it.
    static func permissions(of role: Role?) -> [String: Bool] {
        let granted: Set<Permission> = role.map(AccessPolicy.permissions(of:)) ?? []
        var table: [String: Bool] = [:]
        for permission in Permission.allCases { table[permission.rawValue] = granted.contains(permission) }
        return table
    }

    /// Renders `template` with the common context. `titleKey` is a catalogue key.
    func renderPage<Model: Encodable>(_ template: String, titleKey: String, model: Model, error: String? = nil,
                                      notice: String? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let language = self.language
        let user = currentUser
        let can = Self.permissions(of: user?.account.role)
        let context = PageContext(
            lang: language,
            title: bureau.catalog.text(titleKey, language),
            user: user.map { .init(username: $0.account.username, name: $0.account.displayName, role: $0.account.role.rawValue,
                                   roleKey: "role.\($0.account.role.rawValue)") },
            csrf: user?.csrfToken ?? "",
            nav: .init(registry: can[Permission.readRegistry.rawValue]!, register: can[Permission.registerPrisoner.rawValue]!,
                       users: can[Permission.manageUsers.rawValue]!, audit: can[Permission.readAudit.rawValue]!,
                       exchanges: can[Permission.readExchanges.rawValue]!, enquiries: can[Permission.readEnquiries.rawValue]!),
            can: can,
            languages: Catalog.languages.map { .init(code: $0, label: Self.languageLabels[$0]!, current: $0 == language) },
            path: url.path, error: error, notice: notice ?? savedNotice(language), page: model)
        let view = try await self.view.render(template, context)
        let response = try await view.encodeResponse(for: self)
        response.status = status
        response.headers.replaceOrAdd(name: .contentLanguage, value: language)
        return response
    }

    /// Each language by its own name (a reader who cannot read the page still finds his own).
    static let languageLabels = ["uk": "Українська", "en": "English", "ru": "Русский"]

    /// After a save the form redirects to the record with `?saved=1`: the record's page confirms it in
    /// the page language (nothing else is read from the query, so no text can be injected this way).
    func savedNotice(_ language: String) -> String? {
        guard method == .GET, (try? query.get(String.self, at: "saved")) == "1" else { return nil }
        return bureau.catalog.text("common.saved", language)
    }

    /// A domain error as a sentence in the page language.
    /// The error in the page language. A code without a sentence of its own falls back to the
    /// status's sentence, never to the English message meant for API clients and logs.
    func message(for error: any Error, status: HTTPResponseStatus? = nil) -> String {
        let (described, detail) = ErrorMapping.describe(error)
        let key = "error.\(detail.code)"
        let language = self.language
        let catalog = bureau.catalog
        let messages = catalog.messages[language] ?? [:]
        let text = messages[key] ?? messages["error.status.\((status ?? described).code)"] ?? messages["error.status.400"]
            ?? detail.message
        if let field = detail.field {
            let fieldKey = "field.\(field.split(separator: ".").last.map(String.init) ?? field)"
            // A field without a label of its own is not named: its code is no word for an officer.
            guard let label = messages[fieldKey] else { return text }
            return "\(label): \(text)"
        }
        return text
    }
}

enum ErrorPage {
    struct Model: Encodable {
        var status: Int
        var message: String
    }

    static func render(status: HTTPResponseStatus, detail: APIErrorBody.Detail, for request: Request) async -> Response {
        let message = request.message(for: DomainError(.invalid, code: detail.code, detail.message, field: detail.field),
                                      status: status)
        do {
            return try await request.renderPage("error", titleKey: "error.title",
                                                model: Model(status: Int(status.code), message: message), status: status)
        } catch {
            return Response(status: status, body: .init(string: message))
        }
    }
}
