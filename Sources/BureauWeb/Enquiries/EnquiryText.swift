import BureauCore
import BureauStore
import Vapor

/// Enquiry values in the page language: statuses, clock states, and the matcher's explanation,
/// which the engine gives as data (`MatchReason`) and this says in Ukrainian, English or Russian.
struct EnquiryText {
    let request: Request

    var language: String { request.language }
    func text(_ key: String) -> String { request.bureau.catalog.text(key, language) }
    func date(_ date: Date) -> String { DateText.format(date, language: language, timeZone: request.bureau.config.timeZone) }

    func explanation(_ reasons: [MatchReason]) -> [String] {
        reasons.map { reason in
            let role = reason.role.map { text("match.role.\($0)") } ?? ""
            let kind = text("match.\(reason.code)")
            switch reason.code {
            case "only_in_query": return "\(reason.query ?? "?"): \(role), \(kind)"
            case "only_in_candidate": return "\(reason.candidate ?? "?"): \(role), \(kind)"
            case "exact", "transliteration", "spelling", "name_variant", "romanization", "fuzzy", "initial":
                return "\(reason.query ?? "?") ↔ \(reason.candidate ?? "?"): \(role), \(kind), \(Self.score(reason.similarity ?? 0))"
            case "same_father", "father_differs":
                return "\(kind): \(reason.query ?? "") ↔ \(reason.candidate ?? "")"
            case "other": return reason.query ?? ""
            default: return kind
            }
        }
    }

    static func score(_ value: Double) -> String { String(format: "%.2f", value) }

    /// "line 3, column 2" of a list error, in the page language.
    func field(_ field: String?) -> String? {
        guard let field, field.hasPrefix("line ") else { return nil }
        let numbers = field.split(whereSeparator: { !$0.isNumber }).map(String.init)
        guard let line = numbers.first else { return nil }
        var result = text("enquiry.line").replacingOccurrences(of: "{line}", with: line)
        if numbers.count > 1 { result += ", " + text("enquiry.column").replacingOccurrences(of: "{column}", with: numbers[1]) }
        return result
    }

    /// An error as a sentence in the page language; a list error names its line and column in it.
    func message(_ error: DomainError) -> String {
        guard let place = field(error.field) else { return request.message(for: error) }
        let sentence = request.bureau.catalog.messages[language]?["error.\(error.code)"] ?? error.message
        return "\(place): \(sentence)"
    }
}
