import BureauCore
import BureauStore
import Vapor

/// `/prisoners/new`: registering a captured person with up to two identity claims (for instance
/// his name as he writes it, and the name on the document he carried).
struct RegisterPage {
    /// Every field of the form, as typed, so a refused form comes back filled in.
    struct Form: Content {
        var internmentNumber: String?
        var status: String?
        var power: String?
        var powerContested: String?
        var powerRationale: String?
        var forcesServedWith: String?
        var unit: String?
        var languages: String?
        var canStateIdentity: String?
        var answersOnlyInWriting: String?
        var sex: String?
        var capturedAt: String?
        var capturePlace: String?
        var captureCircumstances: String?
        var unitAtCapture: String?
        var capturingUnit: String?
        var wounds: String?
        var surname1: String?
        var firstNames1: String?
        var fatherName1: String?
        var dateOfBirth1: String?
        var placeOfBirth1: String?
        var rank1: String?
        var serviceNumber1: String?
        var nationality1: String?
        var source1: String?
        var refused1: [String]?
        var surname2: String?
        var firstNames2: String?
        var fatherName2: String?
        var dateOfBirth2: String?
        var serviceNumber2: String?
        var source2: String?
        var authenticity2: String?
    }

    struct Model: Encodable {
        var form: Form
        var statuses: [FormOption]
        var sources: [FormOption]
        var authenticities: [FormOption]
        var items: [FormOption]
    }

    static func model(_ form: Form) -> Model {
        Model(form: form,
              statuses: FormOption.choices(ProtectedStatus.self, "status"),
              sources: FormOption.choices(ClaimSource.self, "source"),
              authenticities: FormOption.choices(DocumentAuthenticity.self, "authenticity"),
              items: FormOption.choices(CoreIdentityItem.self, "item"))
    }

    func form(_ request: Request) async throws -> Response {
        _ = try request.requireUser()
        return try await request.renderPage("prisoner-new", titleKey: "register.title",
                                            model: Self.model(Form(canStateIdentity: "yes", source1: "self_declared")))
    }

    func submit(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let form = try request.content.decode(Form.self)
        do {
            let registration = try Self.registration(from: form, reader: FormReader(timeZone: request.bureau.config.timeZone))
            let file = try await request.bureau.registry.register(registration, by: user.principal)
            return request.redirect(to: "/prisoners/\(file.prisoner.id.uuidString)?saved=1", redirectType: .normal)
        } catch let error as DomainError where error.kind != .forbidden {
            return try await request.renderPage("prisoner-new", titleKey: "register.title", model: Self.model(form),
                                                error: request.message(for: error), status: error.kind.status)
        }
    }

    static func registration(from form: Form, reader: FormReader) throws -> Registration {
        var claims: [ClaimDraft] = []
        let first = ClaimDraft(surname: form.surname1, firstNames: form.firstNames1, fatherName: form.fatherName1,
                               dateOfBirth: try reader.partialDate(form.dateOfBirth1, field: "dateOfBirth"),
                               placeOfBirth: form.placeOfBirth1, rank: form.rank1, serviceNumber: form.serviceNumber1,
                               nationality: form.nationality1,
                               source: try reader.choice(form.source1, ClaimSource.self, field: "source") ?? .selfDeclared,
                               refusedItems: Set(try (form.refused1 ?? []).map {
                                   try reader.choice($0, CoreIdentityItem.self, field: "refusedItems")!
                               }), isAssessed: true)
        claims.append(first)
        let secondGiven = [form.surname2, form.firstNames2, form.fatherName2, form.serviceNumber2]
            .contains { $0?.trimmedOrNil != nil }
        if secondGiven {
            let source = try reader.choice(form.source2, ClaimSource.self, field: "source") ?? .document
            claims.append(ClaimDraft(surname: form.surname2, firstNames: form.firstNames2, fatherName: form.fatherName2,
                                     dateOfBirth: try reader.partialDate(form.dateOfBirth2, field: "dateOfBirth"),
                                     serviceNumber: form.serviceNumber2, source: source,
                                     documentAuthenticity: source == .document
                                        ? try reader.choice(form.authenticity2, DocumentAuthenticity.self, field: "documentAuthenticity")
                                        : nil))
        }
        guard let power = form.power?.trimmedOrNil else {
            throw DomainError.invalid("power", "is required", code: "required")
        }
        return Registration(
            internmentNumber: form.internmentNumber?.trimmedOrNil,
            status: try reader.choice(form.status, ProtectedStatus.self, field: "status") ?? .prisonerOfWar,
            powerDependedOn: PowerAllegiance(power: power.uppercased(), contested: form.powerContested != nil,
                                             rationale: form.powerRationale?.trimmedOrNil),
            forcesServedWith: form.forcesServedWith, unit: form.unit, languages: FormReader.list(form.languages),
            canStateIdentity: form.canStateIdentity != "no", answersOnlyInWriting: form.answersOnlyInWriting != nil,
            sex: try reader.choice(form.sex, Sex.self, field: "sex"), claims: claims,
            capturedAt: try reader.dateTime(form.capturedAt, field: "capturedAt")!,
            capture: Capture(place: form.capturePlace ?? "", capturingUnit: form.capturingUnit?.trimmedOrNil,
                             unitAtCapture: form.unitAtCapture?.trimmedOrNil,
                             circumstances: form.captureCircumstances?.trimmedOrNil, wounds: FormReader.lines(form.wounds)))
    }
}

