/// Serializes write transactions inside this process.
///
/// The audit chain needs one writer at a time: each entry links to the one before it. PostgreSQL
/// additionally takes an advisory lock (other processes); SQLite has one writer per file anyway,
/// and queuing here avoids SQLITE_BUSY between the pool's connections.
public actor WriteGate {
    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    public init() {}

    public func run<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        await acquire()
        defer { release() }
        return try await body()
    }

    private func acquire() async {
        if !busy {
            busy = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    private func release() {
        if waiters.isEmpty {
            busy = false
        } else {
            waiters.removeFirst().resume()
        }
    }
}
