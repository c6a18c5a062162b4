import BureauCore

/// The signed-in staff member on whose behalf a repository call runs; every audit entry names him.
public struct Principal: Sendable, Hashable {
    public var username: String
    public var role: Role

    public init(username: String, role: Role) {
        self.username = username
        self.role = role
    }

    /// Command-line administration run by whoever holds the server's shell.
    public static let console = Principal(username: "console", role: .administrator)
}
