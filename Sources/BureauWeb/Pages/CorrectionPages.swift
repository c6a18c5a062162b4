import BureauCore
import BureauStore
import Vapor

/// Correct and void from the pages (issue 8, item 4): `/prisoners/:id/corrections/new` corrects the
/// status, Power or unit with a reason; `/prisoners/:id/voidings/new` asks to void the registration
/// or one entry; `/voidings/:id/confirm` is the second officer's confirmation.
struct CorrectionPages {
    struct Form: Content {
        var field: String?
        var value: String?
        var reason: String?
    }

    struct Model: Encodable {
        var id: String
        var number: String
        var statuses: [FormOption]
        var power: String
        var unit: String
        var form: Form
    }

    func form(_ request: Request) async throws -> Response {
        try await render(request, form: Form())
    }

    func submit(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let id = try request.prisonerID()
        let form = try request.content.decode(Form.self)
        do {
            let reader = FormReader(timeZone: request.bureau.config.timeZone)
            guard let field = try reader.choice(form.field, RecordCorrection.Field.self, field: "field"), field != .claim else {
                throw DomainError.invalid("field", "is not one of the offered choices", code: "invalid_choice")
            }
            try await request.bureau.registry.correct(field, to: form.value ?? "", reason: form.reason ?? "", of: id,
                                                      by: user.principal)
            return request.redirect(to: "/prisoners/\(id.uuidString)?saved=1", redirectType: .normal)
        } catch let error as DomainError where ![.forbidden, .notFound].contains(error.kind) {
            return try await render(request, form: form, error: request.message(for: error), status: error.kind.status)
        }
    }

    private func render(_ request: Request, form: Form, error: String? = nil,
                        status: HTTPResponseStatus = .ok) async throws -> Response {
        let user = try request.requireUser()
        let file = try await request.bureau.registry.file(of: try request.prisonerID(), by: user.principal,
                                                          purpose: "correction")
        let prisoner = file.prisoner
        let chosen = form.field == "status" ? form.value : prisoner.status.rawValue
        let model = Model(id: prisoner.id.uuidString, number: prisoner.internmentNumber,
                          statuses: FormOption.choices(ProtectedStatus.self, "status", chosen: { $0.rawValue == chosen }),
                          power: prisoner.powerDependedOn.power, unit: prisoner.unit ?? "", form: form)
        return try await request.renderPage("correction-new", titleKey: "correct.title", model: model, error: error,
                                            status: status)
    }

    // MARK: Voiding

    struct VoidForm: Content {
        var event: String?
        var reason: String?
    }

    struct VoidModel: Encodable {
        var id: String
        var number: String
        var event: String
        /// What is to be voided, in words: the entry's kind and date, or the whole registration.
        var whatKey: String
        var when: String
        var reason: String
    }

    func voidForm(_ request: Request) async throws -> Response {
        let event = (try? request.query.get(String.self, at: "event"))?.trimmedOrNil
        return try await renderVoid(request, form: VoidForm(event: event))
    }

    func requestVoid(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let id = try request.prisonerID()
        let form = try request.content.decode(VoidForm.self)
        do {
            let event = try Self.eventID(form.event)
            try await request.bureau.registry.requestVoid(of: id, eventID: event, reason: form.reason ?? "", by: user.principal)
            return request.redirect(to: "/prisoners/\(id.uuidString)?saved=1", redirectType: .normal)
        } catch let error as DomainError where ![.forbidden, .notFound].contains(error.kind) {
            return try await renderVoid(request, form: form, error: request.message(for: error), status: error.kind.status)
        }
    }

    func confirmVoid(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let id = try request.uuidParameter(code: "voiding_not_found")
        do {
            let voiding = try await request.bureau.registry.confirmVoid(id, by: user.principal)
            return request.redirect(to: "/prisoners/\(voiding.prisonerID.uuidString)?saved=1", redirectType: .normal)
        } catch let error as DomainError where error.kind == .conflict {
            // Back on the record with the reason (the one who asked may not confirm).
            guard let prisonerID = try await VoidingModel.find(id, on: request.db)?.prisonerID else { throw error }
            request.parameters.set("id", to: prisonerID.uuidString)
            return try await PrisonerDetailPage().render(request, error: request.message(for: error), status: .conflict)
        }
    }

