import BureauCore
import Vapor

/// The API's error body: `{"error":{"code":…,"message":…,"field":…}}`.
struct APIErrorBody: Content {
    struct Detail: Content {
        var code: String
        var message: String
        var field: String?
    }

    var error: Detail
}

/// Input the decoder accepted but Bureau does not: an unknown field, for instance.
struct InputError: Error {
    var code: String
    var message: String
    var field: String?
}

extension DomainError.Kind {
    var status: HTTPResponseStatus {
        switch self {
        case .invalid: return .badRequest
        case .unprocessable: return .unprocessableEntity
        case .conflict: return .conflict
        case .notFound: return .notFound
        case .forbidden: return .forbidden
        }
    }
}

enum ErrorMapping {
    /// Status, code, English message and field for any error a handler can throw.
    static func describe(_ error: any Error) -> (HTTPResponseStatus, APIErrorBody.Detail) {
        switch error {
        case let domain as DomainError:
            return (domain.kind.status, .init(code: domain.code, message: domain.message, field: domain.field))
        case let refusal as PlacementRefusal:
            return (.conflict, .init(code: PlacementRefusal.code,
                                     message: refusal.blocking.map(\.message).joined(separator: " "), field: "facility"))
        case let input as InputError:
            return (.badRequest, .init(code: input.code, message: input.message, field: input.field))
        case let decoding as DecodingError:
            return (.badRequest, describe(decoding))
        case let abort as any AbortError:
            let code: String
            switch abort.status {
            case .unauthorized: code = "unauthorized"
            case .forbidden: code = "forbidden"
            case .notFound: code = "not_found"
            case .payloadTooLarge: code = "body_too_large"
            case .unsupportedMediaType: code = "unsupported_media_type"
            case .tooManyRequests: code = "locked"
            case .badRequest: code = "bad_request"
            default: code = "http_\(abort.status.code)"
            }
            return (abort.status, .init(code: code, message: abort.reason, field: nil))
        default:
            return (.internalServerError, .init(code: "internal", message: "an internal error occurred; it has been logged",
                                                field: nil))
        }
    }

    static func describe(_ error: DecodingError) -> APIErrorBody.Detail {
        func path(_ keys: [any CodingKey], _ last: (any CodingKey)? = nil) -> String? {
            var parts: [String] = []
            for key in keys + (last.map { [$0] } ?? []) {
                if let index = key.intValue { parts.append("[\(index)]") } else {
                    parts.append(parts.isEmpty ? key.stringValue : ".\(key.stringValue)")
                }
            }
            let text = parts.joined()
            return text.isEmpty ? nil : text
        }
        switch error {
        case .keyNotFound(let key, let context):
            return .init(code: "required", message: "is required", field: path(context.codingPath, key))
        case .typeMismatch(let type, let context):
            return .init(code: "wrong_type", message: "expected \(describe(type))", field: path(context.codingPath))
        case .valueNotFound(let type, let context):
            return .init(code: "required", message: "expected \(describe(type)), found null", field: path(context.codingPath))
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                return .init(code: "malformed_json", message: "the body is not valid JSON", field: nil)
            }
            return .init(code: "invalid_value", message: context.debugDescription, field: path(context.codingPath))
        @unknown default:
            return .init(code: "bad_request", message: "the body could not be read", field: nil)
        }
    }

    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type, is Int64.Type: return "a whole number"
        case is Double.Type: return "a number"
        case is Bool.Type: return "true or false"
        case is Date.Type: return "a date-time such as 2025-01-09T10:30:00Z"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array") { return "a list" }
            if name.hasPrefix("Dictionary") { return "an object" }
            return "a value of type \(name)"
        }
    }
}
