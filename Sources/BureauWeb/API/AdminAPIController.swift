import BureauCore
import BureauStore
import Vapor

struct AuditAPIController {
    struct EntryDTO: Content {
        var sequence: Int64
        var at: Date
        var actor: String
        var role: String
        var action: String
        var entity: String
        var entityID: String?
        var purpose: String?
        var detail: String?
        var hash: String
    }

    struct VerifyDTO: Content {
        var intact: Bool
        var count: Int?
        var head: String?
        var brokenAt: Int64?
        var reason: String?
        var rootHash: String?
        /// Everything that broke: the chain, the stored Merkle tree.
        var problems: [String]?
    }

    func list(_ request: Request) async throws -> [EntryDTO] {
        try await Self.auditRead(request)
        let before = try PrisonerListQuery.number(request, "before", default: Int.max, range: 1...Int.max)
        let limit = try PrisonerListQuery.number(request, "limit", default: 100, range: 1...1000)
        let entries = try await AuditLog.page(on: request.db, before: before == Int.max ? nil : Int64(before),
                                              limit: limit, actor: try? request.query.get(String.self, at: "actor"),
                                              entityID: try? request.query.get(String.self, at: "entityID"))
        return entries.map(Self.dto)
    }

    func verify(_ request: Request) async throws -> VerifyDTO {
        let user = try request.requireUser()
        let result = try await AuditLog.verify(on: request.db, against: nil)
        try await AuditVerifications.record(result, checkpoint: nil, by: user.principal, context: request.bureau.context)
        guard result.intact else {
            return VerifyDTO(intact: false, brokenAt: result.brokenAt, reason: result.brokenReason ?? result.problems.first,
                             problems: result.problems)
        }
        return VerifyDTO(intact: true, count: Int(result.size), head: result.head, rootHash: result.root.base64EncodedString(),
                         problems: [])
    }

    /// Reading the trail is itself a sensitive read: it shows who looked at whom.
    static func auditRead(_ request: Request) async throws {
        let user = try request.requireUser()
        let record = AuditRecord(actor: user.account.username, role: user.account.role.rawValue, action: "audit.read",
                                 entity: "audit", purpose: request.statedPurpose,
                                 detail: request.url.query.map { String($0.prefix(200)) })
        _ = try await request.bureau.context.audited(record) { _ in () }
    }

    static func dto(_ entry: AuditEntry) -> EntryDTO {
        EntryDTO(sequence: entry.sequence, at: entry.date, actor: entry.actor, role: entry.role, action: entry.action,
                 entity: entry.entity, entityID: entry.entityID, purpose: entry.purpose, detail: entry.detail,
                 hash: entry.hash)
    }
}

struct UsersAPIController {
    struct CreateInput: Codable {
        var username: String
        var role: Role
        var password: String
    }

    struct UserDTO: Content {
        var id: UUID
        var username: String
        var role: Role
        var disabled: Bool
        var lockedUntil: Date?
        var createdAt: Date
        var fullName: String?

        init(_ account: UserStore.Account) {
            id = account.id
            username = account.username
            role = account.role
            disabled = account.disabled
            lockedUntil = account.lockedUntil
            createdAt = account.createdAt
            fullName = account.fullName
        }
    }

    func list(_ request: Request) async throws -> [UserDTO] {
        let user = try request.requireUser()
        return try await request.bureau.users.list(by: user.principal).map(UserDTO.init)
    }

    func create(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let input = try StrictJSON.decode(CreateInput.self, from: request)
        try SignIn.checkPasswordPolicy(input.password)
        let hash = try await request.password.async.hash(input.password)
        let account = try await request.bureau.users.create(username: input.username, passwordHash: hash,
                                                            role: input.role, by: user.principal)
        let response = Response(status: .created)
        try response.content.encode(UserDTO(account), using: JSONCoders.encoder)
        return response
    }
}

/// Account administration through the API; the same store calls as the forms on `/users/:id`.
extension UsersAPIController {
    struct StatusInput: Codable { var disabled: Bool }
    struct RoleInput: Codable { var role: Role }
    struct NameInput: Codable { var fullName: String? }
    struct ResetLinkDTO: Content {
        var link: String
        var expiresAt: Date
    }

    func setStatus(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let id = try request.uuidParameter(code: "user_not_found")
        let input = try StrictJSON.decode(StatusInput.self, from: request)
        return try Self.reply(try await request.bureau.users.setDisabled(input.disabled, userID: id, by: user.principal))
    }

    func changeRole(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let id = try request.uuidParameter(code: "user_not_found")
        let input = try StrictJSON.decode(RoleInput.self, from: request)
        return try Self.reply(try await request.bureau.users.changeRole(to: input.role, userID: id, by: user.principal))
    }

    func setFullName(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let id = try request.uuidParameter(code: "user_not_found")
        let input = try StrictJSON.decode(NameInput.self, from: request)
        return try Self.reply(try await request.bureau.users.setFullName(input.fullName, userID: id, by: user.principal))
    }

    func issueReset(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let id = try request.uuidParameter(code: "user_not_found")
        guard try await request.bureau.users.find(id: id) != nil else {
            throw DomainError(.notFound, code: "user_not_found", "no such account")
        }
        let issued = try await AccountPages.issue(for: id, on: request, by: user.principal)
        let response = Response(status: .created)
        try response.content.encode(ResetLinkDTO(link: issued.link, expiresAt: issued.expires), using: JSONCoders.encoder)
        return response
    }

    static func reply(_ account: UserStore.Account) throws -> Response {
        let response = Response(status: .ok)
        try response.content.encode(UserDTO(account), using: JSONCoders.encoder)
        return response
    }
}
