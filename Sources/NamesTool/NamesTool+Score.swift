import NameMatching

extension NamesTool {
    /// `score`: stdin `id<TAB>name_a<TAB>name_b` → stdout `id<TAB>score<TAB>match`.
    static func score(_ args: [String]) -> Int32 {
        guard options(args, allowed: []) != nil else { return 2 }
        var out = Output()
        let code = scoreLines(IO.readAll(fd: 0), into: &out)
        out.finish()
        return code
    }

    /// The `score` verb on in-memory input; writes results and diagnostics to `out`.
    static func scoreLines(_ data: [UInt8], into out: inout Output) -> Int32 {
        let matcher = NameMatcher()
        // Names repeat in bulk runs; the cache is keyed by raw bytes (no Unicode-aware String hashing).
        var cache: [ArraySlice<UInt8>: NormalizedName] = [:]
        func norm(_ bytes: ArraySlice<UInt8>) -> NormalizedName {
            if let n = cache[bytes] { return n }
            let n = matcher.normalizer.normalize(String(decoding: bytes, as: UTF8.self))
            if cache.count < 200_000 { cache[bytes] = n }
            return n
        }
        var processed = 0, bad = 0
        var line = 0
        for raw in IO.lines(data) {
            line += 1
            if raw.isEmpty { continue }
            guard let f = IO.byteFields(raw) else {
                out.error("line \(line): invalid UTF-8, skipped"); bad += 1; continue
            }
            guard f.count == 3 else {
                out.error("line \(line): expected 3 tab-separated fields (id, name_a, name_b), got \(f.count), skipped")
                bad += 1; continue
            }
            let a = norm(f[1]), b = norm(f[2])
            if f[0].isEmpty || a.isEmpty || b.isEmpty {
                out.error("line \(line): empty id or name, skipped"); bad += 1; continue
            }
            let s = matcher.similarity(a, b)
            out.write(bytes: f[0])
            out.write(bytes: IO.scoreBytes(s))
            out.write(bytes: s >= NameMatcher.threshold ? IO.matchYes : IO.matchNo)
            processed += 1
        }
        if bad > 0 { out.error("\(bad) malformed line(s) skipped, \(processed) scored") }
        return processed > 0 || bad == 0 ? 0 : 1
    }
}

/// Where a verb writes: stdout (buffered) and stderr, or memory in tests.
struct Output {
    var captureOnly = false
    var stdout: [UInt8] = []
    var stderr: [String] = []

    mutating func write(_ s: String) {
        if captureOnly { stdout.append(contentsOf: s.utf8) } else { IO.out(s) }
    }

    mutating func write(bytes: some Collection<UInt8>) {
        if captureOnly { stdout.append(contentsOf: bytes) } else { IO.out(bytes: bytes) }
    }

    mutating func error(_ s: String) {
        if captureOnly { stderr.append(s) } else { IO.err(s) }
    }

    func finish() { if !captureOnly { IO.flush() } }

    /// Captured stdout as text (tests).
    var text: String { String(decoding: stdout, as: UTF8.self) }
}
