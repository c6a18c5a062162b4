import NameMatching

extension NamesTool {
    /// `search --registry REG.tsv --top K`: REG lines `id<TAB>name`, stdin `qid<TAB>name` →
    /// stdout `qid<TAB>rank<TAB>id<TAB>score`. Timing and memory go to stderr.
    static func search(_ args: [String]) -> Int32 {
        guard let opts = options(args, allowed: ["--registry", "--top"]) else { return 2 }
        guard let regPath = opts["--registry"] else {
            IO.err("search: --registry REG.tsv is required\n" + usage)
            return 2
        }
        let top = Int(opts["--top"] ?? "10") ?? -1
        guard top > 0 else {
            IO.err("search: --top must be a positive integer")
            return 2
        }
        guard let regData = IO.readFile(regPath) else {
            IO.err("search: cannot read registry '\(regPath)'")
            return 2
        }
        var out = Output()
        let code = searchLines(registry: regData, queries: IO.readAll(fd: 0), top: top, into: &out)
        out.finish()
        return code
    }

    /// The `search` verb on in-memory input; writes results and diagnostics to `out`.
    static func searchLines(registry regData: [UInt8], queries data: [UInt8], top: Int, into out: inout Output) -> Int32 {
        let t0 = IO.now()
        let index = NameIndex()
        var regOK = 0, regBad = 0
        for (k, line) in IO.lines(regData).enumerated() {
            if line.isEmpty { continue }
            guard let f = IO.fields(line) else {
                out.error("registry line \(k + 1): invalid UTF-8, skipped"); regBad += 1; continue
            }
            guard f.count >= 2 else {
                out.error("registry line \(k + 1): expected id<TAB>name, got \(f.count) field(s), skipped"); regBad += 1; continue
            }
            if f[0].isEmpty || f[1].trimmingSpaces.isEmpty {
                out.error("registry line \(k + 1): empty id or name, skipped"); regBad += 1; continue
            }
            index.insert(key: f[0], name: f[1])
            regOK += 1
        }
        let built = IO.now() - t0
        out.error("index_build_s=\(formatSeconds(built)) (\(regOK) names, \(regBad) malformed registry line(s) skipped)")
        var processed = 0, bad = 0
        var latencies: [Double] = []
        for (k, line) in IO.lines(data).enumerated() {
            if line.isEmpty { continue }
            guard let f = IO.fields(line) else {
                out.error("line \(k + 1): invalid UTF-8, skipped"); bad += 1; continue
            }
            guard f.count == 2 else {
                out.error("line \(k + 1): expected 2 tab-separated fields (qid, name), got \(f.count), skipped"); bad += 1; continue
            }
            if f[0].isEmpty || f[1].trimmingSpaces.isEmpty {
                out.error("line \(k + 1): empty qid or name, skipped"); bad += 1; continue
            }
            let q0 = IO.now()
            let hits = index.search(f[1], top: top)
            latencies.append(IO.now() - q0)
            for (r, h) in hits.enumerated() {
                out.write("\(f[0])\t\(r + 1)\t\(h.key)\t\(IO.format(h.score.score))\n")
            }
            processed += 1
        }
        latencies.sort()
        if !latencies.isEmpty {
            let p50 = latencies[latencies.count / 2] * 1000
            let p99 = latencies[min(latencies.count - 1, latencies.count * 99 / 100)] * 1000
            out.error("queries=\(processed) malformed=\(bad) search_p50_ms=\(formatSeconds(p50)) search_p99_ms=\(formatSeconds(p99)) peak_rss_mb=\(Int(IO.peakRSSMB()))")
        } else {
            out.error("queries=0 malformed=\(bad) peak_rss_mb=\(Int(IO.peakRSSMB()))")
        }
        if processed == 0 && bad > 0 { return 1 }
        if regOK == 0 && regBad > 0 { return 1 }
        return 0
    }

    static func formatSeconds(_ x: Double) -> String {
        let v = Int((x * 1000).rounded())
        let frac = String(v % 1000)
        return "\(v / 1000)." + String(repeating: "0", count: 3 - frac.count) + frac
    }
}

extension String {
    var trimmingSpaces: Substring {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return s
    }
}
