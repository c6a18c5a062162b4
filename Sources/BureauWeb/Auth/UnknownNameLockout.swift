import BureauStore
import Foundation
import NIOConcurrencyHelpers

/// Counts failed sign-ins under usernames that have no account and "locks" them after the same
/// number of failures as a real account, so a 429 does not tell a guesser that a name exists.
/// Kept in memory: a restart forgets them, which reveals nothing either.
final class UnknownNameLockout: Sendable {
    private struct Entry {
        var failures: Int
        var lockedUntil: Date?
    }

    private let entries = NIOLockedValueBox([String: Entry]())
    /// Bounds memory under a flood of random names; the oldest-looking half is dropped.
    private static let capacity = 10_000

    func isLocked(_ username: String, now: Date) -> Bool {
        entries.withLockedValue { $0[username]?.lockedUntil.map { $0 > now } ?? false }
    }

    func recordFailure(_ username: String, now: Date) {
        entries.withLockedValue { table in
            if table.count >= Self.capacity {
                table = table.filter { $0.value.lockedUntil.map { $0 > now } ?? false }
            }
            var entry = table[username] ?? Entry(failures: 0, lockedUntil: nil)
            if let until = entry.lockedUntil, until <= now { entry = Entry(failures: 0, lockedUntil: nil) }
            entry.failures += 1
            if entry.failures >= UserStore.maxFailedAttempts {
                entry = Entry(failures: 0, lockedUntil: now.addingTimeInterval(UserStore.lockout))
            }
            table[username] = entry
        }
    }
}
