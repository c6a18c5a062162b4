import BureauCore
import BureauStore
import Vapor

/// Lets a request through only for roles holding one of the named permissions (`AccessPolicy`, the
/// one table of who may do what). A signed-in user with another role is refused with 403 and the
/// refusal is audited; an anonymous one gets 401 (or the sign-in page).
struct RoleMiddleware: AsyncMiddleware {
    let allowed: Set<Role>

    private init(roles: Set<Role>) {
        self.allowed = roles
    }

    init(_ permissions: Permission...) {
        self.allowed = permissions.reduce(into: Set<Role>()) { $0.formUnion(AccessPolicy.roles(with: $1)) }
    }

    /// Any signed-in member of staff: their own session, language and the API description.
    static let anyStaff = RoleMiddleware(roles: Set(Role.allCases))

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let user = request.currentUser else {
            if request.isAPI { throw Abort(.unauthorized, reason: "sign in first") }
            let target = request.url.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"
            return request.redirect(to: "/login?next=\(target)")
        }
        guard allowed.contains(user.account.role) else {
            try await request.bureau.context.deny(user.principal, action: "\(request.method.rawValue) \(request.route?.description ?? request.url.path)",
                                                  entity: "route", entityID: nil)
        }
        return try await next.respond(to: request)
    }
}
