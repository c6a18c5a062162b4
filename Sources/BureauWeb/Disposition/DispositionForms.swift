import BureauCore
import BureauStore
import Vapor

/// Forms that record disposition records from the pages, for staff without API tools: a will
/// statement, a risk assessment, and opening a case. Each calls the same `DispositionStore` method as
/// the API; a refused form comes back filled in with the reason in the page language, and nothing is written.
func dispositionFormRoutes(_ app: Application) {
    let will = WillStatementPage()
    let willRecorders = app.grouped(RoleMiddleware(.recordWill))
    willRecorders.get("prisoners", ":id", "will-statements", "new", use: will.form)
    willRecorders.post("prisoners", ":id", "will-statements", use: will.submit)

    let risk = RiskAssessmentPage()
    let assessors = app.grouped(RoleMiddleware(.assessRisk))
    assessors.get("prisoners", ":id", "risk-assessments", "new", use: risk.form)
    assessors.post("prisoners", ":id", "risk-assessments", use: risk.submit)

    let cases = CaseOpenPage()
    let liaison = app.grouped(RoleMiddleware(.liaise))
    liaison.get("prisoners", ":id", "cases", "new", use: cases.form)
    liaison.post("prisoners", ":id", "cases", use: cases.submit)
    assessmentFormRoutes(app)
    liaisonFormRoutes(app)
}

extension DomainError {
    /// The error named by the form's field rather than the API's path (`interpreter.name` → `interpreterName`,
    /// `route.transit[1]` → `transit`), so the page names the field the officer sees.
    func onForm(_ names: [String: String] = [:]) -> DomainError {
        guard let field else { return self }
        let renamed = names[field] ?? field.replacingOccurrences(of: #"\[[0-9]+\]"#, with: "", options: .regularExpression)
        return DomainError(kind, code: code, message, field: renamed)
    }
}

/// A choice of a select or checkbox list, with whether the refused form had it chosen.
extension FormReader {
    /// The value of a `datetime-local` input for `date`, in the Bureau's zone.
    func localInput(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm"
        return formatter.string(from: date)
    }

    /// `<input type="date">`: the start of that day in the Bureau's zone.
    func day(_ text: String?, field: String) throws -> Date? {
        guard let text = text?.trimmedOrNil else { return nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "yyyy-MM-dd"
        guard let date = formatter.date(from: text) else {
            throw DomainError.invalid(field, "expected a date such as 2026-12-01", code: "invalid_date")
        }
        return date
    }

    /// States typed as "RUS, CHN": upper-cased codes, blanks dropped.
    static func states(_ text: String?) -> [String] {
        (text ?? "").split(separator: ",").compactMap { String($0).trimmedOrNil?.uppercased() }
    }
}

/// `/prisoners/{id}/will-statements/new`: the will interview as recorded by the investigator or legal officer.
struct WillStatementPage {
    struct Form: Content {
        var statedAt: String?
        var question: String?
        var answer: String?
        var answerState: String?
        var ownWords: String?
        var translation: String?
        var language: String?
        var interpreterName: String?
        var interpreterAffiliation: String?
        var interpreterState: String?
        var interpreterInterested: String?
        var icrcDelegate: String?
        var delegateName: String?
        var privateInterview: String?
        var mode: String?
    }

    struct Model: Encodable {
        var id: String
        var form: Form
        var answers: [FormOption]
        var modes: [FormOption]
    }

    static let answerCodes = ["return_home", "stay", "third_state", "undecided"]
    static let fieldNames = ["interpreter.name": "interpreterName", "answer.state": "answerState",
                             "witnesses[0].name": "delegateName", "mode": "willMode"]

    static func model(_ id: UUID, _ form: Form) -> Model {
        Model(id: id.uuidString, form: form,
              answers: answerCodes.map { FormOption(value: $0, key: "answer.\($0)") },
              modes: FormOption.choices(WillStatement.Mode.self, "willmode"))
    }

    func form(_ request: Request) async throws -> Response {
        _ = try request.requireUser()
        let reader = FormReader(timeZone: request.bureau.config.timeZone)
        let form = Form(statedAt: reader.localInput(request.bureau.context.clock.now()),
                        question: WillStatementForm.text[request.language]?["question"], answer: "undecided",
                        mode: WillStatement.Mode.oral.rawValue)
        return try await request.renderPage("will-new", titleKey: "willnew.title", model: Self.model(try request.prisonerID(), form))
    }

