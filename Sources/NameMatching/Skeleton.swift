/// The cross-orthography skeleton: one small alphabet onto which Cyrillic (via transliteration) and the English,
/// German, Polish, Czech and French spellings of Slavic names all map, so that `Шевченко`, `Shevchenko`,
/// `Schewtschenko`, `Szewczenko`, `Ševčenko` and `Chevtchenko` end up at (or one cheap substitution from) the same
/// string. Each code is one `UInt8`; `Skeleton.display` renders codes for explanations.
public enum Skeleton {
    static let a: UInt8 = 1, e: UInt8 = 2, i: UInt8 = 3, o: UInt8 = 4, u: UInt8 = 5
    static let b: UInt8 = 6, v: UInt8 = 7, g: UInt8 = 8, d: UInt8 = 9, zh: UInt8 = 10, z: UInt8 = 11
    static let k: UInt8 = 12, l: UInt8 = 13, m: UInt8 = 14, n: UInt8 = 15, p: UInt8 = 16, r: UInt8 = 17
    static let s: UInt8 = 18, t: UInt8 = 19, f: UInt8 = 20, h: UInt8 = 21, ts: UInt8 = 22, ch: UInt8 = 23
    static let sh: UInt8 = 24
    static let alphabetSize = 25

    /// Printable form of each code (`Z` = ж, `T` = ц, `C` = ч, `S` = ш/щ).
    static let glyphs: [Character] = Array(" aeioubvgdZzklmnprstfhTCS")

    /// Renders a skeleton for humans.
    public static func display(_ codes: [UInt8]) -> String {
        String(codes.map { Int($0) < glyphs.count ? glyphs[Int($0)] : "?" })
    }

    @inline(__always)
    static func isVowel(_ c: UInt8) -> Bool { c >= 1 && c <= 5 }

