import Testing
@testable import NamesTool

@Suite("names CLI")
struct CLITests {
    func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

    @Test func scoresWellFormedLines() {
        var out = Output(captureOnly: true)
        let code = NamesTool.scoreLines(bytes("p1\tKim Jong-un\t김정은\np2\tIvan Petrov\tДиана Романова\n"), into: &out)
        #expect(code == 0)
        let lines = out.text.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        #expect(lines.count == 2)
        #expect(lines[0] == ["p1", "1.0000", "1"])
        #expect(lines[1][0] == "p2" && lines[1][2] == "0")
        #expect(out.stderr.isEmpty)
    }

    @Test func reportsMalformedLinesWithLineNumbersAndContinues() {
        var input = bytes("p1\tKim Jong-un\t김정은\nbroken line without tabs\np3\t\tИван\n")
        input += [0x70, 0x34, 0x09, 0xFF, 0xFE, 0x09, 0x41, 0x0A] // p4<TAB>\xFF\xFE<TAB>A
        input += bytes("p5\tIvan\tIvan\textra\np6\tOleksandr Shevchenko\tШевченко Олександр\r\n")
        var out = Output(captureOnly: true)
        let code = NamesTool.scoreLines(input, into: &out)
        #expect(code == 0)
        #expect(out.text.split(separator: "\n").map { String($0.prefix(2)) } == ["p1", "p6"])
        #expect(out.stderr.contains { $0.hasPrefix("line 2:") && $0.contains("3 tab-separated fields") })
        #expect(out.stderr.contains { $0.hasPrefix("line 3:") && $0.contains("empty") })
        #expect(out.stderr.contains { $0.hasPrefix("line 4:") && $0.contains("UTF-8") })
        #expect(out.stderr.contains { $0.hasPrefix("line 5:") })
        #expect(out.stderr.last == "4 malformed line(s) skipped, 2 scored")
    }

    @Test func failsOnlyWhenNothingCouldBeProcessed() {
        var out = Output(captureOnly: true)
        #expect(NamesTool.scoreLines(bytes("only one field\n\tx\t\n"), into: &out) == 1)
        var empty = Output(captureOnly: true)
        #expect(NamesTool.scoreLines([], into: &empty) == 0)
    }

    @Test func searchWritesRanksAndReportsBuildTime() {
        let registry = bytes("r1\t김정은\nr2\t김정일\nbad registry line\nr3\tШевченко Олександр\n")
        let queries = bytes("q1\tKim Jong-un\nq2\tOleksandr Shevchenko\nq3\n")
        var out = Output(captureOnly: true)
        let code = NamesTool.searchLines(registry: registry, queries: queries, top: 2, into: &out)
        #expect(code == 0)
        let lines = out.text.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        #expect(lines.first.map { Array($0.prefix(3)) } == ["q1", "1", "r1"])
        #expect(lines.contains { Array($0.prefix(3)) == ["q2", "1", "r3"] })
        #expect(lines.allSatisfy { $0.count == 4 && Double($0[3]) != nil })
        #expect(out.stderr.contains { $0.hasPrefix("registry line 3:") })
        #expect(out.stderr.contains { $0.hasPrefix("line 3:") })
        #expect(out.stderr.contains { $0.hasPrefix("index_build_s=") })
    }

    @Test func unknownVerbsAndFlagsAreUsageErrors() {
        #expect(NamesTool.run([]) == 2)
        #expect(NamesTool.run(["frobnicate"]) == 2)
        #expect(NamesTool.run(["search", "--top", "3"]) == 2)
        #expect(NamesTool.run(["search", "--registry", "/nonexistent/reg.tsv"]) == 2)
        #expect(NamesTool.run(["search", "--registry", "x", "--top", "zero"]) == 2)
    }

    @Test func formatsScores() {
        #expect(IO.format(1) == "1.0000")
        #expect(IO.format(0.05) == "0.0500")
        #expect(IO.format(0.98765) == "0.9877")
        #expect(IO.format(-1) == "0.0000")
    }
}
