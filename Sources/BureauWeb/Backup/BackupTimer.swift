import BureauCore
import BureauStore
import Foundation
import Vapor

/// While the server runs with `BUREAU_BACKUP_DIR` and `BUREAU_BACKUP_RECIPIENT` set, writes an encrypted
/// backup there whenever the last complete one is `BUREAU_BACKUP_HOURS` old (checking every minute), named
/// `bureau-YYYYMMDDTHHMMSSZ.bak`. The server holds only the recipient: it can write backups, never read them.
final class BackupTimer: LifecycleHandler, @unchecked Sendable {
    private let task: Task<Void, Never>

    init?(app: Application) throws {
        let config = app.bureau.config
        guard let folder = config.backupDirectory, let recipientText = config.backupRecipient else { return nil }
        let recipient = try Backups.readRecipient(recipientText)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let interval = TimeInterval(config.backupHours * 3600)
        let logger = app.logger
        task = Task { [weak app] in
            while !Task.isCancelled {
                guard let app else { return }
                do {
                    let now = app.bureau.context.clock.now()
                    let last = try await BackupRunModel.lastFinished(on: app.db)
                    if last.map({ now.timeIntervalSince($0) >= interval }) ?? true {
                        let file = folder.appendingPathComponent("bureau-\(Self.stamp(now)).bak")
                        let made = try await Backups.make(app, output: file, recipient: recipient, trigger: "scheduled")
                        logger.notice("scheduled backup written: \(file.lastPathComponent), \(made.bytes) bytes")
                    }
                } catch {
                    logger.error("scheduled backup failed: \(String(describing: error))")
                }
                try? await Task.sleep(for: .seconds(60))
            }
        }
    }

    static func stamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: date)
    }

    func shutdown(_ application: Application) {
        task.cancel()
    }
}

/// What the administrator's page says about backups: the age of the last complete one, a warning after a day.
struct BackupStatus: Encodable {
    static let staleAfter: TimeInterval = 24 * 3600

    var known: Bool
    var finishedAt: String
    var hoursAgo: Int
    var stale: Bool
    var scheduled: Bool
    var everyHours: Int

    static func load(_ request: Request) async throws -> BackupStatus {
        let config = request.bureau.config
        let last = try await BackupRunModel.lastFinished(on: request.bureau.context.db)
        let now = request.bureau.context.clock.now()
        let age = last.map { now.timeIntervalSince($0) } ?? .infinity
        return BackupStatus(known: last != nil,
                            finishedAt: last.map { DateText.format($0, language: request.language, timeZone: config.timeZone) } ?? "",
                            hoursAgo: age.isFinite ? max(0, Int(age / 3600)) : 0, stale: age > staleAfter,
                            scheduled: config.backupDirectory != nil, everyHours: config.backupHours)
    }
}
