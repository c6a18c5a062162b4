import Foundation
import Vapor

/// Decodes a JSON body and refuses fields Bureau does not know, so a misspelt field is an error
/// instead of silently dropped data; keys given twice and trailing commas are refused first (`JSONSyntax`).
enum StrictJSON {
    static func decode<T: Codable>(_ type: T.Type, from request: Request) throws -> T {
        guard let contentType = request.headers.contentType, contentType == .json else {
            throw Abort(.unsupportedMediaType, reason: "send the body as application/json")
        }
        guard let buffer = request.body.data, buffer.readableBytes > 0 else {
            throw InputError(code: "empty_body", message: "the request has no body", field: nil)
        }
        let data = Data(buffer: buffer)
        do {
            try JSONSyntax.check(data)
        } catch {
            throw InputError(code: error.code, message: error.message, field: error.field)
        }
        let raw: Any
        do {
            raw = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw InputError(code: "malformed_json", message: "the body is not valid JSON", field: nil)
        }
        guard raw is [String: Any] else {
            throw InputError(code: "wrong_type", message: "the body must be a JSON object", field: nil)
        }
        let value = try JSONCoders.decoder.decode(T.self, from: data)
        let echo = try JSONSerialization.jsonObject(with: JSONCoders.encoder.encode(value), options: [.fragmentsAllowed])
        if let unknown = firstUnknownKey(raw, known: echo, path: "") {
            throw InputError(code: "unknown_field", message: "is not a field of this request", field: unknown)
        }
        return value
    }

    /// A key present (with a non-null value) in the input but absent from the decoded value's
    /// own encoding was not read by the decoder: it is unknown.
    static func firstUnknownKey(_ input: Any, known: Any, path: String) -> String? {
        if let object = input as? [String: Any] {
            let knownObject = known as? [String: Any] ?? [:]
            for key in object.keys.sorted() {
                let value = object[key]!
                if value is NSNull { continue }
                let childPath = path.isEmpty ? key : "\(path).\(key)"
                guard let knownValue = knownObject[key] else { return childPath }
                if let found = firstUnknownKey(value, known: knownValue, path: childPath) { return found }
            }
        } else if let array = input as? [Any], let knownArray = known as? [Any] {
            for (index, element) in array.enumerated() where index < knownArray.count {
                if let found = firstUnknownKey(element, known: knownArray[index], path: "\(path)[\(index)]") {
                    return found
                }
            }
        }
        return nil
    }
}
