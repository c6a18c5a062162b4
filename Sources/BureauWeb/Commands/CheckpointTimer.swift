import BureauStore
import Vapor

/// While the server runs, signs a checkpoint every `BUREAU_CHECKPOINT_ENTRIES` entries or
/// `BUREAU_CHECKPOINT_MINUTES` minutes (whichever comes first), checking twice a minute.
/// Outside the writer's path on purpose: appends never wait for a signature.
final class CheckpointTimer: LifecycleHandler, @unchecked Sendable {
    private let task: Task<Void, Never>

    init(app: Application) throws {
        let checkpoints = try app.bureau.auditCheckpoints()
        let (entries, minutes) = (app.bureau.config.checkpointEntries, app.bureau.config.checkpointMinutes)
        let logger = app.logger
        task = Task {
            while !Task.isCancelled {
                do {
                    if let made = try await checkpoints.makeIfDue(entries: entries, minutes: minutes) {
                        logger.notice("audit checkpoint signed: \(made.size) entries")
                    }
                } catch {
                    logger.error("audit checkpoint failed: \(String(describing: error))")
                }
                try? await Task.sleep(for: .seconds(30))
            }
        }
    }

    func shutdown(_ application: Application) {
        task.cancel()
    }
}
