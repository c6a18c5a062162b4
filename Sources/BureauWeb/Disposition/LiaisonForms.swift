import BureauCore
import BureauStore
import Vapor

/// Forms of the liaison work and of the medical officer: a party and its role for a prisoner, a
/// consultation logged against a case (with the disclosure approval guard 12 asks for), and a medical
/// eligibility decision. Each calls the same `DispositionStore` method as the API; a refused form comes
/// back filled in with the reason in the page language, and nothing is written.
func liaisonFormRoutes(_ app: Application) {
    let liaison = app.grouped(RoleMiddleware(.liaise))
    let parties = PartyPage()
    liaison.get("prisoners", ":id", "parties", "new", use: parties.form)
    liaison.post("prisoners", ":id", "parties", use: parties.submit)
    let consultations = ConsultationPage()
    liaison.get("prisoners", ":id", "consultations", "new", use: consultations.form)
    liaison.post("prisoners", ":id", "consultations", use: consultations.submit)

    let eligibility = EligibilityPage()
    let medics = app.grouped(RoleMiddleware(.decideEligibility))
    medics.get("prisoners", ":id", "medical-eligibility", "new", use: eligibility.form)
    medics.post("prisoners", ":id", "medical-eligibility", use: eligibility.submit)
}

/// Renders `template` with `model`, or the same form again with the refusal when `body` throws a domain error.
func savingForm<Model: Encodable>(_ request: Request, template: String, titleKey: String, model: Model,
                                  fieldNames: [String: String] = [:],
                                  _ body: () async throws -> String) async throws -> Response {
    do {
        return request.redirect(to: try await body(), redirectType: .normal)
    } catch let error as DomainError where ![.forbidden, .notFound].contains(error.kind) {
        return try await request.renderPage(template, titleKey: titleKey, model: model,
                                            error: request.message(for: error.onForm(fieldNames)), status: error.kind.status)
    }
}

/// `/prisoners/{id}/parties/new`: a state or organisation and the role it plays for this prisoner.
struct PartyPage {
    struct Form: Content {
        var name: String?
        var kind: String?
        var stateCode: String?
        var isICRC: String?
        var role: String?
        var contested: String?
        var rationale: String?
    }

    struct Model: Encodable {
        var id: String
        var form: Form
        var kinds: [FormOption]
        var roles: [FormOption]
    }

    static func model(_ id: UUID, _ form: Form) -> Model {
        Model(id: id.uuidString, form: form, kinds: FormOption.choices(Party.Kind.self, "partykind"),
              roles: FormOption.choices(PartyRole.self, "partyrole"))
    }

    func form(_ request: Request) async throws -> Response {
        _ = try request.requireUser()
        return try await request.renderPage("party-new", titleKey: "partynew.title",
                                            model: Self.model(try request.prisonerID(), Form(kind: "state")))
    }

    func submit(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let id = try request.prisonerID()
        let form = try request.content.decode(Form.self)
        let reader = FormReader(timeZone: request.bureau.config.timeZone)
        return try await savingForm(request, template: "party-new", titleKey: "partynew.title", model: Self.model(id, form)) {
            guard let kind = try reader.choice(form.kind, Party.Kind.self, field: "kind") else {
                throw DomainError.invalid("kind", "is required", code: "required")
            }
            guard let role = try reader.choice(form.role, PartyRole.self, field: "role") else {
                throw DomainError.invalid("role", "is required", code: "required")
            }
            let party = Party(id: UUID(), name: form.name?.trimmedOrNil ?? "", kind: kind,
                              stateCode: form.stateCode?.trimmedOrNil?.uppercased(), isICRC: form.isICRC != nil)
            let assignment = PartyRoleAssignment(partyID: UUID(), prisonerID: id, role: role, contested: form.contested != nil,
                                                 rationale: form.rationale?.trimmedOrNil)
            _ = try await request.bureau.disposition.createParty(party, roles: [assignment], by: user.principal)
            return "/prisoners/\(id.uuidString)?saved=1"
        }
    }
}