    /// Computes the skeleton of lower-case ASCII letters (other bytes are ignored).
    public static func of(_ src: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(src.count)
        let cnt = src.count
        @inline(__always) func at(_ x: Int) -> UInt8 { x < cnt ? src[x] : 0 }
        @inline(__always) func has(_ x: Int, _ lit: StaticString) -> Bool {
            let len = lit.utf8CodeUnitCount
            if x + len > cnt { return false }
            let ptr = lit.utf8Start
            for y in 0..<len where src[x + y] != ptr[y] { return false }
            return true
        }
        var pos = 0
        while pos < cnt {
            let c = src[pos]
            switch c {
            case UInt8(ascii: "a"): out.append(a); pos += 1
            case UInt8(ascii: "b"): out.append(b); pos += 1
            case UInt8(ascii: "c"):
                if has(pos, "chtch") {
                    // French щ (Khrouchtchev).
                    out.append(sh); pos += 5
                } else if at(pos + 1) == UInt8(ascii: "z") || at(pos + 1) == UInt8(ascii: "h") {
                    out.append(ch); pos += 2
                } else if at(pos + 1) == UInt8(ascii: "k") || at(pos + 1) == UInt8(ascii: "e")
                            || at(pos + 1) == UInt8(ascii: "i") || at(pos + 1) == UInt8(ascii: "y") {
                    out.append(ts); pos += 1
                } else {
                    out.append(k); pos += 1
                }
            case UInt8(ascii: "d"): out.append(d); pos += 1
            case UInt8(ascii: "e"): out.append(e); pos += 1
            case UInt8(ascii: "f"): out.append(f); pos += 1
            case UInt8(ascii: "g"):
                out.append(g)
                if at(pos + 1) == UInt8(ascii: "h") {
                    pos += 2
                } else if at(pos + 1) == UInt8(ascii: "u") && (at(pos + 2) == UInt8(ascii: "e") || at(pos + 2) == UInt8(ascii: "i")) {
                    // French gue/gui = ге/ги (Sergueï, Gueorgui).
                    pos += 2
                } else {
                    pos += 1
                }
            case UInt8(ascii: "h"): out.append(h); pos += 1
            case UInt8(ascii: "i"), UInt8(ascii: "j"), UInt8(ascii: "y"):
                // A run of i/y/j is one glide-or-vowel; before e it is the iotation of e (ye = e),
                // before o it is ё (yo = io = e: Fyodor = Fedor, Pyotr = Piotr = Petr).
                var q = pos
                while q < cnt, src[q] == UInt8(ascii: "i") || src[q] == UInt8(ascii: "j") || src[q] == UInt8(ascii: "y") { q += 1 }
                let next = at(q)
                if next == UInt8(ascii: "e") {
                    pos = q
                } else if next == UInt8(ascii: "o") && at(q + 1) != UInt8(ascii: "u")
                            && !(at(q + 1) == UInt8(ascii: "e") && !"vwyji".utf8.contains(at(q + 2))) {
                    // (Not Dutch joe = ю: Joeri = Юрий.)
                    out.append(e); pos = q + 1
                } else {
                    out.append(i); pos = q
                }
            case UInt8(ascii: "k"):
                if at(pos + 1) == UInt8(ascii: "h") { out.append(h); pos += 2 } else { out.append(k); pos += 1 }
            case UInt8(ascii: "l"): out.append(l); pos += 1
            case UInt8(ascii: "m"): out.append(m); pos += 1
            case UInt8(ascii: "n"): out.append(n); pos += 1
            case UInt8(ascii: "o"):
                if at(pos + 1) == UInt8(ascii: "e") && !"vwyji".utf8.contains(at(pos + 2)) {
                    // Dutch oe = u (Poetin, Joeri, Zjoekov); not Russian -оев, -оей- (Boev, Voeykov).
                    out.append(u); pos += 2
                } else if has(pos, "ousk") {
                    // Belarusian -оўскі/-оўская (Palkhouski) = Russian -овский.
                    out.append(o); out.append(v); pos += 2
                } else if at(pos + 1) == UInt8(ascii: "u") { out.append(u); pos += 2 } else { out.append(o); pos += 1 }
            case UInt8(ascii: "p"):
                if at(pos + 1) == UInt8(ascii: "h") { out.append(f); pos += 2 } else { out.append(p); pos += 1 }
            case UInt8(ascii: "q"): out.append(k); pos += 1
            case UInt8(ascii: "r"):
                if at(pos + 1) == UInt8(ascii: "z") && at(pos + 2) != UInt8(ascii: "h") {
                    out.append(zh); pos += 2
                } else {
                    out.append(r); pos += 1
                }
            case UInt8(ascii: "s"):
                if has(pos, "schtsch") { out.append(sh); pos += 7 }
                else if has(pos, "stsch") { out.append(sh); pos += 5 }
                else if has(pos, "shch") || has(pos, "szcz") { out.append(sh); pos += 4 }
                else if has(pos, "sch") { out.append(sh); pos += 3 }
                else if has(pos, "sjtsj") { out.append(sh); pos += 5 }   // Dutch щ (Chroesjtsjov)
                else if has(pos, "sh") || has(pos, "sz") || has(pos, "sj") { out.append(sh); pos += 2 }
                else { out.append(s); pos += 1 }
            case UInt8(ascii: "t"):
                if has(pos, "tsch") { out.append(ch); pos += 4 }
                else if has(pos, "tsj") { out.append(ch); pos += 3 }
                else if has(pos, "tch") || has(pos, "tsh") { out.append(ch); pos += 3 }
                else if has(pos, "ts") || has(pos, "tz") { out.append(ts); pos += 2 }
                else if has(pos, "th") { out.append(t); pos += 2 }
                else { out.append(t); pos += 1 }
            case UInt8(ascii: "u"):
                // Belarusian final ў after a vowel is Russian в: Быкаў/Bykau = Быков, Някляеў = Некляев.
                // (Not French -eau.)
                if pos + 1 == cnt && pos >= 2 && (src[pos - 1] == UInt8(ascii: "a") || src[pos - 1] == UInt8(ascii: "e"))
                    && src[pos - 2] != UInt8(ascii: "e") {
                    out.append(v)
                } else {
                    out.append(u)
                }
                pos += 1
            case UInt8(ascii: "v"), UInt8(ascii: "w"): out.append(v); pos += 1
            case UInt8(ascii: "x"): out.append(k); out.append(s); pos += 1
            case UInt8(ascii: "z"):
                // zh, and Dutch zj (Zjoekov, Solzjenitsyn).
                if at(pos + 1) == UInt8(ascii: "h") || at(pos + 1) == UInt8(ascii: "j") { out.append(zh); pos += 2 }
                else { out.append(z); pos += 1 }
            default: pos += 1
            }
        }
        // Double letters carry no information across orthographies (Anna/Ana, Kirill/Kiril, Mammadov/Mamadov).
        var w = 0
        for rr in 0..<out.count where w == 0 || out[rr] != out[w - 1] {
            out[w] = out[rr]; w += 1
        }
        out.removeLast(out.count - w)
        // Feminine adjectival surnames: Russian -ская/-цкая (-skaya) = Polish and Czech -ska/-cka.
        if out.count >= 5 && out[out.count - 4] == k && out[out.count - 3] == a && out[out.count - 2] == i
            && out[out.count - 1] == a {
            out.removeLast(2)
        }
        return out
    }

    /// The consonant frame of a skeleton with the cheap-substitution classes merged, used as a fuzzy index key.
    static func consonantKey(_ sk: [UInt8]) -> [UInt8] {
        consonantKey(sk, chAsKh: 0)
    }

