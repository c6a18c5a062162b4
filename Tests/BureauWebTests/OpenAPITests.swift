@testable import BureauWeb
import Foundation
import Testing
import Vapor
import VaporTesting

extension WebSuite {
    @Suite struct OpenAPITests {
        /// Every registered `/api/v1` route is documented with its method, and nothing else is.
        @Test func theDocumentMatchesTheRoutes() async throws {
            try await withBureau { bureau in
                let token = try await bureau.signedIn(.registrar)
                let response = try await bureau.send(.GET, "api/v1/openapi.json", token: token)
                #expect(response.status == .ok)
                let json = try JSONSerialization.jsonObject(with: Data(response.body.string.utf8)) as? [String: Any]
                #expect(json?["openapi"] as? String == "3.1.0")
                let paths = try #require(json?["paths"] as? [String: [String: Any]])
                var documented = Set<String>()
                for (path, methods) in paths {
                    for method in methods.keys { documented.insert("\(method.uppercased()) \(path)") }
                }
                var registered = Set<String>()
                for route in bureau.app.routes.all where route.path.first?.description == "api" {
                    let path = "/" + route.path.map { component -> String in
                        let text = component.description
                        return text.hasPrefix(":") ? "{\(text.dropFirst())}" : text
                    }.joined(separator: "/")
                    registered.insert("\(route.method.rawValue) \(path)")
                }
                #expect(registered.subtracting(documented).isEmpty, "undocumented: \(registered.subtracting(documented).sorted())")
                #expect(documented.subtracting(registered).isEmpty, "documented but absent: \(documented.subtracting(registered).sorted())")
            }
        }

        @Test func everyReferencedSchemaExists() throws {
            let data = try JSONCoders.encoder.encode(OpenAPIDocument.document)
            let text = String(decoding: data, as: UTF8.self)
            let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            let schemas = ((json?["components"] as? [String: Any])?["schemas"] as? [String: Any]) ?? [:]
            let pattern = try NSRegularExpression(pattern: "#/components/schemas/([A-Za-z]+)")
            let names = pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
                String(text[Range($0.range(at: 1), in: text)!])
            }
            #expect(!names.isEmpty)
            for name in Set(names) { #expect(schemas[name] != nil, "missing schema \(name)") }
        }
    }
}
