import BureauCore
import BureauStore
import Vapor

/// `/exchanges` and `/exchanges/{id}`: our list, the counterpart's list with ranked candidates to confirm,
/// who the guards exclude and why, and the totals per category.
struct ExchangePages {
    struct Candidate: Encodable {
        var prisonerID: String
        var name: String
        var score: String
        var explanation: String
        var confirmed: Bool
    }

    struct Entry: Encodable {
        var id: String
        var line: Int
        var name: String
        var born: String
        var directionKey: String
        var categoryKey: String
        var candidates: [Candidate]
        var hasCandidates: Bool
        var reviewed: Bool
        var reviewedBy: String
        var notInRegistry: Bool
    }

    struct Person: Encodable {
        var prisonerID: String
        var name: String
        var categoryKey: String
        var category: String = ""
        var requested: Bool
        var barred: Bool
        var reasons: [GuardRow]
    }

    struct Total: Encodable {
        var categoryKey: String
        var ours: Int
        var theirs: Int
    }

    struct Crossing: Encodable {
        var name: String
        var crossed: Bool
        var date: String
        var reasonKey: String
        var note: String
    }

    struct Model: Encodable {
        var reconciliation: [Crossing]
        var hasReconciliation: Bool
        var id: String
        var counterpart: String
        var agreement: String
        var ourList: [Person]
        var counterpartList: [Entry]
        var proposed: [Person]
        var excluded: [Person]
        var listReview: [Person]
        var totals: [Total]
        var ratio: String
        var canReview: Bool
        var hasOurList: Bool
        var hasCounterpartList: Bool
        var hasProposed: Bool
        var hasExcluded: Bool
        var hasListReview: Bool
        /// Choices of the list and reconciliation forms, and who may use them.
        var categories: [FormOption]
        var outcomes: [FormOption]
        var now: String
        var canReconcile: Bool
    }

    struct ListModel: Encodable {
        struct Row: Encodable {
            var id: String
            var counterpart: String
            var created: String
            var ours: Int
        }
        var rows: [Row]
        var empty: Bool
        var canCreate: Bool = false
    }

    func list(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let text = DispositionText(request: request)
        let rows = try await request.bureau.disposition.exchanges(by: user.principal).map {
            ListModel.Row(id: $0.id.uuidString, counterpart: $0.counterpart, created: text.date($0.createdAt), ours: $0.ourList.count)
        }
        return try await request.renderPage("exchanges", titleKey: "exchange.list", model: ListModel(rows: rows, empty: rows.isEmpty,
                                                                                             canCreate: AccessPolicy.allows(user.account.role, .liaise)))
    }

    /// The matcher's explanation in the page language, said as the enquiry pages say it; candidates
    /// stored before the reasons were kept show the English they were stored with.
    static func explanation(_ candidate: MatchCandidate, request: Request) -> String {
        guard let reasons = candidate.reasons, !reasons.isEmpty else { return candidate.explanation }
        let said = EnquiryText(request: request).explanation(reasons).joined(separator: "; ")
        return candidate.matchedName.map { "\($0) — \(said)" } ?? said
    }

    func show(_ request: Request) async throws -> Response {
        try await render(request, error: nil)
    }

