import BureauCore
import BureauStore
import Vapor

extension BureauServices {
    /// Guard 10: groups and representatives (Arts. 22(3), 79).
    public var groups: GroupStore { GroupStore(context: context) }
}

struct GroupDTO: Content {
    var facility: String
    var group: String
    var nationality: String
    var language: String?
    var forces: String?
    /// Internment numbers of the members.
    var members: [String]
    var representative: String?
    var representation: GuardResult
}

struct GroupsDTO: Content {
    var groups: [GroupDTO]
}

struct PlacementCheckDTO: Content {
    var guards: [GuardResult]
    var allClear: Bool
}

extension GroupStore.Overview {
    func rows(at time: Date) -> [GroupDTO] {
        zip(groups, representation).map { group, line in
            let elected = PrisonerGroups.representative(of: group, among: representatives, at: time)
            return GroupDTO(facility: group.facility, group: group.key.code, nationality: group.key.nationality,
                            language: group.key.language, forces: group.key.forces,
                            members: group.members.map { labels[$0] ?? "—" }.sorted(),
                            representative: elected.map { labels[$0.prisonerID] ?? "—" }, representation: line)
        }
    }
}

struct GroupsAPIController {
    func list(_ request: Request) async throws -> GroupsDTO {
        let user = try request.requireUser()
        let overview = try await request.bureau.groups.overview(by: user.principal)
        return GroupsDTO(groups: overview.rows(at: request.bureau.context.clock.now()))
    }

    /// `GET /api/v1/prisoners/{id}/placement-check?facility=…&section=…&consent=true`: reads, writes nothing.
    func placementCheck(_ request: Request) async throws -> PlacementCheckDTO {
        let user = try request.requireUser()
        let facility = (try? request.query.get(String.self, at: "facility")) ?? ""
        let section = try? request.query.get(String.self, at: "section")
        let consent = (try? request.query.get(String.self, at: "consent")).map { ["true", "yes", "on", "1"].contains($0) } ?? false
        let guards = try await request.bureau.groups.placementCheck(try request.prisonerID(), facility: facility, section: section,
                                                                    consentRecorded: consent, by: user.principal)
        return PlacementCheckDTO(guards: guards, allClear: guards.allClear)
    }
}

/// Guard 10 routes and page.
func groupRoutes(_ app: Application) {
    let api = app.grouped("api", "v1").grouped(RoleMiddleware(.readRegistry))
    let controller = GroupsAPIController()
    api.get("groups", use: controller.list)
    api.get("prisoners", ":id", "placement-check", use: controller.placementCheck)
    app.grouped(RoleMiddleware(.readRegistry)).get("groups", use: GroupsPage().show)
}

/// `/groups`: the camp's groups, each flagged where it has no elected representative (Art. 79), and a
/// check of where a prisoner may be placed (Art. 22(3)).
struct GroupsPage {
    struct Row: Encodable {
        var facility: String
        var group: String
        var members: String
        var representative: String
        var flagged: Bool
        var message: String
    }

    struct Model: Encodable {
        var rows: [Row]
        var hasRows: Bool
        var check: [Row]
        var hasCheck: Bool
        var prisoner: String
        var facility: String
        var section: String
        /// Art. 22(3) ways forward when the check fails: his consent, or an override a second approver confirms.
        var prisonerID: String = ""
        var failing: Bool = false
        var canConsent: Bool = false
        var canOverride: Bool = false
    }

    func show(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let text = DispositionText(request: request)
        let overview = try await request.bureau.groups.overview(by: user.principal)
        let rows = overview.rows(at: request.bureau.context.clock.now()).map {
            Row(facility: $0.facility, group: text.group($0.group), members: $0.members.joined(separator: ", "),
                representative: $0.representative ?? "—", flagged: $0.representation.blocks,
                message: text.guardMessage($0.representation))
        }
        // The placement check: an internment number, a facility and a section.
        // From the custody-move form's warning the prisoner comes by id.
        let byID = (try? request.query.get(String.self, at: "prisonerID")).flatMap(UUID.init(uuidString:))
        let number = byID.flatMap { overview.labels[$0] }
            ?? (try? request.query.get(String.self, at: "prisoner"))?.trimmedOrNil ?? ""
        let facility = (try? request.query.get(String.self, at: "facility"))?.trimmedOrNil ?? ""
        let section = (try? request.query.get(String.self, at: "section"))?.trimmedOrNil ?? ""
        var check: [Row] = []
        var checked: UUID?
        if !number.isEmpty, !facility.isEmpty {
            guard let id = overview.labels.first(where: { $0.value == number })?.key else {
                throw DomainError(.notFound, code: "not_found", "no prisoner \(number)")
            }
            let guards = try await request.bureau.groups.placementCheck(id, facility: facility, section: section.isEmpty ? nil : section,
                                                                        consentRecorded: false, by: user.principal)
            checked = id
            check = guards.map { Row(facility: facility, group: section, members: "", representative: "", flagged: $0.blocks,
                                     message: text.guardMessage($0)) }
        }
        let role = user.account.role
        let model = Model(rows: rows, hasRows: !rows.isEmpty, check: check, hasCheck: !check.isEmpty, prisoner: number,
                          facility: facility, section: section, prisonerID: checked?.uuidString ?? "",
                          failing: check.contains(where: \.flagged),
                          canConsent: AccessPolicy.allows(role, .recordPlacementConsent),
                          canOverride: AccessPolicy.allows(role, .requestOverride))
        return try await request.renderPage("groups", titleKey: "groups.title", model: model)
    }
}
