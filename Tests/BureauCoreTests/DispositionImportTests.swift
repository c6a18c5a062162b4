import Foundation
import Testing
@testable import BureauCore

/// A counterpart's list as an officer receives it: a spreadsheet saved as CSV, in whatever encoding.
@Suite struct DispositionImportTests {
    func parse(_ text: String, encoding: CounterpartListImport.TextEncoding = .auto) throws(DomainError) -> CounterpartListImport.Parsed {
        try parse(Data(text.utf8), encoding: encoding)
    }

    func parse(_ data: Data, encoding: CounterpartListImport.TextEncoding = .auto) throws(DomainError) -> CounterpartListImport.Parsed {
        try CounterpartListImport.parse(data, direction: .requested, encoding: encoding, makeID: { DispositionDemo.id(10_000 + $0) })
    }

    func error(_ text: String) -> DomainError? {
        DispositionDemo.domainError { () throws(DomainError) in try parse(text) }
    }

    @Test func aSemicolonListInAnyScriptIsRead() throws {
        let csv = "\u{FEFF}ФИО;Дата рождения;Звание;Примечание\r\n"
            + "Ри Ён Чоль;1999;рядовой;\"ранен; в госпитале\"\r\n"
            + "\r\n"
            + "Paek Kwang-hyok;2005;;\r\n"
            + "백광혁;;;\"two\r\nlines\"\r\n"
        let parsed = try parse(csv)
        #expect(parsed.encoding == .utf8)
        #expect(parsed.delimiter == ";")
        #expect(parsed.entries.map(\.name) == ["Ри Ён Чоль", "Paek Kwang-hyok", "백광혁"])
        #expect(parsed.entries.map(\.line) == [2, 4, 5])
        #expect(parsed.entries[0].note == "ранен; в госпитале")
        #expect(parsed.entries[0].dateOfBirth == "1999")
        #expect(parsed.entries[0].rank == "рядовой")
        #expect(parsed.entries[2].note == "two\r\nlines")
        #expect(parsed.entries.allSatisfy { $0.direction == .requested })
    }

    @Test func separateNameColumnsAreJoined() throws {
        let parsed = try parse("прізвище,ім'я,по батькові,категорія\nКоваль,Олег,Петрович,officer\n")
        #expect(parsed.entries.first?.name == "Коваль Олег Петрович")
        #expect(parsed.entries.first?.category == .officer)
    }

    @Test func aWindows1251ExportIsRecognised() throws {
        // "ФИО;Звание\nІваненко Петро;солдат\n" as Excel saves it in a Ukrainian locale.
        var bytes: [UInt8] = [0xD4, 0xC8, 0xCE, 0x3B, 0xC7, 0xE2, 0xE0, 0xED, 0xE8, 0xE5, 0x0A]
        bytes += [0xB2, 0xE2, 0xE0, 0xED, 0xE5, 0xED, 0xEA, 0xEE, 0x20, 0xCF, 0xE5, 0xF2, 0xF0, 0xEE, 0x3B]
        bytes += [0xF1, 0xEE, 0xEB, 0xE4, 0xE0, 0xF2, 0x0A]
        let parsed = try parse(Data(bytes))
        #expect(parsed.encoding == .windows1251)
        #expect(parsed.entries.first?.name == "Іваненко Петро")
        #expect(parsed.entries.first?.rank == "солдат")
    }

    @Test func brokenEncodingNamesLineAndColumn() {
        // Valid UTF-8 Cyrillic, then a cut-off character on line 3.
        var bytes = Array("name\nИванов\nПетр".utf8)
        bytes += [0xD0]
        bytes += Array("ов\n".utf8)
        let failure = DispositionDemo.domainError { () throws(DomainError) in try parse(Data(bytes)) }
        #expect(failure?.code == "invalid_encoding")
        #expect(failure?.field == "line 3, column 5")
        let declared = DispositionDemo.domainError { () throws(DomainError) in try parse(Data([0x6E, 0x0A, 0x98]), encoding: .windows1251) }
        #expect(declared?.field == "line 2, column 1")
    }

    @Test func aMissingNameColumnIsNamed() {
        let failure = error("rank,date of birth\nрядовой,1999\n")
        #expect(failure?.code == "missing_column")
        #expect(failure?.field == "line 1")
    }

    @Test func badRowsNameLineAndColumn() {
        #expect(error("name,rank\nИванов,рядовой,лишнее\n")?.field == "line 2, column 3")
        #expect(error("name,rank\nИванов,рядовой,лишнее\n")?.code == "column_count")
        #expect(error("rank,name\nрядовой,  \n")?.field == "line 2, column 2")
        #expect(error("name,category\nИванов,general\n")?.code == "invalid_category")
        let open = error("name,note\nИванов,\"never closed\n")
        #expect(open?.code == "unterminated_quote")
        #expect(open?.field == "line 2, column 2")
        #expect(error("")?.code == "empty_file")
    }

    @Test func theWindows1251TableAgreesWithFoundation() throws {
        var compared = 0
        for byte in UInt8(0x80)...UInt8(0xFF) where byte != 0x98 {
            guard let expected = String(data: Data([byte]), encoding: .windowsCP1251) else { continue }
            let ours = try CounterpartListImport.windows1251([byte])
            #expect(ours == expected, "byte 0x\(String(byte, radix: 16))")
            compared += 1
        }
        print("compared \(compared) Windows-1251 bytes with Foundation")
    }
}
