import Foundation

/// Reads a counterpart's list exported from a spreadsheet as CSV (comma, semicolon or tab),
/// in UTF-8 or Windows-1251, names in any script. Every error names the line and column;
/// nothing is returned unless the whole file is good.
public enum CounterpartListImport {
    public enum TextEncoding: String, Sendable, Codable, CaseIterable {
        /// UTF-8 when the bytes are valid UTF-8, else Windows-1251 when they read as Cyrillic.
        case auto
        case utf8
        case windows1251 = "windows-1251"
    }

    public struct Parsed: Sendable {
        public var entries: [CounterpartEntry]
        public var encoding: TextEncoding
        public var delimiter: Character
    }

    enum Column: String, CaseIterable {
        case name, surname, firstNames, patronymic, dateOfBirth, rank, category, note
    }

    /// Header spellings accepted (lower-cased, trimmed), in English, Russian, Ukrainian and Korean.
    static let headers: [String: Column] = {
        let spellings: [Column: [String]] = [
            .name: ["name", "full name", "full_name", "фио", "ф.и.о.", "піб", "п.і.б.", "이름", "성명"],
            .surname: ["surname", "last name", "family name", "фамилия", "прізвище", "성"],
            .firstNames: ["first name", "first names", "given name", "имя", "ім'я", "імʼя", "ім’я"],
            .patronymic: ["patronymic", "father's name", "отчество", "по батькові"],
            .dateOfBirth: ["date of birth", "date_of_birth", "dob", "born", "дата рождения", "дата народження", "생년월일"],
            .rank: ["rank", "звание", "звання", "계급"],
            .category: ["category", "категория", "категорія"],
            .note: ["note", "notes", "comment", "примечание", "примітка"],
        ]
        var map: [String: Column] = [:]
        for (column, names) in spellings { for name in names { map[name] = column } }
        return map
    }()

    public static func parse(_ data: Data, direction: CounterpartEntry.Direction, encoding: TextEncoding = .auto,
                             makeID: (Int) -> UUID) throws(DomainError) -> Parsed {
        let (text, used) = try decode(data, encoding)
        let records = try records(in: text)
        guard let header = records.first(where: { !$0.isBlank }) else {
            throw .invalid("line 1", "the file is empty", code: "empty_file")
        }
        var columns: [Int: Column] = [:]
        for (index, cell) in header.fields.enumerated() {
            let key = cell.trimmingCharacters(in: .whitespaces).lowercased()
            if let column = headers[key] {
                if columns.values.contains(column) {
                    throw .invalid("line \(header.line), column \(index + 1)", "column \(column.rawValue) appears twice",
                                   code: "duplicate_column")
                }
                columns[index] = column
            }
        }
        let present = Set(columns.values)
        if !present.contains(.name) && !present.contains(.surname) {
            throw .invalid("line \(header.line)",
                           "missing column: a name column (name, ФИО, ПІБ, 이름) or a surname column (surname, фамилия, прізвище)",
                           code: "missing_column")
        }
        var entries: [CounterpartEntry] = []
        for record in records where record.line > header.line && !record.isBlank {
            if record.fields.count > header.fields.count {
                throw .invalid("line \(record.line), column \(header.fields.count + 1)",
                               "\(record.fields.count) fields, but the header has \(header.fields.count)", code: "column_count")
            }
            var values: [Column: (String, Int)] = [:]
            for (index, cell) in record.fields.enumerated() {
                // A spreadsheet cell has no business holding escape codes or NULs; a note may break lines.
                let allowed: Set<Unicode.Scalar> = columns[index] == .note ? ["\n", "\r", "\t"] : []
                if let bad = cell.unicodeScalars.first(where: { $0.properties.generalCategory == .control && !allowed.contains($0) }) {
                    throw .invalid("line \(record.line), column \(index + 1)",
                                   "control character U+\(String(format: "%04X", bad.value)) in the cell", code: "control_characters")
                }
                if let column = columns[index], let value = cell.trimmedOrNil { values[column] = (value, index + 1) }
            }
            let name = values[.name]?.0
                ?? [values[.surname]?.0, values[.firstNames]?.0, values[.patronymic]?.0].compactMap { $0 }.joined(separator: " ")
            let nameColumn = (columns.first { $0.value == .name || $0.value == .surname }?.key ?? 0) + 1
            if name.trimmedOrNil == nil {
                throw .invalid("line \(record.line), column \(nameColumn)", "the name is empty", code: "required")
            }
            if name.count > 200 || name.unicodeScalars.count > 200 * TextRules.scalarsPerCharacter {
                throw .invalid("line \(record.line), column \(nameColumn)", "the name is longer than 200 characters",
                               code: "too_long")
            }
            do {
                try TextRules.checkName(name, field: "name")
            } catch {
                throw .invalid("line \(record.line), column \(nameColumn)", error.message, code: error.code)
            }
            var category = ExchangeCategory.otherRank
            if let (raw, column) = values[.category] {
                guard let parsed = ExchangeCategory(rawValue: raw.lowercased()) else {
                    throw .invalid("line \(record.line), column \(column)",
                                   "unknown category \(raw); use one of \(ExchangeCategory.allCases.map(\.rawValue).joined(separator: ", "))",
                                   code: "invalid_category")
                }
                category = parsed
            }
            entries.append(CounterpartEntry(id: makeID(record.line), line: record.line, direction: direction, name: name,
                                            dateOfBirth: values[.dateOfBirth]?.0, rank: values[.rank]?.0,
                                            category: category, note: values[.note]?.0))
        }
        return Parsed(entries: entries, encoding: used, delimiter: header.delimiter)
    }
}