/// `/prisoners/{id}/consultations/new`: an appeal, request, note or reply exchanged with a party about
/// this prisoner, and about one of his cases when chosen. A message that discloses his will needs the
/// names of the data protection officer and the legal officer who approved it (guard 12); to the Power
/// he depends on it is refused. It hangs off the prisoner, not the case: a liaison officer may not read a
/// third-state case, yet he is the one who writes to the states.
struct ConsultationPage {
    struct Form: Content {
        var partyID: String?
        var caseID: String?
        var direction: String?
        var kind: String?
        var channel: String?
        var date: String?
        var summary: String?
        var disclosesWill: String?
        var dpo: String?
        var approvingLegalOfficer: String?
        var approvalReason: String?
        var approvedAt: String?
    }

    struct Model: Encodable {
        var id: String
        var form: Form
        var parties: [FormOption]
        var cases: [FormOption]
        var directions: [FormOption]
        var kinds: [FormOption]
        var channels: [FormOption]
        var hasParties: Bool
    }

    static let fieldNames = ["disclosureApproval": "disclosesWill", "partyID": "party"]

    static func model(_ request: Request, _ id: UUID, _ form: Form, by principal: Principal) async throws -> Model {
        let store = request.bureau.disposition
        let parties = try await store.parties(for: id, by: principal)
        let text = DispositionText(request: request)
        let cases = try await store.cases(of: id, by: principal)
        // Party names are proper names, shown as entered; case labels are built here in the page language.
        return Model(
            id: id.uuidString, form: form,
            parties: parties.map { FormOption(value: $0.id.uuidString, key: $0.name, checked: $0.id.uuidString == form.partyID) },
            cases: cases.map {
                FormOption(value: $0.id.uuidString, key: "\(text.text("casekind.\($0.kind.rawValue)")) · \(text.date($0.createdAt))",
                           checked: $0.id.uuidString == form.caseID)
            },
            directions: FormOption.choices(Consultation.Direction.self, "consultation") { $0.rawValue == form.direction },
            kinds: FormOption.choices(Consultation.Kind.self, "consultation") { $0.rawValue == form.kind },
            channels: FormOption.choices(Consultation.Channel.self, "channel") { $0.rawValue == form.channel },
            hasParties: !parties.isEmpty)
    }

    func form(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let reader = FormReader(timeZone: request.bureau.config.timeZone)
        let form = Form(caseID: try? request.query.get(String.self, at: "case"), direction: "outbound", kind: "request",
                        channel: "diplomatic_note", date: reader.localInput(request.bureau.context.clock.now()))
        return try await request.renderPage("consultation-new", titleKey: "consultationnew.title",
                                            model: try await Self.model(request, try request.prisonerID(), form, by: user.principal))
    }

