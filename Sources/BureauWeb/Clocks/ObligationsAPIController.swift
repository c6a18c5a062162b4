import BureauCore
import BureauStore
import Vapor

/// The Convention clocks over the API: derived obligations, the capture card, the outbox.
struct ObligationsAPIController {
    /// `GET /api/v1/obligations?state=overdue|due|open|fulfilled|waived|all&facility=…&rule=…&prisoner=…`.
    func list(_ request: Request) async throws -> ObligationListDTO {
        let user = try request.requireUser()
        let filter = try ObligationQuery.parse(request)
        let result = try await request.obligations.registry(filter, by: user.principal)
        return ObligationListDTO(result.obligations, counts: result.counts, labels: result.prisoners,
                                 derivedAt: result.derivedAt)
    }

    /// `GET /api/v1/prisoners/{id}/obligations?state=…` (default: all, with the history of fulfilled ones).
    func forPrisoner(_ request: Request) async throws -> ObligationListDTO {
        let user = try request.requireUser()
        let state = try? request.query.get(String.self, at: "state")
        var statuses: Set<ObligationStatus>?
        if state?.trimmedOrNil != nil { statuses = try ObligationFilter.statuses(forState: state) }
        let rule = try ObligationFilter.rule(try? request.query.get(String.self, at: "rule"))
        let result = try await request.obligations.forPrisoner(try request.prisonerID(), by: user.principal,
                                                               purpose: request.statedPurpose)
        let kept = Obligations.filter(result.obligations, ObligationFilter(statuses: statuses, rule: rule))
        return ObligationListDTO(kept, counts: Obligations.counts(result.obligations),
                                 labels: [result.prisoner.id: result.prisoner], derivedAt: result.derivedAt)
    }

    /// `GET /api/v1/prisoners/{id}/capture-card`: the Annex IV B card prefilled (audited read).
    func captureCard(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let file = try await request.bureau.registry.file(of: try request.prisonerID(), by: user.principal,
                                                          purpose: request.statedPurpose)
        let card = CaptureCardContent.build(prisoner: file.prisoner, claims: file.claims,
                                            timeline: file.timeline.map(\.event), at: request.bureau.context.clock.now(),
                                            romanize: CardRomanization.romanize)
        let response = Response(status: .ok)
        try response.content.encode(card, using: JSONCoders.encoder)
        return response
    }
}

/// The query of the dashboard and of `GET /api/v1/obligations`.
enum ObligationQuery {
    static let parameters: Set<String> = ["state", "facility", "rule", "prisoner", "purpose"]

    /// `extra` names the page's own parameters (grouping, paging); `late` lets `state=late` through (the
    /// dashboard's "fulfilled late", read as fulfilled here and narrowed by the page).
    static func parse(_ request: Request, extra: Set<String> = [], late: Bool = false) throws -> ObligationFilter {
        func text(_ name: String) -> String? { (try? request.query.get(String.self, at: name))?.trimmedOrNil }
        // A misspelt filter must not silently widen the list.
        if let query = request.url.query {
            for item in query.split(separator: "&") {
                let name = String(item.split(separator: "=", maxSplits: 1).first ?? "")
                if !name.isEmpty, !parameters.contains(name), !extra.contains(name) {
                    throw DomainError.invalid(name, "is not a filter; use state, facility, rule or prisoner",
                                              code: "unknown_field")
                }
            }
        }
        let statuses = late && text("state") == "late"
            ? [.fulfilled] : try ObligationFilter.statuses(forState: text("state"))
        let rule = try ObligationFilter.rule(text("rule"))
        var prisoner: UUID?
        if let raw = text("prisoner") {
            guard let id = UUID(uuidString: raw) else {
                throw DomainError.invalid("prisoner", "is not a prisoner id", code: "invalid_value")
            }
            prisoner = id
        }
        return ObligationFilter(statuses: statuses, rule: rule, facility: text("facility"), prisonerID: prisoner)
    }
}

extension Request {
    var obligations: ObligationStore { ObligationStore(context: bureau.context) }
    var outbox: NoticeOutbox { NoticeOutbox(context: bureau.context) }
}
