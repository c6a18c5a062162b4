import BureauCore
import BureauStore
import Vapor

/// Password (and second-factor) sign-in shared by the page and the API, with lockout after repeated failures.
///
/// Every refusal before the account is known to the caller looks the same: an unknown username, a
/// wrong password, a wrong or replayed code and a disabled account all answer 401 with one message,
/// after one bcrypt check (against a dummy hash when there is no account), and unknown names lock
/// after five failures just as real accounts do.
enum SignIn {
    struct Opened {
        var token: String
        var csrfToken: String
        var account: UserStore.Account
        /// The role needs a second factor and none is enrolled: the session reaches only the enrolment page.
        var mustEnrol: Bool
    }

    static let minimumPasswordLength = 12
    static let refused = "wrong username, password or code"
    static let locked = "too many failed attempts; the account is locked for 15 minutes"

    /// `forEnrolment`: the caller can show the enrolment page (the browser). API clients of a role that
    /// needs a second factor get no token until one is enrolled.
    static func open(username typed: String, password: String, code: String?, forEnrolment: Bool,
                     on request: Request) async throws -> Opened {
        let users = request.bureau.users
        let now = request.bureau.context.clock.now()
        // What ends up in the audit trail as the actor of a failure is bounded, whatever was typed.
        let username = String(typed.unicodeScalars.prefix(64).map(Character.init))
        let found = username == typed ? try await users.credentials(username: username) : nil
        let locked = found.map { ($0.account.lockedUntil ?? .distantPast) > now }
            ?? request.bureau.unknownNames.isLocked(username, now: now)
        if locked {
            try await users.recordFailure(username: username, known: false)
            throw Abort(.tooManyRequests, reason: Self.locked)
        }
        let hash = found?.passwordHash ?? request.bureau.dummyPasswordHash
        let passwordMatches = (try? await request.password.async.verify(password, created: hash)) ?? false
        guard let found, passwordMatches, !found.account.disabled else {
            if found == nil { request.bureau.unknownNames.recordFailure(username, now: now) }
            try await users.recordFailure(username: username, known: found != nil, reason: "wrong password")
            throw Abort(.unauthorized, reason: Self.refused)
        }
        let account = found.account
        let mustEnrol = request.bureau.config.secondFactor.isRequired(for: account.role) && !account.secondFactorEnrolled
        if mustEnrol && !forEnrolment {
            throw DomainError(.forbidden, code: "second_factor_enrolment_required",
                              "your role signs in with an authenticator code: sign in on the web page once to set it up")
        }
        let token = Tokens.make()
        let csrf = Tokens.make()
        do {
            try await users.openSession(userID: account.id, tokenHash: Tokens.digest(token), csrfToken: csrf,
                                        role: account.role, username: account.username, code: code)
        } catch is UserStore.SecondFactorRefused {
            try await users.recordFailure(username: username, known: true, reason: "wrong second factor")
            throw Abort(.unauthorized, reason: Self.refused)
        }
        return Opened(token: token, csrfToken: csrf, account: account, mustEnrol: mustEnrol)
    }

    static func checkPasswordPolicy(_ password: String, field: String = "password") throws {
        if password.count < minimumPasswordLength {
            throw DomainError.invalid(field, "must be at least \(minimumPasswordLength) characters", code: "password_too_short")
        }
        if password.utf8.count > 72 {
            // bcrypt reads only the first 72 bytes; refuse rather than silently truncate.
            throw DomainError.invalid(field, "must be at most 72 bytes (72 Latin letters, fewer in other scripts)",
                                      code: "password_too_long")
        }
    }
}
