import NameMatching
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension NamesTool {
    /// `bureau bench names [--size N] [--queries Q] [--scaling yes]`: builds a synthetic registry of N names
    /// (default 1,000,000) in three scripts and prints normalization µs/name, scored pairs/s, index build time,
    /// search p50/p99, retrieval recall and memory. With `--scaling yes` it builds registries of 100,000, 1,000,000,
    /// … up to N names one after the other and ends with a table of the figures per size.
    /// Search and scoring run on one thread and are timed in thread CPU time; the build uses every core and is
    /// reported as its critical path (per step, the busiest thread's CPU time: the wall time when each thread has a
    /// core of its own), as CPU time of all threads, and as the wall time observed on the machine at that moment.
    public static func bench(_ arguments: [String]) -> Int32 {
        var args = arguments
        if args.first == "names" { args.removeFirst() }
        guard let opts = options(args, allowed: ["--size", "--queries", "--scaling"]) else { return 2 }
        guard let size = Int(opts["--size"] ?? "1000000"), size > 0,
              let queryCount = Int(opts["--queries"] ?? "1000"), queryCount > 0 else {
            IO.err("bench: --size and --queries take positive integers")
            return 2
        }
        let scaling = opts["--scaling"].map { $0 == "yes" || $0 == "1" || $0 == "true" } ?? false
        IO.out("bench names: synthetic names (≈45% Cyrillic, 30% Latin, 25% Hangul); search and scoring on one thread, "
               + "timed in thread CPU time; build on \(cores()) core(s), critical path in thread CPU time\n")
        IO.flush()
        scoringBench(size: size)

        var sizes: [Int] = []
        if scaling {
            var s = 100_000
            while s < size { sizes.append(s); s *= 10 }
        }
        sizes.append(size)
        var rows: [IndexBenchRow] = []
        for s in sizes {
            let row = indexBench(size: s, queryCount: queryCount)
            rows.append(row)
            IO.out("index build: \(fmt(row.buildCritical, 2)) s on \(cores()) cores (critical path in thread CPU time; "
                   + "\(fmt(row.buildCPU, 2)) s CPU in all, \(fmt(row.buildWall, 2)) s wall on this machine now) for \(s) names\n")
            IO.out("search: p50 \(fmt(row.p50, 2)) ms, p99 \(fmt(row.p99, 2)) ms over \(queryCount) queries "
                   + "(R@1 and R@10 with ties: \(fmt(row.r1, 3)), \(fmt(row.r10, 3)))\n")
            IO.out("memory: \(Int(row.indexMB)) MB resident with the index, peak \(Int(row.peakMB)) MB\n")
            IO.flush()
        }
        if rows.count > 1 {
            IO.out("\n| names | build (s) | build CPU (s) | search p50 (ms) | search p99 (ms) | R@1 | R@10 | resident (MB) |\n")
            IO.out("|---:|---:|---:|---:|---:|---:|---:|---:|\n")
            for r in rows {
                IO.out("| \(r.size) | \(fmt(r.buildCritical, 1)) | \(fmt(r.buildCPU, 1)) | \(fmt(r.p50, 2)) | \(fmt(r.p99, 2)) | "
                       + "\(fmt(r.r1, 3)) | \(fmt(r.r10, 3)) | \(Int(r.indexMB)) |\n")
            }
        }
        IO.flush()
        return 0
    }

    static func cores() -> Int {
        let n = sysconf(Int32(_SC_NPROCESSORS_ONLN))
        return n > 0 ? n : 1
    }

    /// Normalization and pairwise scoring speed on the first names of the synthetic registry.
    static func scoringBench(size: Int) {
        var rng = BenchData.Random(state: BenchData.seed)
        let poolSize = min(size, 200_000)
        var names: [String] = []
        names.reserveCapacity(poolSize)
        for _ in 0..<poolSize { names.append(BenchData.name(&rng)) }
        let normalizer = NameNormalizer()
        var sink = 0
        var t = IO.threadCPU()
        for n in names { sink &+= normalizer.normalize(n).tokens.count }
        let normUs = (IO.threadCPU() - t) / Double(poolSize) * 1e6
        IO.out("normalization: \(fmt(normUs, 2)) µs/name (\(poolSize) names)\n")
        IO.flush()

        let matcher = NameMatcher()
        let pairPool = min(poolSize, 4000)
        let pool = names.prefix(pairPool).map(normalizer.normalize)
        let queriesPool = names.prefix(pairPool).map { normalizer.normalize(BenchData.query(for: $0)) }
        let pairs = 1_000_000
        var acc = 0.0
        t = IO.threadCPU()
        pool.withUnsafeBufferPointer { p in
            for k in 0..<pairs { acc += matcher.similarity(p[k % pairPool], p[(k &* 7919 &+ 13) % pairPool]) }
        }
        let randomRate = Double(pairs) / (IO.threadCPU() - t)
        t = IO.threadCPU()
        let truePairs = 300_000
        pool.withUnsafeBufferPointer { p in
            queriesPool.withUnsafeBufferPointer { q in
                for k in 0..<truePairs { acc += matcher.similarity(q[k % pairPool], p[k % pairPool]) }
            }
        }
        let trueRate = Double(truePairs) / (IO.threadCPU() - t)
        IO.out("scoring: \(Int(randomRate)) pairs/s on random pairs, \(Int(trueRate)) pairs/s on true cross-script pairs (normalized names)\n")
        if acc < 0 || sink < 0 { IO.out("\n") }
        IO.flush()
    }

    /// Figures of one index size.
    struct IndexBenchRow {
        var size: Int
        var buildWall: Double, buildCPU: Double, buildCritical: Double
        var p50: Double, p99: Double
        var r1: Double, r10: Double
        var indexMB: Double, peakMB: Double
    }

    /// Builds an index of `size` synthetic names (streamed in chunks, so that the bench holds only the index and
    /// the query targets' names) and searches it with `queryCount` queries.
    static func indexBench(size: Int, queryCount: Int) -> IndexBenchRow {
        // Query targets come from their own generator, so that the registry is the same at every size.
        var pick = BenchData.Random(state: 7_771)
        var targets: [Int: String] = [:]
        var order: [Int] = []
        for _ in 0..<queryCount {
            let t = pick.int(size)
            order.append(t)
            targets[t] = ""
        }
        var rng = BenchData.Random(state: BenchData.seed)
        let index = NameIndex()
        var wall = 0.0, cpu = 0.0, critical = 0.0
        let chunk = 1 << 20
        var made = 0
        while made < size {
            let n = min(chunk, size - made)
            var entries: [(key: String, name: String)] = []
            entries.reserveCapacity(n)
            for k in made..<(made + n) {
                let name = BenchData.name(&rng)
                if targets[k] != nil { targets[k] = name }
                entries.append((String(k), name))
            }
            let w0 = IO.now()
            index.insert(contentsOf: entries)
            wall += IO.now() - w0
            cpu += index.lastBulkLoadTiming.cpuSeconds
            critical += index.lastBulkLoadTiming.criticalPathSeconds
            made += n
        }
        let indexMB = IO.currentRSSMB()

        let matcher = NameMatcher()
        var latencies: [Double] = []
        var hit1 = 0, hit10 = 0
        for target in order {
            let name = targets[target]!
            let q = BenchData.query(for: name)
            let q0 = IO.threadCPU()
            let hits = index.search(q, top: 10)
            latencies.append(IO.threadCPU() - q0)
            let want = String(target)
            // Synthetic names repeat (and a romanization can fit several records equally well), so rank 1 counts
            // when the target, or a record with the same name, is among the hits tied at the top score.
            // When more records tie at the top than fit in the list, the target's own score decides.
            if let top = hits.first?.score.score,
               hits.contains(where: { $0.score.score == top && ($0.key == want || $0.name == name) })
                || (hits.last?.score.score == top && matcher.score(q, name).score >= top) { hit1 += 1 }
            if hits.contains(where: { $0.key == want || $0.name == name }) {
                hit10 += 1
            } else if hits.count == 10, let last = hits.last?.score.score, matcher.score(q, name).score >= last {
                // More than ten records score as high as the target (the same name in other spellings): the
                // target is tied into the top ten, and no name-only ranking can prefer it.
                hit10 += 1
            } else if getenv("NAMES_BENCH_MISSES") != nil {
                IO.err("miss: \(q) → \(name) [\(hits.prefix(3).map { "\($0.name) \(IO.format($0.score.score))" }.joined(separator: "; "))]")
            }
        }
        latencies.sort()
        let p50 = latencies[latencies.count / 2] * 1000
        let p99 = latencies[min(latencies.count - 1, latencies.count * 99 / 100)] * 1000
        return IndexBenchRow(size: size, buildWall: wall, buildCPU: cpu, buildCritical: critical, p50: p50, p99: p99,
                             r1: Double(hit1) / Double(order.count), r10: Double(hit10) / Double(order.count),
                             indexMB: indexMB, peakMB: IO.peakRSSMB())
    }

    static func fmt(_ x: Double, _ digits: Int) -> String {
        var p = 1.0
        for _ in 0..<digits { p *= 10 }
        let v = Int((x * p).rounded())
        let whole = v / Int(p), frac = String(v % Int(p))
        return digits == 0 ? String(whole) : "\(whole)." + String(repeating: "0", count: digits - frac.count) + frac
    }
}
