import BureauCore
import BureauStore
import Vapor

/// `/audit` (auditor): the trail, filtered by account, action, record and dates, a page at a time, with the
/// actions and records in the page language (issue 8, items 8 and 9). Codes and ids sit in tooltips only.
struct AuditPage {
    static let pageSize = 100

    struct Option: Encodable {
        var value: String
        var label: String
        var selected: Bool
    }

    struct Row: Encodable {
        var sequence: Int64
        var at: String
        var actor: String
        var role: String
        var action: String
        var actionCode: String
        var entity: String
        var entityID: String
        var shortID: String
        var recordHref: String
        var purpose: String
        var detail: String
        var fullDetail: String
        var hash: String
    }

    struct Model: Encodable {
        /// The chain is walked only when asked (`?verify=1`): it reads every entry, too much for each page view.
        var checked: Bool
        var intact: Bool
        var count: Int
        var brokenAt: Int64?
        var reason: String
        var rows: [Row]
        var hasRows: Bool
        var actor: String
        var record: String
        var from: String
        var to: String
        var actions: [Option]
        var filtered: Bool
        var olderURL: String?
        var newerURL: String?
        var newestURL: String?
    }

    /// The filters as typed, kept for the form and the paging links.
    struct Filters {
        var actor: String?
        var action: String?
        var record: String?
        var from: String?
        var to: String?

        static let names = ["actor", "action", "record", "from", "to"]

        init(_ request: Request) {
            func text(_ name: String) -> String? { (try? request.query.get(String.self, at: name))?.trimmedOrNil }
            actor = text("actor")
            action = text("action")
            record = text("record")
            from = text("from")
            to = text("to")
        }

        var values: [(String, String?)] { [("actor", actor), ("action", action), ("record", record), ("from", from), ("to", to)] }

        func url(_ extra: [(String, String)]) -> String {
            var allowed = CharacterSet.alphanumerics
            allowed.insert(charactersIn: "-._~")
            let pairs = values.compactMap { name, value in value.map { (name, $0) } } + extra
            let query = pairs.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }
            return "/audit" + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
        }

        /// The search, or a field-named error for a date or record that cannot be read.
        func search(zone: TimeZone, before: Int64?, after: Int64?) throws -> AuditSearch {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            func day(_ text: String?, field: String) throws -> Date? {
                guard let text else { return nil }
                let parts = text.split(separator: "-").compactMap { Int($0) }
                guard parts.count == 3, let date = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])),
                      calendar.component(.day, from: date) == parts[2] else {
                    throw DomainError.invalid(field, "expected a date such as 2026-12-03", code: "invalid_date")
                }
                return date
            }
            if let record, record.count < 4 || !record.allSatisfy({ $0.isHexDigit || $0 == "-" }) {
                throw DomainError.invalid("record", "give the record's id or at least its first four characters",
                                          code: "invalid_record_id")
            }
            let start = try day(from, field: "from")
            let end = try day(to, field: "to").flatMap { calendar.date(byAdding: .day, value: 1, to: $0) }
            if let start, let end, end <= start {
                throw DomainError.invalid("to", "the period ends before it starts", code: "period_reversed")
            }
            return AuditSearch(actor: actor, action: action, record: record, from: start, until: end, before: before,
                               after: after, limit: AuditPage.pageSize)
        }
    }

    func render(_ request: Request) async throws -> Response {
        try await AuditAPIController.auditRead(request)
        let filters = Filters(request)
        let before = try PrisonerListQuery.number(request, "before", default: Int.max, range: 1...Int.max)
        let after = try PrisonerListQuery.number(request, "after", default: 0, range: 0...Int.max)
        let zone = request.bureau.config.timeZone
        let language = request.language
        let catalog = request.bureau.catalog
        var model = Model(checked: false, intact: true, count: 0, brokenAt: nil, reason: "", rows: [], hasRows: false,
                          actor: filters.actor ?? "", record: filters.record ?? "", from: filters.from ?? "",
                          to: filters.to ?? "",
                          actions: AuditActionText.choices(catalog: catalog, language: language, selected: filters.action),
                          filtered: filters.values.contains { $0.1 != nil })
        let search: AuditSearch
        do {
            search = try filters.search(zone: zone, before: before == Int.max ? nil : Int64(before),
                                        after: after == 0 ? nil : Int64(after))
        } catch let error as DomainError {
            return try await request.renderPage("audit", titleKey: "audit.title", model: model,
                                                error: request.message(for: error), status: .badRequest)
        }
        let page = try await AuditLog.search(search, on: request.db)
        model.rows = page.entries.map { entry in
            let id = entry.entityID ?? ""
            return Row(sequence: entry.sequence, at: DateText.format(entry.date, language: language, timeZone: zone),
                       actor: entry.actor,
                       role: catalog.messages[language]?["role.\(entry.role)"] ?? entry.role,
                       action: AuditActionText.label(entry.action, catalog: catalog, language: language),
                       actionCode: entry.action,
                       entity: AuditActionText.entity(entry.entity, catalog: catalog, language: language),
                       entityID: id, shortID: id.count > 8 ? String(id.prefix(8)) + "…" : id,
                       recordHref: id.isEmpty ? "" : filters.url([]).replacingRecord(with: id),
                       purpose: entry.purpose ?? "", detail: Self.shortenIDs(entry.detail ?? ""),
                       fullDetail: entry.detail ?? "", hash: String(entry.hash.prefix(12)))
        }
        model.hasRows = !model.rows.isEmpty
        if page.hasOlder, let last = page.entries.last { model.olderURL = filters.url([("before", String(last.sequence))]) }
        if page.hasNewer, let first = page.entries.first {
            model.newerURL = filters.url([("after", String(first.sequence))])
            model.newestURL = filters.url([])
        }
        if (try? request.query.get(String.self, at: "verify")) == "1" {
            model.checked = true
            switch try await AuditLog.verify(on: request.db) {
            case .intact(let count, _): model.count = count
            case .broken(let sequence, let reason):
                model.intact = false
                model.brokenAt = sequence
                model.reason = reason
            }
        }
        return try await request.renderPage("audit", titleKey: "audit.title", model: model)
    }
}

extension AuditPage {
    /// Ids inside a detail are cut to their first eight characters (the whole detail is in the tooltip).
    static func shortenIDs(_ text: String) -> String {
        text.replacingOccurrences(of: "([0-9A-Fa-f]{8})-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}",
                                  with: "$1…", options: .regularExpression)
    }
}

private extension String {
    /// This filter URL narrowed to one record (a row's record links to every entry about it).
    func replacingRecord(with id: String) -> String {
        var components = URLComponents(string: self) ?? URLComponents()
        var items = (components.queryItems ?? []).filter { $0.name != "record" }
        items.append(URLQueryItem(name: "record", value: id))
        components.queryItems = items
        return components.string ?? self
    }
}
