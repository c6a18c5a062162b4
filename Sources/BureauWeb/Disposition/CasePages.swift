import BureauCore
import BureauStore
import Vapor

/// `/cases` and `/cases/{id}`: the case with the prisoner, his will statements (original and translation
/// side by side), risk and Art. 12 assessments, consultations, the guard checklist, approvals and history.
struct CasePages {
    struct Statement: Encodable {
        var date: String
        var answer: String
        var question: String
        var original: String
        var language: String
        var translation: String
        var interpreter: String
        var interestedInterpreter: Bool
        var witnesses: String
        var privateInterview: Bool
        var modeKey: String
        var superseded: Bool
    }

    struct Risk: Encodable {
        var date: String
        var route: String
        var outcome: String
        var outcomeKey: String
        var risks: [String]
        var sources: String
        var findings: String
        var assessor: String
        var reviewer: String
    }

    struct Assessment: Encodable {
        var date: String
        var power: String
        var party: Bool
        var willing: Bool
        var able: Bool
        var basis: String
        var assessor: String
    }

    struct Line: Encodable {
        var date: String
        var cells: [String]
        var keys: [String]
        var note: String
        var a: String { cells.first ?? "" }
        var b: String { cells.count > 1 ? cells[1] : "" }
        var c: String { cells.count > 2 ? cells[2] : "" }
        var keyA: String { keys.first ?? "" }

