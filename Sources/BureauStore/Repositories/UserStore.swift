import BureauCore
import Fluent
import Foundation

/// Staff accounts, sign-in bookkeeping and sessions. Password hashing is the caller's (the web
/// layer's bcrypt); this store never sees a password.
public struct UserStore: Sendable {
    public let context: StoreContext
    /// Art. of good practice, not of the Convention: 5 failures lock an account for 15 minutes.
    public static let maxFailedAttempts = 5
    public static let lockout: TimeInterval = 15 * 60

    public init(context: StoreContext) {
        self.context = context
    }

    public struct Account: Sendable, Hashable {
        public var id: UUID
        public var username: String
        public var role: Role
        public var locale: String?
        public var disabled: Bool
        public var lockedUntil: Date?
        public var createdAt: Date
        /// An authenticator is enrolled: sign-in needs its code (or a recovery code).
        public var secondFactorEnrolled: Bool = false
        /// Shown on pages instead of the username where people are named.
        public var fullName: String? = nil

        /// What a page calls this person.
        public var displayName: String { fullName ?? username }
    }

    public static func validUsername(_ name: String) -> Bool {
        (3...40).contains(name.count)
            && name.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0) }
            && name.unicodeScalars.allSatisfy(\.isASCII)
    }

    public func count() async throws -> Int {
        try await UserModel.query(on: context.db).count()
    }

    public func create(username: String, passwordHash: String, role: Role, by principal: Principal)
        async throws -> Account {
        try await context.require(principal, .manageUsers, action: "user.create", entity: "user")
        guard Self.validUsername(username) else {
            throw DomainError.invalid("username", "3–40 letters, digits, dots, dashes or underscores", code: "invalid_username")
        }
        let id = context.newID()
        let now = context.clock.now()
        let record = AuditRecord(actor: principal.username, role: principal.role.rawValue, action: "user.create",
                                 entity: "user", entityID: id.uuidString, detail: "username=\(username) role=\(role.rawValue)")
        return try await context.audited(record) { tx in
            if try await UserModel.query(on: tx).filter(\.$username == username).count() > 0 {
                throw DomainError(.conflict, code: "duplicate_username", "username \(username) is taken", field: "username")
            }
            let model = UserModel(id: id, username: username, passwordHash: passwordHash, role: role.rawValue, createdAt: now)
            try await model.create(on: tx)
            return try Self.account(model)
        }
    }

    public func list(by principal: Principal) async throws -> [Account] {
        try await context.require(principal, .manageUsers, action: "user.list", entity: "user")
        return try await UserModel.query(on: context.db).sort(\.$username).all().map(Self.account)
    }

    public func find(id: UUID) async throws -> Account? {
        try await UserModel.find(id, on: context.db).map(Self.account)
    }

    /// The stored hash and lock state for a sign-in attempt.
    public func credentials(username: String) async throws -> (account: Account, passwordHash: String)? {
        guard let model = try await UserModel.query(on: context.db).filter(\.$username == username).first() else {
            return nil
        }
        return (try Self.account(model), model.passwordHash)
    }

    /// Counts a failed sign-in and locks the account at the limit; audited as an authorization failure.
    /// A lockout also ends every open session of the account: whoever was guessing may already be in.
    public func recordFailure(username: String, known: Bool, reason: String? = nil) async throws {
        let now = context.clock.now()
        let record = AuditRecord(actor: username, role: "-", action: "auth.failed", entity: "user",
                                 detail: known ? reason : "unknown username")
        _ = try await context.audited(record) { tx in
            guard known, let model = try await UserModel.query(on: tx).filter(\.$username == username).first() else {
                return
            }
            model.failedAttempts += 1
            if model.failedAttempts >= Self.maxFailedAttempts {
                model.lockedUntil = now.addingTimeInterval(Self.lockout)
                model.failedAttempts = 0
                try await SessionModel.query(on: tx).filter(\.$user.$id == model.requireID()).delete()
            }
            try await model.update(on: tx)
        }
    }

    /// Opens a session after a successful password check. Returns nothing secret: the caller made the token.
    /// When the account has an authenticator enrolled, `code` must be its current code or an unused
    /// recovery code, checked and spent in the same transaction (so one code cannot open two sessions);
    /// otherwise `SecondFactorRefused` is thrown and nothing is written.
    public func openSession(userID: UUID, tokenHash: String, csrfToken: String, role: Role, username: String,
                            code: String? = nil) async throws {
        let now = context.clock.now()
        let cipher = context.cipher
        let record = AuditRecord(actor: username, role: role.rawValue, action: "auth.login", entity: "user",
                                 entityID: userID.uuidString)
        _ = try await context.audited(record) { tx in
            guard let model = try await UserModel.find(userID, on: tx) else { return }
            if model.totpEnrolledAt != nil {
                try await Self.spendSecondFactor(code ?? "", of: model, at: now, cipher: cipher, on: tx)
            }
            model.failedAttempts = 0
            model.lockedUntil = nil
            try await model.update(on: tx)
            try await SessionModel(tokenHash: tokenHash, userID: userID, csrfToken: csrfToken, createdAt: now).create(on: tx)
        }
    }

    public struct ActiveSession: Sendable {
        public var id: UUID
        public var account: Account
        public var csrfToken: String
    }

    /// The live session for a token hash, refreshing its idle timer; expired sessions are deleted.
    public func session(tokenHash: String, idleTimeout: TimeInterval) async throws -> ActiveSession? {
        let now = context.clock.now()
        guard let session = try await SessionModel.query(on: context.db).filter(\.$tokenHash == tokenHash)
            .with(\.$user).first() else { return nil }
        if now.timeIntervalSince(session.lastSeenAt) > idleTimeout || session.user.disabled {
            try await session.delete(on: context.db)
            return nil
        }
        // Write the idle timer at most once a minute: sessions are read on every request.
        if now.timeIntervalSince(session.lastSeenAt) > 60 {
            session.lastSeenAt = now
            try await session.update(on: context.db)
        }
        return ActiveSession(id: try session.requireID(), account: try Self.account(session.user),
                             csrfToken: session.csrfToken)
    }

    public func closeSession(id: UUID, by principal: Principal) async throws {
        let record = AuditRecord(actor: principal.username, role: principal.role.rawValue, action: "auth.logout",
                                 entity: "session")
        _ = try await context.audited(record) { tx in
            try await SessionModel.query(on: tx).filter(\.$id == id).delete()
        }
    }

    public func setLocale(_ locale: String, userID: UUID, by principal: Principal) async throws {
        let record = AuditRecord(actor: principal.username, role: principal.role.rawValue, action: "user.locale",
                                 entity: "user", entityID: userID.uuidString, detail: "locale=\(locale)")
        _ = try await context.audited(record) { tx in
            try await UserModel.query(on: tx).filter(\.$id == userID).set(\.$locale, to: locale).update()
        }
    }

    // MARK: First administrator

    public func createSetupToken(tokenHash: String, validFor: TimeInterval) async throws {
        let record = AuditRecord(actor: "system", role: "-", action: "setup.link", entity: "setup")
        let expires = context.clock.now().addingTimeInterval(validFor)
        _ = try await context.audited(record) { tx in
            try await SetupTokenModel(tokenHash: tokenHash, expiresAt: expires).create(on: tx)
        }
    }

    public func setupTokenIsValid(tokenHash: String) async throws -> Bool {
        guard let token = try await SetupTokenModel.query(on: context.db).filter(\.$tokenHash == tokenHash).first() else {
            return false
        }
        return token.usedAt == nil && token.expiresAt > context.clock.now()
    }

    /// Creates the first administrator with a one-time token. Fails if any user exists already or the token
    /// is used, expired or unknown, so the link cannot be replayed.
    public func completeSetup(tokenHash: String, username: String, passwordHash: String) async throws -> Account {
        guard Self.validUsername(username) else {
            throw DomainError.invalid("username", "3–40 letters, digits, dots, dashes or underscores", code: "invalid_username")
        }
        let now = context.clock.now()
        let id = context.newID()
        let record = AuditRecord(actor: username, role: Role.administrator.rawValue, action: "setup.complete",
                                 entity: "user", entityID: id.uuidString)
        return try await context.audited(record) { tx in
            guard let token = try await SetupTokenModel.query(on: tx).filter(\.$tokenHash == tokenHash).first(),
                  token.usedAt == nil, token.expiresAt > now else {
                throw DomainError(.notFound, code: "setup_link_invalid", "this setup link is used, expired or unknown")
            }
            if try await UserModel.query(on: tx).count() > 0 {
                throw DomainError(.conflict, code: "setup_done", "an administrator already exists")
            }
            token.usedAt = now
            try await token.update(on: tx)
            let model = UserModel(id: id, username: username, passwordHash: passwordHash,
                                  role: Role.administrator.rawValue, createdAt: now)
            try await model.create(on: tx)
            return try Self.account(model)
        }
    }

    static func account(_ model: UserModel) throws -> Account {
        guard let id = model.id, let role = Role(rawValue: model.role) else {
            throw StoreError.corrupt(UserModel.schema, model.id?.uuidString)
        }
        return Account(id: id, username: model.username, role: role, locale: model.locale, disabled: model.disabled,
                       lockedUntil: model.lockedUntil, createdAt: model.createdAt,
                       secondFactorEnrolled: model.totpEnrolledAt != nil, fullName: model.fullName)
    }
}
