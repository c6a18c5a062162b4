import Vapor

/// Turns every error into a clear answer: JSON for the API, a page in the user's language for
/// the browser. Only unexpected errors are 500, and their details stay in the log.
struct BureauErrorMiddleware: AsyncMiddleware {
    let environment: Environment

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let (status, detail) = ErrorMapping.describe(error)
            if status == .internalServerError {
                request.logger.report(error: error)
            }
            // JSON only for the API and for clients that name it: a browser's `*/*` matches `.json` under
            // HTTPMediaType's wildcard equality, and must get the localized page.
            if request.isAPI || request.headers.accept.mediaTypes.contains(where: { $0.type == "application" && $0.subType == "json" }) {
                let response = Response(status: status)
                try response.content.encode(APIErrorBody(error: detail), using: JSONCoders.encoder)
                return response
            }
            return await ErrorPage.render(status: status, detail: detail, for: request)
        }
    }
}

struct SecurityHeadersMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "no-referrer")
        response.headers.replaceOrAdd(name: "Content-Security-Policy",
                                      value: "default-src 'self'; style-src 'self' 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'")
        // Case data must not linger in shared or browser caches.
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}
