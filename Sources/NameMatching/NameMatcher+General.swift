/// Token alignment for names in Latin and Cyrillic (and any mix of the two).
extension NameMatcher {
    static let maxTokens = 8
    /// Weight of a matched frequent surname (a rare one weighs 1.2).
    static let commonSurnameWeight = 0.9

    @inline(__always)
    static func roleWeight(_ r: NameRole) -> Double {
        switch r {
        case .surname: 1.2
        case .given: 1.0
        case .patronymic: 0.35
        case .initial: 0.4
        case .unknown: 1.0
        }
    }

    /// Similarity of two non-Hangul tokens and why.
    @inline(__always)
    static func tokenSimilarity(_ x: borrowing NameToken, _ y: borrowing NameToken) -> (Double, TokenAlignment.Kind) {
        if x.role == .initial || y.role == .initial {
            guard let fx = x.skeleton.first, let fy = y.skeleton.first else { return (0, .initial) }
            if x.role == .initial && y.role == .initial { return (fx == fy ? 0.9 : 0, .initial) }
            let c = SkeletonDistance.sub[Int(fx) * Skeleton.alphabetSize + Int(fy)]
            return (c <= 4 ? 0.85 : 0, .initial)
        }
        var sim: Double
        var kind: TokenAlignment.Kind
        if x.skeleton == y.skeleton {
            sim = x.skeleton.isEmpty ? (x.text == y.text ? 1 : 0) : 1
            kind = x.letters != y.letters ? .spelling : x.script == y.script ? .exact : .transliteration
        } else if x.symbol >= 0 && x.symbol == y.symbol {
            sim = 0.95
            kind = .nameVariant
        } else {
            let len = Double(max(x.skeleton.count, y.skeleton.count))
            // Pairs under 0.5 are never aligned, so the distance may stop once it is certain to get there.
            let cutoff = Int(len * 10 * 0.5 / 1.3) + 1
            let d = Double(SkeletonDistance.distance(x.skeleton, y.skeleton, cutoff: cutoff)) / 10
            sim = max(0, 1 - 1.3 * d / len)
            kind = .fuzzy
            // Two different known given names (Yana/Diana, Maria/Marina) are different names, however close.
            if x.symbol >= 0 && y.symbol >= 0 { sim = min(sim, 0.5) }
        }
        if (x.role == .patronymic) != (y.role == .patronymic) {
            let other = x.role == .patronymic ? y.role : x.role
            sim *= other == .unknown ? 0.85 : 0.6
        }
        return (sim, kind)
    }

    /// `tokenSimilarity(...).0` through pointers, so that no token is copied on the hot path.
    @inline(__always)
    static func tokenScore(_ x: UnsafePointer<NameToken>, _ y: UnsafePointer<NameToken>) -> Double {
        let xr = x.pointee.role, yr = y.pointee.role
        if xr == .initial || yr == .initial { return tokenSimilarity(x.pointee, y.pointee).0 }
        var sim: Double
        let xs = x.pointee.symbol, ys = y.pointee.symbol
        if x.pointee.skeleton == y.pointee.skeleton {
            sim = x.pointee.skeleton.isEmpty ? (x.pointee.text == y.pointee.text ? 1 : 0) : 1
        } else if xs >= 0 && xs == ys {
            sim = 0.95
        } else {
            let lx = x.pointee.skeleton.count, ly = y.pointee.skeleton.count
            let len = Double(max(lx, ly))
            let cutoff = Int(len * 10 * 0.5 / 1.3) + 1
            // Every extra letter costs at least half an edit.
            if abs(lx - ly) * 5 > cutoff { return 0 }
            let d = Double(SkeletonDistance.distance(x.pointee.skeleton, y.pointee.skeleton, cutoff: cutoff)) / 10
            sim = max(0, 1 - 1.3 * d / len)
            if xs >= 0 && ys >= 0 { sim = min(sim, 0.5) }
        }
        if (xr == .patronymic) != (yr == .patronymic) {
            let other = xr == .patronymic ? yr : xr
            sim *= other == .unknown ? 0.85 : 0.6
        }
        return sim
    }

    func general(_ a: NormalizedName, _ b: NormalizedName, explain: Bool,
                 into alignments: inout [TokenAlignment], notes: inout [String]) -> Double {
        a.tokens.withUnsafeBufferPointer { ta in
            b.tokens.withUnsafeBufferPointer { tb in
                generalAligned(ta, tb, explain: explain, into: &alignments, notes: &notes)
            }
        }
    }