        private enum CodingKeys: String, CodingKey { case date, keys, note, a, b, c, keyA }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(date, forKey: .date)
            try container.encode(keys, forKey: .keys)
            try container.encode(note, forKey: .note)
            try container.encode(a, forKey: .a)
            try container.encode(b, forKey: .b)
            try container.encode(c, forKey: .c)
            try container.encode(keyA, forKey: .keyA)
        }
    }

    struct Model: Encodable {
        var id: String
        var prisonerID: String
        var number: String
        var name: String
        var kindKey: String
        var state: String
        var stateKey: String
        var route: String
        var receivingPower: String
        var author: String
        var created: String
        var guards: [GuardRow]
        var allClear: Bool
        var canReadWill: Bool
        var statements: [Statement]
        var hasStatements: Bool
        var risks: [Risk]
        var article12: [Assessment]
        var consultations: [Line]
        var approvals: [Line]
        var overrides: [Line]
        var history: [Line]
        var notices: [Line]
        var handover: String
        var canSubmit: Bool
        var canApprove: Bool
        var canWithdraw: Bool
        /// The hand-over form (execute), shown to whoever may record it once the case is approved; a
        /// refused hand-over comes back with what was typed.
        var canExecute: Bool = false
        var handoverForm: HandoverForm = HandoverForm()
        var hasActions: Bool { canSubmit || canApprove || canWithdraw }
        var hasApprovals: Bool { !approvals.isEmpty }
        var hasOverrides: Bool { !overrides.isEmpty }
        var hasNotices: Bool { !notices.isEmpty }

        private enum CodingKeys: String, CodingKey {
            case id, prisonerID, number, name, kindKey, state, stateKey, route, receivingPower, author, created, guards,
                 allClear, canReadWill, statements, hasStatements, risks, article12, consultations, approvals, overrides,
                 history, notices, handover, canSubmit, canApprove, canWithdraw, canExecute, handoverForm, hasActions, hasApprovals, hasOverrides,
                 hasNotices
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(prisonerID, forKey: .prisonerID)
            try container.encode(number, forKey: .number)
            try container.encode(name, forKey: .name)
            try container.encode(kindKey, forKey: .kindKey)
            try container.encode(state, forKey: .state)
            try container.encode(stateKey, forKey: .stateKey)
            try container.encode(route, forKey: .route)
            try container.encode(receivingPower, forKey: .receivingPower)
            try container.encode(author, forKey: .author)
            try container.encode(created, forKey: .created)
            try container.encode(guards, forKey: .guards)
            try container.encode(allClear, forKey: .allClear)
            try container.encode(canReadWill, forKey: .canReadWill)
            try container.encode(statements, forKey: .statements)
            try container.encode(hasStatements, forKey: .hasStatements)
            try container.encode(risks, forKey: .risks)
            try container.encode(article12, forKey: .article12)
            try container.encode(consultations, forKey: .consultations)
            try container.encode(approvals, forKey: .approvals)
            try container.encode(overrides, forKey: .overrides)
            try container.encode(history, forKey: .history)
            try container.encode(notices, forKey: .notices)
            try container.encode(handover, forKey: .handover)
            try container.encode(canSubmit, forKey: .canSubmit)
            try container.encode(canApprove, forKey: .canApprove)
            try container.encode(canWithdraw, forKey: .canWithdraw)
            try container.encode(canExecute, forKey: .canExecute)
            try container.encode(handoverForm, forKey: .handoverForm)
            try container.encode(hasActions, forKey: .hasActions)
            try container.encode(hasApprovals, forKey: .hasApprovals)
            try container.encode(hasOverrides, forKey: .hasOverrides)
            try container.encode(hasNotices, forKey: .hasNotices)
        }
    }

    struct ListModel: Encodable {
        struct Row: Encodable {
            var id: String
            var kindKey: String
            var stateKey: String
            var prisonerID: String
            var route: String
            var created: String
        }
        var rows: [Row]
        var empty: Bool
        var prisonerID: String
    }

    func list(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let text = DispositionText(request: request)
        let prisoner = (try? request.query.get(String.self, at: "prisoner")).flatMap(UUID.init(uuidString:))
        let cases = try await request.bureau.disposition.allCases(prisonerID: prisoner, by: user.principal)
        let rows = cases.map {
            ListModel.Row(id: $0.id.uuidString, kindKey: "casekind.\($0.kind.rawValue)", stateKey: "casestate.\($0.state.rawValue)",
                          prisonerID: $0.prisonerID.uuidString, route: $0.route?.description ?? "—", created: text.date($0.createdAt))
        }
        return try await request.renderPage("cases", titleKey: "case.list",
                                            model: ListModel(rows: rows, empty: rows.isEmpty, prisonerID: prisoner?.uuidString ?? ""))
    }

    func show(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let id = try request.uuidParameter(code: "case_not_found")
        let file = try await request.bureau.disposition.caseFile(id, by: user.principal, purpose: request.statedPurpose ?? "case page")
        return try await render(file, request: request, user: user)
    }

    /// Submit, approve or withdraw from the page; a refusal shows every reason on the page.
    func transition(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let id = try request.uuidParameter(code: "case_not_found")
        let action = (try? request.content.get(String.self, at: "action")) ?? ""
        let note = (try? request.content.get(String.self, at: "note"))?.trimmedOrNil
        let target: DispositionTransition
        switch action {
        case "submit": target = .underLegalReview
        case "approve": target = .approved(note: note)
        case "withdraw": target = .withdrawn(reason: note ?? "")
        case "execute": return try await execute(request, id: id, user: user)
        default: throw DomainError.invalid("action", "is not one of the offered choices", code: "invalid_choice")
        }
        do {
            _ = try await request.bureau.disposition.transition(id, to: target, by: user.principal)
            return request.redirect(to: "/cases/\(id.uuidString)?saved=1", redirectType: .normal)
        } catch let refusal as TransitionRefusal {
            let file = try await request.bureau.disposition.caseFile(id, by: user.principal, purpose: "case page")
            let text = DispositionText(request: request)
            let reasons = refusal.errors.map { request.message(for: $0) } + refusal.blockingGuards.map(text.guardMessage)
            return try await render(file, request: request, user: user, error: reasons.joined(separator: " · "),
                                    status: refusal.kind.status)
        }
    }

    func render(_ file: CaseFile, request: Request, user: CurrentUser, error: String? = nil,
                status: HTTPResponseStatus = .ok, handoverForm: HandoverForm? = nil) async throws -> Response {
        let text = DispositionText(request: request)
        let c = file.dispositionCase
        // People are named by their full name where the account has one.
        let names = try await request.bureau.users.displayNames()
        func person(_ username: String) -> String { names[username] ?? username }
        let superseded = Set((file.willStatements ?? []).compactMap(\.supersedes))
        let statements = (file.willStatements ?? []).map { s in
            Statement(date: text.date(s.statedAt), answer: text.answer(s.answer), question: s.question, original: s.ownWords,
                      language: s.language, translation: s.translation ?? "—",
                      interpreter: s.interpreter.map { "\($0.name) (\($0.affiliation)\($0.affiliationState.map { ", \($0)" } ?? ""))" } ?? "—",
                      interestedInterpreter: s.interpreterEmployedByInterestedState,
                      witnesses: s.witnesses.map { "\($0.name) (\($0.affiliation))" }.joined(separator: ", "),
                      privateInterview: s.privateInterview, modeKey: "willmode.\(s.mode.rawValue)",
                      superseded: superseded.contains(s.id))
        }
        let risks = file.riskAssessments.map { r in
            Risk(date: text.date(r.assessedAt), route: r.route.description, outcome: r.outcome.rawValue,
                 outcomeKey: "riskoutcome.\(r.outcome.rawValue)", risks: r.risksConsidered.sorted().map { "risk.\($0.rawValue)" },
                 sources: r.sources.joined(separator: "; "), findings: r.findings ?? "", assessor: r.assessor,
                 reviewer: r.reviewer ?? "—")
        }
        let article12 = file.article12Assessments.map {
            Assessment(date: text.date($0.assessedAt), power: $0.receivingPower, party: $0.partyToConvention,
                       willing: $0.willing, able: $0.able, basis: $0.basis, assessor: $0.assessor)
        }
        let parties = Dictionary(file.parties.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let consultations = file.consultations.map {
            Line(date: text.date($0.date), cells: [parties[$0.partyID] ?? "—"],
                 keys: ["consultation.\($0.direction.rawValue)", "consultation.\($0.kind.rawValue)", "channel.\($0.channel.rawValue)"],
                 note: $0.summary)
        }
        let approvals = c.approvals.map { Line(date: text.date($0.at), cells: [person($0.by)], keys: [], note: $0.note ?? "") }
        let overrides = c.overrides.map {
            Line(date: text.date($0.requestedAt), cells: [text.text($0.key), person($0.requestedBy), $0.confirmedBy.map(person) ?? "—"], keys: [],
                 note: $0.reason)
        }
        let history = c.history.map {
            Line(date: text.date($0.at), cells: [person($0.by)], keys: ["caseaction.\($0.action)", "casestate.\($0.to.rawValue)"],
                 note: $0.note ?? "")
        }
        let notices = file.notices.map {
            Line(date: text.date($0.occurredAt), cells: [$0.destination ?? "—", $0.destinationWithheldFrom.sorted().joined(separator: ", ")],
                 keys: ["notice.\($0.kind.rawValue)"], note: "")
        }
        let actions = DispositionWorkflow.availableActions(c, for: StaffMember(user.account.username, roles: [user.account.role]))
        let model = Model(
            id: c.id.uuidString, prisonerID: c.prisonerID.uuidString, number: file.prisoner.internmentNumber,
            name: file.name ?? "—", kindKey: "casekind.\(c.kind.rawValue)", state: c.state.rawValue,
            stateKey: "casestate.\(c.state.rawValue)", route: c.route?.description ?? "—", receivingPower: c.receivingPower ?? "—",
            author: c.author, created: text.date(c.createdAt), guards: file.guards.map { result in
                var row = GuardRow(result, text: text)
                row.awaitingConfirmation = c.overrides.contains { $0.key == result.key && $0.confirmedBy == nil }
                return row
            },
            allClear: file.guards.allClear, canReadWill: file.willStatements != nil, statements: statements,
            hasStatements: !statements.isEmpty, risks: risks, article12: article12, consultations: consultations,
            approvals: approvals, overrides: overrides, history: history, notices: notices,
            handover: c.handover.map { "\(text.date($0.at)) · \($0.place) · \($0.receivingParty)\($0.icrcPresent ? " · ICRC: \($0.icrcDelegate ?? "")" : "")" } ?? "",
            canSubmit: actions.contains(.submit), canApprove: actions.contains(.approve),
            canWithdraw: actions.contains(.withdraw), canExecute: actions.contains(.execute),
            handoverForm: handoverForm ?? HandoverForm(
                at: FormReader(timeZone: request.bureau.config.timeZone).localInput(request.bureau.context.clock.now()),
                receivingParty: c.receivingPower))
        return try await request.renderPage("case", titleKey: "case.title", model: model, error: error, status: status)
    }
}

extension DispositionStore {
    /// Cases for the list page: one prisoner's, or every open one.
    func allCases(prisonerID: UUID?, by principal: Principal) async throws -> [DispositionCase] {
        if let prisonerID { return try await cases(of: prisonerID, by: principal) }
        return try await openCases(by: principal)
    }
}
