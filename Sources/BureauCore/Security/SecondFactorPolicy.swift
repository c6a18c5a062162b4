import Foundation

/// Which roles must sign in with a second factor. Holders of these roles reach no page and no API
/// route until they have enrolled an authenticator; everyone else may enrol by choice.
public struct SecondFactorPolicy: Sendable, Equatable {
    /// Administrators create accounts, approvers decide a prisoner's fate, legal officers read every
    /// restricted field: a stolen password alone must open none of them.
    public static let defaultRequiredRoles: Set<Role> = [.administrator, .approver, .legalOfficer]

    public var requiredRoles: Set<Role>

    public init(requiredRoles: Set<Role> = SecondFactorPolicy.defaultRequiredRoles) {
        self.requiredRoles = requiredRoles
    }

    public func isRequired(for role: Role) -> Bool {
        requiredRoles.contains(role)
    }

    /// Reads a comma-separated list of role names (`administrator,approver`); `none` for the empty list.
    /// Returns the unknown names when there are any.
    public static func parse(_ text: String) -> Result<SecondFactorPolicy, UnknownRoles> {
        let names = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if names == ["none"] { return .success(SecondFactorPolicy(requiredRoles: [])) }
        let unknown = names.filter { Role(rawValue: $0) == nil }
        if !unknown.isEmpty { return .failure(UnknownRoles(names: unknown)) }
        return .success(SecondFactorPolicy(requiredRoles: Set(names.compactMap(Role.init(rawValue:)))))
    }

    public struct UnknownRoles: Error, Equatable {
        public var names: [String]
    }
}
