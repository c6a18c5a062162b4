import Foundation

/// The user-interface languages and their message catalogues (one JSON file per language).
public struct Catalog: Sendable {
    public static let languages = ["uk", "en", "ru"]
    public static let fallback = "uk"

    public let messages: [String: [String: String]]

    public init(messages: [String: [String: String]]) {
        self.messages = messages
    }

    public static func loadBundled() throws -> Catalog {
        try load(from: Resources.locales)
    }

    public static func load(from folder: URL) throws -> Catalog {
        var messages: [String: [String: String]] = [:]
        for language in languages {
            let data = try Data(contentsOf: folder.appendingPathComponent("\(language).json"))
            messages[language] = try JSONDecoder().decode([String: String].self, from: data)
        }
        return Catalog(messages: messages)
    }

    /// The message for `key`; the raw key when missing, so a gap is visible (and caught by tests).
    public func text(_ key: String, _ language: String) -> String {
        messages[language]?[key] ?? messages[Catalog.fallback]?[key] ?? key
    }

    /// Picks the best supported language from an Accept-Language header.
    public static func negotiate(_ header: String?) -> String {
        guard let header else { return fallback }
        let ranked = header.split(separator: ",").compactMap { part -> (String, Double)? in
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first?.lowercased(), !tag.isEmpty else { return nil }
            var quality = 1.0
            for piece in pieces.dropFirst() where piece.hasPrefix("q=") {
                quality = Double(piece.dropFirst(2)) ?? 0
            }
            return (String(tag.prefix(2)), quality)
        }
        for (tag, _) in ranked.sorted(by: { $0.1 > $1.1 }) where languages.contains(tag) {
            return tag
        }
        return fallback
    }
}
