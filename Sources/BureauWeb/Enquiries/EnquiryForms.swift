import BureauCore
import BureauStore
import Vapor

func enquiryPageRoutes(_ app: Application) throws {
    let pages = EnquiryPages()
    let forms = EnquiryForms()
    let readers = app.grouped(RoleMiddleware(.readEnquiries))
    let tracers = app.grouped(RoleMiddleware(.traceEnquiries))
    readers.get("enquiries", use: pages.list)
    tracers.get("enquiries", "new", use: forms.newForm)
    tracers.post("enquiries", use: forms.create)
    readers.get("enquiries", ":id", use: pages.show)
    readers.get("enquiries", ":id", "letter", use: pages.letter)
    tracers.post("enquiries", ":id", "outcome", use: forms.outcome)
    tracers.post("enquiries", ":id", "confirm", use: forms.confirm)
    tracers.post("enquiries", ":id", "answer", use: forms.answer)
    tracers.post("enquiries", ":id", "match", use: forms.rematch)
    tracers.post("enquiries", ":id", "rule-out", use: forms.ruleOut)
    tracers.post("enquiries", ":id", "assign", use: forms.assign)
    tracers.get("enquiry-lists", "new", use: forms.listForm)
    tracers.on(.POST, "enquiry-lists", body: .collect(maxSize: "8mb"), use: forms.importList)
    tracers.get("enquiry-lists", ":id", use: forms.listProgress)
}

/// The forms of the tracing workflow (server-rendered, `_csrf`, no JavaScript). A refused form comes
/// back filled in with the reason in the page language, and nothing is written.
struct EnquiryForms {
    struct NewModel: Encodable {
        var values: [String: String]
        var kinds: [EnquiryPages.Option]
        var channels: [EnquiryPages.Option]
        var languages: [EnquiryPages.Option]
    }

    static let fields = ["kind", "enquirerName", "through", "channel", "reference", "names", "dateOfBirth", "placeOfBirth",
                         "fatherName", "unit", "rank", "serviceNumber", "lastSeenAt", "lastSeenPlace", "language", "receivedAt", "note"]

    func newForm(_ request: Request) async throws -> Response {
        try await renderNew(request, values: ["kind": "cta", "channel": "cta_portal", "language": "en",
                                              "enquirerName": "ICRC Central Tracing Agency"], error: nil)
    }

    func renderNew(_ request: Request, values: [String: String], error: String?,
                   status: HTTPResponseStatus = .ok) async throws -> Response {
        func options(_ all: [String], prefix: String, selected: String?) -> [EnquiryPages.Option] {
            all.map { EnquiryPages.Option(value: $0, label: "\(prefix).\($0)", selected: $0 == selected) }
        }
        var values = values
        for field in Self.fields where values[field] == nil { values[field] = "" }
        let model = NewModel(values: values, kinds: options(Enquirer.Kind.allCases.map(\.rawValue), prefix: "enquirer", selected: values["kind"]),
                             channels: options(Enquirer.Channel.allCases.map(\.rawValue), prefix: "channel", selected: values["channel"]),
                             languages: options(Enquiry.languages, prefix: "elang", selected: values["language"]))
        return try await request.renderPage("enquiry-new", titleKey: "enquiry.new", model: model, error: error, status: status)
    }

