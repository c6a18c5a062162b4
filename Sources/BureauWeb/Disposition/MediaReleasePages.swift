import BureauCore
import BureauStore
import Vapor

/// Pages of guard 8: a form for each write of the media release API. Each calls the same
/// `MediaReleaseStore` method as the API; a refusal comes back in the page language.
func mediaReleasePageRoutes(_ app: Application) {
    let pages = MediaReleasePages()
    let requesters = app.grouped(RoleMiddleware(.requestRelease))
    requesters.get("prisoners", ":id", "media-releases", "new", use: pages.form)
    requesters.post("prisoners", ":id", "media-releases", use: pages.submit)
    requesters.post("media-releases", ":id", "assessment", use: pages.assess)
    app.grouped(RoleMiddleware(.decideRelease)).post("media-releases", ":id", "decision", use: pages.decide)
    requesters.post("prisoners", ":id", "media-breaches", use: pages.recordBreach)
    requesters.post("media-breaches", ":id", "close", use: pages.closeBreach)
}

struct MediaReleasePages {
    struct Form: Content {
        var medium: String?
        var description: String?
        var digest: String?
        var requester: String?
        var purpose: String?
        var identifiable: [String]?
        var measures: [String]?
        var prisonerView: String?
        var prisonerViewNote: String?
        var familyRisk: String?
        var citeRisk: String?
    }

    struct Model: Encodable {
        var id: String
        var form: Form
        var media: [FormOption]
        var features: [FormOption]
        var measures: [FormOption]
        var citeRisk: Bool
    }

    static func model(_ id: UUID, _ form: Form) -> Model {
        let features = Set(form.identifiable ?? [])
        let measures = Set(form.measures ?? [])
        return Model(id: id.uuidString, form: form, media: FormOption.choices(MediaReleaseRequest.Medium.self, "mediamedium"),
                     features: FormOption.choices(MediaReleaseRequest.Feature.self, "mediafeature") { features.contains($0.rawValue) },
                     measures: FormOption.choices(MediaReleaseRequest.Measure.self, "mediameasure") { measures.contains($0.rawValue) },
                     citeRisk: form.citeRisk != nil)
    }

    func form(_ request: Request) async throws -> Response {
        _ = try request.requireUser()
        let form = Form(medium: MediaReleaseRequest.Medium.video.rawValue,
                        identifiable: MediaReleaseRequest.Feature.allCases.map(\.rawValue), citeRisk: "on")
        return try await request.renderPage("media-release-new", titleKey: "releasenew.title",
                                            model: Self.model(try request.prisonerID(), form))
    }

    func submit(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let id = try request.prisonerID()
        let form = try request.content.decode(Form.self)
        let store = request.bureau.mediaReleases
        do {
            let reader = FormReader(timeZone: request.bureau.config.timeZone)
            guard let medium = try reader.choice(form.medium, MediaReleaseRequest.Medium.self, field: "medium") else {
                throw DomainError.invalid("medium", "is required", code: "required")
            }
            let features = try (form.identifiable ?? []).map { try reader.choice($0, MediaReleaseRequest.Feature.self, field: "identifiable")! }
            let measures = try (form.measures ?? []).map { try reader.choice($0, MediaReleaseRequest.Measure.self, field: "measures")! }
            // "Cite his risk assessments" links every assessment on file: the legal officer has read them.
            var riskIDs: [UUID] = []
            if form.citeRisk != nil {
                riskIDs = try await store.riskAssessmentIDs(of: id, by: user.principal)
            }
            let now = request.bureau.context.clock.now()
            let view: MediaReleaseRequest.PrisonerView? = switch form.prisonerView ?? "" {
            case "consents": .init(consents: true, note: form.prisonerViewNote?.trimmedOrNil, recordedBy: "", recordedAt: now)
            case "refuses": .init(consents: false, note: form.prisonerViewNote?.trimmedOrNil, recordedBy: "", recordedAt: now)
            default: nil
            }
            let filed = MediaReleaseRequest(
                id: UUID(), prisonerID: id, medium: medium, description: form.description ?? "", digest: form.digest ?? "",
                requester: form.requester ?? "", purpose: form.purpose ?? "", identifiable: Set(features), measures: Set(measures),
                prisonerView: view, riskAssessmentIDs: riskIDs, familyRisk: form.familyRisk, recordedBy: "", recordedAt: now)
            _ = try await store.file(filed, for: id, by: user.principal)
            return request.redirect(to: "/prisoners/\(id.uuidString)?saved=1#releases", redirectType: .normal)
        } catch let error as DomainError where ![.forbidden, .notFound].contains(error.kind) {
            return try await request.renderPage("media-release-new", titleKey: "releasenew.title", model: Self.model(id, form),
                                                error: request.message(for: error.onForm()), status: error.kind.status)
        }
    }

    struct DecisionForm: Content {
        var approve: String?
        var reasoning: String?
    }

    func assess(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let form = try request.content.decode(DecisionForm.self)
        let updated = try await request.bureau.mediaReleases.assess(try request.uuidParameter(code: "not_found"),
                                                                    approve: form.approve == "yes", reasoning: form.reasoning ?? "",
                                                                    by: user.principal)
        return request.redirect(to: "/prisoners/\(updated.prisonerID.uuidString)?saved=1#releases", redirectType: .normal)
    }

    func decide(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let form = try request.content.decode(DecisionForm.self)
        let updated = try await request.bureau.mediaReleases.decide(try request.uuidParameter(code: "not_found"),
                                                                    approve: form.approve == "yes", reasoning: form.reasoning ?? "",
                                                                    by: user.principal)
        return request.redirect(to: "/prisoners/\(updated.prisonerID.uuidString)?saved=1#releases", redirectType: .normal)
    }

    struct BreachForm: Content {
        var medium: String?
        var description: String?
        var digest: String?
        var publishedIn: String?
        var publishedAt: String?
        var note: String?
    }

    func recordBreach(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let id = try request.prisonerID()
        let form = try request.content.decode(BreachForm.self)
        let reader = FormReader(timeZone: request.bureau.config.timeZone)
        guard let medium = try reader.choice(form.medium, MediaReleaseRequest.Medium.self, field: "medium") else {
            throw DomainError.invalid("medium", "is required", code: "required")
        }
        guard let publishedAt = try reader.dateTime(form.publishedAt, field: "publishedAt") else {
            throw DomainError.invalid("publishedAt", "is required", code: "required")
        }
        let breach = MediaReleaseBreach(id: UUID(), prisonerID: id, medium: medium, description: form.description ?? "",
                                        digest: form.digest ?? "", publishedIn: form.publishedIn ?? "", publishedAt: publishedAt,
                                        recordedBy: "", recordedAt: publishedAt)
        _ = try await request.bureau.mediaReleases.recordBreach(breach, for: id, by: user.principal)
        return request.redirect(to: "/prisoners/\(id.uuidString)?saved=1#releases", redirectType: .normal)
    }

    func closeBreach(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let form = try request.content.decode(BreachForm.self)
        _ = try await request.bureau.mediaReleases.closeBreach(try request.uuidParameter(code: "not_found"), note: form.note ?? "",
                                                               by: user.principal)
        return request.redirect(to: "/obligations?saved=1", redirectType: .normal)
    }
}
