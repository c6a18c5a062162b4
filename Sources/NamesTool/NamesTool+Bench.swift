import NameMatching

extension NamesTool {
    /// `bureau bench names [--size N] [--queries Q]`: builds a synthetic registry of N names (default 1,000,000) in
    /// three scripts and prints normalization µs/name, scored pairs/s, index build time, search p50/p99 and peak
    /// memory. Single-threaded, so the figures are per core.
    public static func bench(_ arguments: [String]) -> Int32 {
        var args = arguments
        if args.first == "names" { args.removeFirst() }
        guard let opts = options(args, allowed: ["--size", "--queries"]) else { return 2 }
        guard let size = Int(opts["--size"] ?? "1000000"), size > 0,
              let queryCount = Int(opts["--queries"] ?? "1000"), queryCount > 0 else {
            IO.err("bench: --size and --queries take positive integers")
            return 2
        }
        var rng = BenchData.Random(state: 20_261_127)
        var names: [String] = []
        names.reserveCapacity(size)
        for _ in 0..<size { names.append(BenchData.name(&rng)) }
        IO.out("bench names: \(size) synthetic names (≈45% Cyrillic, 30% Latin, 25% Hangul), one thread; times are thread CPU time\n")
        IO.flush()

        // Normalization.
        let normalizer = NameNormalizer()
        let normN = min(size, 200_000)
        var sink = 0
        var t = IO.threadCPU()
        for k in 0..<normN { sink &+= normalizer.normalize(names[k]).tokens.count }
        let normUs = (IO.threadCPU() - t) / Double(normN) * 1e6
        IO.out("normalization: \(fmt(normUs, 2)) µs/name (\(normN) names)\n")
        IO.flush()

        // Scoring on normalized names.
        let matcher = NameMatcher()
        let poolSize = min(size, 4000)
        let pool = names.prefix(poolSize).map(normalizer.normalize)
        let queriesPool = names.prefix(poolSize).map { normalizer.normalize(BenchData.query(for: $0)) }
        let pairs = 1_000_000
        var acc = 0.0
        t = IO.threadCPU()
        pool.withUnsafeBufferPointer { p in
            for k in 0..<pairs { acc += matcher.similarity(p[k % poolSize], p[(k &* 7919 &+ 13) % poolSize]) }
        }
        let randomRate = Double(pairs) / (IO.threadCPU() - t)
        t = IO.threadCPU()
        let truePairs = 300_000
        pool.withUnsafeBufferPointer { p in
            queriesPool.withUnsafeBufferPointer { q in
                for k in 0..<truePairs { acc += matcher.similarity(q[k % poolSize], p[k % poolSize]) }
            }
        }
        let trueRate = Double(truePairs) / (IO.threadCPU() - t)
        IO.out("scoring: \(Int(randomRate)) pairs/s on random pairs, \(Int(trueRate)) pairs/s on true cross-script pairs (normalized names)\n")
        IO.flush()

        // Index build.
        let index = NameIndex()
        t = IO.threadCPU()
        for (k, n) in names.enumerated() { index.insert(key: String(k), name: n) }
        let build = IO.threadCPU() - t
        IO.out("index build: \(fmt(build, 2)) s for \(size) names (\(fmt(build / Double(size) * 1e6, 2)) µs/name)\n")
        IO.flush()

        // Search.
        var latencies: [Double] = []
        var hit1 = 0, hit10 = 0
        for _ in 0..<queryCount {
            let target = rng.int(size)
            let q = BenchData.query(for: names[target])
            let q0 = IO.threadCPU()
            let hits = index.search(q, top: 10)
            latencies.append(IO.threadCPU() - q0)
            let want = String(target)
            // Synthetic names repeat (and a romanization can fit several records equally well), so rank 1 counts
            // when the target, or a record with the same name, is among the hits tied at the top score.
            if let top = hits.first?.score.score,
               hits.contains(where: { $0.score.score == top && ($0.key == want || $0.name == names[target]) }) { hit1 += 1 }
            if hits.contains(where: { $0.key == want || $0.name == names[target] }) { hit10 += 1 }
        }
        latencies.sort()
        let p50 = latencies[latencies.count / 2] * 1000
        let p99 = latencies[min(latencies.count - 1, latencies.count * 99 / 100)] * 1000
        IO.out("search: p50 \(fmt(p50, 2)) ms, p99 \(fmt(p99, 2)) ms over \(queryCount) queries (R@1 with ties \(fmt(Double(hit1) / Double(queryCount), 3)), R@10 \(fmt(Double(hit10) / Double(queryCount), 3)))\n")
        IO.out("peak memory: \(Int(IO.peakRSSMB())) MB resident\n")
        if acc < 0 || sink < 0 { IO.out("\n") }
        IO.flush()
        return 0
    }

    static func fmt(_ x: Double, _ digits: Int) -> String {
        var p = 1.0
        for _ in 0..<digits { p *= 10 }
        let v = Int((x * p).rounded())
        let whole = v / Int(p), frac = String(v % Int(p))
        return digits == 0 ? String(whole) : "\(whole)." + String(repeating: "0", count: digits - frac.count) + frac
    }
}
