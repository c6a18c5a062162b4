import Foundation
import Leaf
import Vapor

/// `#t("key")`: the message in the page's language (`lang` in the view context).
struct TranslateTag: LeafTag, Sendable {
    let catalog: Catalog

    func render(_ ctx: LeafContext) throws -> LeafData {
        guard let key = ctx.parameters.first?.string else {
            throw Abort(.internalServerError, reason: "#t() needs a message key")
        }
        let language = ctx.data["lang"]?.string ?? Catalog.fallback
        return .string(catalog.text(key, language))
    }
}

enum DateText {
    static func format(_ date: Date, language: String, timeZone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: locale(for: language))
        formatter.timeZone = timeZone
        formatter.dateStyle = .medium
        formatter.timeStyle = .short
        return formatter.string(from: date)
    }

    static func locale(for language: String) -> String {
        switch language {
        case "uk": return "uk_UA"
        case "ru": return "ru_RU"
        default: return "en_GB"
        }
    }
}
