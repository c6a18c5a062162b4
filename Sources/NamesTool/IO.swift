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

    static func out(bytes: some Collection<UInt8>) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    static let matchYes: [UInt8] = Array("\t1\n".utf8)
    static let matchNo: [UInt8] = Array("\t0\n".utf8)

    /// `\t0.xxxx` (tab, then the score with four decimals) as bytes.
    static func scoreBytes(_ x: Double) -> [UInt8] {
        let v = Int((max(0, min(1, x)) * 10000).rounded())
        if v >= 10000 { return Array("\t1.0000".utf8) }
        return [0x09, 0x30, 0x2E, UInt8(0x30 + v / 1000), UInt8(0x30 + v / 100 % 10), UInt8(0x30 + v / 10 % 10),
                UInt8(0x30 + v % 10)]
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

    /// Whether bytes are well-formed UTF-8 (no overlong forms, surrogates or values past U+10FFFF).
    static func isValidUTF8(_ b: ArraySlice<UInt8>) -> Bool {
        var i = b.startIndex
        let end = b.endIndex
        while i < end {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            let need: Int
            var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
            switch c {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; lo = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: need = 2
            case 0xED: need = 2; hi = 0x9F
            case 0xF0: need = 3; lo = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; hi = 0x8F
            default: return false
            }
            if i + need >= end { return false }
            let b1 = b[i + 1]
            if b1 < lo || b1 > hi { return false }
            var k = 2
            while k <= need {
                let bk = b[i + k]
                if bk < 0x80 || bk > 0xBF { return false }
                k += 1
            }
            i += need + 1
        }
        return true
    }

    /// Splits a line into tab-separated byte fields; nil when the line is not valid UTF-8.
    static func byteFields(_ line: ArraySlice<UInt8>) -> [ArraySlice<UInt8>]? {
        guard isValidUTF8(line) else { return nil }
        return line.split(separator: 0x09, omittingEmptySubsequences: false)
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

    /// Current resident set size of this process in MB (Linux `/proc/self/statm`; 0 where unavailable).
    static func currentRSSMB() -> Double {
        guard let bytes = readFile("/proc/self/statm") else { return 0 }
        let fields = bytes.split(separator: UInt8(ascii: " "))
        guard fields.count >= 2, let pages = Int(String(decoding: fields[1], as: UTF8.self)) else { return 0 }
        return Double(pages) * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }
}
