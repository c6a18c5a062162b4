import BureauCore
import Foundation

/// Reading HTML form values into domain values, with errors that name the form field.
struct FormReader {
    let timeZone: TimeZone

    /// `<input type="datetime-local">` sends local wall time without a zone: it is read in the Bureau's zone.
    func dateTime(_ text: String?, field: String, required: Bool = true) throws -> Date? {
        guard let text = text?.trimmedOrNil else {
            if required { throw DomainError.invalid(field, "is required", code: "required") }
            return nil
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        for format in ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        throw DomainError.invalid(field, "expected a date and time such as 2025-01-09T10:30", code: "invalid_date")
    }

    func partialDate(_ text: String?, field: String) throws -> PartialDate? {
        guard let text = text?.trimmedOrNil else { return nil }
        guard let date = PartialDate(iso: text) else {
            throw DomainError.invalid(field, "expected YYYY, YYYY-MM or YYYY-MM-DD", code: "invalid_date")
        }
        return date
    }

    func choice<T: RawRepresentable>(_ text: String?, _ type: T.Type, field: String) throws -> T? where T.RawValue == String {
        guard let text = text?.trimmedOrNil else { return nil }
        guard let value = T(rawValue: text) else {
            throw DomainError.invalid(field, "is not one of the offered choices", code: "invalid_choice")
        }
        return value
    }

    func number(_ text: String?, field: String) throws -> Double? {
        guard let text = text?.trimmedOrNil else { return nil }
        guard let value = Double(text.replacingOccurrences(of: ",", with: ".")) else {
            throw DomainError.invalid(field, "expected a number", code: "wrong_type")
        }
        return value
    }

    /// "1 500,50" or "1500.50" → 150050 minor units.
    func money(_ text: String?, field: String) throws -> Int64 {
        guard let text = text?.trimmedOrNil else { throw DomainError.invalid(field, "is required", code: "required") }
        let cleaned = text.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: ",", with: ".")
        let parts = cleaned.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int64(parts[0]), whole >= 0,
              parts.count == 1 || (parts[1].count <= 2 && Int64(parts[1]) != nil) else {
            throw DomainError.invalid(field, "expected an amount such as 1500.50", code: "wrong_type")
        }
        let fraction = parts.count == 2 ? Int64(parts[1].padding(toLength: 2, withPad: "0", startingAt: 0))! : 0
        return whole * 100 + fraction
    }

    static func lines(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: \.isNewline).compactMap { String($0).trimmedOrNil }
    }

    static func list(_ text: String?) -> [String] {
        (text ?? "").split(separator: ",").compactMap { String($0).trimmedOrNil?.lowercased() }
    }
}
