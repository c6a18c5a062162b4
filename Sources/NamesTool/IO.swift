#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Buffered stdout/stderr and line reading without Foundation.
enum IO {
    nonisolated(unsafe) static var buffer: [UInt8] = {
        var b: [UInt8] = []
        b.reserveCapacity(1 << 16)
        return b
    }()

    static func out(_ s: String) {
        buffer.append(contentsOf: s.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    static func flush() {
        buffer.withUnsafeBufferPointer { p in
            var off = 0
            while off < p.count {
                let w = write(1, p.baseAddress! + off, p.count - off)
                if w <= 0 { break }
                off += w
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    static func err(_ s: String) {
        var bytes = Array(s.utf8)
        if bytes.last != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\n")) }
        bytes.withUnsafeBufferPointer { _ = write(2, $0.baseAddress!, $0.count) }
    }

    /// Reads a whole file descriptor.
    static func readAll(fd: Int32) -> [UInt8] {
        var data: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let r = chunk.withUnsafeMutableBufferPointer { read(fd, $0.baseAddress!, $0.count) }
            if r <= 0 { break }
            data.append(contentsOf: chunk[0..<r])
        }
        return data
    }

    /// Reads a file; nil when it cannot be opened.
    static func readFile(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        if fd < 0 { return nil }
        defer { close(fd) }
        return readAll(fd: fd)
    }

    /// Splits bytes into lines (without the terminator; a trailing `\r` is dropped).
    static func lines(_ data: [UInt8]) -> [ArraySlice<UInt8>] {
        var out: [ArraySlice<UInt8>] = []
        var start = 0
        for (k, b) in data.enumerated() where b == UInt8(ascii: "\n") {
            var end = k
            if end > start && data[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            out.append(data[start..<end])
            start = k + 1
        }
        if start < data.count {
            var end = data.count
            if data[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            out.append(data[start..<end])
        }
        return out
    }

    /// Splits a line into tab-separated UTF-8 fields; nil when the line is not valid UTF-8.
    static func fields(_ line: ArraySlice<UInt8>) -> [String]? {
        guard let s = String(validating: line, as: UTF8.self) else { return nil }
        return s.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    }

    /// Formats a score in [0,1] with four decimals.
    static func format(_ x: Double) -> String {
        let v = Int((max(0, min(1, x)) * 10000).rounded())
        if v >= 10000 { return "1.0000" }
        var frac = String(v)
        while frac.count < 4 { frac = "0" + frac }
        return "0." + frac
    }

    /// Monotonic clock in seconds.
    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// CPU time of the calling thread in seconds (immune to other processes on a shared machine).
    static func threadCPU() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Peak resident set size of this process in MB.
    static func peakRSSMB() -> Double {
        var ru = rusage()
        #if canImport(Glibc)
        getrusage(RUSAGE_SELF.rawValue, &ru)
        #else
        getrusage(RUSAGE_SELF, &ru)
        #endif
        #if canImport(Darwin)
        return Double(ru.ru_maxrss) / 1_048_576
        #else
        return Double(ru.ru_maxrss) / 1024
        #endif
    }
}
