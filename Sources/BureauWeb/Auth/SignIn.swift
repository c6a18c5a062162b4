import BureauCore
import BureauStore
import Vapor

/// Password sign-in shared by the page and the API, with lockout after repeated failures.
enum SignIn {
    struct Opened {
        var token: String
        var csrfToken: String
        var account: UserStore.Account
    }

    static let minimumPasswordLength = 12

    static func open(username: String, password: String, on request: Request) async throws -> Opened {
        let users = request.bureau.users
        let now = request.bureau.context.clock.now()
        guard let found = try await users.credentials(username: username) else {
            // Hash anyway so an unknown name takes as long as a wrong password.
            _ = try? await request.password.async.hash(password)
            try await users.recordFailure(username: username, known: false)
            throw Abort(.unauthorized, reason: "wrong username or password")
        }
        if let until = found.account.lockedUntil, until > now {
            try await users.recordFailure(username: username, known: false)
            throw Abort(.tooManyRequests, reason: "too many failed attempts; the account is locked for 15 minutes")
        }
        guard !found.account.disabled, try await request.password.async.verify(password, created: found.passwordHash) else {
            try await users.recordFailure(username: username, known: true)
            throw Abort(.unauthorized, reason: "wrong username or password")
        }
        let token = Tokens.make()
        let csrf = Tokens.make()
        try await users.openSession(userID: found.account.id, tokenHash: Tokens.digest(token), csrfToken: csrf,
                                    role: found.account.role, username: found.account.username)
        return Opened(token: token, csrfToken: csrf, account: found.account)
    }

    static func checkPasswordPolicy(_ password: String, field: String = "password") throws {
        if password.count < minimumPasswordLength {
            throw DomainError.invalid(field, "must be at least \(minimumPasswordLength) characters", code: "password_too_short")
        }
        if password.count > 72 {
            // bcrypt reads only the first 72 bytes; refuse rather than silently truncate.
            throw DomainError.invalid(field, "must be at most 72 characters", code: "password_too_long")
        }
    }
}
