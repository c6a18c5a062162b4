import Fluent
import Foundation

/// A staff account. Passwords are stored only as bcrypt hashes.
public final class UserModel: Model, @unchecked Sendable {
    public static let schema = "users"

    @ID(key: .id) public var id: UUID?
    @Field(key: "username") public var username: String
    @Field(key: "password_hash") public var passwordHash: String
    @Field(key: "role") public var role: String
    /// `uk`, `en` or `ru`; nil until the user picks one (then Accept-Language decides).
    @OptionalField(key: "locale") public var locale: String?
    @Field(key: "failed_attempts") public var failedAttempts: Int
    @OptionalField(key: "locked_until") public var lockedUntil: Date?
    @Field(key: "disabled") public var disabled: Bool
    @Field(key: "created_at") public var createdAt: Date
    /// The TOTP secret, base32, sealed with the field cipher (the user id as associated data).
    /// Set while enrolling; it counts only once `totpEnrolledAt` is set.
    @OptionalField(key: "totp_secret") public var totpSecret: String?
    @OptionalField(key: "totp_enrolled_at") public var totpEnrolledAt: Date?
    /// The last 30-second step whose code was accepted: that code and older ones are refused.
    @OptionalField(key: "totp_last_step") public var totpLastStep: Int64?
    /// The name pages show for the account where people are named; nil shows the username.
    @OptionalField(key: "full_name") public var fullName: String?

    public init() {}

    public init(id: UUID = UUID(), username: String, passwordHash: String, role: String, createdAt: Date) {
        self.id = id
        self.username = username
        self.passwordHash = passwordHash
        self.role = role
        self.failedAttempts = 0
        self.disabled = false
        self.createdAt = createdAt
    }
}

/// A signed-in session (browser cookie or API bearer token). Only the SHA-256 of the token is stored.
public final class SessionModel: Model, @unchecked Sendable {
    public static let schema = "sessions"

    @ID(key: .id) public var id: UUID?
    @Field(key: "token_hash") public var tokenHash: String
    @Parent(key: "user_id") public var user: UserModel
    @Field(key: "csrf_token") public var csrfToken: String
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "last_seen_at") public var lastSeenAt: Date

    public init() {}

    public init(id: UUID = UUID(), tokenHash: String, userID: UUID, csrfToken: String, createdAt: Date) {
        self.id = id
        self.tokenHash = tokenHash
        self.$user.id = userID
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.lastSeenAt = createdAt
    }
}

/// The one-time link that lets the first administrator choose a password.
public final class SetupTokenModel: Model, @unchecked Sendable {
    public static let schema = "setup_tokens"

    @ID(key: .id) public var id: UUID?
    @Field(key: "token_hash") public var tokenHash: String
    @Field(key: "expires_at") public var expiresAt: Date
    @OptionalField(key: "used_at") public var usedAt: Date?

    public init() {}

    public init(tokenHash: String, expiresAt: Date) {
        self.id = UUID()
        self.tokenHash = tokenHash
        self.expiresAt = expiresAt
    }
}

/// A one-time recovery code for a lost authenticator; only its SHA-256 digest is stored.
public final class RecoveryCodeModel: Model, @unchecked Sendable {
    public static let schema = "recovery_codes"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "user_id") public var user: UserModel
    @Field(key: "code_hash") public var codeHash: String
    @OptionalField(key: "used_at") public var usedAt: Date?

    public init() {}

    public init(id: UUID = UUID(), userID: UUID, codeHash: String) {
        self.id = id
        self.$user.id = userID
        self.codeHash = codeHash
    }
}

/// A one-time link an administrator issued so a member of staff can choose a new password. Only its
/// SHA-256 digest is stored; it expires, works once, and a newer link replaces an unused older one.
public final class PasswordResetModel: Model, @unchecked Sendable {
    public static let schema = "password_resets"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "user_id") public var user: UserModel
    @Field(key: "token_hash") public var tokenHash: String
    @Field(key: "expires_at") public var expiresAt: Date
    @OptionalField(key: "used_at") public var usedAt: Date?

    public init() {}

    public init(id: UUID = UUID(), userID: UUID, tokenHash: String, expiresAt: Date) {
        self.id = id
        self.$user.id = userID
        self.tokenHash = tokenHash
        self.expiresAt = expiresAt
    }
}