/// `/prisoners/{id}/claims/new`: one more account of who he is.
struct ClaimPage {
    struct Form: Content {
        var surname: String?
        var firstNames: String?
        var fatherName: String?
        var dateOfBirth: String?
        var placeOfBirth: String?
        var rank: String?
        var serviceNumber: String?
        var nationality: String?
        var source: String?
        var confidence: String?
        var documentAuthenticity: String?
        var isAssessed: String?
        var note: String?
        /// The claim this one corrects (issue 8): the form then asks why.
        var supersedes: String?
        var reason: String?
    }

    struct Model: Encodable {
        var id: String
        var form: Form
        var sources: [FormOption]
        var confidences: [FormOption]
        var authenticities: [FormOption]
    }

    static func model(_ id: UUID, _ form: Form) -> Model {
        Model(id: id.uuidString, form: form,
              sources: FormOption.choices(ClaimSource.self, "source"),
              confidences: FormOption.choices(ClaimConfidence.self, "confidence"),
              authenticities: FormOption.choices(DocumentAuthenticity.self, "authenticity"))
    }

    func form(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let id = try request.prisonerID()
        var form = Form(source: "investigator")
        // Correcting a claim: the form starts from the claim it replaces.
        if let text = (try? request.query.get(String.self, at: "supersedes")), let old = UUID(uuidString: text) {
            let file = try await request.bureau.registry.file(of: id, by: user.principal, purpose: "claim correction")
            guard let claim = file.claims.first(where: { $0.id == old }) else {
                throw DomainError(.notFound, code: "claim_not_found", "no such claim of this prisoner")
            }
            form = Form(surname: claim.surname, firstNames: claim.firstNames, fatherName: claim.fatherName,
                        dateOfBirth: claim.dateOfBirth?.description, placeOfBirth: claim.placeOfBirth, rank: claim.rank,
                        serviceNumber: claim.serviceNumber, nationality: claim.nationality, source: claim.source.rawValue,
                        confidence: claim.confidence.rawValue, documentAuthenticity: claim.documentAuthenticity?.rawValue,
                        isAssessed: claim.isAssessed ? "on" : nil, note: claim.note, supersedes: old.uuidString)
        }
        return try await request.renderPage("claim-new", titleKey: form.supersedes == nil ? "claim.title" : "correct.claimTitle",
                                            model: Self.model(id, form))
    }

    func submit(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let id = try request.prisonerID()
        let form = try request.content.decode(Form.self)
        let reader = FormReader(timeZone: request.bureau.config.timeZone)
        do {
            let source = try reader.choice(form.source, ClaimSource.self, field: "source") ?? .investigator
            let draft = ClaimDraft(surname: form.surname, firstNames: form.firstNames, fatherName: form.fatherName,
                                   dateOfBirth: try reader.partialDate(form.dateOfBirth, field: "dateOfBirth"),
                                   placeOfBirth: form.placeOfBirth, rank: form.rank, serviceNumber: form.serviceNumber,
                                   nationality: form.nationality, source: source,
                                   confidence: try reader.choice(form.confidence, ClaimConfidence.self, field: "confidence"),
                                   documentAuthenticity: source == .document
                                    ? try reader.choice(form.documentAuthenticity, DocumentAuthenticity.self, field: "documentAuthenticity")
                                    : nil,
                                   isAssessed: form.isAssessed != nil, note: form.note)
            if let text = form.supersedes?.trimmedOrNil {
                guard let old = UUID(uuidString: text) else {
                    throw DomainError(.notFound, code: "claim_not_found", "no such claim of this prisoner")
                }
                _ = try await request.bureau.registry.correctClaim(old, with: draft, reason: form.reason ?? "", of: id,
                                                                   by: user.principal)
            } else {
                _ = try await request.bureau.registry.addClaim(draft, to: id, by: user.principal)
            }
            return request.redirect(to: "/prisoners/\(id.uuidString)?saved=1", redirectType: .normal)
        } catch let error as DomainError where ![.forbidden, .notFound].contains(error.kind) {
            return try await request.renderPage("claim-new", titleKey: form.supersedes == nil ? "claim.title" : "correct.claimTitle",
                                                model: Self.model(id, form),
                                                error: request.message(for: error), status: error.kind.status)
        }
    }
}
