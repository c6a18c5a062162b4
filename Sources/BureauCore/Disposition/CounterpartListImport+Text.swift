import Foundation

extension CounterpartListImport {
    struct Record {
        var line: Int
        var fields: [String]
        var delimiter: Character
        var isBlank: Bool { fields.allSatisfy { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty } }
    }

    // MARK: Decoding

    static func decode(_ data: Data, _ encoding: TextEncoding) throws(DomainError) -> (String, TextEncoding) {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        switch encoding {
        case .utf8:
            return (try utf8(bytes), .utf8)
        case .windows1251:
            return (try windows1251(bytes), .windows1251)
        case .auto:
            if let text = String(validating: bytes, as: UTF8.self) { return (text, .utf8) }
            let high = bytes.filter { $0 >= 0x80 }
            let cyrillic = high.filter { cyrillicLetterBytes.contains($0) }
            // UTF-8 Cyrillic is lead byte D0/D1 + continuation: if most high bytes pair up like that,
            // the file is damaged UTF-8, and the error should say where.
            let pairs = zip(bytes, bytes.dropFirst()).filter { (0xC2...0xDF).contains($0.0) && $0.1 & 0xC0 == 0x80 }.count
            let damagedUTF8 = 2 * pairs >= high.count / 2
            if !high.isEmpty && !damagedUTF8 && Double(cyrillic.count) / Double(high.count) >= 0.8 {
                return (try windows1251(bytes), .windows1251)
            }
            _ = try utf8(bytes)  // throws with the line and column of the first bad byte
            return ("", .utf8)
        }
    }

    static func utf8(_ bytes: [UInt8]) throws(DomainError) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        throw encodingError(bytes, at: firstInvalidUTF8(bytes) ?? 0, "is neither UTF-8 nor Windows-1251 text")
    }

    /// The offset where the first ill-formed UTF-8 sequence starts.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length: Int
            var second: ClosedRange<UInt8> = 0x80...0xBF
            switch lead {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; second = 0xA0...0xBF
            case 0xED: length = 3; second = 0x80...0x9F
            case 0xE1...0xEF: length = 3
            case 0xF0: length = 4; second = 0x90...0xBF
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; second = 0x80...0x8F
            default: return index
            }
            if index + length > bytes.count { return index }
            if length > 1 {
                if !second.contains(bytes[index + 1]) { return index }
                for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 { return index }
            }
            index += length
        }
        return nil
    }

    static func encodingError(_ bytes: [UInt8], at offset: Int, _ what: String) -> DomainError {
        let before = bytes[0..<offset]
        let line = before.filter { $0 == 0x0A }.count + 1
        let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let prefix = String(decoding: bytes[lineStart..<offset], as: UTF8.self)
        let column = prefix.count + 1
        return .invalid("line \(line), column \(column)",
                        "byte 0x\(String(bytes[offset], radix: 16, uppercase: true)) at character \(column) \(what)",
                        code: "invalid_encoding")
    }

    static func windows1251(_ bytes: [UInt8]) throws(DomainError) -> String {
        var scalars = String.UnicodeScalarView()
        for (offset, byte) in bytes.enumerated() {
            switch byte {
            case 0x00..<0x80: scalars.append(Unicode.Scalar(byte))
            case 0xC0...0xFF: scalars.append(Unicode.Scalar(0x0410 + UInt32(byte - 0xC0))!)
            default:
                let code = cp1251High[Int(byte - 0x80)]
                guard code != 0, let scalar = Unicode.Scalar(code) else {
                    throw encodingError(bytes, at: offset, "is not defined in Windows-1251")
                }
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Windows-1251 0x80…0xBF (0 = undefined); 0xC0…0xFF are А…я in order.
    static let cp1251High: [UInt32] = [
        0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021, 0x20AC, 0x2030, 0x0409, 0x2039, 0x040A, 0x040C, 0x040B, 0x040F,
        0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x0000, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F,
        0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7, 0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407,
        0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7, 0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457,
    ]

    /// Bytes that are Cyrillic letters in Windows-1251 (А…я, Ё ё, Ukrainian Є є І і Ї ї Ґ ґ), for detection.
    static let cyrillicLetterBytes: Set<UInt8> = Set(0xC0...0xFF).union([0xA8, 0xB8, 0xAA, 0xBA, 0xB2, 0xB3, 0xAF, 0xBF, 0xA5, 0xB4])

    // MARK: CSV

    /// Splits text into records, honouring quotes (a quoted cell may hold delimiters, quotes as "" and line breaks).
    static func records(in text: String) throws(DomainError) -> [Record] {
        let delimiter = detectDelimiter(text)
        var records: [Record] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1, recordLine = 1
        var inQuotes = false, quoteLine = 1
        var scalars = Array(text.unicodeScalars)[...]
        let delimiterScalar = delimiter.unicodeScalars.first!
        func endRecord() {
            fields.append(String(field))
            records.append(Record(line: recordLine, fields: fields, delimiter: delimiter))
            fields = []
            field = .init()
        }
        while let scalar = scalars.popFirst() {
            if inQuotes {
                if scalar == "\"" {
                    if scalars.first == "\"" { scalars.removeFirst(); field.append("\"") } else { inQuotes = false }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where String(field).trimmingCharacters(in: .whitespaces).isEmpty:
                field = .init()
                inQuotes = true
                quoteLine = line
            case delimiterScalar:
                fields.append(String(field))
                field = .init()
            case "\r":
                if scalars.first == "\n" { scalars.removeFirst() }
                endRecord()
                line += 1
                recordLine = line
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            default:
                field.append(scalar)
            }
        }
        if inQuotes {
            throw .invalid("line \(quoteLine), column \(fields.count + 1)", "a quoted cell is never closed", code: "unterminated_quote")
        }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }

    /// The delimiter the header line uses most: semicolon (Excel in Russian or Ukrainian), comma or tab.
    static func detectDelimiter(_ text: String) -> Character {
        let header = text.prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" }
        let counts: [(Character, Int)] = [";", ",", "\t"].map { candidate in (candidate, header.filter { $0 == candidate }.count) }
        return counts.max { $0.1 < $1.1 }.flatMap { $0.1 > 0 ? $0.0 : nil } ?? ","
    }
}
