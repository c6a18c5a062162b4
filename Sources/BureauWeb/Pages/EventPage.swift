import BureauCore
import BureauStore
import Vapor

/// `/prisoners/{id}/events/new?kind=…`: recording a timeline entry, or correcting one
/// (`&supersedes=<entry id>`), with the fields of that kind.
struct EventPage {
    struct Form: Content {
        var kind: String?
        var occurredAt: String?
        var supersedes: String?
        // custody move
        var facility: String?
        var section: String?
        var facilityType: String?
        var timeZone: String?
        var reason: String?
        // medical
        var medicalKind: String?
        var weightKg: String?
        var seriouslyIll: String?
        var summary: String?
        // document
        var documentType: String?
        var issuer: String?
        var number: String?
        var nameShown: String?
        var authenticity: String?
        var custody: String?
        // effects
        var itemDescription: String?
        var disposition: String?
        var ground: String?
        var receiptNumber: String?
        // money
        var amount: String?
        var currency: String?
        var officer: String?
        var registerEntry: String?
        // interview
        var purpose: String?
        var language: String?
        var interpreterName: String?
        var interpreterAffiliation: String?
        var interpreterState: String?
        var mode: String?
        var noCoercionAttested: String?
        var content: String?
        // capture (corrections only)
        var place: String?
        var circumstances: String?
        var wounds: String?
        // Art. 22(3): his consent, or the reason of an override (`PlacementPages`)
        var statement: String?
        var clearanceReason: String?
    }

    struct Model: Encodable {
        var id: String
        var kind: String
        var kindKey: String
        var form: Form
        var options: [String: [FormOption]]
        /// Guard 10: the Art. 22(3) warning that stopped the move, with the ways forward.
        var placement: PlacementWarning? = nil
    }

    static func model(_ id: UUID, kind: EventKind, form: Form, placement: PlacementWarning? = nil) -> Model {
        return Model(id: id.uuidString, kind: kind.rawValue, kindKey: "event.\(kind.rawValue)", form: form, options: [
            "facilityType": FormOption.choices(CustodyMove.FacilityType.self, "facility"),
            "medicalKind": FormOption.choices(MedicalEntry.Kind.self, "medical"),
            "authenticity": FormOption.choices(DocumentAuthenticity.self, "authenticity"),
            "custody": FormOption.choices(HeldDocument.Custody.self, "custody"),
            "disposition": FormOption.choices(EffectsSeizure.Item.Disposition.self, "disposition"),
            "ground": FormOption.choices(EffectsSeizure.Item.Ground.self, "ground"),
            "purpose": FormOption.choices(Interview.Purpose.self, "purpose"),
            "mode": FormOption.choices(Interview.Mode.self, "mode"),
        ], placement: placement)
    }

    func form(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let id = try request.prisonerID()
        let reader = FormReader(timeZone: request.bureau.config.timeZone)
        let kind = try reader.choice(try? request.query.get(String.self, at: "kind"), EventKind.self, field: "kind") ?? .custodyMove
        guard Self.supportedKinds.contains(kind) else {
            throw DomainError.invalid("kind", "this entry is recorded through the API", code: "kind_not_on_form")
        }
        guard AccessPolicy.canRecord(user.account.role, kind) else {
            try await request.bureau.context.deny(user.principal, action: "event.create.\(kind.rawValue)",
                                                  entity: "prisoner", entityID: id.uuidString)
        }
        let form = Form(kind: kind.rawValue, supersedes: try? request.query.get(String.self, at: "supersedes"),
                        timeZone: request.bureau.config.timeZone.identifier, currency: "UAH", noCoercionAttested: nil)
        return try await request.renderPage("event-new", titleKey: "event.title", model: Self.model(id, kind: kind, form: form))
    }

