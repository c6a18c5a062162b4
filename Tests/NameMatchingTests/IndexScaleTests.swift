import Testing
@testable import NameMatching

/// Tiered candidate generation (issue 15): once a query's posting lists together exceed
/// `NameIndex.fullPostingBudget`, the longest are only probed for the candidates the rarer keys found. These tests
/// build an index where the given name's list is past that budget and check that the answers are the ones an
/// exhaustive comparison with every record gives.
@Suite("Index at scale")
struct IndexScaleTests {
    /// Distinct synthetic surnames: three syllables and an East Slavic ending.
    static func surnames(_ n: Int) -> [String] {
        let syl = ["ба", "ве", "го", "ду", "жи", "зо", "ка", "ле", "ми", "но", "пу", "ры", "са", "ти", "фе", "ха",
                   "це", "чу", "ша", "ще"]
        let endings = ["ов", "ин", "ский", "енко"]
        var out: [String] = []
        outer: for e in endings { for a in syl { for b in syl { for c in syl {
            out.append((a + b + c).prefix(1).uppercased() + (a + b + c).dropFirst() + e)
            if out.count == n { break outer }
        } } } }
        return out
    }

    static let common = NameIndex.fullPostingBudget + 6_000

    static func bigIndex() -> (NameIndex, [String]) {
        let index = NameIndex()
        var entries: [(key: String, name: String)] = []
        for (k, s) in surnames(common).enumerated() { entries.append(("r\(k)", "Иван \(s)")) }
        entries.append(("target", "Иван Зайцев"))
        entries.append(("namesake", "Пётр Зайцев"))
        index.insert(contentsOf: entries)
        return (index, entries.map(\.name))
    }

    @Test func rareSurnameAmongACommonGivenName() {
        let (index, _) = Self.bigIndex()
        #expect(index.count == Self.common + 2)
        let hits = index.search("Ivan Zaitsev", top: 5)
        #expect(hits.first?.key == "target")
        #expect(hits.first?.score.isMatch == true)
        #expect(hits.dropFirst().allSatisfy { !$0.score.isMatch })   // Пётр Зайцев and the other Ivans are not him
        // Removing and re-inserting keeps the (sorted) posting lists consistent.
        index.remove(key: "target")
        #expect(index.search("Ivan Zaitsev", top: 5).allSatisfy { $0.key != "target" })
        index.insert(key: "target-2", name: "Иван Зайцев")
        #expect(index.search("Ivan Zaitsev", top: 1).first?.key == "target-2")
    }

    @Test func bestHitIsTheExhaustiveBest() {
        let (index, names) = Self.bigIndex()
        let matcher = NameMatcher()
        let normalizer = NameNormalizer()
        let stored = names.map(normalizer.normalize)
        for k in stride(from: 7, to: Self.common, by: Self.common / 5) {
            let query = CyrillicTransliteration.romanize(names[k], ukrainian: false)
            let q = normalizer.normalize(query)
            let best = stored.map { matcher.similarity(q, $0) }.max() ?? 0
            let hits = index.search(query, top: 3)
            #expect(abs((hits.first?.score.score ?? 0) - best) < 1e-9, "query \(query)")
            #expect(hits.first?.name == names[k], "query \(query)")
        }
    }
}
