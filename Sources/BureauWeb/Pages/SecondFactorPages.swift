import BureauCore
import BureauStore
import Vapor

/// `/second-factor`: enrol an authenticator app (TOTP), see how many recovery codes are left.
/// Reached right after the first sign-in by roles that must have one; open to every other staff member.
struct SecondFactorPages {
    static let path = "/second-factor"
    static let issuer = "Bureau"

    struct Model: Encodable {
        var enrolled: Bool
        /// The secret in groups of four, as people type it.
        var secret: String
        var uri: String
        var recoveryCodes: [String]
        var showCodes: Bool
        var recoveryLeft: Int
        var required: Bool
    }

    struct Form: Content {
        var code: String?
    }

    func show(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        if user.account.secondFactorEnrolled {
            return try await render(request, enrolled: true, secret: [], codes: [], error: nil, status: .ok)
        }
        let enrolment = try await request.bureau.users.beginEnrolment(userID: user.account.id, by: user.principal)
        return try await render(request, enrolled: false, secret: enrolment.secret, codes: [], error: nil, status: .ok)
    }

    func confirm(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        if user.account.secondFactorEnrolled { return request.redirect(to: Self.path, redirectType: .normal) }
        let form = try request.content.decode(Form.self)
        let enrolment = try await request.bureau.users.beginEnrolment(userID: user.account.id, by: user.principal)
        do {
            let codes = try await request.bureau.users.confirmEnrolment(userID: user.account.id, code: form.code ?? "",
                                                                        by: user.principal)
            return try await render(request, enrolled: true, secret: [], codes: codes, error: nil, status: .ok)
        } catch let error as DomainError where error.kind == .invalid {
            return try await render(request, enrolled: false, secret: enrolment.secret, codes: [],
                                    error: request.message(for: error), status: .badRequest)
        }
    }

    private func render(_ request: Request, enrolled: Bool, secret: [UInt8], codes: [String], error: String?,
                        status: HTTPResponseStatus) async throws -> Response {
        let user = try request.requireUser()
        let encoded = Base32.encode(secret)
        let grouped = stride(from: 0, to: encoded.count, by: 4).map {
            let start = encoded.index(encoded.startIndex, offsetBy: $0)
            return String(encoded[start..<(encoded.index(start, offsetBy: 4, limitedBy: encoded.endIndex) ?? encoded.endIndex)])
        }.joined(separator: " ")
        let uri = secret.isEmpty ? "" : TOTP(secret: secret).provisioningURI(account: user.account.username, issuer: Self.issuer)
        let left = enrolled ? try await request.bureau.users.unusedRecoveryCodes(userID: user.account.id) : 0
        let model = Model(enrolled: enrolled, secret: grouped, uri: uri, recoveryCodes: codes, showCodes: !codes.isEmpty, recoveryLeft: left,
                          required: request.bureau.config.secondFactor.isRequired(for: user.account.role))
        let response = try await request.renderPage("second-factor", titleKey: "totp.title", model: model, error: error,
                                                    status: status)
        // The secret and the recovery codes must not linger in caches.
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}
