import BureauCore
import BureauStore
import Vapor

/// `/obligations` (the dashboard) and `/prisoners/{id}/obligations` (one prisoner's tab).
struct ObligationsPage {
    /// The dashboard shows at most this many rows; the counts cover everything.
    static let rowLimit = 300

    struct Option: Encodable {
        var value: String
        var label: String
        var selected: Bool
    }

    struct DashboardModel: Encodable {
        var rows: [ObligationRow]
        var total: Int
        var shown: Int
        var truncated: Bool
        var hasRows: Bool
        var counts: [RuleCount]
        var states: [Option]
        var facilities: [Option]
        var rules: [Option]
        var prisoner: String
        var prisonerLabel: String
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
        let filter = try ObligationQuery.parse(request)
        let result = try await request.obligations.registry(filter, by: user.principal)
        let language = request.language
        let zone = request.bureau.config.timeZone
        let state = (try? request.query.get(String.self, at: "state"))?.trimmedOrNil ?? ""
        let outbox = AccessPolicy.allows(user.account.role, .operateOutbox)
        let shown = result.obligations.prefix(Self.rowLimit)
        let panel = try await EnquiryPanel.load(request, user: user)
        var breaches: [BreachRow] = []
        if AccessPolicy.allows(user.account.role, .readReleases) {
            breaches = try await request.bureau.mediaReleases.breaches(of: nil, by: user.principal).map {
                BreachRow(prisonerID: $0.prisonerID.uuidString, mediumKey: "mediamedium.\($0.medium.rawValue)",
                          description: $0.description, publishedIn: $0.publishedIn,
                          publishedOn: DateText.format($0.publishedAt, language: language, timeZone: zone))
            }
        }
        let prisonerLabel = filter.prisonerID.flatMap { result.prisoners[$0] }
            .map { "\($0.internmentNumber) · \($0.name)" } ?? ""
        let model = DashboardModel(
            rows: shown.map {
                ObligationRow($0, label: result.prisoners[$0.prisonerID], language: language, zone: zone, outbox: outbox)
            },
            total: result.obligations.count, shown: shown.count, truncated: result.obligations.count > shown.count,
            hasRows: !shown.isEmpty, counts: RuleCount.table(result.counts),
            states: ["", "overdue", "due", "open", "fulfilled", "waived", "all"].map {
                Option(value: $0, label: "obligations.state.\($0.isEmpty ? "attention" : $0)", selected: $0 == state)
            },
            facilities: result.facilities.map { Option(value: $0, label: $0, selected: $0 == filter.facility) },
            rules: RuleID.allCases.map {
                Option(value: $0.rawValue, label: "\($0.rawValue) (\(RuleCatalogue.rule($0).article))", selected: $0 == filter.rule)
            },
            prisoner: filter.prisonerID?.uuidString ?? "", prisonerLabel: prisonerLabel,
            enquiries: panel, hasEnquiries: panel != nil,
            breaches: breaches, hasBreaches: !breaches.isEmpty)
        return try await request.renderPage("obligations", titleKey: "obligations.title", model: model)
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
            ObligationRow($0, label: result.prisoner, language: language, zone: zone, outbox: outbox)
        }
        let open = zip(result.obligations, rows).filter { $0.0.status.isOpen }.map(\.1)
        // History: newest first.
        let closed = zip(result.obligations, rows).filter { !$0.0.status.isOpen }.map(\.1).reversed()
        let model = PrisonerModel(id: result.prisoner.id.uuidString, number: result.prisoner.internmentNumber,
                                  name: result.prisoner.name, open: open, closed: Array(closed), hasOpen: !open.isEmpty,
                                  hasClosed: !closed.isEmpty, counts: RuleCount.table(Obligations.counts(result.obligations)))
        return try await request.renderPage("prisoner-obligations", titleKey: "obligations.prisonerTitle", model: model)
    }
}
