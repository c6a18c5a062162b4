import BureauCore
import Fluent
import Foundation

/// Guard 8: media release requests and breaches. Every write and every read is role-checked and
/// audited in the same transaction; audit entries name the request, never what it says.
public struct MediaReleaseStore: Sendable {
    public let context: StoreContext

    public init(context: StoreContext) {
        self.context = context
    }

    func audit(_ principal: Principal, _ action: String, prisonerID: UUID, detail: String? = nil) -> AuditRecord {
        AuditRecord(actor: principal.username, role: principal.role.rawValue, action: action, entity: "prisoner",
                    entityID: prisonerID.uuidString, detail: detail)
    }

    static func staff(_ principal: Principal) -> StaffMember { StaffMember(principal.username, roles: [principal.role]) }

    /// Records a request; id, prisoner, recorder and time are set here.
    public func file(_ request: MediaReleaseRequest, for prisonerID: UUID, by principal: Principal) async throws -> MediaReleaseRequest {
        try await context.require(principal, .requestRelease, action: "release.create", entity: "prisoner",
                                  entityID: prisonerID.uuidString)
        var request = request
        request.id = context.newID()
        request.prisonerID = prisonerID
        request.recordedAt = context.clock.now()
        request.prisonerView?.recordedBy = principal.username
        request.prisonerView?.recordedAt = request.recordedAt
        let filed = try MediaReleaseWorkflow.file(request, by: Self.staff(principal))
        return try await context.audited(audit(principal, "release.create", prisonerID: prisonerID,
                                               detail: "release=\(filed.id.uuidString)")) { tx in
            _ = try await RegistryStore.load(prisonerID, on: tx)
            let known = Set(try await DispositionStore.rows(RiskAssessmentsTable.self, of: prisonerID, on: tx,
                                                            as: RiskAssessment.self).map(\.id))
            if let unknown = filed.riskAssessmentIDs.first(where: { !known.contains($0) }) {
                throw DomainError.unprocessable("riskAssessmentIds", "no risk assessment \(unknown.uuidString) of this prisoner",
                                                code: "unknown_risk_assessment")
            }
            try await Self.row(filed).create(on: tx)
            return filed
        }
    }

    /// The legal officer's assessment (`assess`) or the approver's decision (`decide`).
    public func assess(_ id: UUID, approve: Bool, reasoning: String, by principal: Principal) async throws -> MediaReleaseRequest {
        try await context.require(principal, .requestRelease, action: "release.assess", entity: "release", entityID: id.uuidString)
        return try await update(id, action: "release.assess", by: principal) { request, now throws(DomainError) in
            try MediaReleaseWorkflow.assess(request, approve: approve, reasoning: reasoning, by: Self.staff(principal), at: now)
        }
    }

    public func decide(_ id: UUID, approve: Bool, reasoning: String, by principal: Principal) async throws -> MediaReleaseRequest {
        try await context.require(principal, .decideRelease, action: "release.decide", entity: "release", entityID: id.uuidString)
        return try await update(id, action: "release.decide", by: principal) { request, now throws(DomainError) in
            try MediaReleaseWorkflow.decide(request, approve: approve, reasoning: reasoning, by: Self.staff(principal), at: now)
        }
    }

    func update(_ id: UUID, action: String, by principal: Principal,
                _ change: @escaping @Sendable (MediaReleaseRequest, Date) throws(DomainError) -> MediaReleaseRequest) async throws
        -> MediaReleaseRequest {
        let now = context.clock.now()
        let record = AuditRecord(actor: principal.username, role: principal.role.rawValue, action: action, entity: "release",
                                 entityID: id.uuidString)
        return try await context.audited(record) { tx in
            guard let row = try await DispositionRow<MediaReleasesTable>.find(id, on: tx) else {
                throw DomainError(.notFound, code: "not_found", "no release request \(id.uuidString)")
            }
            let updated = try change(try row.decode(MediaReleaseRequest.self), now)
            row.status = updated.state.rawValue
            row.payload = try DispositionCoding.json(updated)
            try await row.update(on: tx)
            return updated
        }
    }

    public func releases(of prisonerID: UUID, by principal: Principal) async throws -> [MediaReleaseRequest] {
        try await context.require(principal, .readReleases, action: "release.read", entity: "prisoner", entityID: prisonerID.uuidString)
        return try await context.audited(audit(principal, "release.read", prisonerID: prisonerID)) { tx in
            _ = try await RegistryStore.load(prisonerID, on: tx)
            return try await DispositionStore.rows(MediaReleasesTable.self, of: prisonerID, on: tx, as: MediaReleaseRequest.self)
        }
    }