    func submit(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let id = try request.prisonerID()
        let form = try request.content.decode(Form.self)
        let reader = FormReader(timeZone: request.bureau.config.timeZone)
        guard let kind = try reader.choice(form.kind, EventKind.self, field: "kind") else {
            throw DomainError.invalid("kind", "is required", code: "required")
        }
        do {
            let payload = try Self.payload(kind: kind, form: form, reader: reader)
            let occurredAt = try reader.dateTime(form.occurredAt, field: "occurredAt")!
            var supersedes: UUID?
            if let text = form.supersedes?.trimmedOrNil {
                guard let parsed = UUID(uuidString: text) else {
                    throw DomainError.invalid("supersedes", "is not an entry id", code: "invalid_value")
                }
                supersedes = parsed
            }
            _ = try await request.bureau.registry.addEvent(payload, occurredAt: occurredAt, supersedes: supersedes,
                                                           to: id, by: user.principal)
            return request.redirect(to: "/prisoners/\(id.uuidString)?saved=1", redirectType: .normal)
        } catch let refusal as PlacementRefusal {
            // Nothing was written: the filled-in form comes back with the warning and the ways forward.
            return try await request.renderPage("event-new", titleKey: "event.title",
                                                model: Self.model(id, kind: kind, form: form,
                                                                  placement: PlacementWarning(refusal, prisonerID: id, form: form, request: request)),
                                                error: request.bureau.catalog.text("error.\(PlacementRefusal.code)", request.language),
                                                status: .conflict)
        } catch let error as DomainError where ![.forbidden, .notFound].contains(error.kind) {
            return try await request.renderPage("event-new", titleKey: "event.title",
                                                model: Self.model(id, kind: kind, form: form),
                                                error: request.message(for: error), status: error.kind.status)
        }
    }

    /// The kinds this form can record; the Convention's other entries go through the API and the
    /// screens of the obligations dashboard.
    static let supportedKinds: [EventKind] = [.capture, .custodyMove, .medical, .document, .effects, .money, .interview]

    static func payload(kind: EventKind, form: Form, reader: FormReader) throws -> EventPayload {
        switch kind {
        case .capture:
            return .capture(Capture(place: form.place ?? "", circumstances: form.circumstances?.trimmedOrNil,
                                    wounds: FormReader.lines(form.wounds)))
        case .custodyMove:
            return .custodyMove(CustodyMove(
                facility: form.facility ?? "",
                facilityType: try reader.choice(form.facilityType, CustodyMove.FacilityType.self, field: "facilityType") ?? .camp,
                timeZone: form.timeZone?.trimmedOrNil, reason: form.reason?.trimmedOrNil, section: form.section?.trimmedOrNil))
        case .medical:
            return .medical(MedicalEntry(
                kind: try reader.choice(form.medicalKind, MedicalEntry.Kind.self, field: "medicalKind") ?? .inspection,
                weightKg: try reader.number(form.weightKg, field: "weightKg"),
                seriouslyIll: form.seriouslyIll?.trimmedOrNil.map { $0 == "yes" }, summary: form.summary?.trimmedOrNil))
        case .document:
            return .document(HeldDocument(
                documentType: form.documentType ?? "", issuer: form.issuer?.trimmedOrNil, number: form.number?.trimmedOrNil,
                nameShown: form.nameShown?.trimmedOrNil,
                authenticity: try reader.choice(form.authenticity, DocumentAuthenticity.self, field: "authenticity") ?? .unverified,
                custody: try reader.choice(form.custody, HeldDocument.Custody.self, field: "custody") ?? .withPrisoner))
        case .effects:
            let item = EffectsSeizure.Item(
                description: form.itemDescription ?? "",
                disposition: try reader.choice(form.disposition, EffectsSeizure.Item.Disposition.self, field: "disposition") ?? .kept,
                ground: try reader.choice(form.ground, EffectsSeizure.Item.Ground.self, field: "ground"))
            return .effects(EffectsSeizure(items: [item], receiptNumber: form.receiptNumber?.trimmedOrNil))
        case .money:
            return .money(MoneySeizure(amountMinor: try reader.money(form.amount, field: "amount"),
                                       currency: (form.currency ?? "").uppercased(), officer: form.officer ?? "",
                                       receiptNumber: form.receiptNumber ?? "", registerEntry: form.registerEntry?.trimmedOrNil))
        case .interview:
            let interpreter = form.interpreterName?.trimmedOrNil.map {
                Interview.Interpreter(name: $0, affiliation: form.interpreterAffiliation ?? "",
                                      affiliationState: form.interpreterState?.trimmedOrNil?.uppercased())
            }
            return .interview(Interview(
                purpose: try reader.choice(form.purpose, Interview.Purpose.self, field: "purpose") ?? .intake,
                language: form.language?.trimmedOrNil?.lowercased() ?? "", interpreter: interpreter,
                mode: try reader.choice(form.mode, Interview.Mode.self, field: "mode") ?? .oral,
                noCoercionAttested: form.noCoercionAttested != nil, content: form.content?.trimmedOrNil))
        default:
            throw DomainError.invalid("kind", "this entry is recorded through the API", code: "kind_not_on_form")
        }
    }
}
