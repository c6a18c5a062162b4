/// A refusal by the domain: what was wrong and where, never how to reach HTTP.
///
/// The web layer maps `kind` to a status code and `code` to a message in the user's
/// language; the CLI prints `message`.
public struct DomainError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// Malformed input: wrong type, unknown field, missing value (HTTP 400).
        case invalid
        /// Well-formed but impossible or unlawful (HTTP 422).
        case unprocessable
        /// Conflicts with what is stored, such as a duplicate service number (HTTP 409).
        case conflict
        /// The thing named does not exist, or the caller may not know it exists (HTTP 404).
        case notFound
        /// The caller's role does not allow this (HTTP 403).
        case forbidden
    }

    public let kind: Kind
    /// Stable machine code, also the localization key suffix (`error.<code>`).
    public let code: String
    /// English text for logs, the CLI and API clients.
    public let message: String
    /// The input field at fault, in the API's spelling (`claims[0].dateOfBirth`).
    public let field: String?

    public init(_ kind: Kind, code: String, _ message: String, field: String? = nil) {
        self.kind = kind
        self.code = code
        self.message = message
        self.field = field
    }

    public var description: String {
        field.map { "\(code) (\($0)): \(message)" } ?? "\(code): \(message)"
    }

    public static func invalid(_ field: String, _ message: String, code: String = "invalid_field") -> DomainError {
        DomainError(.invalid, code: code, message, field: field)
    }

    public static func unprocessable(_ field: String?, _ message: String, code: String) -> DomainError {
        DomainError(.unprocessable, code: code, message, field: field)
    }
}
