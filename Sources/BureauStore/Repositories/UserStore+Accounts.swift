import BureauCore
import Fluent
import Foundation

/// What an administrator does to an existing account: disable or enable it, change its role, give
/// it a full name, hand out a one-time password-reset link. Every change that alters what the
/// account may do ends its open sessions (browser cookies and API tokens alike: both are sessions),
/// and none may leave Bureau without an active administrator.
extension UserStore {
    /// How long a reset link works: long enough to hand it over in person or by a call, short
    /// enough that a link left in a chat is dead by the next shift.
    public static let resetLinkLifetime: TimeInterval = 24 * 3600
    public static let fullNameLimit = 120

    /// Disables or enables an account. A disabled account cannot sign in, and its sessions,
    /// tokens and unused reset links end now.
    @discardableResult
    public func setDisabled(_ disabled: Bool, userID: UUID, by principal: Principal) async throws -> Account {
        let action = disabled ? "user.disable" : "user.enable"
        try await context.require(principal, .manageUsers, action: action, entity: "user", entityID: userID.uuidString)
        let record = AuditRecord(actor: principal.username, role: principal.role.rawValue, action: action,
                                 entity: "user", entityID: userID.uuidString)
        return try await context.audited(record) { tx in
            let model = try await Self.model(userID, on: tx)
            if disabled, !model.disabled, model.role == Role.administrator.rawValue {
                try await Self.keepAnAdministrator(besides: userID, on: tx)
            }
            model.disabled = disabled
            if !disabled {
                model.failedAttempts = 0
                model.lockedUntil = nil
            }
            try await model.update(on: tx)
            if disabled {
                try await SessionModel.query(on: tx).filter(\.$user.$id == userID).delete()
                try await PasswordResetModel.query(on: tx).filter(\.$user.$id == userID).filter(\.$usedAt == nil).delete()
            }
            return try Self.account(model)
        }
    }

    /// Gives an account another role; its sessions end, so the next request is made under the new role.
    @discardableResult
    public func changeRole(to role: Role, userID: UUID, by principal: Principal) async throws -> Account {
        try await context.require(principal, .manageUsers, action: "user.role", entity: "user", entityID: userID.uuidString)
        let record = AuditRecord(actor: principal.username, role: principal.role.rawValue, action: "user.role",
                                 entity: "user", entityID: userID.uuidString, detail: "role=\(role.rawValue)")
        return try await context.audited(record) { tx in
            let model = try await Self.model(userID, on: tx)
            guard model.role != role.rawValue else { return try Self.account(model) }
            if model.role == Role.administrator.rawValue, !model.disabled {
                try await Self.keepAnAdministrator(besides: userID, on: tx)
            }
            model.role = role.rawValue
            try await model.update(on: tx)
            try await SessionModel.query(on: tx).filter(\.$user.$id == userID).delete()
            return try Self.account(model)
        }
    }

    /// Sets the name pages show for the account; an empty name goes back to the username.
    /// The audit entry names the account, not the name (details name the record only).
    @discardableResult
    public func setFullName(_ fullName: String?, userID: UUID, by principal: Principal) async throws -> Account {
        try await context.require(principal, .manageUsers, action: "user.full_name", entity: "user", entityID: userID.uuidString)
        let name = fullName?.trimmingCharacters(in: .whitespacesAndNewlines)
        let stored = (name?.isEmpty ?? true) ? nil : name
        if let stored { try TextRules.checkName(stored, field: "fullName", limit: Self.fullNameLimit) }
        let record = AuditRecord(actor: principal.username, role: principal.role.rawValue, action: "user.full_name",
                                 entity: "user", entityID: userID.uuidString)
        return try await context.audited(record) { tx in
            let model = try await Self.model(userID, on: tx)
            model.fullName = stored
            try await model.update(on: tx)
            return try Self.account(model)
        }
    }

