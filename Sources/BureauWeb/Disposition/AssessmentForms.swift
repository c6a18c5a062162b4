import BureauCore
import BureauStore
import Vapor

/// Forms for the remaining records about one prisoner's future: an Art. 12 assessment of a receiving
/// Power and the Art. 66 exit checklist. Each calls the same `DispositionStore` method as the API; a
/// refused form comes back filled in with the reason in the page language, and nothing is written.
func assessmentFormRoutes(_ app: Application) {
    let article12 = Article12Page()
    let assessors = app.grouped(RoleMiddleware(.assessRisk))
    assessors.get("prisoners", ":id", "article12-assessments", "new", use: article12.form)
    assessors.post("prisoners", ":id", "article12-assessments", use: article12.submit)

    let checklist = ExitChecklistPage()
    let checkers = app.grouped(RoleMiddleware(.recordExitChecklist))
    checkers.get("prisoners", ":id", "exit-checklist", "edit", use: checklist.form)
    checkers.post("prisoners", ":id", "exit-checklist", use: checklist.submit)

    let overrides = OverridePages()
    app.grouped(RoleMiddleware(.requestOverride)).post("cases", ":id", "overrides", use: overrides.request)
    app.grouped(RoleMiddleware(.confirmOverride)).post("cases", ":id", "overrides", "confirm", use: overrides.confirm)
}

/// `/prisoners/{id}/article12-assessments/new`: whether a receiving Power is a party to the Convention,
/// willing and able to apply it (Art. 12(2)), with the basis of that finding.
struct Article12Page {
    struct Form: Content {
        var receivingPower: String?
        var partyToConvention: String?
        var willing: String?
        var able: String?
        var basis: String?
        var assessedAt: String?
    }

    struct Model: Encodable {
        var id: String
        var form: Form
    }

    func form(_ request: Request) async throws -> Response {
        _ = try request.requireUser()
        let reader = FormReader(timeZone: request.bureau.config.timeZone)
        let form = Form(assessedAt: reader.localInput(request.bureau.context.clock.now()))
        return try await request.renderPage("article12-new", titleKey: "article12new.title",
                                            model: Model(id: try request.prisonerID().uuidString, form: form))
    }

    func submit(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let id = try request.prisonerID()
        let form = try request.content.decode(Form.self)
        let reader = FormReader(timeZone: request.bureau.config.timeZone)
        do {
            guard let power = form.receivingPower?.trimmedOrNil else {
                throw DomainError.invalid("receivingPower", "is required", code: "required")
            }
            let assessment = Article12Assessment(
                id: UUID(), prisonerID: id, receivingPower: power.uppercased(),
                partyToConvention: form.partyToConvention != nil, willing: form.willing != nil, able: form.able != nil,
                basis: form.basis?.trimmedOrNil ?? "", assessor: "",
                assessedAt: try reader.dateTime(form.assessedAt, field: "assessedAt")!, supersedes: nil)
            _ = try await request.bureau.disposition.recordArticle12(assessment, for: id, by: user.principal)
            return request.redirect(to: "/prisoners/\(id.uuidString)?saved=1", redirectType: .normal)
        } catch let error as DomainError where ![.forbidden, .notFound].contains(error.kind) {
            return try await request.renderPage("article12-new", titleKey: "article12new.title",
                                                model: Model(id: id.uuidString, form: form),
                                                error: request.message(for: error.onForm()), status: error.kind.status)
        }
    }
}

/// `/prisoners/{id}/exit-checklist/edit`: the Art. 66 final statement and the valuables, checked at the
/// hand-over (guard 7). Saving replaces the checklist, as the API's PUT does.
struct ExitChecklistPage {
    struct Form: Content {
        var finalStatementIssued: String?
        var valuablesResolved: String?
    }

    struct Model: Encodable {
        var id: String
        var finalStatementIssued: Bool
        var valuablesResolved: Bool
    }

    func form(_ request: Request) async throws -> Response {
        _ = try request.requireUser()
        return try await request.renderPage("exit-checklist", titleKey: "exitchecklist.title",
                                            model: Model(id: try request.prisonerID().uuidString,
                                                         finalStatementIssued: false, valuablesResolved: false))
    }

    func submit(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let id = try request.prisonerID()
        let form = try request.content.decode(Form.self)
        let checklist = ExitChecklist(finalStatementIssued: form.finalStatementIssued != nil,
                                      valuablesResolved: form.valuablesResolved != nil)
        do {
            _ = try await request.bureau.disposition.recordExitChecklist(checklist, for: id, by: user.principal)
            return request.redirect(to: "/prisoners/\(id.uuidString)?saved=1", redirectType: .normal)
        } catch let error as DomainError where ![.forbidden, .notFound].contains(error.kind) {
            return try await request.renderPage("exit-checklist", titleKey: "exitchecklist.title",
                                                model: Model(id: id.uuidString, finalStatementIssued: checklist.finalStatementIssued,
                                                             valuablesResolved: checklist.valuablesResolved),
                                                error: request.message(for: error), status: error.kind.status)
        }
    }
}

/// Overrides of a failing warn guard from the case page: a legal officer or approver asks with a
/// reason, a second approver (not the requester, not the author) confirms. A refusal comes back on the
/// case page with the reason, and nothing is written.
struct OverridePages {
    func request(_ request: Request) async throws -> Response {
        try await act(request) { store, id, key, user in
            let reason = (try? request.content.get(String.self, at: "reason")) ?? ""
            _ = try await store.requestOverride(id, key: key, reason: reason, by: user.principal)
        }
    }

    func confirm(_ request: Request) async throws -> Response {
        try await act(request) { store, id, key, user in
            _ = try await store.confirmOverride(id, key: key, by: user.principal)
        }
    }

    private func act(_ request: Request,
                     _ body: (DispositionStore, UUID, String, CurrentUser) async throws -> Void) async throws -> Response {
        let user = try request.requireUser()
        let id = try request.uuidParameter(code: "case_not_found")
        let key = (try? request.content.get(String.self, at: "key"))?.trimmedOrNil ?? ""
        do {
            try await body(request.bureau.disposition, id, key, user)
            return request.redirect(to: "/cases/\(id.uuidString)?saved=1", redirectType: .normal)
        } catch let error as DomainError where ![.forbidden, .notFound].contains(error.kind) {
            let file = try await request.bureau.disposition.caseFile(id, by: user.principal, purpose: "case page")
            return try await CasePages().render(file, request: request, user: user, error: request.message(for: error),
                                                status: error.kind.status)
        }
    }
}
