/// Writes CSV that a spreadsheet opens as text, never as formulae: a cell starting with `=`, `+`,
/// `-`, `@`, a tab or a carriage return gets a leading apostrophe (OWASP "CSV injection"), so a
/// name typed as `=HYPERLINK(…)` is shown, not run, on the reader's machine.
public enum CSVText {
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    public static func field(_ value: String) -> String {
        var text = value
        if let first = text.first, formulaStarts.contains(first) { text = "'" + text }
        if text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" }) {
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return text
    }

    /// One line, comma-separated, CRLF-terminated (RFC 4180).
    public static func row(_ values: [String]) -> String {
        values.map(field).joined(separator: ",") + "\r\n"
    }
}
