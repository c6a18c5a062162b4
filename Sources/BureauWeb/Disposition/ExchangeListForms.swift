import BureauCore
import BureauStore
import Vapor

/// The exchange page's remaining writes: putting a proposed prisoner on our list (every guard that
/// excludes him comes back on the page) and, after the crossing, who crossed and who did not and why.
func exchangeFormRoutes(_ app: Application) {
    let forms = ExchangeListForms()
    app.grouped(RoleMiddleware(.liaise)).post("exchanges", ":id", "our-list", use: forms.addToList)
    app.grouped(RoleMiddleware(.recordHandover)).post("exchanges", ":id", "reconciliation", use: forms.reconcile)
}

struct ExchangeListForms {
    func addToList(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let id = try request.uuidParameter(code: "exchange_not_found")
        let reader = FormReader(timeZone: request.bureau.config.timeZone)
        do {
            guard let prisoner = (try? request.content.get(String.self, at: "prisonerID")).flatMap(UUID.init(uuidString:)) else {
                throw DomainError.invalid("prisonerID", "is required", code: "required")
            }
            let category = try reader.choice(try? request.content.get(String.self, at: "category"), ExchangeCategory.self,
                                             field: "category") ?? .otherRank
            _ = try await request.bureau.disposition.addToList(id, prisonerID: prisoner, category: category, by: user.principal)
            return request.redirect(to: "/exchanges/\(id.uuidString)?saved=1#our-list", redirectType: .normal)
        } catch let refusal as TransitionRefusal {
            let text = DispositionText(request: request)
            let reasons = refusal.errors.map { request.message(for: $0) } + refusal.blockingGuards.map(text.guardMessage)
            return try await ExchangePages().render(request, error: reasons.joined(separator: " · "), status: refusal.kind.status)
        } catch let error as DomainError where ![.forbidden, .notFound].contains(error.kind) {
            return try await ExchangePages().render(request, error: request.message(for: error), status: error.kind.status)
        }
    }

    /// One row per prisoner on our list: `outcome[]` is "crossed" or a reason he did not cross; rows left
    /// blank are not recorded. Nothing is written unless every chosen row is complete.
    struct Form: Content {
        var prisonerID: [String]?
        var outcome: [String]?
        var crossedAt: [String]?
        var note: [String]?
    }

    func reconcile(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let id = try request.uuidParameter(code: "exchange_not_found")
        let reader = FormReader(timeZone: request.bureau.config.timeZone)
        let form = try request.content.decode(Form.self)
        do {
            var outcomes: [UUID: ReconciliationEntry.Outcome] = [:]
            let ids = form.prisonerID ?? []
            for (index, raw) in ids.enumerated() {
                guard let prisoner = UUID(uuidString: raw) else {
                    throw DomainError.invalid("prisonerID", "is not one of the offered choices", code: "invalid_choice")
                }
                let outcome = (form.outcome ?? [])[safe: index]?.trimmedOrNil
                switch outcome {
                case nil: continue
                case "crossed":
                    outcomes[prisoner] = .crossed(at: try reader.dateTime((form.crossedAt ?? [])[safe: index], field: "crossedAt")!)
                default:
                    guard let reason = try reader.choice(outcome, NonCrossingReason.self, field: "outcome") else { continue }
                    outcomes[prisoner] = .didNotCross(reason, note: (form.note ?? [])[safe: index]?.trimmedOrNil)
                }
            }
            guard !outcomes.isEmpty else { throw DomainError.invalid("outcome", "is required", code: "required") }
            _ = try await request.bureau.disposition.reconcile(id, outcomes: outcomes, by: user.principal)
            return request.redirect(to: "/exchanges/\(id.uuidString)?saved=1#reconciliation", redirectType: .normal)
        } catch let refusal as TransitionRefusal {
            let text = DispositionText(request: request)
            let reasons = refusal.errors.map { request.message(for: $0) } + refusal.blockingGuards.map(text.guardMessage)
            return try await ExchangePages().render(request, error: reasons.joined(separator: " · "), status: refusal.kind.status)
        } catch let error as DomainError where ![.forbidden, .notFound].contains(error.kind) {
            return try await ExchangePages().render(request, error: request.message(for: error), status: error.kind.status)
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