    /// The consonant frame, reading the `n`-th `ch` as х when bit `n` of `chAsKh` is set.
    static func consonantKey(_ sk: [UInt8], chAsKh: Int) -> [UInt8] {
        var out: [UInt8] = []
        var nth = 0
        for c in sk where !isVowel(c) {
            let m: UInt8
            switch c {
            case ch:
                m = nth < 8 && chAsKh & (1 << nth) != 0 ? k : s
                nth += 1
            case sh, s, zh, z, ts: m = s
            case h, g, k: m = k
            case f, v, b, p: m = v
            case d, t: m = t
            default: m = c
            }
            if out.last != m { out.append(m) }
        }
        return out
    }

    /// The consonant frames of a Latin word: Latin `ch` is ч in English, but х in German, Polish, Czech, Dutch and
    /// Lithuanian (`Čechov`, `Tschechow` = Чехов), so each of the first two `ch` gives both readings.
    static func latinConsonantKeys(_ sk: [UInt8]) -> [[UInt8]] {
        let n = min(2, sk.reduce(0) { $0 + ($1 == ch ? 1 : 0) })
        var out: [[UInt8]] = []
        for mask in 0..<(1 << n) {
            let key = consonantKey(sk, chAsKh: mask)
            if !out.contains(key) { out.append(key) }
        }
        return out
    }
}

/// Weighted Levenshtein distance on skeleton codes, in tenths of an edit.
enum SkeletonDistance {
    /// Substitution costs (tenths), row-major `alphabetSize × alphabetSize`.
    static let sub: [UInt8] = {
        let n = Skeleton.alphabetSize
        var t = [UInt8](repeating: 10, count: n * n)
        for x in 0..<n { t[x * n + x] = 0 }
        func set(_ x: UInt8, _ y: UInt8, _ c: UInt8) {
            t[Int(x) * n + Int(y)] = c; t[Int(y) * n + Int(x)] = c
        }
        typealias S = Skeleton
        for x in 1...5 { for y in 1...5 where x != y { set(UInt8(x), UInt8(y), 7) } }
        set(S.e, S.i, 4); set(S.a, S.o, 5); set(S.e, S.o, 5); set(S.o, S.u, 5); set(S.a, S.e, 6)
        set(S.ch, S.sh, 4); set(S.sh, S.s, 5); set(S.zh, S.z, 5); set(S.zh, S.sh, 5); set(S.ch, S.ts, 5)
        set(S.ts, S.s, 6); set(S.ts, S.z, 6); set(S.h, S.g, 3); set(S.h, S.k, 6); set(S.ch, S.h, 4)
        set(S.f, S.v, 4); set(S.b, S.p, 6); set(S.d, S.t, 6); set(S.g, S.k, 6); set(S.z, S.s, 5); set(S.b, S.v, 6)
        set(S.m, S.n, 6) // nasal assimilation: Kępiński = Кемпинский
        set(S.v, S.u, 5) // Belarusian ў: Kuzniatsou = Кузняцоў = Кузнецов
        return t
    }()

    /// Insertion/deletion cost (tenths) per code.
    static let indel: [UInt8] = {
        var t = [UInt8](repeating: 10, count: Skeleton.alphabetSize)
        for x in 1...5 { t[x] = 7 }
        t[Int(Skeleton.h)] = 5
        return t
    }()

    /// Distance in tenths of an edit between two skeletons.
    /// Stops early and returns a value above `cutoff` once every alignment costs more than `cutoff`.
    static func distance(_ x: [UInt8], _ y: [UInt8], cutoff: Int = Int(Int32.max / 2)) -> Int {
        let n = x.count, m = y.count
        if n == 0 { return y.reduce(0) { $0 + Int(indel[Int($1)]) } }
        if m == 0 { return x.reduce(0) { $0 + Int(indel[Int($1)]) } }
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: 2 * (m + 1)) { buf in
            let prev = buf.baseAddress!, cur = prev + (m + 1)
            prev[0] = 0
            for j in 0..<m { prev[j + 1] = prev[j] + Int32(indel[Int(y[j])]) }
            let cut = Int32(clamping: cutoff)
            var aborted = false
            sub.withUnsafeBufferPointer { st in
                indel.withUnsafeBufferPointer { it in
                    var p = prev, c = cur
                    for i0 in 0..<n {
                        let xi = Int(x[i0])
                        let di = Int32(it[xi])
                        c[0] = p[0] + di
                        let row = xi * Skeleton.alphabetSize
                        var rowMin = c[0]
                        for j in 0..<m {
                            let yj = Int(y[j])
                            let s1 = p[j] + Int32(st[row + yj])
                            let s2 = p[j + 1] + di
                            let s3 = c[j] + Int32(it[yj])
                            let v = min(s1, min(s2, s3))
                            c[j + 1] = v
                            if v < rowMin { rowMin = v }
                        }
                        swap(&p, &c)
                        if rowMin > cut { aborted = true; break }
                    }
                }
            }
            if aborted { return cutoff + 1 }
            // After n row swaps the last row is in `cur` when n is odd.
            return Int(n % 2 == 1 ? cur[m] : prev[m])
        }
    }
}