    public func request(_ id: UUID, by principal: Principal) async throws -> MediaReleaseRequest {
        try await context.require(principal, .readReleases, action: "release.read", entity: "release", entityID: id.uuidString)
        let record = AuditRecord(actor: principal.username, role: principal.role.rawValue, action: "release.read",
                                 entity: "release", entityID: id.uuidString)
        return try await context.audited(record) { tx in
            guard let row = try await DispositionRow<MediaReleasesTable>.find(id, on: tx) else {
                throw DomainError(.notFound, code: "not_found", "no release request \(id.uuidString)")
            }
            return try row.decode(MediaReleaseRequest.self)
        }
    }

    /// The ids of his risk assessments, for a request that cites them (the form's "cite his risk assessments").
    public func riskAssessmentIDs(of prisonerID: UUID, by principal: Principal) async throws -> [UUID] {
        try await context.require(principal, .requestRelease, action: "risk.read", entity: "prisoner",
                                  entityID: prisonerID.uuidString)
        return try await context.audited(audit(principal, "risk.read", prisonerID: prisonerID)) { tx in
            _ = try await RegistryStore.load(prisonerID, on: tx)
            return try await DispositionStore.rows(RiskAssessmentsTable.self, of: prisonerID, on: tx, as: RiskAssessment.self).map(\.id)
        }
    }

    // MARK: Breaches

    /// Records material published about him without an approved request.
    public func recordBreach(_ breach: MediaReleaseBreach, for prisonerID: UUID, by principal: Principal) async throws
        -> MediaReleaseBreach {
        try await context.require(principal, .requestRelease, action: "breach.create", entity: "prisoner",
                                  entityID: prisonerID.uuidString)
        var breach = breach
        breach.id = context.newID()
        breach.prisonerID = prisonerID
        breach.recordedAt = context.clock.now()
        let staff = Self.staff(principal)
        let id = breach.id
        return try await context.audited(audit(principal, "breach.create", prisonerID: prisonerID,
                                               detail: "breach=\(id.uuidString)")) { [breach] tx in
            _ = try await RegistryStore.load(prisonerID, on: tx)
            let approved = try await DispositionStore.rows(MediaReleasesTable.self, of: prisonerID, on: tx, as: MediaReleaseRequest.self)
            let recorded = try MediaReleaseWorkflow.recordBreach(breach, approved: approved, by: staff)
            try await DispositionRow<MediaBreachesTable>(
                id: recorded.id, prisonerID: prisonerID, kind: recorded.medium.rawValue, status: "open", at: recorded.publishedAt,
                recordedBy: principal.username, recordedAt: recorded.recordedAt, payload: try DispositionCoding.json(recorded)
            ).create(on: tx)
            return recorded
        }
    }

    public func closeBreach(_ id: UUID, note: String, by principal: Principal) async throws -> MediaReleaseBreach {
        try await context.require(principal, .requestRelease, action: "breach.close", entity: "breach", entityID: id.uuidString)
        let now = context.clock.now()
        let staff = Self.staff(principal)
        let record = AuditRecord(actor: principal.username, role: principal.role.rawValue, action: "breach.close",
                                 entity: "breach", entityID: id.uuidString)
        return try await context.audited(record) { tx in
            guard let row = try await DispositionRow<MediaBreachesTable>.find(id, on: tx) else {
                throw DomainError(.notFound, code: "not_found", "no breach \(id.uuidString)")
            }
            let closed = try MediaReleaseWorkflow.closeBreach(try row.decode(MediaReleaseBreach.self), note: note, by: staff, at: now)
            row.status = "closed"
            row.payload = try DispositionCoding.json(closed)
            try await row.update(on: tx)
            return closed
        }
    }

    /// Breaches of one prisoner, or every open breach (the legal officer's dashboard) when `prisonerID` is nil.
    public func breaches(of prisonerID: UUID?, by principal: Principal) async throws -> [MediaReleaseBreach] {
        try await context.require(principal, .readReleases, action: "breach.read", entity: "prisoner",
                                  entityID: prisonerID?.uuidString)
        let record = AuditRecord(actor: principal.username, role: principal.role.rawValue, action: "breach.read",
                                 entity: prisonerID == nil ? "breaches" : "prisoner", entityID: prisonerID?.uuidString)
        return try await context.audited(record) { tx in
            var query = DispositionRow<MediaBreachesTable>.query(on: tx)
            if let prisonerID { query = query.filter(\.$prisonerID == prisonerID) } else { query = query.filter(\.$status == "open") }
            return try await query.sort(\.$at).all().map { try $0.decode(MediaReleaseBreach.self) }
        }
    }

    static func row(_ request: MediaReleaseRequest) throws -> DispositionRow<MediaReleasesTable> {
        DispositionRow(id: request.id, prisonerID: request.prisonerID, kind: request.medium.rawValue,
                       status: request.state.rawValue, at: request.recordedAt, recordedBy: request.recordedBy,
                       recordedAt: request.recordedAt, payload: try DispositionCoding.json(request))
    }
}
