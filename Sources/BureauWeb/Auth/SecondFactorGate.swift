import BureauCore
import Vapor

/// Holds a signed-in user whose role needs a second factor, and who has none yet, on the enrolment
/// page: every other page redirects there and every API route answers 403, until enrolment is done.
struct SecondFactorGate: AsyncMiddleware {
    /// What such a user may still do: enrol, sign out, switch the language.
    static let open: Set<String> = ["GET \(SecondFactorPages.path)", "POST \(SecondFactorPages.path)", "POST /logout",
                                    "POST /language", "DELETE /api/v1/session"]

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let user = request.currentUser,
              request.bureau.config.secondFactor.isRequired(for: user.account.role),
              !user.account.secondFactorEnrolled,
              !Self.open.contains("\(request.method.rawValue) \(request.url.path)") else {
            return try await next.respond(to: request)
        }
        if request.isAPI {
            throw DomainError(.forbidden, code: "second_factor_required",
                              "your role needs a second factor: set it up at \(SecondFactorPages.path) first")
        }
        return request.redirect(to: SecondFactorPages.path)
    }
}
