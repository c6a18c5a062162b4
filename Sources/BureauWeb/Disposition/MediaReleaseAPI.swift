import BureauCore
import BureauStore
import Vapor

extension BureauServices {
    /// Guard 8: media release requests and breaches (Art. 13).
    public var mediaReleases: MediaReleaseStore { MediaReleaseStore(context: context) }
}

/// `POST /api/v1/prisoners/{id}/media-releases`.
struct MediaReleaseInput: Codable {
    var medium: MediaReleaseRequest.Medium
    var description: String
    var digest: String
    var requester: String
    var purpose: String
    var identifiable: [MediaReleaseRequest.Feature]
    var measures: [MediaReleaseRequest.Measure]?
    var prisonerConsents: Bool?
    var prisonerViewNote: String?
    var riskAssessmentIds: [UUID]?
    var familyRisk: String?

    func request(recordedBy: String, at now: Date) -> MediaReleaseRequest {
        MediaReleaseRequest(
            id: UUID(), prisonerID: UUID(), medium: medium, description: description, digest: digest, requester: requester,
            purpose: purpose, identifiable: Set(identifiable), measures: Set(measures ?? []),
            prisonerView: prisonerConsents.map { MediaReleaseRequest.PrisonerView(consents: $0, note: prisonerViewNote?.trimmedOrNil, recordedBy: recordedBy, recordedAt: now) },
            riskAssessmentIDs: riskAssessmentIds ?? [], familyRisk: familyRisk, recordedBy: recordedBy, recordedAt: now)
    }
}

/// `POST /api/v1/media-releases/{id}/assessment` and `…/decision`.
struct ReleaseDecisionInput: Codable {
    var approve: Bool
    var reasoning: String
}

/// `POST /api/v1/prisoners/{id}/media-breaches`.
struct MediaBreachInput: Codable {
    var medium: MediaReleaseRequest.Medium
    var description: String
    var digest: String
    var publishedIn: String
    var publishedAt: Date
}

struct BreachCloseInput: Codable {
    var note: String
}

/// A release request with its guard-8 checklist, as the API returns it.
struct MediaReleaseDTO: Content {
    var request: MediaReleaseRequest
    var state: MediaReleaseRequest.State
    var remainingIdentifiable: [MediaReleaseRequest.Feature]
    var guards: [GuardResult]

    init(_ request: MediaReleaseRequest) {
        self.request = request
        self.state = request.state
        self.remainingIdentifiable = request.remainingIdentifiable.sorted()
        self.guards = LegalGuards.mediaRelease(request)
    }
}

struct MediaReleasesDTO: Content {
    var releases: [MediaReleaseDTO]
}

struct MediaBreachesDTO: Content {
    var breaches: [MediaReleaseBreach]
}

struct MediaReleaseAPIController {
    func file(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let input = try StrictJSON.decode(MediaReleaseInput.self, from: request)
        let filed = try await request.bureau.mediaReleases.file(
            input.request(recordedBy: user.principal.username, at: Date()), for: try request.prisonerID(), by: user.principal)
        return try created(MediaReleaseDTO(filed), location: "/api/v1/media-releases/\(filed.id.uuidString)")
    }

    func list(_ request: Request) async throws -> MediaReleasesDTO {
        let user = try request.requireUser()
        let releases = try await request.bureau.mediaReleases.releases(of: try request.prisonerID(), by: user.principal)
        return MediaReleasesDTO(releases: releases.map(MediaReleaseDTO.init))
    }

    func show(_ request: Request) async throws -> MediaReleaseDTO {
        let user = try request.requireUser()
        let id = try request.uuidParameter(code: "not_found")
        return MediaReleaseDTO(try await request.bureau.mediaReleases.request(id, by: user.principal))
    }

    func assess(_ request: Request) async throws -> MediaReleaseDTO {
        let user = try request.requireUser()
        let id = try request.uuidParameter(code: "not_found")
        let input = try StrictJSON.decode(ReleaseDecisionInput.self, from: request)
        return MediaReleaseDTO(try await request.bureau.mediaReleases.assess(id, approve: input.approve, reasoning: input.reasoning,
                                                                             by: user.principal))
    }

    func decide(_ request: Request) async throws -> MediaReleaseDTO {
        let user = try request.requireUser()
        let id = try request.uuidParameter(code: "not_found")
        let input = try StrictJSON.decode(ReleaseDecisionInput.self, from: request)
        return MediaReleaseDTO(try await request.bureau.mediaReleases.decide(id, approve: input.approve, reasoning: input.reasoning,
                                                                             by: user.principal))
    }

    func recordBreach(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let input = try StrictJSON.decode(MediaBreachInput.self, from: request)
        let breach = MediaReleaseBreach(id: UUID(), prisonerID: UUID(), medium: input.medium, description: input.description,
                                        digest: input.digest, publishedIn: input.publishedIn, publishedAt: input.publishedAt,
                                        recordedBy: user.principal.username, recordedAt: Date())
        let recorded = try await request.bureau.mediaReleases.recordBreach(breach, for: try request.prisonerID(), by: user.principal)
        return try created(MediaBreachDTO(breach: recorded))
    }

    func openBreaches(_ request: Request) async throws -> MediaBreachesDTO {
        let user = try request.requireUser()
        return MediaBreachesDTO(breaches: try await request.bureau.mediaReleases.breaches(of: nil, by: user.principal))
    }

    func closeBreach(_ request: Request) async throws -> MediaBreachDTO {
        let user = try request.requireUser()
        let id = try request.uuidParameter(code: "not_found")
        let input = try StrictJSON.decode(BreachCloseInput.self, from: request)
        return MediaBreachDTO(breach: try await request.bureau.mediaReleases.closeBreach(id, note: input.note, by: user.principal))
    }
}

struct MediaBreachDTO: Content {
    var breach: MediaReleaseBreach
}

/// Guard 8 routes; each behind its permission.
func mediaReleaseRoutes(_ app: Application) {
    let api = app.grouped("api", "v1")
    let releases = MediaReleaseAPIController()
    let requesters = api.grouped(RoleMiddleware(.requestRelease))
    let readers = api.grouped(RoleMiddleware(.readReleases))
    requesters.post("prisoners", ":id", "media-releases", use: releases.file)
    readers.get("prisoners", ":id", "media-releases", use: releases.list)
    readers.get("media-releases", ":id", use: releases.show)
    requesters.post("media-releases", ":id", "assessment", use: releases.assess)
    api.grouped(RoleMiddleware(.decideRelease)).post("media-releases", ":id", "decision", use: releases.decide)
    requesters.post("prisoners", ":id", "media-breaches", use: releases.recordBreach)
    readers.get("media-breaches", use: releases.openBreaches)
    requesters.post("media-breaches", ":id", "close", use: releases.closeBreach)
    mediaReleasePageRoutes(app)
    groupRoutes(app)
    placementRoutes(app)
}
