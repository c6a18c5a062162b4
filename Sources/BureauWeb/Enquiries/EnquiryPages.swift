import BureauCore
import BureauStore
import Vapor

/// `/enquiries`, `/enquiries/{id}` and the printable letter: the tracing officer's pages.
struct EnquiryPages {
    struct Option: Encodable {
        var value: String
        var label: String
        var selected: Bool
    }

    struct Row: Encodable {
        var id: String
        var names: String
        var enquirer: String
        var reference: String
        var received: String
        var due: String
        var clock: String
        var clockKey: String
        var statusKey: String
        var assignedTo: String
        var candidates: Int
    }

    struct ListModel: Encodable {
        var rows: [Row]
        var empty: Bool
        var canTrace: Bool
        var statuses: [Option]
        var clocks: [Option]
        var kinds: [Option]
        var q: String
        var list: String
    }

    func list(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let filter = try EnquiryFilterQuery.parse(request)
        let text = EnquiryText(request: request)
        let rows = try await request.bureau.enquiries.list(filter, by: user.principal).map { Self.row($0, text) }
        let model = ListModel(
            rows: rows, empty: rows.isEmpty, canTrace: AccessPolicy.allows(user.account.role, .traceEnquiries),
            statuses: EnquiryStatus.allCases.map { Option(value: $0.rawValue, label: "estatus.\($0.rawValue)", selected: $0 == filter.status) },
            clocks: [ObligationStatus.overdue, .due, .notYetDue, .fulfilled].map {
                Option(value: $0.rawValue, label: "ostatus.\($0.rawValue)", selected: $0 == filter.clock)
            },
            kinds: Enquirer.Kind.allCases.map { Option(value: $0.rawValue, label: "enquirer.\($0.rawValue)", selected: $0 == filter.enquirerKind) },
            q: filter.text ?? "", list: filter.listID?.uuidString ?? "")
        return try await request.renderPage("enquiries", titleKey: "enquiry.list", model: model)
    }

    static func row(_ summary: EnquiryStore.Summary, _ text: EnquiryText) -> Row {
        let e = summary.enquiry
        return Row(id: e.id.uuidString, names: e.person.names.joined(separator: " / "),
                   enquirer: e.enquirer.name, reference: e.enquirer.reference ?? "", received: text.date(e.receivedAt),
                   due: text.date(summary.clock.dueAt), clock: summary.clock.status.rawValue,
                   clockKey: "ostatus.\(summary.clock.status.rawValue)", statusKey: "estatus.\(e.status.rawValue)",
                   assignedTo: e.assignedTo ?? "", candidates: e.candidates.count)
    }

    struct Candidate: Encodable {
        var prisonerID: String
        var number: String
        var name: String
        var matchedName: String
        var queryName: String
        var score: String
        var reasons: [String]
    }

    struct Answer: Encodable {
        var id: String
        var issued: String
        var issuedBy: String
        var recipientKey: String
        var language: String
        var resultKey: String
    }

    struct Outcome: Encodable {
        var resultKey: String
        var prisonerID: String
        var prisoner: String
        var question: String
        var note: String
        var recordedBy: String
        var recorded: String
        var confirmedBy: String
        var positive: Bool
    }

    struct DetailModel: Encodable {
        var id: String
        var names: [String]
        var statusKey: String
        var status: String
        var clock: String
        var clockKey: String
        var due: String
        var received: String
        var enquirerKindKey: String
        var enquirer: String
        var through: String
        var channelKey: String
        var reference: String
        var language: String
        var assignedTo: String
        var details: [Detail]
        var candidates: [Candidate]
        var raised: [Candidate]
        var outcome: Outcome
        var hasOutcome: Bool
        var history: [Outcome]
        var hasHistory: Bool
        var answers: [Answer]
        var canTrace: Bool
        var canRecord: Bool
        var canConfirm: Bool
        var canAnswer: Bool
        var hasCandidates: Bool
        var hasRaised: Bool
        var hasAnswers: Bool
        var results: [Option]
    }

    struct Detail: Encodable {
        var label: String
        var value: String
    }

    func show(_ request: Request) async throws -> Response {
        try await render(request, error: nil)
    }

