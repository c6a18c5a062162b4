import BureauCore
import Foundation

/// Bulk lists of enquiries being matched, with their progress, kept in memory while they run and
/// after (until the process ends). The enquiries themselves are written all at once when matching
/// ends, so a list that fails or a process that stops leaves nothing half-imported.
public final class EnquiryListJobs: @unchecked Sendable {
    public enum State: String, Sendable, Codable, CaseIterable {
        case matching, writing, done, failed
    }

    public struct Progress: Sendable, Hashable {
        /// The list's id: its enquiries carry it (`GET /enquiries?list=`).
        public var id: UUID
        public var total: Int
        public var matched: Int
        public var state: State
        public var createdBy: String
        public var startedAt: Date
        public var finishedAt: Date?
        /// Seconds from the start to the end of the write, measured on the system clock.
        public var seconds: Double?
        public var encoding: String
        /// Lines with at least one candidate.
        public var withCandidates: Int
        public var failure: String?
    }

    private let lock = NSLock()
    private var jobs: [UUID: Progress] = [:]

    public init() {}

    public func progress(_ id: UUID) -> Progress? {
        lock.withLock { jobs[id] }
    }

    func start(_ progress: Progress) {
        lock.withLock { jobs[progress.id] = progress }
    }

    func update(_ id: UUID, _ change: (inout Progress) -> Void) {
        lock.withLock {
            if var job = jobs[id] {
                change(&job)
                jobs[id] = job
            }
        }
    }
}
