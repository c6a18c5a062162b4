import BureauCore
import BureauStore
import Vapor

/// `/prisoners`: the registry list with filters and paging.
struct PrisonerListPage {
    struct Row: Encodable {
        var id: String
        var number: String
        var name: String
        var otherNames: String
        var power: String
        var contested: Bool
        var statusKey: String
        var capturedAt: String
    }

    /// A tracing-search result: the prisoner, the claim that matched, and why.
    struct RankedRow: Encodable {
        var id: String
        var number: String
        var name: String
        var matchedName: String
        var score: String
        var explanation: String
        var power: String
        var statusKey: String
    }

    struct Model: Encodable {
        var q: String
        var isSearch: Bool
        var ranked: [RankedRow]
        var power: String
        var status: String
        var statuses: [FormOption]
        /// Showing the prisoners voided as registered in error (the filter; hidden otherwise).
        var voided: Bool = false
        var rows: [Row]
        var total: Int
        var page: Int
        var pages: Int
        var previousURL: String?
        var nextURL: String?
    }


    func show(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let query = try PrisonerListQuery.parse(request)
        if let text = query.text {
            return try await search(request, text: text, query: query, user: user)
        }
        let result = try await request.bureau.registry.list(query, by: user.principal)
        let zone = request.bureau.config.timeZone
        let language = request.language
        let rows = result.items.map { item in
            Row(id: item.prisoner.id.uuidString, number: item.prisoner.internmentNumber,
                name: item.assessedName ?? "—",
                otherNames: item.names.filter { $0 != item.assessedName }.joined(separator: " · "),
                power: item.prisoner.powerDependedOn.power, contested: item.prisoner.powerDependedOn.contested,
                statusKey: "status.\(item.prisoner.status.rawValue)",
                capturedAt: item.capturedAt.map { DateText.format($0, language: language, timeZone: zone) } ?? "")
        }
        let pages = max(1, (result.total + query.perPage - 1) / query.perPage)
        func link(_ page: Int) -> String {
            var items = ["page=\(page)"]
            if let text = query.text { items.append("q=\(text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")") }
            if let power = query.power { items.append("power=\(power)") }
            if let status = query.status { items.append("status=\(status.rawValue)") }
            if query.voided { items.append("voided=1") }
            return "/prisoners?" + items.joined(separator: "&")
        }
        let model = Model(q: query.text ?? "", isSearch: false, ranked: [], power: query.power ?? "", status: query.status?.rawValue ?? "",
                          statuses: FormOption.choices(ProtectedStatus.self, "status") { $0 == query.status },
                          voided: query.voided, rows: rows, total: result.total, page: query.page, pages: pages,
                          previousURL: query.page > 1 ? link(query.page - 1) : nil,
                          nextURL: query.page < pages ? link(query.page + 1) : nil)
        return try await request.renderPage("prisoners", titleKey: "prisoners.title", model: model)
    }

    /// The search box ranks prisoners by name across scripts (NameMatching), then applies the filters.
    func search(_ request: Request, text: String, query: PrisonerQuery, user: CurrentUser) async throws -> Response {
        let results = try await request.bureau.registry.search(name: text, dateOfBirth: nil, top: 50, by: user.principal,
                                                               purpose: request.statedPurpose)
        let ranked = results.filter { result in
            (query.power.map { result.summary.prisoner.powerDependedOn.power == $0.uppercased() } ?? true)
                && (query.status.map { result.summary.prisoner.status == $0 } ?? true)
        }.map { result in
            RankedRow(id: result.summary.prisoner.id.uuidString, number: result.summary.prisoner.internmentNumber,
                      name: result.summary.assessedName ?? "—", matchedName: result.hit.name,
                      score: String(format: "%.2f", result.hit.score), explanation: result.hit.explanation,
                      power: result.summary.prisoner.powerDependedOn.power,
                      statusKey: "status.\(result.summary.prisoner.status.rawValue)")
        }
        let model = Model(q: text, isSearch: true, ranked: ranked, power: query.power ?? "",
                          status: query.status?.rawValue ?? "",
                          statuses: FormOption.choices(ProtectedStatus.self, "status") { $0 == query.status },
                          rows: [], total: ranked.count, page: 1, pages: 1, previousURL: nil, nextURL: nil)
        return try await request.renderPage("prisoners", titleKey: "prisoners.title", model: model)
    }
}