    func render(_ request: Request, error: String?, notice: String? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let user = try request.requireUser()
        let file = try await request.bureau.enquiries.file(try EnquiryAPIController.id(request), by: user.principal)
        let text = EnquiryText(request: request)
        let e = file.enquiry
        func candidate(_ c: EnquiryCandidate) -> Candidate {
            Candidate(prisonerID: c.prisonerID.uuidString, number: file.prisoners[c.prisonerID]?.internmentNumber ?? "",
                      name: file.prisoners[c.prisonerID]?.name ?? "", matchedName: c.matchedName, queryName: c.queryName,
                      score: EnquiryText.score(c.score), reasons: text.explanation(c.reasons))
        }
        func outcome(_ o: EnquiryOutcome) -> Outcome {
            let question: String
            if case .needsMoreInformation(let q) = o.result { question = q } else { question = "" }
            let prisoner = o.result.prisonerID.flatMap { file.prisoners[$0] }
            return Outcome(resultKey: "eresult.\(o.result.code.rawValue)", prisonerID: o.result.prisonerID?.uuidString ?? "",
                           prisoner: prisoner.map { "\($0.internmentNumber) · \($0.name)" } ?? "", question: question,
                           note: o.note ?? "", recordedBy: o.recordedBy, recorded: text.date(o.recordedAt),
                           confirmedBy: o.confirmedBy ?? "", positive: o.result.isPositive)
        }
        let p = e.person
        let details: [(String, String?)] = [
            ("field.dateOfBirth", p.dateOfBirth?.description), ("field.placeOfBirth", p.placeOfBirth),
            ("field.fatherName", p.fatherName), ("field.unit", p.unit), ("field.rank", p.rank),
            ("field.serviceNumber", p.serviceNumber), ("enquiry.lastSeenAt", p.lastSeenAt?.description),
            ("enquiry.lastSeenPlace", p.lastSeenPlace), ("enquiry.note", e.note),
        ]
        let canTrace = AccessPolicy.allows(user.account.role, .traceEnquiries)
        let model = DetailModel(
            id: e.id.uuidString, names: p.names, statusKey: "estatus.\(e.status.rawValue)", status: e.status.rawValue,
            clock: file.clock.status.rawValue, clockKey: "ostatus.\(file.clock.status.rawValue)", due: text.date(file.clock.dueAt),
            received: text.date(e.receivedAt), enquirerKindKey: "enquirer.\(e.enquirer.kind.rawValue)", enquirer: e.enquirer.name,
            through: e.enquirer.through ?? "", channelKey: "channel.\(e.enquirer.channel.rawValue)",
            reference: e.enquirer.reference ?? "", language: Self.languageNames[e.language] ?? e.language,
            assignedTo: e.assignedTo ?? "",
            details: details.compactMap { key, value in value.map { Detail(label: key, value: $0) } },
            candidates: e.candidates.filter { !e.ruledOut.contains($0.prisonerID) }.map(candidate),
            raised: file.raised.map(candidate),
            outcome: e.outcome.map(outcome) ?? Outcome(resultKey: "", prisonerID: "", prisoner: "", question: "", note: "",
                                                       recordedBy: "", recorded: "", confirmedBy: "", positive: false),
            hasOutcome: e.outcome != nil, history: e.outcomes.dropLast().reversed().map(outcome), hasHistory: e.outcomes.count > 1,
            answers: e.answers.reversed().map {
                Answer(id: $0.id.uuidString, issued: text.date($0.issuedAt), issuedBy: $0.issuedBy,
                       recipientKey: "addressee.\($0.recipient.rawValue)", language: Self.languageNames[$0.language] ?? $0.language,
                       resultKey: "eresult.\($0.content.result.rawValue)")
            },
            canTrace: canTrace, canRecord: canTrace && e.status != .awaitingConfirmation,
            canConfirm: canTrace && e.status == .awaitingConfirmation && e.outcome?.recordedBy != user.account.username,
            canAnswer: canTrace && e.status == .readyToAnswer, hasCandidates: !e.candidates.isEmpty, hasRaised: !file.raised.isEmpty,
            hasAnswers: !e.answers.isEmpty,
            results: EnquiryOutcome.Result.Code.allCases.map { Option(value: $0.rawValue, label: "eresult.\($0.rawValue)", selected: false) })
        return try await request.renderPage("enquiry", titleKey: "enquiry.title", model: model, error: error, notice: notice,
                                            status: status)
    }

    static let languageNames = ["ko": "한국어", "ru": "Русский", "uk": "Українська", "en": "English"]

    struct LetterModel: Encodable {
        var lang: String
        var title: String
        var letter: String
        var enquiryID: String
    }

    /// `/enquiries/{id}/letter[?answer=]`: the answer as printed, in the enquirer's language.
    func letter(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let file = try await request.bureau.enquiries.file(try EnquiryAPIController.id(request), by: user.principal)
        let wanted = (try? request.query.get(String.self, at: "answer")).flatMap(UUID.init(uuidString:))
        guard let answer = file.enquiry.answers.last(where: { wanted == nil || $0.id == wanted }) else {
            throw DomainError(.notFound, code: "answer_not_found", "this enquiry has no such answer")
        }
        let title = EnquiryLetter.text[answer.language]?["title"] ?? ""
        let view = try await request.view.render("enquiry-letter", LetterModel(lang: answer.language, title: title,
                                                                                letter: answer.letter,
                                                                                enquiryID: file.enquiry.id.uuidString))
        let response = try await view.encodeResponse(for: request)
        response.headers.replaceOrAdd(name: .contentLanguage, value: answer.language)
        return response
    }
}