    /// Records a reset link for the account (the caller made the token and keeps it to show once).
    /// The account's password stops working and its sessions end now: a reset is what an
    /// administrator does when a password is lost or may be known to someone else. An unused older
    /// link of the account dies with it.
    public func issueReset(tokenHash: String, userID: UUID, by principal: Principal) async throws -> Date {
        try await context.require(principal, .manageUsers, action: "user.reset_link", entity: "user", entityID: userID.uuidString)
        let expires = context.clock.now().addingTimeInterval(Self.resetLinkLifetime)
        let record = AuditRecord(actor: principal.username, role: principal.role.rawValue, action: "user.reset_link",
                                 entity: "user", entityID: userID.uuidString)
        _ = try await context.audited(record) { tx in
            let model = try await Self.model(userID, on: tx)
            guard !model.disabled else {
                throw DomainError(.conflict, code: "account_disabled", "the account is disabled: enable it first")
            }
            // Not a bcrypt hash: no password verifies against it until the link is used.
            model.passwordHash = "!reset"
            try await model.update(on: tx)
            try await SessionModel.query(on: tx).filter(\.$user.$id == userID).delete()
            try await PasswordResetModel.query(on: tx).filter(\.$user.$id == userID).filter(\.$usedAt == nil).delete()
            try await PasswordResetModel(userID: userID, tokenHash: tokenHash, expiresAt: expires).create(on: tx)
        }
        return expires
    }

    /// The account a live reset link belongs to; nil when the link is used, expired, replaced or unknown.
    public func resetAccount(tokenHash: String) async throws -> Account? {
        guard let reset = try await PasswordResetModel.query(on: context.db).filter(\.$tokenHash == tokenHash)
            .with(\.$user).first(), reset.usedAt == nil, reset.expiresAt > context.clock.now(), !reset.user.disabled else {
            return nil
        }
        return try Self.account(reset.user)
    }

    /// Spends a reset link: sets the new password, lifts a lockout and ends every session of the account.
    /// Fails (and writes nothing) when the link is used, expired, replaced or unknown.
    @discardableResult
    public func completeReset(tokenHash: String, passwordHash: String) async throws -> Account {
        let now = context.clock.now()
        guard let found = try await resetAccount(tokenHash: tokenHash) else { throw Self.resetInvalid }
        let record = AuditRecord(actor: found.username, role: found.role.rawValue, action: "user.reset_complete",
                                 entity: "user", entityID: found.id.uuidString)
        return try await context.audited(record) { tx in
            guard let reset = try await PasswordResetModel.query(on: tx).filter(\.$tokenHash == tokenHash).first(),
                  reset.usedAt == nil, reset.expiresAt > now else { throw Self.resetInvalid }
            let model = try await Self.model(reset.$user.id, on: tx)
            guard !model.disabled else { throw Self.resetInvalid }
            reset.usedAt = now
            try await reset.update(on: tx)
            model.passwordHash = passwordHash
            model.failedAttempts = 0
            model.lockedUntil = nil
            try await model.update(on: tx)
            try await SessionModel.query(on: tx).filter(\.$user.$id == model.requireID()).delete()
            return try Self.account(model)
        }
    }

    /// Full names by username, for pages that name people (case history, enquiries, audit).
    public func displayNames() async throws -> [String: String] {
        var names: [String: String] = [:]
        for model in try await UserModel.query(on: context.db).filter(\.$fullName != nil).all() {
            if let name = model.fullName { names[model.username] = name }
        }
        return names
    }

    static let resetInvalid = DomainError(.notFound, code: "reset_link_invalid",
                                          "this password link is used, expired or unknown: ask an administrator for a new one")

    static func model(_ id: UUID, on db: any Database) async throws -> UserModel {
        guard let model = try await UserModel.find(id, on: db) else {
            throw DomainError(.notFound, code: "user_not_found", "no such account")
        }
        return model
    }

    /// Refuses a change that would leave no enabled administrator: nobody could then manage accounts.
    static func keepAnAdministrator(besides id: UUID, on db: any Database) async throws {
        let others = try await UserModel.query(on: db).filter(\.$role == Role.administrator.rawValue)
            .filter(\.$disabled == false).filter(\.$id != id).count()
        if others == 0 {
            throw DomainError(.conflict, code: "last_administrator",
                              "Bureau needs at least one active administrator: make another account administrator first")
        }
    }
}