    func submit(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let id = try request.prisonerID()
        let form = try request.content.decode(Form.self)
        do {
            let statement = try Self.statement(from: form, reader: FormReader(timeZone: request.bureau.config.timeZone))
            _ = try await request.bureau.disposition.recordWillStatement(statement, for: id, by: user.principal,
                                                                         purpose: "will statement form")
            return request.redirect(to: "/prisoners/\(id.uuidString)?saved=1", redirectType: .normal)
        } catch let error as DomainError where ![.forbidden, .notFound].contains(error.kind) {
            return try await request.renderPage("will-new", titleKey: "willnew.title", model: Self.model(id, form),
                                                error: request.message(for: error.onForm(Self.fieldNames)), status: error.kind.status)
        }
    }

    static func statement(from form: Form, reader: FormReader) throws -> WillStatement {
        let statedAt = try reader.dateTime(form.statedAt, field: "statedAt")!
        let answer: WillAnswer
        switch form.answer?.trimmedOrNil {
        case "return_home": answer = .returnHome
        case "stay": answer = .stay
        case "third_state":
            guard let state = form.answerState?.trimmedOrNil else {
                throw DomainError.invalid("answerState", "is required", code: "required")
            }
            answer = .thirdState(state.uppercased())
        case "undecided", nil: answer = .undecided
        default: throw DomainError.invalid("answer", "is not one of the offered choices", code: "invalid_choice")
        }
        let mode = try reader.choice(form.mode, WillStatement.Mode.self, field: "mode") ?? .oral
        // Only a named interpreter is an interpreter: blank fields leave him out, and the rule refuses the statement.
        var interpreter: Interview.Interpreter?
        if form.interpreterName?.trimmedOrNil != nil || form.interpreterAffiliation?.trimmedOrNil != nil {
            interpreter = Interview.Interpreter(name: form.interpreterName?.trimmedOrNil ?? "",
                                                affiliation: form.interpreterAffiliation?.trimmedOrNil ?? "",
                                                affiliationState: form.interpreterState?.trimmedOrNil?.uppercased())
        }
        var witnesses: [WillStatement.Witness] = []
        if form.icrcDelegate != nil {
            witnesses.append(.init(name: form.delegateName?.trimmedOrNil ?? "", affiliation: "ICRC", isICRCDelegate: true))
        }
        return WillStatement(id: UUID(), prisonerID: UUID(), statedAt: statedAt, question: form.question ?? "",
                             answer: answer, ownWords: form.ownWords ?? "", translation: form.translation?.trimmedOrNil,
                             language: form.language?.trimmedOrNil?.lowercased() ?? "", interpreter: interpreter,
                             interpreterEmployedByInterestedState: form.interpreterInterested != nil,
                             witnesses: witnesses, privateInterview: form.privateInterview != nil, mode: mode,
                             recordedBy: "", recordedAt: statedAt)
    }
}

/// `/prisoners/{id}/risk-assessments/new`: a non-refoulement assessment of a route, by the signed-in legal officer.
struct RiskAssessmentPage {
    struct Form: Content {
        var destination: String?
        var transit: String?
        var risks: [String]?
        var sources: String?
        var findings: String?
        var outcome: String?
        var reviewer: String?
        var assessedAt: String?
        var reviewDate: String?
    }

    struct Model: Encodable {
        var id: String
        var form: Form
        var risks: [FormOption]
        var outcomes: [FormOption]
    }

    static func model(_ id: UUID, _ form: Form) -> Model {
        let chosen = Set(form.risks ?? [])
        return Model(id: id.uuidString, form: form,
                     risks: FormOption.choices(RiskAssessment.Risk.self, "risk") { chosen.contains($0.rawValue) },
                     outcomes: FormOption.choices(RiskAssessment.Outcome.self, "riskoutcome"))
    }

    func form(_ request: Request) async throws -> Response {
        _ = try request.requireUser()
        let reader = FormReader(timeZone: request.bureau.config.timeZone)
        let form = Form(risks: RiskAssessment.Risk.allCases.map(\.rawValue), outcome: RiskAssessment.Outcome.inconclusive.rawValue,
                        assessedAt: reader.localInput(request.bureau.context.clock.now()))
        return try await request.renderPage("risk-new", titleKey: "risknew.title", model: Self.model(try request.prisonerID(), form))
    }