    func create(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        var values: [String: String] = [:]
        for field in Self.fields { values[field] = try? request.content.get(String.self, at: field) }
        let reader = FormReader(timeZone: request.bureau.config.timeZone)
        do {
            guard let kind = try reader.choice(values["kind"], Enquirer.Kind.self, field: "kind"),
                  let channel = try reader.choice(values["channel"], Enquirer.Channel.self, field: "channel") else {
                throw DomainError.invalid("kind", "is required", code: "required")
            }
            let receivedAt = try reader.dateTime(values["receivedAt"], field: "receivedAt", required: false)
                ?? request.bureau.context.clock.now()
            let person = PersonSought(names: FormReader.lines(values["names"]),
                                      dateOfBirth: try reader.partialDate(values["dateOfBirth"], field: "dateOfBirth"),
                                      placeOfBirth: values["placeOfBirth"]?.trimmedOrNil, fatherName: values["fatherName"]?.trimmedOrNil,
                                      unit: values["unit"]?.trimmedOrNil, rank: values["rank"]?.trimmedOrNil,
                                      serviceNumber: values["serviceNumber"]?.trimmedOrNil,
                                      lastSeenAt: try reader.partialDate(values["lastSeenAt"], field: "lastSeenAt"),
                                      lastSeenPlace: values["lastSeenPlace"]?.trimmedOrNil)
            let draft = EnquiryStore.Draft(
                enquirer: Enquirer(kind: kind, name: values["enquirerName"] ?? "", through: values["through"], channel: channel,
                                   reference: values["reference"]),
                person: person, language: values["language"] ?? "", receivedAt: receivedAt, note: values["note"])
            let file = try await request.bureau.enquiries.create(draft, by: user.principal)
            return request.redirect(to: "/enquiries/\(file.enquiry.id.uuidString)?saved=1", redirectType: .normal)
        } catch let error as DomainError {
            return try await renderNew(request, values: values, error: request.message(for: error), status: error.kind.status)
        }
    }

    /// Runs a write from the enquiry page; a refusal re-renders the page with the reason.
    func act(_ request: Request, _ body: (UUID, Principal) async throws -> Void) async throws -> Response {
        let user = try request.requireUser()
        let id = try EnquiryAPIController.id(request)
        do {
            try await body(id, user.principal)
        } catch let error as DomainError where error.code != "enquiry_not_found" {
            return try await EnquiryPages().render(request, error: request.message(for: error), status: error.kind.status)
        }
        return request.redirect(to: "/enquiries/\(id.uuidString)?saved=1", redirectType: .normal)
    }

    func outcome(_ request: Request) async throws -> Response {
        try await act(request) { id, principal in
            let reader = FormReader(timeZone: request.bureau.config.timeZone)
            guard let code = try reader.choice(try? request.content.get(String.self, at: "result"), EnquiryOutcome.Result.Code.self,
                                               field: "result") else {
                throw DomainError.invalid("result", "is required", code: "required")
            }
            let prisoner = (try? request.content.get(String.self, at: "prisonerID"))?.trimmedOrNil
            let prisonerID = try prisoner.map { text -> UUID in
                guard let id = UUID(uuidString: text) else { throw DomainError.invalid("prisonerID", "is not one of the offered choices", code: "invalid_choice") }
                return id
            }
            let result = try EnquiryOutcome.Result.make(code, prisonerID: prisonerID,
                                                        question: try? request.content.get(String.self, at: "question"))
            _ = try await request.bureau.enquiries.recordOutcome(id, result: result,
                                                                 note: try? request.content.get(String.self, at: "note"),
                                                                 by: principal)
        }
    }

    func confirm(_ request: Request) async throws -> Response {
        try await act(request) { id, principal in _ = try await request.bureau.enquiries.confirm(id, by: principal) }
    }

    func answer(_ request: Request) async throws -> Response {
        let letter = EnquiryLetter(timeZone: request.bureau.config.timeZone)
        return try await act(request) { id, principal in
            _ = try await request.bureau.enquiries.answer(id, by: principal, letter: { letter.text($0, $1) })
        }
    }

    func rematch(_ request: Request) async throws -> Response {
        try await act(request) { id, principal in _ = try await request.bureau.enquiries.rematch(id, by: principal) }
    }

    func ruleOut(_ request: Request) async throws -> Response {
        try await act(request) { id, principal in
            guard let prisoner = (try? request.content.get(String.self, at: "prisonerID")).flatMap(UUID.init(uuidString:)) else {
                throw DomainError.invalid("prisonerID", "is required", code: "required")
            }
            _ = try await request.bureau.enquiries.ruleOut(id, prisonerID: prisoner, by: principal)
        }
    }

