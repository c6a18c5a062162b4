import Foundation

/// Reads a list of enquiries sent in bulk (the CTA's spreadsheets) as CSV, in UTF-8 or Windows-1251,
/// with the decoding and quoting of `CounterpartListImport`. Every error names the line and column;
/// nothing is returned unless the whole file is good.
public enum EnquiryListImport {
    public struct Line: Sendable, Hashable {
        public var line: Int
        public var person: PersonSought
        /// The enquirer's reference for this line (quoted in the answer).
        public var reference: String?
        /// uk, en, ru or ko; nil when the column is absent (the list's language applies).
        public var language: String?
        public var note: String?
    }

    public struct Parsed: Sendable {
        public var lines: [Line]
        public var encoding: CounterpartListImport.TextEncoding
    }

    enum Column: String, CaseIterable {
        case name, surname, firstNames, fatherName, dateOfBirth, placeOfBirth, unit, rank, serviceNumber,
             lastSeenAt, lastSeenPlace, reference, language, note
    }

    /// Header spellings accepted (lower-cased, trimmed), in English, Ukrainian, Russian and Korean.
    static let headers: [String: Column] = {
        let spellings: [Column: [String]] = [
            .name: ["name", "names", "full name", "фио", "ф.и.о.", "піб", "п.і.б.", "імена", "имена", "이름", "성명"],
            .surname: ["surname", "last name", "family name", "фамилия", "прізвище", "성"],
            .firstNames: ["first name", "first names", "given name", "имя", "ім'я", "імʼя", "ім’я"],
            .fatherName: ["father's name", "father", "patronymic", "отчество", "по батькові", "ім'я батька", "имя отца", "아버지"],
            .dateOfBirth: ["date of birth", "dob", "born", "year of birth", "дата рождения", "дата народження", "рік народження",
                           "год рождения", "생년월일"],
            .placeOfBirth: ["place of birth", "место рождения", "місце народження", "출생지"],
            .unit: ["unit", "часть", "воинская часть", "частина", "військова частина", "부대"],
            .rank: ["rank", "звание", "звання", "계급"],
            .serviceNumber: ["service number", "личный номер", "особовий номер", "군번"],
            .lastSeenAt: ["last seen", "date last seen", "последний раз", "востаннє", "дата зникнення", "дата исчезновения"],
            .lastSeenPlace: ["place last seen", "место исчезновения", "місце зникнення"],
            .reference: ["reference", "ref", "cta reference", "номер запроса", "номер запиту", "참조"],
            .language: ["language", "язык", "мова", "언어"],
            .note: ["note", "notes", "comment", "примечание", "примітка"],
        ]
        var map: [String: Column] = [:]
        for (column, names) in spellings { for name in names { map[name] = column } }
        return map
    }()

    /// Several spellings of one name go in one cell, separated by " / " or "|".
    static func spellings(_ cell: String) -> [String] {
        cell.components(separatedBy: "|").flatMap { $0.components(separatedBy: " / ") }.compactMap(\.trimmedOrNil)
    }

    public static func parse(_ data: Data, encoding: CounterpartListImport.TextEncoding = .auto) throws(DomainError) -> Parsed {
        let (text, used) = try CounterpartListImport.decode(data, encoding)
        let records = try CounterpartListImport.records(in: text)
        guard let header = records.first(where: { !$0.isBlank }) else {
            throw .invalid("line 1", "the file is empty", code: "empty_file")
        }
        var columns: [Int: Column] = [:]
        for (index, cell) in header.fields.enumerated() {
            guard let column = headers[cell.trimmingCharacters(in: .whitespaces).lowercased()] else { continue }
            if columns.values.contains(column) {
                throw .invalid("line \(header.line), column \(index + 1)", "column \(column.rawValue) appears twice",
                               code: "duplicate_column")
            }
            columns[index] = column
        }
        let present = Set(columns.values)
        if !present.contains(.name) && !present.contains(.surname) {
            throw .invalid("line \(header.line)", "missing column: a name column (name, ПІБ, ФИО, 이름) or a surname column",
                           code: "missing_column")
        }
        var lines: [Line] = []
        for record in records where record.line > header.line && !record.isBlank {
            if record.fields.count > header.fields.count {
                throw .invalid("line \(record.line), column \(header.fields.count + 1)",
                               "\(record.fields.count) fields, but the header has \(header.fields.count)", code: "column_count")
            }
            var values: [Column: (String, Int)] = [:]
            for (index, cell) in record.fields.enumerated() {
                if let column = columns[index], let value = cell.trimmedOrNil { values[column] = (value, index + 1) }
            }
            let nameColumn = (columns.first { $0.value == .name || $0.value == .surname }?.key ?? 0) + 1
            var names = values[.name].map { spellings($0.0) } ?? []
            let parts = [values[.surname]?.0, values[.firstNames]?.0].compactMap { $0 }
            if !parts.isEmpty { names.append(parts.joined(separator: " ")) }
            if names.isEmpty {
                throw .invalid("line \(record.line), column \(nameColumn)", "the name is empty", code: "required")
            }
            for name in names {
                if name.count > 200 {
                    throw .invalid("line \(record.line), column \(nameColumn)", "the name is longer than 200 characters",
                                   code: "too_long")
                }
                if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                    throw .invalid("line \(record.line), column \(nameColumn)", "control characters in the name",
                                   code: "control_characters")
                }
            }
            func date(_ column: Column) throws(DomainError) -> PartialDate? {
                guard let (raw, index) = values[column] else { return nil }
                guard let parsed = PartialDate(iso: raw) else {
                    throw .invalid("line \(record.line), column \(index)", "\(raw) is not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
                                   code: "invalid_date")
                }
                return parsed
            }
            var language: String?
            if let (raw, index) = values[.language] {
                guard Enquiry.languages.contains(raw.lowercased()) else {
                    throw .invalid("line \(record.line), column \(index)", "unknown language \(raw); use uk, en, ru or ko",
                                   code: "invalid_choice")
                }
                language = raw.lowercased()
            }
            let person = PersonSought(names: names, dateOfBirth: try date(.dateOfBirth), placeOfBirth: values[.placeOfBirth]?.0,
                                      fatherName: values[.fatherName]?.0, unit: values[.unit]?.0, rank: values[.rank]?.0,
                                      serviceNumber: values[.serviceNumber]?.0, lastSeenAt: try date(.lastSeenAt),
                                      lastSeenPlace: values[.lastSeenPlace]?.0)
            lines.append(Line(line: record.line, person: person, reference: values[.reference]?.0, language: language,
                              note: values[.note]?.0))
        }
        if lines.isEmpty {
            throw .invalid("line \(header.line + 1)", "the list has a header but no enquiries", code: "empty_file")
        }
        if lines.count > 10_000 {
            throw .invalid("line \(lines[10_000].line)", "at most 10,000 enquiries in one list", code: "too_long")
        }
        return Parsed(lines: lines, encoding: used)
    }
}

extension Enquiry: Classified {
    /// Who asks and about whom, as the enquirer knows him: core identity, like the registry itself.
    public var dataClass: FieldClass { .core }
}

extension EnquiryReply: Classified {
    /// Only what Arts. 122 and 17 allow; built so that nothing of a restricted class can enter it.
    public var dataClass: FieldClass { .core }
}
