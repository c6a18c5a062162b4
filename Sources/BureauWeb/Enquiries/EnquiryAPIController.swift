import BureauCore
import BureauStore
import Vapor

/// `/api/v1/enquiries` and `/api/v1/enquiry-lists`: the Art. 122(7) tracing workflow.
struct EnquiryAPIController {
    func create(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let input = try StrictJSON.decode(EnquiryInput.self, from: request)
        let file = try await request.bureau.enquiries.create(input.draft, by: user.principal)
        return try created(EnquiryDTO(file), location: "/api/v1/enquiries/\(file.enquiry.id.uuidString)")
    }

    func list(_ request: Request) async throws -> [EnquirySummaryDTO] {
        let user = try request.requireUser()
        return try await request.bureau.enquiries.list(try EnquiryFilterQuery.parse(request), by: user.principal)
            .map(EnquirySummaryDTO.init)
    }

    func show(_ request: Request) async throws -> EnquiryDTO {
        let user = try request.requireUser()
        return EnquiryDTO(try await request.bureau.enquiries.file(try Self.id(request), by: user.principal))
    }

    func outcome(_ request: Request) async throws -> EnquiryDTO {
        let user = try request.requireUser()
        let input = try StrictJSON.decode(OutcomeInput.self, from: request)
        let result = try EnquiryOutcome.Result.make(input.result, prisonerID: input.prisonerID, question: input.question)
        return EnquiryDTO(try await request.bureau.enquiries.recordOutcome(try Self.id(request), result: result, note: input.note,
                                                                          by: user.principal))
    }

    func confirm(_ request: Request) async throws -> EnquiryDTO {
        let user = try request.requireUser()
        return EnquiryDTO(try await request.bureau.enquiries.confirm(try Self.id(request), by: user.principal))
    }

    func answer(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let letter = EnquiryLetter(timeZone: request.bureau.config.timeZone)
        let (_, answer) = try await request.bureau.enquiries.answer(try Self.id(request), by: user.principal,
                                                                     letter: { letter.text($0, $1) })
        return try created(answer)
    }

    func rematch(_ request: Request) async throws -> EnquiryDTO {
        let user = try request.requireUser()
        return EnquiryDTO(try await request.bureau.enquiries.rematch(try Self.id(request), by: user.principal))
    }

    func ruleOut(_ request: Request) async throws -> EnquiryDTO {
        let user = try request.requireUser()
        let input = try StrictJSON.decode(RuleOutInput.self, from: request)
        return EnquiryDTO(try await request.bureau.enquiries.ruleOut(try Self.id(request), prisonerID: input.prisonerID,
                                                                    by: user.principal))
    }

    func assign(_ request: Request) async throws -> EnquiryDTO {
        let user = try request.requireUser()
        let input = try StrictJSON.decode(AssignInput.self, from: request)
        return EnquiryDTO(try await request.bureau.enquiries.assign(try Self.id(request), to: input.assignedTo, by: user.principal))
    }

    /// The CSV itself is the body; who sent it and the answers' language are query parameters.
    func importList(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        guard let body = request.body.data, body.readableBytes > 0 else {
            throw DomainError.invalid("body", "send the list as CSV in the body", code: "empty_body")
        }
        let header = try Self.listHeader(request, now: request.bureau.context.clock.now())
        let encoding = try Self.encoding(request)
        let (progress, _) = try await request.bureau.enquiries.startList(Data(buffer: body), encoding: encoding, header: header,
                                                                          by: user.principal)
        let response = Response(status: .accepted)
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/enquiry-lists/\(progress.id.uuidString)")
        try response.content.encode(EnquiryListProgressDTO(progress), using: JSONCoders.encoder)
        return response
    }

    func listProgress(_ request: Request) async throws -> EnquiryListProgressDTO {
        _ = try request.requireUser()
        let id = try request.uuidParameter(code: "list_not_found")
        guard let progress = request.bureau.context.enquiryLists.progress(id) else {
            throw DomainError(.notFound, code: "list_not_found", "no list with that id is being or was imported since the start")
        }
        return EnquiryListProgressDTO(progress)
    }

    static func id(_ request: Request) throws -> UUID {
        try request.uuidParameter(code: "enquiry_not_found")
    }

    static func encoding(_ request: Request) throws -> CounterpartListImport.TextEncoding {
        guard let raw = (try? request.query.get(String.self, at: "encoding"))?.trimmedOrNil else { return .auto }
        guard let value = CounterpartListImport.TextEncoding(rawValue: raw) else {
            throw DomainError.invalid("encoding", "one of auto, utf8, windows-1251", code: "invalid_choice")
        }
        return value
    }

    static func listHeader(_ request: Request, now: Date) throws -> EnquiryStore.ListHeader {
        func text(_ name: String) -> String? { (try? request.query.get(String.self, at: name))?.trimmedOrNil }
        let kind = try text("enquirer").map { raw -> Enquirer.Kind in
            guard let kind = Enquirer.Kind(rawValue: raw) else {
                throw DomainError.invalid("enquirer", "one of " + Enquirer.Kind.allCases.map(\.rawValue).joined(separator: ", "),
                                          code: "invalid_choice")
            }
            return kind
        } ?? .centralTracingAgency
        var receivedAt = now
        if let raw = text("receivedAt") {
            guard let date = StrictDate.parse(raw) else {
                throw DomainError.invalid("receivedAt", "expected a date-time such as 2026-11-27T09:00:00Z", code: "invalid_date")
            }
            receivedAt = date
        }
        let language = text("language")?.lowercased() ?? "en"
        guard Enquiry.languages.contains(language) else {
            throw DomainError.invalid("language", "one of uk, en, ru, ko", code: "invalid_choice")
        }
        let enquirer = Enquirer(kind: kind, name: text("enquirerName") ?? "ICRC Central Tracing Agency",
                                through: text("through"), channel: .bulkList, reference: text("reference"))
        return EnquiryStore.ListHeader(enquirer: enquirer, language: language, receivedAt: receivedAt)
    }
}