    /// Hands the enquiry to another tracing officer (the one the dashboard tells of standing matches).
    func assign(_ request: Request) async throws -> Response {
        try await act(request) { id, principal in
            guard let assignee = (try? request.content.get(String.self, at: "assignedTo"))?.trimmedOrNil else {
                throw DomainError.invalid("assignedTo", "is required", code: "required")
            }
            _ = try await request.bureau.enquiries.assign(id, to: assignee, by: principal)
        }
    }

    // MARK: Bulk lists

    struct ListFormModel: Encodable {
        var values: [String: String]
        var kinds: [EnquiryPages.Option]
        var languages: [EnquiryPages.Option]
    }

    func listForm(_ request: Request) async throws -> Response {
        try await renderListForm(request, values: ["kind": "cta", "language": "en", "enquirerName": "ICRC Central Tracing Agency"],
                                 error: nil)
    }

    func renderListForm(_ request: Request, values: [String: String], error: String?,
                        status: HTTPResponseStatus = .ok) async throws -> Response {
        var values = values
        for field in ["kind", "enquirerName", "through", "reference", "language", "csv"] where values[field] == nil { values[field] = "" }
        let model = ListFormModel(
            values: values,
            kinds: Enquirer.Kind.allCases.map { EnquiryPages.Option(value: $0.rawValue, label: "enquirer.\($0.rawValue)", selected: $0.rawValue == values["kind"]) },
            languages: Enquiry.languages.map { EnquiryPages.Option(value: $0, label: "elang.\($0)", selected: $0 == values["language"]) })
        return try await request.renderPage("enquiry-list-new", titleKey: "enquiry.bulk", model: model, error: error, status: status)
    }

    /// The list pasted as CSV text (the API takes the file itself, in either encoding).
    func importList(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        var values: [String: String] = [:]
        for field in ["kind", "enquirerName", "through", "reference", "language", "csv"] {
            values[field] = try? request.content.get(String.self, at: field)
        }
        do {
            guard let kind = Enquirer.Kind(rawValue: values["kind"] ?? "") else {
                throw DomainError.invalid("kind", "is not one of the offered choices", code: "invalid_choice")
            }
            let header = EnquiryStore.ListHeader(
                enquirer: Enquirer(kind: kind, name: values["enquirerName"]?.trimmedOrNil ?? "ICRC Central Tracing Agency",
                                   through: values["through"], channel: .bulkList, reference: values["reference"]?.trimmedOrNil),
                language: values["language"] ?? "en", receivedAt: request.bureau.context.clock.now())
            let (progress, _) = try await request.bureau.enquiries.startList(Data((values["csv"] ?? "").utf8), encoding: .utf8,
                                                                              header: header, by: user.principal)
            return request.redirect(to: "/enquiry-lists/\(progress.id.uuidString)?saved=1", redirectType: .normal)
        } catch let error as DomainError {
            return try await renderListForm(request, values: values, error: EnquiryText(request: request).message(error),
                                            status: error.kind.status)
        }
    }

    struct ProgressModel: Encodable {
        var id: String
        var total: Int
        var matched: Int
        var withCandidates: Int
        var percent: Int
        var running: Bool
        var done: Bool
        var failed: Bool
        var failure: String
        var seconds: String
    }

    /// Progress of a list being matched: the page reloads itself every second until the list is written.
    func listProgress(_ request: Request) async throws -> Response {
        _ = try request.requireUser()
        let id = try request.uuidParameter(code: "list_not_found")
        guard let p = request.bureau.context.enquiryLists.progress(id) else {
            throw DomainError(.notFound, code: "list_not_found", "no such list")
        }
        let model = ProgressModel(id: p.id.uuidString, total: p.total, matched: p.matched, withCandidates: p.withCandidates,
                                  percent: p.total == 0 ? 100 : p.matched * 100 / p.total,
                                  running: p.state == .matching || p.state == .writing, done: p.state == .done,
                                  failed: p.state == .failed, failure: p.failure ?? "",
                                  seconds: p.seconds.map { String(format: "%.1f", $0) } ?? "")
        return try await request.renderPage("enquiry-list", titleKey: "enquiry.bulk", model: model)
    }
}
