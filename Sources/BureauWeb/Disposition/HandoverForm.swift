import BureauCore
import BureauStore
import Vapor

/// What the hand-over form on the case page carries: when and where he was handed over, to whom, and
/// whether an ICRC delegate was present. Executing the case records it (and queues the Art. 122 notice).
struct HandoverForm: Content {
    var at: String?
    var place: String?
    var receivingParty: String?
    var receivingOfficial: String?
    var icrcPresent: String?
    var icrcDelegate: String?
    var handoverNote: String?
}

extension CasePages {
    /// `action=execute` on `/cases/{id}/transitions`: the hand-over. A refusal shows every reason and the
    /// form as typed; nothing is written.
    func execute(_ request: Request, id: UUID, user: CurrentUser) async throws -> Response {
        let form = try request.content.decode(HandoverForm.self)
        let reader = FormReader(timeZone: request.bureau.config.timeZone)
        let store = request.bureau.disposition
        do {
            let handover = Handover(at: try reader.dateTime(form.at, field: "handover.at")!,
                                    place: form.place?.trimmedOrNil ?? "",
                                    receivingParty: form.receivingParty?.trimmedOrNil?.uppercased() ?? "",
                                    receivingOfficial: form.receivingOfficial?.trimmedOrNil, icrcPresent: form.icrcPresent != nil,
                                    icrcDelegate: form.icrcDelegate?.trimmedOrNil, note: form.handoverNote?.trimmedOrNil)
            _ = try await store.transition(id, to: .executed(handover), by: user.principal)
            return request.redirect(to: "/cases/\(id.uuidString)?saved=1", redirectType: .normal)
        } catch let refusal as TransitionRefusal {
            let text = DispositionText(request: request)
            let reasons = refusal.errors.map { request.message(for: $0.onForm()) } + refusal.blockingGuards.map(text.guardMessage)
            let file = try await store.caseFile(id, by: user.principal, purpose: "case page")
            return try await render(file, request: request, user: user, error: reasons.joined(separator: " · "),
                                    status: refusal.kind.status, handoverForm: form)
        } catch let error as DomainError where ![.forbidden, .notFound].contains(error.kind) {
            let file = try await store.caseFile(id, by: user.principal, purpose: "case page")
            return try await render(file, request: request, user: user, error: request.message(for: error.onForm()),
                                    status: error.kind.status, handoverForm: form)
        }
    }
}
