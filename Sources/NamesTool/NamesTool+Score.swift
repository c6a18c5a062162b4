import NameMatching

extension NamesTool {
    /// `score`: stdin `id<TAB>name_a<TAB>name_b` → stdout `id<TAB>score<TAB>match`.
    static func score(_ args: [String]) -> Int32 {
        guard options(args, allowed: []) != nil else { return 2 }
        let data = IO.readAll(fd: 0)
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
                IO.err("line \(k + 1): invalid UTF-8, skipped"); bad += 1; continue
            }
            guard f.count == 3 else {
                IO.err("line \(k + 1): expected 3 tab-separated fields (id, name_a, name_b), got \(f.count), skipped")
                bad += 1; continue
            }
            let a = norm(f[1]), b = norm(f[2])
            if f[0].isEmpty || a.isEmpty || b.isEmpty {
                IO.err("line \(k + 1): empty id or name, skipped"); bad += 1; continue
            }
            let s = matcher.similarity(a, b)
            IO.out("\(f[0])\t\(IO.format(s))\t\(s >= NameMatcher.threshold ? 1 : 0)\n")
            processed += 1
        }
        IO.flush()
        if bad > 0 { IO.err("\(bad) malformed line(s) skipped, \(processed) scored") }
        return processed > 0 || bad == 0 ? 0 : 1
    }
}