    private func generalAligned(_ ta: UnsafeBufferPointer<NameToken>, _ tb: UnsafeBufferPointer<NameToken>,
                                explain: Bool, into alignments: inout [TokenAlignment],
                                notes: inout [String]) -> Double {
        let n = min(ta.count, Self.maxTokens), m = min(tb.count, Self.maxTokens)
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: n * m) { sims in
            let pa = ta.baseAddress!, pb = tb.baseAddress!
            for i in 0..<n { for j in 0..<m { sims[i * m + j] = Self.tokenScore(pa + i, pb + j) } }
            var usedA: UInt16 = 0, usedB: UInt16 = 0
            var num = 0.0, den = 0.0
            var matchedMain = 0
            var minMain = 1.0
            var pairsI: (Int8, Int8, Int8, Int8, Int8, Int8, Int8, Int8) = (0, 0, 0, 0, 0, 0, 0, 0)
            var pairsJ = pairsI
            var pairCount = 0
            var commonSurname = false
            while true {
                var best = 0.5, bi = -1, bj = -1
                for i in 0..<n where usedA & (1 << i) == 0 {
                    for j in 0..<m where usedB & (1 << j) == 0 {
                        let s = sims[i * m + j]
                        if s > best { best = s; bi = i; bj = j }
                    }
                }
                if bi < 0 { break }
                usedA |= 1 << bi; usedB |= 1 << bj
                let xr = ta[bi].role, yr = tb[bj].role
                let w: Double
                if xr == .patronymic || yr == .patronymic { w = 0.35 }
                else if xr == .initial || yr == .initial { w = 0.4 }
                else {
                    var wr = max(Self.roleWeight(xr), Self.roleWeight(yr))
                    // A frequent surname (Иванов, Шевченко …) is weaker evidence than a rare one.
                    if (xr == .surname || yr == .surname) && best >= 0.9 && CommonSurnames.contains(ta[bi].skeleton) {
                        wr = Self.commonSurnameWeight
                        commonSurname = true
                    }
                    w = wr
                    matchedMain += 1
                    minMain = min(minMain, best)
                }
                num += w * best
                den += w
                withUnsafeMutableBytes(of: &pairsI) { $0[pairCount] = UInt8(bi) }
                withUnsafeMutableBytes(of: &pairsJ) { $0[pairCount] = UInt8(bj) }
                pairCount += 1
            }
            for i in 0..<n where usedA & (1 << i) == 0 {
                let r = ta[i].role
                den += Self.roleWeight(r) * (r == .patronymic ? 0.3 : 1.0)
            }
            for j in 0..<m where usedB & (1 << j) == 0 {
                let r = tb[j].role
                den += Self.roleWeight(r) * (r == .patronymic ? 0.15 : 0.6)
            }
            var score = den > 0 ? num / den : 0
            if matchedMain == 0 { score *= 0.5 }
            if matchedMain > 0 && minMain < 0.9 { score *= 0.75 + 0.25 * minMain }
            if explain {
                if commonSurname { notes.append("common surname (weaker evidence)") }
                for k in 0..<pairCount {
                    let i = Int(withUnsafeBytes(of: &pairsI) { $0[k] }), j = Int(withUnsafeBytes(of: &pairsJ) { $0[k] })
                    let x = ta[i], y = tb[j]
                    let (s, kind) = Self.tokenSimilarity(x, y)
                    let role = Self.pairRole(x.role, y.role)
                    let common = role == .surname && commonSurname && CommonSurnames.contains(x.skeleton)
                    alignments.append(TokenAlignment(query: x.text, candidate: y.text, role: role, kind: kind,
                                                     similarity: s,
                                                     weight: common ? Self.commonSurnameWeight : Self.roleWeight(role)))
                }
                for i in 0..<n where usedA & (1 << i) == 0 {
                    alignments.append(TokenAlignment(query: ta[i].text, candidate: nil, role: ta[i].role,
                                                     kind: .unmatchedQuery, similarity: 0, weight: Self.roleWeight(ta[i].role)))
                }
                for j in 0..<m where usedB & (1 << j) == 0 {
                    alignments.append(TokenAlignment(query: nil, candidate: tb[j].text, role: tb[j].role,
                                                     kind: .unmatchedCandidate, similarity: 0, weight: Self.roleWeight(tb[j].role)))
                }
            }
            return min(1, max(0, score))
        }
    }

    static func pairRole(_ x: NameRole, _ y: NameRole) -> NameRole {
        if x == y { return x }
        if x == .unknown || x == .initial { return y }
        return x
    }
}
