import BureauCore
import BureauStore
import Vapor

/// The outbox's batch work in the browser, as the CLI does it: download the signed batch (marking
/// its notices sent), preview one notice as its recipient will read it, upload acknowledgements.
struct OutboxBatchPages {
    func download(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let made = try await OutboxBatchExport.export(request.bureau, by: user.principal)
        return Self.attachment(made)
    }

    /// The signed file as a download; its bytes are exactly what `bureau outbox export` writes.
    static func attachment(_ made: OutboxBatchExport.Made) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.replaceOrAdd(name: .contentDisposition,
                             value: "attachment; filename=\"\(OutboxBatchExport.fileName(made.result))\"")
        headers.replaceOrAdd(name: "X-Bureau-Batch", value: made.result.batchID)
        headers.replaceOrAdd(name: "X-Bureau-Notices", value: String(made.result.count))
        return Response(status: .ok, headers: headers, body: .init(data: made.file))
    }

    struct AckForm: Content {
        var file: File?
        var text: String?
    }

    /// The recipient's acknowledgement file, uploaded or pasted; all or nothing, as `bureau outbox ack`.
    func acknowledgements(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let form = try request.content.decode(AckForm.self)
        do {
            var data = form.file.map { Data(buffer: $0.data) } ?? Data()
            if data.isEmpty, let text = form.text?.trimmedOrNil { data = Data(text.utf8) }
            guard !data.isEmpty else { throw DomainError.invalid("file", "choose the acknowledgement file", code: "required") }
            let count = try await request.outbox.importAcknowledgements(data, by: user.principal)
            let notice = request.bureau.catalog.text("outbox.acknowledgedCount", request.language) + " \(count)"
            return try await OutboxPage().render(request, notice: notice)
        } catch let error as DomainError where ![.forbidden, .notFound].contains(error.kind) {
            return try await OutboxPage().render(request, error: request.message(for: error), status: error.kind.status)
        }
    }

    // MARK: Preview

    struct PreviewModel: Encodable {
        var id: String
        var prisonerID: String
        var statusKey: String
        var recipientKey: String
        /// The recipient's language, by name in the page language.
        var languageKey: String
        var lang: String
        var lines: [NoticePreview.Line]
        /// The notice exactly as the batch will carry it.
        var json: String
        var pending: Bool
    }

    func preview(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let notice = try await request.outbox.notice(try request.noticeID(), by: user.principal)
        let preview = NoticePreview(catalog: request.bureau.catalog, timeZone: request.bureau.config.timeZone)
        let language = NoticePreview.language(for: notice)
        let model = PreviewModel(id: notice.id.uuidString, prisonerID: notice.prisonerID.uuidString,
                                 statusKey: "outbox.status.\(notice.status.rawValue)",
                                 recipientKey: "addressee.\(notice.recipient.rawValue)",
                                 languageKey: "outbox.lang.\(language)", lang: language,
                                 lines: preview.lines(notice, language: language),
                                 json: try NoticePreview.batchJSON(notice), pending: notice.status == .pending)
        return try await request.renderPage("outbox-preview", titleKey: "outbox.previewTitle", model: model)
    }

    /// `GET /api/v1/outbox/{id}/preview`.
    func previewAPI(_ request: Request) async throws -> NoticePreview.DTO {
        let user = try request.requireUser()
        let notice = try await request.outbox.notice(try request.noticeID(), by: user.principal)
        let language = NoticePreview.language(for: notice)
        let lines = NoticePreview(catalog: request.bureau.catalog, timeZone: request.bureau.config.timeZone)
            .lines(notice, language: language)
        return NoticePreview.DTO(language: language, text: lines.map { "\($0.label): \($0.value)" }.joined(separator: "\n"),
                                 notice: OutboundNoticeDTO(notice))
    }

    /// `POST /api/v1/outbox/export`.
    func exportAPI(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        return Self.attachment(try await OutboxBatchExport.export(request.bureau, by: user.principal))
    }

    struct AckCount: Content { var acknowledged: Int }

    /// `POST /api/v1/outbox/acknowledgements`: the body is the acknowledgement file itself.
    func acknowledgementsAPI(_ request: Request) async throws -> AckCount {
        let user = try request.requireUser()
        guard let body = request.body.data, body.readableBytes > 0 else {
            throw DomainError.invalid("file", "send the acknowledgement file as the body", code: "required")
        }
        // The same rules as every JSON body of the API (no null values, no keys given twice, no unknown
        // fields); a body that parses but is no acknowledgement file is left for the import to name (422).
        do {
            _ = try StrictJSON.decode(OutboxAcknowledgements.self, from: request)
        } catch is DecodingError {}
        return AckCount(acknowledged: try await request.outbox.importAcknowledgements(Data(buffer: body), by: user.principal))
    }
}
