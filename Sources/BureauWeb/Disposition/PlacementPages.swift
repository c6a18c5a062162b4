import BureauCore
import BureauStore
import Vapor

/// The Art. 22(3) warning on a page: the lines that stopped the move, in the page language, and the
/// ways forward the reader's role allows (record his consent; request an override a second approver confirms).
struct PlacementWarning: Encodable {
    var article: String
    var lines: [String]
    var canConsent: Bool
    var canOverride: Bool
    /// Where a legal officer requests the override when the reader may not: the groups page's check, filled in.
    var checkLink: String

    init(_ refusal: PlacementRefusal, prisonerID: UUID, form: EventPage.Form, request: Request) {
        let text = DispositionText(request: request)
        let role = request.currentUser?.account.role
        article = text.text("placement.article")
        lines = refusal.blocking.map(text.guardMessage)
        canConsent = role.map { AccessPolicy.allows($0, .recordPlacementConsent) } ?? false
        canOverride = role.map { AccessPolicy.allows($0, .requestOverride) } ?? false
        var components = URLComponents()
        components.path = "/groups"
        components.queryItems = [URLQueryItem(name: "prisonerID", value: prisonerID.uuidString),
                                 URLQueryItem(name: "facility", value: refusal.facility)]
            + (refusal.section.map { [URLQueryItem(name: "section", value: $0)] } ?? [])
        checkLink = components.string ?? "/groups"
    }
}

/// Page forms of guard 10: his consent and an override request, posted from the custody-move form (the
/// filled-in move comes back with them) or from the groups page's placement check; the confirmation
/// from his timeline.
struct PlacementPages {
    func consent(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let id = try request.prisonerID()
        let form = try request.content.decode(EventPage.Form.self)
        return try await respond(request, id, form, notice: "placement.consentRecorded") {
            _ = try await request.bureau.placements.recordConsent(id, facility: form.facility ?? "", section: form.section,
                                                                  statement: form.statement ?? "", by: user.principal)
        }
    }

    func requestOverride(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let id = try request.prisonerID()
        let form = try request.content.decode(EventPage.Form.self)
        return try await respond(request, id, form, notice: "placement.overrideRequested") {
            _ = try await request.bureau.placements.requestOverride(id, facility: form.facility ?? "", section: form.section,
                                                                    reason: form.clearanceReason ?? "", by: user.principal)
        }
    }

    func confirm(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        guard let id = request.parameters.get("id").flatMap(UUID.init(uuidString:)) else {
            throw DomainError(.notFound, code: "override_not_found", "no override with that id")
        }
        let confirmed = try await request.bureau.placements.confirmOverride(id, by: user.principal)
        return request.redirect(to: "/prisoners/\(confirmed.prisonerID.uuidString)?saved=1", redirectType: .normal)
    }

    /// After recording: back to the custody-move form, filled in, to record the move now (or once confirmed);
    /// from the groups page (`kind` empty), back to its check. On an error, the same place with the error.
    func respond(_ request: Request, _ id: UUID, _ form: EventPage.Form, notice: String,
                 _ write: () async throws -> Void) async throws -> Response {
        let fromMoveForm = form.kind == EventKind.custodyMove.rawValue
        do {
            try await write()
        } catch let error as DomainError where ![.forbidden, .notFound].contains(error.kind) {
            guard fromMoveForm else { throw error }
            let user = try request.requireUser()
            let guards = try await request.bureau.groups.placementCheck(id, facility: form.facility ?? "", section: form.section,
                                                                        consentRecorded: false, by: user.principal)
            let refusal = PlacementRefusal(guards: guards, facility: form.facility ?? "", section: form.section?.trimmedOrNil)
            return try await request.renderPage("event-new", titleKey: "event.title",
                                                model: EventPage.model(id, kind: .custodyMove, form: form,
                                                                       placement: refusal.blocking.isEmpty ? nil
                                                                           : PlacementWarning(refusal, prisonerID: id, form: form, request: request)),
                                                error: request.message(for: error), status: error.kind.status)
        }
        guard fromMoveForm else {
            var components = URLComponents()
            components.path = "/groups"
            components.queryItems = [URLQueryItem(name: "prisonerID", value: id.uuidString),
                                     URLQueryItem(name: "facility", value: form.facility ?? ""),
                                     URLQueryItem(name: "section", value: form.section ?? ""), URLQueryItem(name: "saved", value: "1")]
            return request.redirect(to: components.string ?? "/groups", redirectType: .normal)
        }
        var kept = form
        kept.statement = nil
        kept.clearanceReason = nil
        return try await request.renderPage("event-new", titleKey: "event.title",
                                            model: EventPage.model(id, kind: .custodyMove, form: kept),
                                            notice: request.bureau.catalog.text(notice, request.language))
    }
}
