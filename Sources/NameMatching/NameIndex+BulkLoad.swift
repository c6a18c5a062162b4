#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Helpers of `NameIndex.insert(contentsOf:)`: per-entry key slots written by concurrent workers, per-thread CPU
// clocks, and the timing a bulk load reports to benchmarks.

/// Per-entry key lists written by concurrent workers, each to its own slot.
/// Slots live in raw memory, so that workers writing different slots never contend for one Swift array.
final class KeyBuffer: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<[UInt64]>
    private let count: Int
    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: max(1, count))
        slots.initialize(repeating: [], count: count)
    }
    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }
    func set(_ i: Int, _ keys: [UInt64]) { slots[i] = keys }
    func get(_ i: Int) -> [UInt64] { slots[i] }
}

/// CPU time of a bulk load, measured per thread so that other processes on a shared machine do not count.
public struct BulkLoadTiming: Sendable {
    /// Sum over the load's steps of the busiest thread's CPU time: the wall time the load takes when each of its
    /// threads has a core to itself.
    public let criticalPathSeconds: Double
    /// CPU time of all its threads together.
    public let cpuSeconds: Double
}

/// Thread CPU time of each iteration of a `concurrentPerform`, each iteration writing its own slot.
final class ThreadClocks: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<Double>
    private let count: Int
    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: 0, count: count)
    }
    deinit { slots.deallocate() }
    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
    func time(_ i: Int, _ body: () -> Void) {
        let t0 = Self.now()
        body()
        slots[i] = Self.now() - t0
    }
    func max(_ n: Int) -> Double { (0..<n).reduce(0) { Swift.max($0, slots[$1]) } }
    func sum(_ n: Int) -> Double { (0..<n).reduce(0) { $0 + slots[$1] } }
}

/// Number of online processors, without Foundation.
enum ProcessInfoLite {
    static var activeProcessorCount: Int {
        let n = sysconf(Int32(_SC_NPROCESSORS_ONLN))
        return n > 0 ? n : 1
    }
}
