import BureauCore
import Crypto
import Fluent
import Foundation
import SQLKit

/// `bureau keys rotate-field`: a new field key, and every sealed value re-sealed under it in batches.
///
/// Kill-safe at every step. The key switch: the new key is written to `bureau-field.key.next`, the current
/// key copied to `bureau-field.key.old`, then `.next` renamed over `bureau-field.key` (each step atomic;
/// a rerun finishes a half-done switch). While `.old` exists every process opens values with either key
/// and seals with the new one. Each batch re-seals rows and records the last id done in
/// `field_key_rotation` in one audited transaction; a rerun continues after it. Once a final pass finds
/// every value opening with the new key alone, the progress rows and `.old` are deleted.
public struct FieldKeyRotation: Sendable {
    public let directory: URL
    public let context: StoreContext
    public let principal: Principal
    public var batchSize: Int

    public init(directory: URL, context: StoreContext, principal: Principal, batchSize: Int = 500) {
        self.directory = directory
        self.context = context
        self.principal = principal
        self.batchSize = batchSize
    }

    public enum Outcome: Sendable, Equatable {
        /// Every value opens with the new key; the old key file is gone.
        case finished(resealed: Int64)
        /// Stopped after the batch limit (tests simulate a kill this way); rerun to continue.
        case stopped(resealed: Int64)
    }

    var keyURL: URL { directory.appendingPathComponent(FieldCipher.fileName) }
    var oldURL: URL { directory.appendingPathComponent(FieldCipher.oldFileName) }
    var nextURL: URL { directory.appendingPathComponent(FieldCipher.fileName + ".next") }

    /// Runs (or resumes) the rotation. `maxBatches` stops early, leaving a resumable state.
    public func run(maxBatches: Int? = nil) async throws -> Outcome {
        let manager = FileManager.default
        let resuming = manager.fileExists(atPath: oldURL.path) && !manager.fileExists(atPath: nextURL.path)
        if !resuming {
            try switchKeys()
        }
        let cipher = FieldCipher(key: try FieldCipher.readKey(at: keyURL), previous: try FieldCipher.readKey(at: oldURL))
        try await audit(resuming ? "keys.field.rotate.resume" : "keys.field.rotate.start", detail: nil)
        var batches = 0
        var total: Int64 = 0
        for pass in 0..<3 {
            for column in SealedColumn.all {
                while true {
                    if let maxBatches, batches >= maxBatches { return .stopped(resealed: total) }
                    guard let count = try await resealBatch(column, cipher: cipher) else { break }
                    total += Int64(count)
                    batches += 1
                }
            }
            // A process that held only the old key (a server started before the rotation) may have sealed
            // new values meanwhile: check them all before the old key is thrown away.
            let stale = try await countStale(cipher: cipher)
            if stale == 0 { break }
            guard pass < 2 else {
                throw StoreError.fieldKey("\(stale) values are still sealed with the old key; stop the server and rerun")
            }
            try await FieldKeyRotationModel.query(on: context.db).delete()
        }
        try await audit("keys.field.rotate.finish", detail: "\(total) values re-sealed in this run")
        try await FieldKeyRotationModel.query(on: context.db).delete()
        try manager.removeItem(at: oldURL)
        return .finished(resealed: total)
    }

    /// Writes the new key beside the old one, keeps the old one as `.old`, then puts the new one in place.
    func switchKeys() throws {
        let manager = FileManager.default
        if !manager.fileExists(atPath: nextURL.path) {
            let key = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
            try? manager.removeItem(atPath: nextURL.path + ".tmp")
            try PrivateFile.create(atPath: nextURL.path + ".tmp", contents: key)
            try rename(from: URL(fileURLWithPath: nextURL.path + ".tmp"), to: nextURL)
        }
        if !manager.fileExists(atPath: oldURL.path) {
            let current = try KeyFile.read(keyURL)
            try? manager.removeItem(atPath: oldURL.path + ".tmp")
            try PrivateFile.create(atPath: oldURL.path + ".tmp", contents: current)
            try rename(from: URL(fileURLWithPath: oldURL.path + ".tmp"), to: oldURL)
        }
        try rename(from: nextURL, to: keyURL)
    }

    func rename(from: URL, to: URL) throws {
        guard Foundation.rename(from.path, to.path) == 0 else {
            throw StoreError.fieldKey("cannot rename \(from.path) to \(to.path)")
        }
    }

    func sql(_ db: any Database) throws -> any SQLDatabase {
        guard let sql = db as? any SQLDatabase else { throw StoreError.fieldKey("field-key rotation needs an SQL database") }
        return sql
    }

    /// Re-seals the next batch of `column` after its recorded progress; nil when the column is done.
    func resealBatch(_ column: SealedColumn, cipher: FieldCipher) async throws -> Int? {
        let now = context.clock.now()
        let progress = try await FieldKeyRotationModel.query(on: context.db).filter(\.$column == column.name).first()
            ?? FieldKeyRotationModel(column: column.name, at: now)
        if progress.done { return nil }
        let rows = try await rows(column, after: progress.afterID)
        var changed: [(UUID, String)] = []
        for (id, sealed) in rows where !cipher.isSealedWithCurrentKey(sealed, context: column.context(id)) {
            changed.append((id, try cipher.seal(try cipher.open(sealed, context: column.context(id)), context: column.context(id))))
        }
        progress.afterID = rows.last?.0 ?? progress.afterID
        progress.done = rows.count < batchSize
        progress.resealed += Int64(changed.count)
        progress.updatedAt = now
        let record = AuditRecord(actor: principal.username, role: principal.role.rawValue, action: "keys.field.reseal",
                                 entity: "sealed-column", entityID: column.name, detail: "\(changed.count) values")
        let rotation = self
        let update = changed
        try await context.audited(record) { tx in
            let sql = try rotation.sql(tx)
            for (id, sealed) in update {
                try await sql.update(column.table).set(column.column, to: SQLBind(sealed))
                    .where("id", .equal, SQLBind(id)).run()
            }
            try await progress.save(on: tx)
        }
        return rows.isEmpty ? nil : rows.count
    }

    func rows(_ column: SealedColumn, after: UUID?) async throws -> [(UUID, String)] {
        let sql = try sql(context.db)
        var query = sql.select().column("id").column(column.column).from(column.table)
            .where(SQLColumn(column.column), .isNot, SQLLiteral.null)
        if let after { query = query.where("id", .greaterThan, SQLBind(after)) }
        return try await query.orderBy("id").limit(batchSize).all().map {
            (try $0.decode(column: "id", as: UUID.self), try $0.decode(column: column.column, as: String.self))
        }
    }

    func countStale(cipher: FieldCipher) async throws -> Int {
        var stale = 0
        for column in SealedColumn.all {
            var after: UUID?
            while true {
                let rows = try await rows(column, after: after)
                stale += rows.filter { !cipher.isSealedWithCurrentKey($0.1, context: column.context($0.0)) }.count
                guard rows.count == batchSize else { break }
                after = rows.last?.0
            }
        }
        return stale
    }

    func audit(_ action: String, detail: String?) async throws {
        let record = AuditRecord(actor: principal.username, role: principal.role.rawValue, action: action,
                                 entity: "field-key", entityID: FieldCipher.fileName, detail: detail)
        _ = try await context.audited(record) { _ in () }
    }
}
