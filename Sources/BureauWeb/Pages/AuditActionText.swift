import Foundation

/// Audit actions in the page language (issue 8, items 8 and 9): an auditor reads "Prisoner's record opened",
/// not `prisoner.read`; the code stays in a tooltip. Actions are free strings written all over the stores,
/// so a code without a sentence of its own is still named by its record and verb, never shown raw.
enum AuditActionText {
    static let prefix = "auditaction."

    static func label(_ action: String, catalog: Catalog, language: String) -> String {
        let messages = catalog.messages[language] ?? [:]
        func text(_ key: String) -> String { catalog.text(key, language) }
        if let own = messages[prefix + action] { return own }
        if action.hasPrefix("denied.") {
            return text("auditaction.denied") + ": " + label(String(action.dropFirst("denied.".count)), catalog: catalog,
                                                             language: language)
        }
        for family in ["event.create.", "event.correct."] where action.hasPrefix(family) {
            let kind = String(action.dropFirst(family.count))
            let named = messages["event.\(kind)"] ?? text("auditaction.otherKind")
            return text(prefix + family.dropLast()) + ": " + named
        }
        // A refused request names its route: "GET /audit".
        if let space = action.firstIndex(of: " ") {
            let method = String(action[..<space])
            let path = action[action.index(after: space)...]
            return (messages["auditaction.method.\(method)"] ?? text("auditaction.method.other")) + " " + path
        }
        let parts = action.split(separator: ".").map(String.init)
        let noun = parts.first.flatMap { messages["auditentity.\($0)"] } ?? text("auditentity.other")
        let verb = parts.count > 1 ? messages["auditverb.\(parts.last!)"] ?? text("auditverb.other") : text("auditverb.other")
        return noun.prefix(1).uppercased() + noun.dropFirst() + ": " + verb
    }

    /// The record an entry names, as a word ("prisoner", "case").
    static func entity(_ entity: String, catalog: Catalog, language: String) -> String {
        catalog.messages[language]?["auditentity.\(entity)"] ?? catalog.text("auditentity.other", language)
    }

    /// The actions offered in the filter: every code with a sentence of its own, by that sentence (a code
    /// also finds its refinements: "entry recorded" finds every kind of entry, "refused" every refusal).
    static func choices(catalog: Catalog, language: String, selected: String?) -> [AuditPage.Option] {
        let codes = (catalog.messages[language] ?? [:]).keys.filter { $0.hasPrefix(prefix) }
            .map { String($0.dropFirst(prefix.count)) }
            .filter { !$0.hasPrefix("method.") && $0 != "otherKind" }
        return codes.map { AuditPage.Option(value: $0, label: label($0, catalog: catalog, language: language),
                                            selected: $0 == selected) }
            .sorted { $0.label.localizedStandardCompare($1.label) == .orderedAscending }
    }
}
