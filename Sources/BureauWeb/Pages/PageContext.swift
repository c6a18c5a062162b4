import BureauCore
import Vapor

/// What every page template receives besides its own model: language, user, CSRF token, menu.
struct PageContext<Model: Encodable>: Encodable {
    struct UserInfo: Encodable {
        var username: String
        var role: String
        var roleKey: String
    }

    struct Nav: Encodable {
        var registry: Bool
        var register: Bool
        var users: Bool
        var audit: Bool
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
    var languages: [LanguageChoice]
    var path: String
    var error: String?
    var notice: String?
    var page: Model
}

extension Request {
    /// Renders `template` with the common context. `titleKey` is a catalogue key.
    func renderPage<Model: Encodable>(_ template: String, titleKey: String, model: Model, error: String? = nil,
                                      notice: String? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let language = self.language
        let user = currentUser
        let role = user?.account.role
        let context = PageContext(
            lang: language,
            title: bureau.catalog.text(titleKey, language),
            user: user.map { .init(username: $0.account.username, role: $0.account.role.rawValue,
                                   roleKey: "role.\($0.account.role.rawValue)") },
            csrf: user?.csrfToken ?? "",
            nav: .init(registry: role.map { AccessPolicy.allows($0, .readRegistry) } ?? false,
                       register: role.map { AccessPolicy.allows($0, .registerPrisoner) } ?? false,
                       users: role == .administrator, audit: role == .auditor,
                       enquiries: role.map { AccessPolicy.allows($0, .readEnquiries) } ?? false),
            languages: Catalog.languages.map { .init(code: $0, label: Self.languageLabels[$0]!, current: $0 == language) },
            path: url.path, error: error, notice: notice, page: model)
        let view = try await self.view.render(template, context)
        let response = try await view.encodeResponse(for: self)
        response.status = status
        response.headers.replaceOrAdd(name: .contentLanguage, value: language)
        return response
    }

    static let languageLabels = ["uk": "UA", "en": "EN", "ru": "RU"]

    /// A domain error as a sentence in the page language.
    func message(for error: any Error) -> String {
        let (_, detail) = ErrorMapping.describe(error)
        let key = "error.\(detail.code)"
        let language = self.language
        let catalog = bureau.catalog
        let text = catalog.messages[language]?[key] ?? detail.message
        if let field = detail.field {
            let fieldKey = "field.\(field.split(separator: ".").last.map(String.init) ?? field)"
            let label = catalog.messages[language]?[fieldKey] ?? field
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
        let message = request.message(for: DomainError(.invalid, code: detail.code, detail.message, field: detail.field))
        do {
            return try await request.renderPage("error", titleKey: "error.title",
                                                model: Model(status: Int(status.code), message: message), status: status)
        } catch {
            return Response(status: status, body: .init(string: message))
        }
    }
}
