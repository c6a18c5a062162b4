import Foundation

/// Time is injected so every deadline and every audit timestamp can be pinned in tests.
public struct Clock: Sendable {
    public let now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date) {
        self.now = now
    }

    public static let system = Clock { Date() }

    public static func fixed(_ date: Date) -> Clock {
        Clock { date }
    }
}
