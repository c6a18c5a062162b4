import Vapor

/// Keeps the API to its OpenAPI document where the router alone would not: a documented path
/// asked with another method answers 405 with `Allow` (not 404), and a query parameter given twice
/// is refused (which value would count is otherwise the framework's choice, invisibly).
struct APIContractMiddleware: AsyncMiddleware {
    /// Documented path templates split into segments (`{id}` matches any one segment), with their methods.
    static let templates: [(segments: [String], methods: Set<String>)] = {
        var table: [String: Set<String>] = [:]
        for operation in OpenAPIDocument.operations {
            table[operation.path, default: []].insert(operation.method.uppercased())
        }
        return table.map { (path, methods) in
            (path.split(separator: "/").map(String.init), methods.union(methods.contains("GET") ? ["HEAD"] : []))
        }
    }()

    static func allowedMethods(for path: String) -> Set<String>? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        var allowed: Set<String>?
        for template in templates where template.segments.count == segments.count {
            let matches = zip(template.segments, segments).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
            if matches { allowed = (allowed ?? []).union(template.methods) }
        }
        return allowed
    }

    static func decode(_ text: String) -> String {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? text
    }

    /// Query parameters of the operation whose schema is more than free text (enumeration, number, id, pattern).
    static func typedParameters(method: String, path: String) -> Set<String> {
        let segments = path.split(separator: "/").map(String.init)
        var names = Set<String>()
        for operation in OpenAPIDocument.operations where operation.method.uppercased() == method {
            let template = operation.path.split(separator: "/").map(String.init)
            guard template.count == segments.count,
                  zip(template, segments).allSatisfy({ $0.hasPrefix("{") || $0 == $1 }) else { continue }
            for parameter in operation.parameters {
                guard case .string("query")? = parameter["in"], case .string(let name)? = parameter["name"],
                      let schema = parameter["schema"] else { continue }
                let typedSchema = schema["enum"] != nil || schema["format"] != nil || schema["pattern"] != nil
                    || schema["minLength"] != nil || { if case .string("integer")? = schema["type"] { return true }; return false }()
                if typedSchema { names.insert(name) }
            }
        }
        return names
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.url.path.hasPrefix("/api/") else { return try await next.respond(to: request) }
        if request.route == nil, let allowed = Self.allowedMethods(for: request.url.path),
           !allowed.contains(request.method.rawValue) {
            let response = Response(status: .methodNotAllowed)
            response.headers.replaceOrAdd(name: .allow, value: allowed.sorted().joined(separator: ", "))
            try response.content.encode(APIErrorBody(error: .init(
                code: "method_not_allowed", message: "\(request.method.rawValue) is not allowed here; use \(allowed.sorted().joined(separator: ", "))",
                field: nil)), using: JSONCoders.encoder)
            return response
        }
        if let query = request.url.query {
            let typed = Self.typedParameters(method: request.method.rawValue, path: request.url.path)
            var seen = Set<String>()
            for pair in query.split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let name = Self.decode(parts.first ?? "")
                if !seen.insert(name).inserted {
                    throw InputError(code: "duplicate_parameter", message: "the query parameter is given more than once",
                                     field: name)
                }
                // An empty value is no value of an enumeration, a number or an id: refuse it rather than ignore it.
                if typed.contains(name), Self.decode(parts.count > 1 ? parts[1] : "").trimmingCharacters(in: .whitespaces).isEmpty {
                    throw InputError(code: "invalid_value", message: "is empty; leave the parameter out instead", field: name)
                }
            }
        }
        return try await next.respond(to: request)
    }
}
