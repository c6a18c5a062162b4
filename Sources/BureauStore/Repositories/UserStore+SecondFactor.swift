import BureauCore
import Fluent
import Foundation

/// TOTP enrolment and checking. The secret is sealed with the field cipher, bound to the account's
/// id; recovery codes are kept only as digests and shown once.
extension UserStore {
    /// The code given with a password was wrong, replayed or missing. Sign-in treats it as a wrong password.
    public struct SecondFactorRefused: Error {}

    /// What the enrolment page shows: the secret to type or scan into an authenticator.
    public struct Enrolment: Sendable {
        public var secret: [UInt8]
        public var alreadyEnrolled: Bool
    }

    static func sealContext(_ userID: UUID) -> String { "totp:" + userID.uuidString }

    /// The secret being enrolled: the pending one if the page was shown before, else a fresh one.
    /// Re-enrolling (a new phone) replaces the secret only when the new code is confirmed.
    public func beginEnrolment(userID: UUID, by principal: Principal) async throws -> Enrolment {
        guard let model = try await UserModel.find(userID, on: context.db) else {
            throw DomainError(.notFound, code: "not_found", "no such account")
        }
        if model.totpEnrolledAt == nil, let sealed = model.totpSecret,
           let secret = Base32.decode(try context.cipher.open(sealed, context: Self.sealContext(userID))) {
            return Enrolment(secret: secret, alreadyEnrolled: false)
        }
        let secret = TOTP.randomSecret()
        if model.totpEnrolledAt != nil {
            // Replacing a working authenticator goes through `bureau user reset-second-factor`.
            return Enrolment(secret: [], alreadyEnrolled: true)
        }
        let sealed = try context.cipher.seal(Base32.encode(secret), context: Self.sealContext(userID))
        let record = AuditRecord(actor: principal.username, role: principal.role.rawValue, action: "auth.totp.begin",
                                 entity: "user", entityID: userID.uuidString)
        _ = try await context.audited(record) { tx in
            try await UserModel.query(on: tx).filter(\.$id == userID).set(\.$totpSecret, to: sealed).update()
        }
        return Enrolment(secret: secret, alreadyEnrolled: false)
    }

    /// Confirms enrolment with a code from the authenticator for the pending secret; returns ten new
    /// recovery codes, to be shown once.
    public func confirmEnrolment(userID: UUID, code: String, by principal: Principal) async throws -> [String] {
        let now = context.clock.now()
        guard let pending = try await UserModel.find(userID, on: context.db), pending.totpEnrolledAt == nil,
              let sealedSecret = pending.totpSecret,
              let secret = Base32.decode(try context.cipher.open(sealedSecret, context: Self.sealContext(userID))) else {
            throw DomainError(.conflict, code: "totp_not_pending", "open the second-factor page to start enrolling")
        }
        guard let step = TOTP(secret: secret).verify(code, at: now, lastUsedStep: nil) else {
            throw DomainError.invalid("code", "the code does not match; check the phone's clock and type the code now shown",
                                      code: "totp_code_wrong")
        }
        let sealed = try context.cipher.seal(Base32.encode(secret), context: Self.sealContext(userID))
        let codes = RecoveryCodes.generate()
        let ids = codes.map { _ in context.newID() }
        let record = AuditRecord(actor: principal.username, role: principal.role.rawValue, action: "auth.totp.enrol",
                                 entity: "user", entityID: userID.uuidString)
        return try await context.audited(record) { tx in
            guard let model = try await UserModel.find(userID, on: tx) else {
                throw DomainError(.notFound, code: "not_found", "no such account")
            }
            model.totpSecret = sealed
            model.totpEnrolledAt = now
            model.totpLastStep = step
            try await model.update(on: tx)
            try await RecoveryCodeModel.query(on: tx).filter(\.$user.$id == userID).delete()
            for (id, code) in zip(ids, codes) {
                try await RecoveryCodeModel(id: id, userID: userID, codeHash: RecoveryCodes.digest(code)).create(on: tx)
            }
            return codes
        }
    }

    /// Removes the second factor of `username` (a lost phone and lost recovery codes) and ends the
    /// account's sessions; the next sign-in leads to enrolment again. For the command line.
    public func resetSecondFactor(username: String, by principal: Principal) async throws {
        try await context.require(principal, .manageUsers, action: "user.reset_second_factor", entity: "user")
        guard let model = try await UserModel.query(on: context.db).filter(\.$username == username).first(),
              let id = model.id else {
            throw DomainError(.notFound, code: "not_found", "no account \(username)", field: "username")
        }
        let record = AuditRecord(actor: principal.username, role: principal.role.rawValue,
                                 action: "user.reset_second_factor", entity: "user", entityID: id.uuidString)
        _ = try await context.audited(record) { tx in
            model.totpSecret = nil
            model.totpEnrolledAt = nil
            model.totpLastStep = nil
            try await model.update(on: tx)
            try await RecoveryCodeModel.query(on: tx).filter(\.$user.$id == id).delete()
            try await SessionModel.query(on: tx).filter(\.$user.$id == id).delete()
        }
    }

    public func unusedRecoveryCodes(userID: UUID) async throws -> Int {
        try await RecoveryCodeModel.query(on: context.db).filter(\.$user.$id == userID).filter(\.$usedAt == nil).count()
    }

    /// Checks `code` against the authenticator (a step newer than the last one used) or an unused
    /// recovery code, and spends it. Runs inside the sign-in transaction.
    static func spendSecondFactor(_ code: String, of model: UserModel, at now: Date, cipher: FieldCipher,
                                  on tx: any Database) async throws {
        let userID = try model.requireID()
        if RecoveryCodes.looksLikeRecoveryCode(code) {
            let digest = RecoveryCodes.digest(code)
            guard let stored = try await RecoveryCodeModel.query(on: tx).filter(\.$user.$id == userID)
                .filter(\.$codeHash == digest).filter(\.$usedAt == nil).first() else {
                throw SecondFactorRefused()
            }
            stored.usedAt = now
            try await stored.update(on: tx)
            return
        }
        guard let sealed = model.totpSecret,
              let secret = Base32.decode(try cipher.open(sealed, context: sealContext(userID))),
              let step = TOTP(secret: secret).verify(code, at: now, lastUsedStep: model.totpLastStep) else {
            throw SecondFactorRefused()
        }
        model.totpLastStep = step
        try await model.update(on: tx)
    }
}