    func render(_ request: Request, error: String?, status: HTTPResponseStatus = .ok) async throws -> Response {
        let user = try request.requireUser()
        let file = try await request.bureau.disposition.exchangeFile(try request.uuidParameter(code: "exchange_not_found"),
                                                                     by: user.principal)
        let text = DispositionText(request: request)
        let n = file.negotiation
        let names = file.names
        func name(_ id: UUID) -> String { names[id] ?? id.uuidString }
        let reviews = Dictionary(n.matchReviews.map { ($0.entryID, $0) }, uniquingKeysWith: { a, _ in a })
        let entries = n.counterpartList.map { entry -> Entry in
            let review = reviews[entry.id]
            let candidates = (review?.candidates ?? []).map {
                Candidate(prisonerID: $0.prisonerID.uuidString, name: name($0.prisonerID), score: String(format: "%.2f", $0.score),
                          explanation: Self.explanation($0, request: request), confirmed: review?.confirmedPrisonerID == $0.prisonerID)
            }
            return Entry(id: entry.id.uuidString, line: entry.line, name: entry.name, born: entry.dateOfBirth ?? "",
                         directionKey: "direction.\(entry.direction.rawValue)", categoryKey: "category.\(entry.category.rawValue)",
                         candidates: candidates, hasCandidates: !candidates.isEmpty, reviewed: review?.isReviewed ?? false,
                         reviewedBy: review?.confirmedBy ?? "",
                         notInRegistry: review?.isReviewed == true && review?.confirmedPrisonerID == nil)
        }
        func person(_ exclusion: ExchangeProposal.Exclusion) -> Person {
            Person(prisonerID: exclusion.prisonerID.uuidString, name: name(exclusion.prisonerID), categoryKey: "",
                   requested: exclusion.requestedByCounterpart, barred: exclusion.barred,
                   reasons: exclusion.reasons.map { GuardRow($0, text: text) })
        }
        let totals = ExchangeCategory.allCases.map {
            Total(categoryKey: "category.\($0.rawValue)", ours: file.totals.ours[$0] ?? 0, theirs: file.totals.theirs[$0] ?? 0)
        }
        let ourList = n.ourList.map {
            Person(prisonerID: $0.prisonerID.uuidString, name: name($0.prisonerID), categoryKey: "category.\($0.category.rawValue)",
                   requested: false, barred: false, reasons: [])
        }
        let proposed = file.proposal.proposed.map {
            Person(prisonerID: $0.prisonerID.uuidString, name: name($0.prisonerID), categoryKey: "category.\($0.category.rawValue)",
                   category: $0.category.rawValue, requested: $0.requestedByCounterpart, barred: false, reasons: $0.warnings.map { GuardRow($0, text: text) })
        }
        let crossings = n.reconciliation.map { entry -> Crossing in
            switch entry.outcome {
            case .crossed(let at):
                return Crossing(name: name(entry.prisonerID), crossed: true, date: text.date(at), reasonKey: "", note: "")
            case .didNotCross(let reason, let note):
                return Crossing(name: name(entry.prisonerID), crossed: false, date: text.date(entry.recordedAt),
                                reasonKey: "noncrossing.\(reason.rawValue)", note: note ?? "")
            }
        }
        let model = Model(
            reconciliation: crossings, hasReconciliation: !crossings.isEmpty,
            id: n.id.uuidString, counterpart: n.counterpart, agreement: n.agreement?.reference ?? "—", ourList: ourList,
            counterpartList: entries, proposed: proposed, excluded: file.proposal.excluded.map(person),
            listReview: file.listReview.map(person), totals: totals,
            ratio: file.totals.ratio.map { String(format: "%.2f", $0) } ?? "—",
            canReview: AccessPolicy.allows(user.account.role, .liaise), hasOurList: !ourList.isEmpty,
            hasCounterpartList: !entries.isEmpty, hasProposed: !proposed.isEmpty, hasExcluded: !file.proposal.excluded.isEmpty,
            hasListReview: !file.listReview.isEmpty,
            categories: FormOption.choices(ExchangeCategory.self, "category"),
            outcomes: [FormOption(value: "crossed", key: "exchange.crossed")]
                + FormOption.choices(NonCrossingReason.self, "noncrossing"),
            now: FormReader(timeZone: request.bureau.config.timeZone).localInput(request.bureau.context.clock.now()),
            canReconcile: AccessPolicy.allows(user.account.role, .recordHandover) && !ourList.isEmpty && crossings.isEmpty)
        return try await request.renderPage("exchange", titleKey: "exchange.title", model: model, error: error, status: status)
    }

    func create(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let counterpart = ((try? request.content.get(String.self, at: "counterpart")) ?? "").trimmingCharacters(in: .whitespaces)
        do {
            let negotiation = try await request.bureau.disposition.createExchange(counterpart: counterpart.uppercased(),
                                                                                  agreement: nil, by: user.principal)
            return request.redirect(to: "/exchanges/\(negotiation.id.uuidString)?saved=1", redirectType: .normal)
        } catch let error as DomainError {
            let text = DispositionText(request: request)
            let rows = try await request.bureau.disposition.exchanges(by: user.principal).map {
                ListModel.Row(id: $0.id.uuidString, counterpart: $0.counterpart, created: text.date($0.createdAt), ours: $0.ourList.count)
            }
            return try await request.renderPage("exchanges", titleKey: "exchange.list", model: ListModel(rows: rows, empty: rows.isEmpty, canCreate: true),
                                                error: request.message(for: error), status: error.kind.status)
        }
    }

    /// The counterpart's list pasted as CSV text (a spreadsheet exported as CSV); the API takes the file itself.
    func importList(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let id = try request.uuidParameter(code: "exchange_not_found")
        let csv = (try? request.content.get(String.self, at: "csv")) ?? ""
        let direction = (try? request.content.get(String.self, at: "direction")).flatMap(CounterpartEntry.Direction.init(rawValue:))
            ?? .requested
        do {
            _ = try await request.bureau.disposition.importCounterpartList(id, data: Data(csv.utf8), direction: direction,
                                                                           encoding: .utf8, by: user.principal)
        } catch let error as DomainError {
            return try await render(request, error: request.message(for: error), status: error.kind.status)
        }
        return request.redirect(to: "/exchanges/\(id.uuidString)?saved=1", redirectType: .normal)
    }

    /// A reviewer confirms a candidate (or "not in our registry") from the page.
    func confirm(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let id = try request.uuidParameter(code: "exchange_not_found")
        guard let entry = (try? request.content.get(String.self, at: "entryID")).flatMap(UUID.init(uuidString:)) else {
            throw DomainError.invalid("entryID", "is required", code: "required")
        }
        let prisoner = (try? request.content.get(String.self, at: "prisonerID")).flatMap(UUID.init(uuidString:))
        do {
            _ = try await request.bureau.disposition.confirmMatch(id, entryID: entry, prisonerID: prisoner, by: user.principal)
        } catch let error as DomainError {
            return try await render(request, error: request.message(for: error), status: error.kind.status)
        }
        return request.redirect(to: "/exchanges/\(id.uuidString)?saved=1#line-\(entry.uuidString)", redirectType: .normal)
    }
}
