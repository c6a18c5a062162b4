import BureauCore
import BureauStore
import Vapor

/// `/outbox`: the notices owed to the CTA and the Protecting Power, with the forms that mark one
/// sent (by another channel than a signed batch) or acknowledged.
struct OutboxPage {
    struct Row: Encodable {
        var id: String
        var prisonerID: String
        var number: String
        var name: String
        var subjectKey: String
        var recipientKey: String
        var due: String
        var overdue: Bool
        var status: String
        var statusKey: String
        var sent: String
        var reference: String
        var pending: Bool
        var awaitingAck: Bool
    }

    struct Model: Encodable {
        var rows: [Row]
        var hasRows: Bool
        var states: [ObligationsPage.Option]
        /// Answers to enquiries (Art. 122(7)) waiting for the next signed batch.
        var pendingAnswers: Int
    }

    func show(_ request: Request) async throws -> Response {
        try await render(request)
    }

    func render(_ request: Request, error: String? = nil, notice: String? = nil,
                status: HTTPResponseStatus = .ok) async throws -> Response {
        let user = try request.requireUser()
        let chosen = (try? request.query.get(String.self, at: "status"))?.trimmedOrNil ?? "pending"
        let filter: OutboundNotice.Status? = chosen == "all" ? nil : (OutboundNotice.Status(rawValue: chosen) ?? .pending)
        let notices = try await request.outbox.list(status: filter, by: user.principal)
        let language = request.language
        let zone = request.bureau.config.timeZone
        let now = request.bureau.context.clock.now()
        let rows = notices.map { notice in
            let names = [notice.content.surname, notice.content.firstNames].compactMap { $0 }.joined(separator: " ")
            let sent = notice.sentAt.map { "\(DateText.format($0, language: language, timeZone: zone)) · \(notice.sentBy ?? "") · \(notice.channel ?? "")" } ?? ""
            return Row(id: notice.id.uuidString, prisonerID: notice.prisonerID.uuidString,
                       number: notice.content.internmentNumber, name: names,
                       subjectKey: "subject.\(notice.subject.rawValue)", recipientKey: "addressee.\(notice.recipient.rawValue)",
                       due: DateText.format(notice.dueAt, language: language, timeZone: zone),
                       overdue: notice.status == .pending && notice.dueAt < now, status: notice.status.rawValue,
                       statusKey: "outbox.status.\(notice.status.rawValue)", sent: sent, reference: notice.reference ?? "",
                       pending: notice.status == .pending, awaitingAck: notice.status == .sent)
        }
        let pendingAnswers = try await request.outbox.pendingAnswers(by: user.principal)
        let model = Model(rows: rows, hasRows: !rows.isEmpty,
                          states: ["pending", "sent", "acknowledged", "all"].map {
                              .init(value: $0, label: $0 == "all" ? "common.all" : "outbox.status.\($0)", selected: $0 == chosen)
                          }, pendingAnswers: pendingAnswers)
        return try await request.renderPage("outbox", titleKey: "outbox.title", model: model, error: error, notice: notice,
                                            status: status)
    }

    struct SentForm: Content {
        var channel: String?
        var reference: String?
    }

    func sent(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let form = try request.content.decode(SentForm.self)
        do {
            _ = try await request.outbox.markSent(try request.noticeID(), channel: form.channel ?? "",
                                                  reference: form.reference, by: user.principal)
            return request.redirect(to: "/outbox?saved=1", redirectType: .normal)
        } catch let error as DomainError where ![.forbidden, .notFound].contains(error.kind) {
            return try await render(request, error: request.message(for: error), status: error.kind.status)
        }
    }

    func acknowledge(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let form = try request.content.decode(SentForm.self)
        do {
            _ = try await request.outbox.acknowledge(try request.noticeID(), reference: form.reference ?? "",
                                                     receivedAt: nil, by: user.principal)
            return request.redirect(to: "/outbox?status=sent&saved=1", redirectType: .normal)
        } catch let error as DomainError where ![.forbidden, .notFound].contains(error.kind) {
            return try await render(request, error: request.message(for: error), status: error.kind.status)
        }
    }
}
