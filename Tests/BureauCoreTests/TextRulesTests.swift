import BureauCore
import Foundation
import Testing

@Suite struct TextRulesTests {
    func code(_ body: () throws -> Void) -> String? {
        do { try body(); return nil } catch { return (error as? DomainError)?.code ?? "\(error)" }
    }

    @Test func lengthCountsScalarsAndBytesNotOnlyCharacters() {
        let stuffed = "A" + String(repeating: "\u{0301}", count: 100_000)
        #expect(stuffed.count == 1, "one grapheme cluster")
        #expect(code { try TextRules.checkLength(stuffed, field: "surname", limit: 200) } == "too_long")
        #expect(code { try TextRules.checkLength("Ĺ̈ukáš", field: "surname", limit: 200) } == nil)
        #expect(code { try TextRules.checkLength(String(repeating: "김", count: 200), field: "surname", limit: 200) } == nil)
        // Decomposed Hangul (three jamo a syllable) stays within four code points a character.
        let jamo = String(repeating: "\u{1100}\u{1161}\u{11A8}", count: 200)
        #expect(code { try TextRules.checkLength(jamo, field: "surname", limit: 200) } == nil)
    }

    @Test func namesRefuseHiddenCharacters() {
        #expect(code { try TextRules.checkName("Ким Чон Хо", field: "n") } == nil)
        #expect(code { try TextRules.checkName("김정호", field: "n") } == nil)
        #expect(code { try TextRules.checkName("O'Brien-Smith", field: "n") } == nil)
        #expect(code { try TextRules.checkName("Kim\u{7}", field: "n") } == "control_characters")
        #expect(code { try TextRules.checkName("\u{202E}mik", field: "n") } == "bidi_control")
        #expect(code { try TextRules.checkName("\u{2066}Kim\u{2069}", field: "n") } == "bidi_control")
        #expect(code { try TextRules.checkName("\u{200F}", field: "n") } == "bidi_control")
        #expect(code { try TextRules.checkName("\u{0301}\u{0308}", field: "n") } == "name_invisible")
        #expect(code { try TextRules.checkName("\u{200B}\u{FEFF}", field: "n") } == "name_invisible")
        #expect(code { try TextRules.checkName(" \u{3000}", field: "n") } == "name_invisible")
    }

    @Test func freeTextKeepsLineBreaksButNotEscapes() {
        #expect(code { try TextRules.checkText("line one\nline two\ttab", field: "t", limit: 4000) } == nil)
        #expect(code { try TextRules.checkText("bell\u{7}", field: "t", limit: 4000) } == "control_characters")
        #expect(code { try TextRules.checkText("\u{1B}[31mred", field: "t", limit: 4000) } == "control_characters")
    }

    @Test func datesBefore1900AreImplausible() {
        #expect(code { try TextRules.checkPlausible(PartialDate(year: 1899)!, field: "d") } == "implausible_date")
        #expect(code { try TextRules.checkPlausible(PartialDate(year: 1900)!, field: "d") } == nil)
        #expect(code { try TextRules.checkPlausible(Date(timeIntervalSince1970: -2_208_988_801), field: "d") } == "implausible_date")
        #expect(code { try TextRules.checkPlausible(Date(timeIntervalSince1970: 0), field: "d") } == nil)
    }

    @Test func csvCellsWithControlCharactersAreRefusedWithLineAndColumn() {
        let data = Data("name;rank\nIvanov Ivan;private\nPetrov;ser\u{1B}geant\n".utf8)
        do {
            _ = try CounterpartListImport.parse(data, direction: .requested) { _ in UUID() }
            Issue.record("accepted a control character")
        } catch {
            #expect(error.code == "control_characters")
            #expect(error.field == "line 3, column 2")
        }
    }

    @Test func csvExportsNeutraliseFormulae() {
        #expect(CSVText.field("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"")
        #expect(CSVText.field("+7 495") == "'+7 495")
        #expect(CSVText.field("-1") == "'-1")
        #expect(CSVText.field("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVText.field("\tcmd") == "'\tcmd")
        #expect(CSVText.field("Ким, Чон Хо") == "\"Ким, Чон Хо\"")
        #expect(CSVText.field("plain") == "plain")
        #expect(CSVText.row(["a", "=1"]) == "a,'=1\r\n")
    }
}
