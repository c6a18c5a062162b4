import Testing
@testable import NameMatching

@Suite("Index")
struct IndexTests {
    func sampleIndex() -> NameIndex {
        let index = NameIndex()
        let names = [
            ("p1/c1", "Шевченко Олександр Петрович"), ("p2/c1", "Шевченко Андрій Іванович"), ("p3/c1", "김정은"),
            ("p4/c1", "김정일"), ("p5/c1", "Петров Иван Сергеевич"), ("p6/c1", "Romanova Yana"), ("p7/c1", "Диана Романова"),
            ("p8/c1", "박지성"), ("p9/c1", "이설주"), ("p10/c1", "Kovalenko Olha"),
        ]
        for (k, n) in names { index.insert(key: k, name: n) }
        return index
    }

    @Test func findsAcrossScripts() {
        let index = sampleIndex()
        #expect(index.search("Oleksandr Shevchenko", top: 3).first?.key == "p1/c1")
        #expect(index.search("Kim Jong-un", top: 3).first?.key == "p3/c1")
        #expect(index.search("Ким Чен Ир", top: 3).first?.key == "p4/c1")
        #expect(index.search("Park Ji-sung", top: 3).first?.key == "p8/c1")
        #expect(index.search("Ri Sol-ju", top: 3).first?.key == "p9/c1")
        #expect(index.search("Ivan Petrov", top: 3).first?.key == "p5/c1")
        #expect(index.search("Ольга Коваленко", top: 3).first?.key == "p10/c1")
    }

    @Test func hitsCarryScoresAndExplanations() {
        let hits = sampleIndex().search("Yana Romanova", top: 2)
        #expect(hits.count == 2)
        #expect(hits[0].key == "p6/c1")
        #expect(hits[0].score.isMatch)
        #expect(hits[0].score.score >= hits[1].score.score)
        #expect(!hits[1].score.isMatch)
        #expect(hits[0].score.explanationText.contains("Romanova"))
        #expect(hits[0].name == "Romanova Yana")
    }

    @Test func bulkInsertAndCompact() {
        let index = NameIndex()
        var entries: [(key: String, name: String)] = []
        for k in 0..<500 { entries.append(("k\(k)", k % 2 == 0 ? "Петренко Тарас \(k)" : "김민\(k % 10)")) }
        entries.append(("p1/c1", "Шевченко Олександр Петрович"))
        index.insert(contentsOf: entries)
        #expect(index.count == 501)
        #expect(index.search("Oleksandr Shevchenko", top: 1).first?.key == "p1/c1")
        for k in 0..<500 where k % 3 == 0 { index.remove(key: "k\(k)") }
        index.insert(key: "p1/c1", name: "Shevchenko Oleksandr")
        index.compact()
        #expect(index.count == 501 - 167)
        #expect(index.name(forKey: "p1/c1") == "Shevchenko Oleksandr")
        #expect(index.name(forKey: "k3") == nil)
        #expect(index.name(forKey: "k4") != nil)
        #expect(index.search("Шевченко Олександр", top: 1).first?.key == "p1/c1")
        index.insert(key: "k3", name: "Kim Jong-un")
        #expect(index.search("김정은", top: 1).first?.key == "k3")
    }

    @Test func evidenceReranksEqualNames() {
        let index = NameIndex()
        index.insert(key: "a/1", name: "Петров Иван Сергеевич")
        index.insert(key: "b/1", name: "Петров Иван Сергеевич")
        let dob = ["a/1": "1970-01-02", "b/1": "1991-05-06"]
        let hits = index.search("Ivan Petrov", top: 2, evidence: MatchEvidence(dateOfBirth: "1991-05-06"),
                                candidateEvidence: { MatchEvidence(dateOfBirth: dob[$0]) })
        #expect(hits.map(\.key) == ["b/1", "a/1"])
        #expect(hits[0].explanationText.contains("same date of birth"))
        #expect(!hits[1].score.isMatch)
    }

    @Test func removeAndReplace() {
        let index = sampleIndex()
        #expect(index.count == 10)
        #expect(index.remove(key: "p1/c1"))
        #expect(!index.remove(key: "p1/c1"))
        #expect(index.count == 9)
        #expect(index.search("Oleksandr Shevchenko", top: 5).allSatisfy { $0.key != "p1/c1" })
        index.insert(key: "p2/c1", name: "Шевченко Олександр")
        #expect(index.count == 9)
        #expect(index.name(forKey: "p2/c1") == "Шевченко Олександр")
        #expect(index.search("Oleksandr Shevchenko", top: 1).first?.key == "p2/c1")
        #expect(index.search("Andriy Shevchenko", top: 5).allSatisfy { $0.name != "Шевченко Андрій Іванович" })
    }

    @Test func emptyQueriesAndTopZero() {
        let index = sampleIndex()
        #expect(index.search("", top: 5).isEmpty)
        #expect(index.search("Ivan", top: 0).isEmpty)
        #expect(NameIndex().search("Ivan", top: 5).isEmpty)
    }

    @Test func concurrentSearchesAndWrites() async {
        let index = sampleIndex()
        await withTaskGroup(of: Bool.self) { group in
            for t in 0..<8 {
                group.addTask {
                    var ok = true
                    for k in 0..<50 {
                        if t % 4 == 0 {
                            index.insert(key: "w\(t)/\(k)", name: "Петренко Тарас \(k % 3 == 0 ? "Ігорович" : "")")
                            if k % 2 == 0 { index.remove(key: "w\(t)/\(k)") }
                        } else {
                            ok = ok && index.search("Kim Jong-un", top: 3).first?.key == "p3/c1"
                        }
                    }
                    return ok
                }
            }
            for await ok in group { #expect(ok) }
        }
        #expect(index.count == 10 + 2 * 25)
    }
}