    static func eventID(_ text: String?) throws -> UUID? {
        guard let text = text?.trimmedOrNil else { return nil }
        guard let id = UUID(uuidString: text) else {
            throw DomainError(.notFound, code: "event_not_found", "no such entry of this prisoner")
        }
        return id
    }

    private func renderVoid(_ request: Request, form: VoidForm, error: String? = nil,
                            status: HTTPResponseStatus = .ok) async throws -> Response {
        let user = try request.requireUser()
        let file = try await request.bureau.registry.file(of: try request.prisonerID(), by: user.principal, purpose: "voiding")
        let language = request.language
        let zone = request.bureau.config.timeZone
        var whatKey = "void.registration"
        var when = file.capturedAt.map { DateText.format($0, language: language, timeZone: zone) } ?? ""
        if let eventID = try Self.eventID(form.event) {
            // Only an entry this reader sees may be named here.
            guard let entry = file.timeline.first(where: { $0.event.id == eventID }), !entry.redacted else {
                throw DomainError(.notFound, code: "event_not_found", "no such entry of this prisoner")
            }
            whatKey = "event.\(entry.event.kind.rawValue)"
            when = DateText.format(entry.event.occurredAt, language: language, timeZone: zone)
        }
        let model = VoidModel(id: file.prisoner.id.uuidString, number: file.prisoner.internmentNumber,
                              event: form.event ?? "", whatKey: whatKey, when: when, reason: form.reason ?? "")
        return try await request.renderPage("voiding-new", titleKey: form.event == nil ? "void.registrationTitle" : "void.entryTitle",
                                            model: model, error: error, status: status)
    }
}

/// Correct and void through the API: the same store calls as the forms.
struct CorrectionsAPIController {
    struct CorrectionInput: Codable {
        var field: RecordCorrection.Field
        var value: String
        var reason: String
    }

    struct ClaimCorrectionInput: Codable {
        var reason: String
        var claim: ClaimDraft
    }

    struct VoidInput: Codable {
        var reason: String
        var eventID: UUID?
    }

    struct CorrectionDTO: Content {
        var correction: RecordCorrection
        func encode(to encoder: any Encoder) throws { try correction.encode(to: encoder) }
        init(from decoder: any Decoder) throws { correction = try RecordCorrection(from: decoder) }
        init(_ correction: RecordCorrection) { self.correction = correction }
    }

    struct VoidingDTO: Content {
        var voiding: Voiding
        func encode(to encoder: any Encoder) throws { try voiding.encode(to: encoder) }
        init(from decoder: any Decoder) throws { voiding = try Voiding(from: decoder) }
        init(_ voiding: Voiding) { self.voiding = voiding }
    }

    func correct(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let input = try StrictJSON.decode(CorrectionInput.self, from: request)
        guard input.field != .claim else {
            throw DomainError.invalid("field", "correct a claim at /api/v1/claims/{id}/correction", code: "invalid_choice")
        }
        let correction = try await request.bureau.registry.correct(input.field, to: input.value, reason: input.reason,
                                                                   of: try request.prisonerID(), by: user.principal)
        return try Self.created(CorrectionDTO(correction))
    }

    func correctClaim(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let id = try request.uuidParameter(code: "claim_not_found")
        let input = try StrictJSON.decode(ClaimCorrectionInput.self, from: request)
        guard let prisonerID = try await ClaimModel.find(id, on: request.db)?.$prisoner.id else {
            throw DomainError(.notFound, code: "claim_not_found", "no such claim")
        }
        let claim = try await request.bureau.registry.correctClaim(id, with: input.claim, reason: input.reason,
                                                                   of: prisonerID, by: user.principal)
        return try Self.created(ClaimDTO(claim))
    }

    func requestVoid(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let input = try StrictJSON.decode(VoidInput.self, from: request)
        let voiding = try await request.bureau.registry.requestVoid(of: try request.prisonerID(), eventID: input.eventID,
                                                                    reason: input.reason, by: user.principal)
        return try Self.created(VoidingDTO(voiding))
    }

    func confirmVoid(_ request: Request) async throws -> VoidingDTO {
        let user = try request.requireUser()
        return VoidingDTO(try await request.bureau.registry.confirmVoid(try request.uuidParameter(code: "voiding_not_found"),
                                                                        by: user.principal))
    }

    static func created<T: Content>(_ value: T) throws -> Response {
        let response = Response(status: .created)
        try response.content.encode(value, using: JSONCoders.encoder)
        return response
    }
}
