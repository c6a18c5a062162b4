import BureauCore
import BureauStore
import Vapor

struct PrisonersAPIController {
    func list(_ request: Request) async throws -> PageDTO<PrisonerSummaryDTO> {
        let user = try request.requireUser()
        let query = try PrisonerListQuery.parse(request)
        let page = try await request.bureau.registry.list(query, by: user.principal)
        return PageDTO(items: page.items.map(PrisonerSummaryDTO.init), page: page.page, perPage: page.perPage,
                       total: page.total)
    }

    func create(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let input = try StrictJSON.decode(RegistrationInput.self, from: request)
        let file = try await request.bureau.registry.register(input.registration, by: user.principal,
                                                              purpose: request.statedPurpose)
        let response = Response(status: .created)
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/prisoners/\(file.prisoner.id.uuidString)")
        try response.content.encode(PrisonerDTO(file), using: JSONCoders.encoder)
        return response
    }

    func show(_ request: Request) async throws -> PrisonerDTO {
        let user = try request.requireUser()
        let file = try await request.bureau.registry.file(of: try request.prisonerID(), by: user.principal,
                                                          purpose: request.statedPurpose)
        return PrisonerDTO(file)
    }

    func timeline(_ request: Request) async throws -> [TimelineEntryDTO] {
        let user = try request.requireUser()
        let file = try await request.bureau.registry.file(of: try request.prisonerID(), by: user.principal,
                                                          purpose: request.statedPurpose)
        return file.timeline.map(TimelineEntryDTO.init)
    }

    func addClaim(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let draft = try StrictJSON.decode(ClaimDraft.self, from: request)
        let claim = try await request.bureau.registry.addClaim(draft, to: try request.prisonerID(), by: user.principal,
                                                               purpose: request.statedPurpose)
        let response = Response(status: .created)
        try response.content.encode(ClaimDTO(claim), using: JSONCoders.encoder)
        return response
    }

    func addEvent(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let event: TimelineEvent
        do {
            event = try await Self.dataFaultsAreUnprocessable {
                let input = try StrictJSON.decode(EventInput.self, from: request)
                return try await request.bureau.registry.addEvent(input.payload, occurredAt: input.occurredAt,
                                                                  supersedes: input.supersedes,
                                                                  to: try request.prisonerID(), by: user.principal,
                                                                  purpose: request.statedPurpose)
            }
        } catch let refusal as PlacementRefusal {
            return try PlacementRefusalDTO.response(refusal, prisonerID: try request.prisonerID(), for: request)
        }
        let response = Response(status: .created)
        try response.content.encode(TimelineEntryDTO(TimelineEntry(event: event, supersededBy: nil, redacted: false)),
                                    using: JSONCoders.encoder)
        return response
    }
}

extension Request {
    func prisonerID() throws -> UUID {
        guard let text = parameters.get("id"), let id = UUID(uuidString: text) else {
            throw DomainError(.notFound, code: "prisoner_not_found", "no prisoner with that id")
        }
        return id
    }
}

/// Filters shared by the list page and `GET /api/v1/prisoners`.
enum PrisonerListQuery {
    static func parse(_ request: Request) throws -> PrisonerQuery {
        let text = try? request.query.get(String.self, at: "q")
        let power = try? request.query.get(String.self, at: "power")
        var status: ProtectedStatus?
        if let raw = (try? request.query.get(String.self, at: "status"))?.trimmedOrNil {
            guard let parsed = ProtectedStatus(rawValue: raw) else {
                throw DomainError.invalid("status", "one of " + ProtectedStatus.allCases.map(\.rawValue).joined(separator: ", "))
            }
            status = parsed
        }
        let page = try number(request, "page", default: 1, range: 1...100_000)
        let perPage = try number(request, "perPage", default: 25, range: 1...200)
        if let power = power?.trimmedOrNil, !ClaimRules.isAlpha3(power) {
            throw DomainError.invalid("power", "must be an ISO 3166-1 alpha-3 code", code: "invalid_country")
        }
        var query = PrisonerQuery(text: text?.trimmedOrNil.map { String($0.prefix(100)) }, power: power?.trimmedOrNil,
                                  status: status, page: page, perPage: perPage)
        // `voided=1`: only prisoners voided as registered in error (every list hides them otherwise).
        if let voided = (try? request.query.get(String.self, at: "voided"))?.trimmedOrNil {
            guard ["0", "1"].contains(voided) else {
                throw DomainError.invalid("voided", "0 or 1", code: "invalid_value")
            }
            query.voided = voided == "1"
        }
        return query
    }

    static func number(_ request: Request, _ name: String, default fallback: Int, range: ClosedRange<Int>) throws -> Int {
        guard let raw = (try? request.query.get(String.self, at: name))?.trimmedOrNil else { return fallback }
        guard let value = Int(raw), range.contains(value) else {
            throw DomainError.invalid(name, "must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }
}

extension PrisonersAPIController {
    /// The document describes `data` as an object whose fields depend on `kind`; what a kind needs is the
    /// domain's rule, so a fault inside `data` is 422 (well-formed, not what this kind needs), not 400.
    static func dataFaultsAreUnprocessable<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            let (status, detail) = ErrorMapping.describe(error)
            guard status == .badRequest, let field = detail.field, field == "data" || field.hasPrefix("data.") else { throw error }
            throw DomainError(.unprocessable, code: detail.code, detail.message, field: field)
        }
    }
}
