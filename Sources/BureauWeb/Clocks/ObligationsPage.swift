import BureauCore
import BureauStore
import Vapor

/// `/obligations` (the dashboard) and `/prisoners/{id}/obligations` (one prisoner's tab).
struct ObligationsPage {
    /// Rows per page of the dashboard; the counts and the group sizes cover everything that matches.
    static let pageSize = 100
    /// The page's own parameters besides the API's filters.
    static let pageParameters: Set<String> = ["group", "page", "who"]

    struct Option: Encodable {
        var value: String
        var label: String
        var selected: Bool
    }

    /// How the list is cut into groups (issue 8, item 9): by due date (the default), by rule, by prisoner.
    enum Grouping: String, CaseIterable {
        case due, rule, prisoner
    }

    /// Rows under one heading; `count` is the group's size in the whole list, not only on this page.
    struct Group: Encodable {
        var title: String
        var count: Int
        var rows: [ObligationRow]
    }

    struct DashboardModel: Encodable {
        var groups: [Group]
        var total: Int
        var hasRows: Bool
        var counts: [RuleCount]
        var states: [Option]
        var facilities: [Option]
        var rules: [Option]
        var groupings: [Option]
        var prisoner: String
        var prisonerLabel: String
        var who: String
        var pageNumber: Int
        var pageCount: Int
        var first: Int
        var last: Int
        var previousURL: String?
        var nextURL: String?
        /// GC3-122-enquiry: enquiries are clocked per enquiry, shown beside the prisoners' obligations.
        var enquiries: EnquiryPanel?
        var hasEnquiries: Bool
        /// Guard 8: material published without an approved release request, for those who read releases.
        var breaches: [BreachRow]
        var hasBreaches: Bool
    }

    struct BreachRow: Encodable {
        var prisonerID: String
        var mediumKey: String
        var description: String
        var publishedIn: String
        var publishedOn: String
    }

    func dashboard(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let filter = try ObligationQuery.parse(request, extra: Self.pageParameters, late: true)
        func text(_ name: String) -> String? { (try? request.query.get(String.self, at: name))?.trimmedOrNil }
        guard let grouping = Grouping(rawValue: text("group") ?? "due") else {
            throw DomainError.invalid("group", "group by due, rule or prisoner", code: "invalid_value")
        }
        let pageNumber = try PrisonerListQuery.number(request, "page", default: 1, range: 1...1_000_000)
        let state = text("state") ?? ""
        let who = text("who") ?? ""
        let result = try await request.obligations.registry(filter, by: user.principal)
        let language = request.language
        let zone = request.bureau.config.timeZone
        let catalog = request.bureau.catalog
        let outbox = AccessPolicy.allows(user.account.role, .operateOutbox)
        let panel = try await EnquiryPanel.load(request, user: user)
        var breaches: [BreachRow] = []
        if AccessPolicy.allows(user.account.role, .readReleases) {
            breaches = try await request.bureau.mediaReleases.breaches(of: nil, by: user.principal).map {
                BreachRow(prisonerID: $0.prisonerID.uuidString, mediumKey: "mediamedium.\($0.medium.rawValue)",
                          description: $0.description, publishedIn: $0.publishedIn,
                          publishedOn: DateText.format($0.publishedAt, language: language, timeZone: zone))
            }
        }
        let kept = Self.narrow(result.obligations, late: state == "late", who: who, labels: result.prisoners)
        let ordered = Self.order(kept, by: grouping, labels: result.prisoners)
        let pageCount = max(1, (ordered.count + Self.pageSize - 1) / Self.pageSize)
        let current = min(pageNumber, pageCount)
        let slice = Array(ordered.dropFirst((current - 1) * Self.pageSize).prefix(Self.pageSize))
        func key(_ obligation: Obligation) -> String {
            Self.groupKey(obligation, by: grouping, zone: zone)
        }
        var sizes: [String: Int] = [:]
        for obligation in ordered { sizes[key(obligation), default: 0] += 1 }
        var groups: [Group] = []
        var lastKey: String?
        for obligation in slice {
            let row = ObligationRow(obligation, label: result.prisoners[obligation.prisonerID], language: language, zone: zone,
                                    outbox: outbox, catalog: catalog)
            let groupKey = key(obligation)
            if groupKey != lastKey {
                groups.append(Group(title: Self.groupTitle(obligation, by: grouping, row: row, language: language,
                                                           zone: zone, catalog: catalog),
                                    count: sizes[groupKey] ?? 0, rows: []))
                lastKey = groupKey
            }
            groups[groups.count - 1].rows.append(row)
        }
        let prisonerLabel = filter.prisonerID.flatMap { result.prisoners[$0] }
            .map { "\($0.internmentNumber) · \($0.name)" } ?? ""
        let link = Self.link(request)
        let model = DashboardModel(
            groups: groups, total: ordered.count, hasRows: !slice.isEmpty, counts: RuleCount.table(result.counts, catalog: catalog, language: language),
            states: ["", "overdue", "due", "late", "open", "fulfilled", "waived", "all"].map {
                Option(value: $0, label: catalog.text("obligations.state.\($0.isEmpty ? "attention" : $0)", language),
                       selected: $0 == state)
            },
            facilities: result.facilities.map { Option(value: $0, label: $0, selected: $0 == filter.facility) },
            rules: RuleID.allCases.map {
                Option(value: $0.rawValue, label: RuleCount.label($0, catalog: catalog, language: language),
                       selected: $0 == filter.rule)
            },
            groupings: Grouping.allCases.map {
                Option(value: $0.rawValue, label: catalog.text("obligations.group.\($0.rawValue)", language),
                       selected: $0 == grouping)
            },
            prisoner: filter.prisonerID?.uuidString ?? "", prisonerLabel: prisonerLabel, who: who,
            pageNumber: current, pageCount: pageCount,
            first: slice.isEmpty ? 0 : (current - 1) * Self.pageSize + 1, last: (current - 1) * Self.pageSize + slice.count,
            previousURL: current > 1 ? link(current - 1) : nil, nextURL: current < pageCount ? link(current + 1) : nil,
            enquiries: panel, hasEnquiries: panel != nil,
            breaches: breaches, hasBreaches: !breaches.isEmpty)
        return try await request.renderPage("obligations", titleKey: "obligations.title", model: model)
    }