    func submit(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let id = try request.prisonerID()
        let form = try request.content.decode(Form.self)
        do {
            let assessment = try Self.assessment(from: form, reader: FormReader(timeZone: request.bureau.config.timeZone))
            _ = try await request.bureau.disposition.recordRiskAssessment(assessment, for: id, by: user.principal)
            return request.redirect(to: "/cases?prisoner=\(id.uuidString)&saved=1", redirectType: .normal)
        } catch let error as DomainError where ![.forbidden, .notFound].contains(error.kind) {
            return try await request.renderPage("risk-new", titleKey: "risknew.title", model: Self.model(id, form),
                                                error: request.message(for: error.onForm()), status: error.kind.status)
        }
    }

    static func assessment(from form: Form, reader: FormReader) throws -> RiskAssessment {
        let risks = try (form.risks ?? []).map { try reader.choice($0, RiskAssessment.Risk.self, field: "risksConsidered")! }
        let outcome = try reader.choice(form.outcome, RiskAssessment.Outcome.self, field: "outcome")
        guard let outcome else { throw DomainError.invalid("outcome", "is required", code: "required") }
        return RiskAssessment(id: UUID(), prisonerID: UUID(),
                              route: Route(destination: form.destination?.trimmedOrNil?.uppercased() ?? "",
                                           transit: FormReader.states(form.transit)),
                              risksConsidered: Set(risks), sources: FormReader.lines(form.sources),
                              findings: form.findings?.trimmedOrNil, outcome: outcome, assessor: "",
                              reviewer: form.reviewer?.trimmedOrNil,
                              assessedAt: try reader.dateTime(form.assessedAt, field: "assessedAt")!,
                              reviewDate: try reader.day(form.reviewDate, field: "reviewDate"))
    }
}

/// `/prisoners/{id}/cases/new`: opening a draft case; a guard that bars it comes back with every reason.
struct CaseOpenPage {
    struct Form: Content {
        var kind: String?
        var destination: String?
        var transit: String?
        var receivingPower: String?
    }

    struct Model: Encodable {
        var id: String
        var form: Form
        var kinds: [FormOption]
    }

    static let fieldNames = ["kind": "caseKind"]

    static func model(_ id: UUID, _ form: Form) -> Model {
        Model(id: id.uuidString, form: form,
              kinds: FormOption.choices(DispositionCase.Kind.self, "casekind"))
    }

    func form(_ request: Request) async throws -> Response {
        _ = try request.requireUser()
        return try await request.renderPage("case-new", titleKey: "casenew.title",
                                            model: Self.model(try request.prisonerID(), Form()))
    }

    func submit(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let id = try request.prisonerID()
        let form = try request.content.decode(Form.self)
        let reader = FormReader(timeZone: request.bureau.config.timeZone)
        do {
            guard let kind = try reader.choice(form.kind, DispositionCase.Kind.self, field: "kind") else {
                throw DomainError.invalid("kind", "is required", code: "required")
            }
            let route = form.destination?.trimmedOrNil.map { Route(destination: $0.uppercased(), transit: FormReader.states(form.transit)) }
            let file = try await request.bureau.disposition.openCase(
                CaseRequest(prisonerID: id, kind: kind, route: route,
                            receivingPower: form.receivingPower?.trimmedOrNil?.uppercased(), exchangeID: nil),
                by: user.principal)
            return request.redirect(to: "/cases/\(file.dispositionCase.id.uuidString)?saved=1", redirectType: .normal)
        } catch let refusal as TransitionRefusal {
            let text = DispositionText(request: request)
            let reasons = refusal.errors.map { request.message(for: $0.onForm(Self.fieldNames)) }
                + refusal.blockingGuards.map(text.guardMessage)
            return try await request.renderPage("case-new", titleKey: "casenew.title", model: Self.model(id, form),
                                                error: reasons.joined(separator: " · "), status: refusal.kind.status)
        } catch let error as DomainError where ![.forbidden, .notFound].contains(error.kind) {
            return try await request.renderPage("case-new", titleKey: "casenew.title", model: Self.model(id, form),
                                                error: request.message(for: error.onForm(Self.fieldNames)), status: error.kind.status)
        }
    }
}
