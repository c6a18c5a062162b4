import BureauCore
import BureauStore
import Vapor

/// Lets a request through only for the listed roles. A signed-in user with another role is
/// refused with 403 and the refusal is audited; an anonymous one gets 401 (or the sign-in page).
struct RoleMiddleware: AsyncMiddleware {
    let allowed: Set<Role>

    init(_ allowed: Set<Role>) {
        self.allowed = allowed
    }

    init(_ roles: Role...) {
        self.allowed = Set(roles)
    }

    static let anyStaff = RoleMiddleware(Set(Role.allCases))

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

extension Role {
    /// Roles that read the registry (all case-handling staff; not the auditor or administrator).
    static let registryReaders: Set<Role> = Set(Role.allCases.filter { AccessPolicy.allows($0, .readRegistry) })
}
