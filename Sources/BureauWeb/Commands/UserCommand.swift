import BureauCore
import BureauStore
import Vapor

/// `bureau user create --username U --role R` (password read from standard input, never an
/// argument, so it stays out of shell history and process lists) and `bureau user list`.
struct UserCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "create, list, password or reset-second-factor")
        var action: String
        @Option(name: "username", help: "login name for create")
        var username: String?
        @Option(name: "role", help: "one of: " + Role.allCases.map(\.rawValue).joined(separator: ", "))
        var role: String?
    }

    var help: String { "Create or list staff accounts" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        let users = app.bureau.users
        switch signature.action {
        case "list":
            for account in try await users.list(by: .console) {
                context.console.print("\(account.username)\t\(account.role.rawValue)\(account.disabled ? "\tdisabled" : "")")
            }
        case "create":
            guard let username = signature.username, let roleName = signature.role else {
                throw CommandFailure("user create needs --username and --role")
            }
            guard let role = Role(rawValue: roleName) else {
                throw CommandFailure("unknown role \(roleName); use one of " + Role.allCases.map(\.rawValue).joined(separator: ", "))
            }
            context.console.print("Password (read from standard input):")
            guard let password = readLine(strippingNewline: true) else {
                throw CommandFailure("no password on standard input")
            }
            try SignIn.checkPasswordPolicy(password)
            let hash = try await app.password.async.hash(password)
            let account = try await users.create(username: username, passwordHash: hash, role: role, by: .console)
            context.console.print("created \(account.username) (\(account.role.rawValue))")
            if app.bureau.config.secondFactor.isRequired(for: role) {
                context.console.print("\(account.username) sets up an authenticator app (second factor) at the first sign-in on the web page")
            }
        case "password":
            guard let username = signature.username else { throw CommandFailure("user password needs --username") }
            context.console.print("New password (read from standard input):")
            guard let password = readLine(strippingNewline: true) else {
                throw CommandFailure("no password on standard input")
            }
            try SignIn.checkPasswordPolicy(password)
            let hash = try await app.password.async.hash(password)
            try await users.changePassword(username: username, passwordHash: hash, by: .console)
            context.console.print("password of \(username) changed; its open sessions are ended")
        case "reset-second-factor":
            guard let username = signature.username else { throw CommandFailure("user reset-second-factor needs --username") }
            try await users.resetSecondFactor(username: username, by: .console)
            context.console.print("second factor of \(username) removed; it is set up again at the next sign-in")
        default:
            throw CommandFailure("unknown action \(signature.action); use create, list, password or reset-second-factor")
        }
    }
}

/// An error a command reports to the operator as one line, with exit status 1.
public struct CommandFailure: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