    /// The page's own filters: "fulfilled late", and a prisoner by his internment number or a part of his name.
    static func narrow(_ obligations: [Obligation], late: Bool, who: String,
                       labels: [UUID: ObligationStore.PrisonerLabel]) -> [Obligation] {
        let wanted = who.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        return obligations.filter { obligation in
            if late, case .fulfilled(_, _, let wasLate) = obligation.state, !wasLate { return false }
            guard !wanted.isEmpty else { return true }
            guard let label = labels[obligation.prisonerID] else { return false }
            // The number whole (UA-12 is not UA-120), the name by any part of it.
            return label.internmentNumber.caseInsensitiveCompare(who) == .orderedSame
                || label.name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).contains(wanted)
        }
    }

    /// The list in the order of its groups, the earliest deadline first within each.
    static func order(_ obligations: [Obligation], by grouping: Grouping,
                      labels: [UUID: ObligationStore.PrisonerLabel]) -> [Obligation] {
        obligations.sorted { lhs, rhs in
            switch grouping {
            case .due: break
            case .rule where lhs.rule != rhs.rule: return lhs.rule < rhs.rule
            case .prisoner where lhs.prisonerID != rhs.prisonerID:
                let left = labels[lhs.prisonerID]?.internmentNumber ?? lhs.prisonerID.uuidString
                let right = labels[rhs.prisonerID]?.internmentNumber ?? rhs.prisonerID.uuidString
                return left == right ? lhs.prisonerID.uuidString < rhs.prisonerID.uuidString
                    : left.localizedStandardCompare(right) == .orderedAscending
            default: break
            }
            return lhs.dueAt == rhs.dueAt ? lhs.id < rhs.id : lhs.dueAt < rhs.dueAt
        }
    }

    static func groupKey(_ obligation: Obligation, by grouping: Grouping, zone: TimeZone) -> String {
        switch grouping {
        case .due:
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            let day = calendar.dateComponents([.year, .month, .day], from: obligation.dueAt)
            return "\(day.year ?? 0)-\(day.month ?? 0)-\(day.day ?? 0)"
        case .rule: return obligation.rule.rawValue
        case .prisoner: return obligation.prisonerID.uuidString
        }
    }

    static func groupTitle(_ obligation: Obligation, by grouping: Grouping, row: ObligationRow, language: String,
                           zone: TimeZone, catalog: Catalog) -> String {
        switch grouping {
        case .due: return DateText.day(obligation.dueAt, language: language, timeZone: zone)
        case .rule: return RuleCount.label(obligation.rule, catalog: catalog, language: language)
        case .prisoner: return row.name.isEmpty ? row.number : "\(row.number) · \(row.name)"
        }
    }

    /// The dashboard's address with the same filters on another page.
    static func link(_ request: Request) -> (Int) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let names = ["state", "facility", "rule", "prisoner", "who", "group"]
        let pairs = names.compactMap { name in
            (try? request.query.get(String.self, at: name))?.trimmedOrNil.map { (name, $0) }
        }
        return { page in
            let query = (pairs + [("page", String(page))])
                .map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }
            return "/obligations?" + query.joined(separator: "&")
        }
    }

    struct PrisonerModel: Encodable {
        var id: String
        var number: String
        var name: String
        var open: [ObligationRow]
        var closed: [ObligationRow]
        var hasOpen: Bool
        var hasClosed: Bool
        var counts: [RuleCount]
    }

    func prisoner(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let result = try await request.obligations.forPrisoner(try request.prisonerID(), by: user.principal,
                                                               purpose: request.statedPurpose)
        let language = request.language
        let zone = request.bureau.config.timeZone
        let outbox = AccessPolicy.allows(user.account.role, .operateOutbox)
        let rows = result.obligations.map {
            ObligationRow($0, label: result.prisoner, language: language, zone: zone, outbox: outbox,
                          catalog: request.bureau.catalog)
        }
        let open = zip(result.obligations, rows).filter { $0.0.status.isOpen }.map(\.1)
        // History: newest first.
        let closed = zip(result.obligations, rows).filter { !$0.0.status.isOpen }.map(\.1).reversed()
        let model = PrisonerModel(id: result.prisoner.id.uuidString, number: result.prisoner.internmentNumber,
                                  name: result.prisoner.name, open: open, closed: Array(closed), hasOpen: !open.isEmpty,
                                  hasClosed: !closed.isEmpty, counts: RuleCount.table(Obligations.counts(result.obligations),
                                                                          catalog: request.bureau.catalog, language: language))
        return try await request.renderPage("prisoner-obligations", titleKey: "obligations.prisonerTitle", model: model)
    }
}