    func submit(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let id = try request.prisonerID()
        let form = try request.content.decode(Form.self)
        let reader = FormReader(timeZone: request.bureau.config.timeZone)
        return try await savingForm(request, template: "consultation-new", titleKey: "consultationnew.title",
                                    model: try await Self.model(request, id, form, by: user.principal),
                                    fieldNames: Self.fieldNames) {
            guard let party = form.partyID.flatMap(UUID.init(uuidString:)) else {
                throw DomainError.invalid("party", "is required", code: "required")
            }
            guard let direction = try reader.choice(form.direction, Consultation.Direction.self, field: "direction"),
                  let kind = try reader.choice(form.kind, Consultation.Kind.self, field: "consultationKind"),
                  let channel = try reader.choice(form.channel, Consultation.Channel.self, field: "channel") else {
                throw DomainError.invalid("consultationKind", "is required", code: "required")
            }
            let caseID = form.caseID?.trimmedOrNil.flatMap(UUID.init(uuidString:))
            let discloses = form.disclosesWill != nil
            var approval: DisclosureApproval?
            if discloses, let dpo = form.dpo?.trimmedOrNil {
                approval = DisclosureApproval(dataProtectionOfficer: dpo,
                                              legalOfficer: form.approvingLegalOfficer?.trimmedOrNil ?? "",
                                              reason: form.approvalReason?.trimmedOrNil ?? "",
                                              approvedAt: try reader.dateTime(form.approvedAt, field: "approvedAt", required: false)
                                                  ?? request.bureau.context.clock.now())
            }
            let consultation = Consultation(
                id: UUID(), partyID: party, direction: direction, kind: kind,
                date: try reader.dateTime(form.date, field: "date")!, channel: channel, summary: form.summary?.trimmedOrNil ?? "",
                caseIDs: caseID.map { [$0] } ?? [], prisonerIDs: [id], disclosesWill: discloses, disclosureApproval: approval,
                recordedBy: "", recordedAt: Date())
            _ = try await request.bureau.disposition.recordConsultation(consultation, by: user.principal)
            return "/prisoners/\(id.uuidString)?saved=1"
        }
    }
}

/// `/prisoners/{id}/medical-eligibility/new`: an Art. 110 / Annex I decision by the physician or the
/// Mixed Medical Commission (Annex IV E: A, B or NC), or an obvious case (Art. 112).
struct EligibilityPage {
    struct Form: Content {
        var category: String?
        var annexIReference: String?
        var obviousCase: String?
        var commissionDecision: String?
        var decidedAt: String?
        var decidedBy: String?
        var fitToTravel: String?
    }

    struct Model: Encodable {
        var id: String
        var form: Form
        var categories: [FormOption]
        var decisions: [FormOption]
    }

    static func model(_ id: UUID, _ form: Form) -> Model {
        Model(id: id.uuidString, form: form,
              categories: FormOption.choices(MedicalRepatriationEligibility.Category.self, "eligibility") {
                  $0.rawValue == form.category
              },
              decisions: FormOption.choices(MedicalRepatriationEligibility.CommissionDecision.self, "mmc") {
                  $0.rawValue == form.commissionDecision
              })
    }

    func form(_ request: Request) async throws -> Response {
        _ = try request.requireUser()
        let reader = FormReader(timeZone: request.bureau.config.timeZone)
        let form = Form(decidedAt: reader.localInput(request.bureau.context.clock.now()), fitToTravel: "on")
        return try await request.renderPage("eligibility-new", titleKey: "eligibilitynew.title",
                                            model: Self.model(try request.prisonerID(), form))
    }

    func submit(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let id = try request.prisonerID()
        let form = try request.content.decode(Form.self)
        let reader = FormReader(timeZone: request.bureau.config.timeZone)
        return try await savingForm(request, template: "eligibility-new", titleKey: "eligibilitynew.title",
                                    model: Self.model(id, form)) {
            guard let category = try reader.choice(form.category, MedicalRepatriationEligibility.Category.self,
                                                   field: "category") else {
                throw DomainError.invalid("category", "is required", code: "required")
            }
            let decision = try reader.choice(form.commissionDecision?.trimmedOrNil,
                                             MedicalRepatriationEligibility.CommissionDecision.self, field: "commissionDecision")
            let eligibility = MedicalRepatriationEligibility(
                id: UUID(), prisonerID: id, category: category, annexIReference: form.annexIReference?.trimmedOrNil,
                obviousCase: form.obviousCase != nil, commissionDecision: decision,
                decidedAt: try reader.dateTime(form.decidedAt, field: "decidedAt")!,
                decidedBy: form.decidedBy?.trimmedOrNil ?? "", fitToTravel: form.fitToTravel != nil)
            _ = try await request.bureau.disposition.recordEligibility(eligibility, for: id, by: user.principal)
            return "/prisoners/\(id.uuidString)?saved=1"
        }
    }
}
