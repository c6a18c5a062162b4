import BureauCore
import BureauStore
import Foundation
import Vapor

/// A notice as its recipient will read it: every field the batch carries, labelled in the
/// recipient's language. The Central Tracing Agency reads English (its working language beside
/// French); a Protecting Power gets the language of the Power the prisoner depends on when Bureau
/// has it (Ukrainian, Russian), otherwise English.
struct NoticePreview {
    struct Line: Encodable {
        var label: String
        var value: String
    }

    struct DTO: Content {
        var language: String
        var text: String
        var notice: OutboundNoticeDTO
    }

    let catalog: Catalog
    let timeZone: TimeZone

    static func language(for notice: OutboundNotice) -> String {
        guard notice.recipient == .protectingPower else { return "en" }
        switch notice.content.powerDependedOn.uppercased() {
        case "UKR": return "uk"
        case "RUS", "BLR": return "ru"
        default: return "en"
        }
    }

    func lines(_ notice: OutboundNotice, language: String) -> [Line] {
        let content = notice.content
        func text(_ key: String) -> String { catalog.text(key, language) }
        func date(_ value: Date?) -> String? { value.map { DateText.format($0, language: language, timeZone: timeZone) } }
        let items: [(String, String?)] = [
            ("outbox.subject", text("subject.\(notice.subject.rawValue)")),
            ("outbox.recipient", text("addressee.\(notice.recipient.rawValue)")),
            ("field.internmentNumber", content.internmentNumber),
            ("outbox.powerDependedOn", PlaceNames.country(content.powerDependedOn, language: language)),
            ("field.surname", content.surname),
            ("field.firstNames", content.firstNames),
            ("field.rank", content.rank),
            ("field.dateOfBirth", content.dateOfBirth?.description),
            ("field.serviceNumber", content.serviceNumber),
            ("field.occurredAt", date(content.occurredAt)),
            ("field.place", content.place),
            ("outbox.caseReference", content.caseReference),
            ("outbox.court", content.court),
            ("outbox.trialAt", date(content.trialAt)),
            ("outbox.charges", content.charges?.joined(separator: "; ")),
            ("outbox.healthSummary", content.healthSummary),
            ("obligations.due", date(notice.dueAt)),
        ]
        return items.compactMap { key, value in
            guard let value = value?.trimmedOrNil else { return nil }
            return Line(label: text(key), value: value)
        }
    }

    static func batchJSON(_ notice: OutboundNotice) throws -> String {
        String(decoding: try OutboxBatch.Notice(notice).batchJSON(), as: UTF8.self)
    }
}
