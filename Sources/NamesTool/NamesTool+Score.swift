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
        var cache: [String: NormalizedName] = [:]
        func norm(_ s: String) -> NormalizedName {
            if let n = cache[s] { return n }
            let n = matcher.normalizer.normalize(s)
            if cache.count < 200_000 { cache[s] = n }
            return n
        }
        var processed = 0, bad = 0
        for (k, line) in IO.lines(data).enumerated() {
            if line.isEmpty { continue }
            guard let f = IO.fields(line) else {
                out.error("line \(k + 1): invalid UTF-8, skipped"); bad += 1; continue
            }
            guard f.count == 3 else {
                out.error("line \(k + 1): expected 3 tab-separated fields (id, name_a, name_b), got \(f.count), skipped")
                bad += 1; continue
            }
            let a = norm(f[1]), b = norm(f[2])
            if f[0].isEmpty || a.isEmpty || b.isEmpty {
                out.error("line \(k + 1): empty id or name, skipped"); bad += 1; continue
            }
            let s = matcher.similarity(a, b)
            out.write("\(f[0])\t\(IO.format(s))\t\(s >= NameMatcher.threshold ? 1 : 0)\n")
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

    mutating func error(_ s: String) {
        if captureOnly { stderr.append(s) } else { IO.err(s) }
    }

    func finish() { if !captureOnly { IO.flush() } }

    /// Captured stdout as text (tests).
    var text: String { String(decoding: stdout, as: UTF8.self) }
}
