import BureauCore
import Fluent
import Foundation

extension UserStore {
    /// Sets a new password hash and ends every session of the account except `keeping` (the one that
    /// made the change, if any): whoever knew the old password is signed out.
    public func changePassword(username: String, passwordHash: String, keeping: UUID? = nil,
                               by principal: Principal) async throws {
        guard let model = try await UserModel.query(on: context.db).filter(\.$username == username).first(),
              let id = model.id else {
            throw DomainError(.notFound, code: "not_found", "no account \(username)", field: "username")
        }
        if principal.username != username {
            try await context.require(principal, .manageUsers, action: "user.password", entity: "user", entityID: id.uuidString)
        }
        let record = AuditRecord(actor: principal.username, role: principal.role.rawValue, action: "user.password",
                                 entity: "user", entityID: id.uuidString)
        _ = try await context.audited(record) { tx in
            model.passwordHash = passwordHash
            model.failedAttempts = 0
            model.lockedUntil = nil
            try await model.update(on: tx)
            let others = SessionModel.query(on: tx).filter(\.$user.$id == id)
            if let keeping { others.filter(\.$id != keeping) }
            try await others.delete()
        }
    }
}
