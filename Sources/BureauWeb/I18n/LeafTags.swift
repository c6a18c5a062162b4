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

    /// A day without its time, in the same style (headings of the dashboard grouped by due date).
    static func day(_ date: Date, language: String, timeZone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: locale(for: language))
        formatter.timeZone = timeZone
        formatter.dateStyle = .medium
        formatter.timeStyle = .none
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

/// `#country(code)`: a country (ISO 3166-1 alpha-3, as stored) by its name in the page language; in a
/// list or a route ("PRK via RUS") each code is named.
/// `#language(code)`: a language (ISO 639-1) likewise. Several codes separated by commas or spaces are
/// named one by one.
struct PlaceNameTag: LeafTag, Sendable {
    enum Kind: Sendable { case country, language }
    let kind: Kind

    func render(_ ctx: LeafContext) throws -> LeafData {
        guard let value = ctx.parameters.first?.string else { return .string("") }
        let language = ctx.data["lang"]?.string ?? Catalog.fallback
        if kind == .country { return .string(PlaceNames.countries(in: value, language: language)) }
        let codes = value.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
        return .string(codes.map { PlaceNames.language($0, language: language) }.joined(separator: ", "))
    }
}
