import BureauCore
import Fluent
import Foundation

/// A case as one reader may see it, with the checklist the guards draw up now.
public struct CaseFile: Sendable {
    public var dispositionCase: DispositionCase
    public var prisoner: Prisoner
    /// The assessed identity's name.
    public var name: String?
    public var guards: [GuardResult]
    /// Nil when the reader's role may not read will statements (`FieldClass.will`).
    public var willStatements: [WillStatement]?
    public var riskAssessments: [RiskAssessment]
    public var article12Assessments: [Article12Assessment]
    public var eligibility: [MedicalRepatriationEligibility]
    public var consultations: [Consultation]
    public var parties: [Party]
    public var notices: [DispositionNotice]
}

/// What a case opening or transition asks for.
public struct CaseRequest: Sendable {
    public var prisonerID: UUID
    public var kind: DispositionCase.Kind
    public var route: Route?
    public var receivingPower: String?
    public var exchangeID: UUID?

    public init(prisonerID: UUID, kind: DispositionCase.Kind, route: Route?, receivingPower: String?, exchangeID: UUID?) {
        self.prisonerID = prisonerID
        self.kind = kind
        self.route = route
        self.receivingPower = receivingPower
        self.exchangeID = exchangeID
    }
}

extension Principal {
    var staff: StaffMember { StaffMember(username, roles: [role]) }
}

extension DispositionStore {
    /// Opens a draft. A guard that bars the prisoner from this kind of case refuses it with every reason
    /// (`TransitionRefusal`), and nothing is written.
    public func openCase(_ request: CaseRequest, by principal: Principal) async throws -> CaseFile {
        try await context.require(principal, .liaise, action: "case.create", entity: "case")
        let now = context.clock.now()
        let id = context.newID()
        let cipher = context.cipher
        // The entry names the record, never what it says: the kind of case could tell a third-state wish.
        let audit = record(principal, "case.create", entity: "case", id: id,
                           detail: "prisoner=\(request.prisonerID.uuidString)")
        return try await NeedToKnow(principal.role).refusing { try await context.audited(audit) { tx in
            var facts = try await Self.facts(of: request.prisonerID, on: tx, cipher: cipher)
            if let exchangeID = request.exchangeID {
                facts.exchangeAgreement = try await Self.loadExchange(exchangeID, on: tx).agreement
            }
            let route = request.route.map { Route(destination: $0.destination.uppercased(), transit: $0.transit.map { $0.uppercased() }) }
            let (opened, _) = try DispositionWorkflow.open(
                id: id, prisonerID: request.prisonerID, kind: request.kind, route: route,
                receivingPower: request.receivingPower, exchangeID: request.exchangeID, by: principal.staff, at: now,
                facts: facts)
            try await Self.caseRow(opened).create(on: tx)
            return try await Self.file(opened, facts: facts, role: principal.role, at: now, on: tx)
        } }
    }

    /// Moves a case. Refused with every reason at once (`TransitionRefusal`); nothing is written then.
    public func transition(_ caseID: UUID, to target: DispositionTransition, by principal: Principal) async throws -> CaseFile {
        let now = context.clock.now()
        let cipher = context.cipher
        let audit = record(principal, "case.\(target.name)", entity: "case", id: caseID)
        let policy = context.policy
        return try await NeedToKnow(principal.role).refusing { try await context.audited(audit) { tx in
            let (row, current, facts) = try await Self.loadVisibleCase(caseID, for: principal, on: tx, cipher: cipher)
            let outcome = try DispositionWorkflow.transition(current, to: target, by: principal.staff, at: now, facts: facts)
            try await Self.save(outcome.dispositionCase, into: row, on: tx)
            if let departure = Self.departure(outcome.dispositionCase, recordedBy: principal.username, at: now) {
                // The hand-over is a fact of his timeline: it ends captivity and queues the Art. 122
                // notice in the Bureau's outbox, in this same transaction.
                try await RegistryStore.append(departure, on: tx, now: now, cipher: cipher, policy: policy)
            }
            for notice in outcome.notices {
                try await DispositionRow<NoticesTable>(
                    id: UUID(), prisonerID: notice.prisonerID, parentID: notice.caseID, kind: notice.kind.rawValue,
                    status: "queued", at: notice.occurredAt, recordedBy: principal.username, recordedAt: now,
                    payload: try DispositionCoding.json(notice)).create(on: tx)
            }
            return try await Self.file(outcome.dispositionCase, facts: facts, role: principal.role, at: now, on: tx)
        } }
    }

    /// Asks to accept a failing warn guard, with a reason; effective once a second approver confirms.
    public func requestOverride(_ caseID: UUID, key: String, reason: String, by principal: Principal) async throws -> CaseFile {
        let now = context.clock.now()
        let cipher = context.cipher
        let audit = record(principal, "case.override.request", entity: "case", id: caseID, detail: Self.overrideDetail(key))
        return try await context.audited(audit) { tx in
            let (row, current, facts) = try await Self.loadVisibleCase(caseID, for: principal, on: tx, cipher: cipher)
            let updated = try DispositionWorkflow.requestOverride(current, key: key, reason: reason, by: principal.staff,
                                                                  at: now, facts: facts)
            try await Self.save(updated, into: row, on: tx)
            return try await Self.file(updated, facts: facts, role: principal.role, at: now, on: tx)
        }
    }

    public func confirmOverride(_ caseID: UUID, key: String, by principal: Principal) async throws -> CaseFile {
        let now = context.clock.now()
        let cipher = context.cipher
        let audit = record(principal, "case.override.confirm", entity: "case", id: caseID, detail: Self.overrideDetail(key))
        return try await context.audited(audit) { tx in
            let (row, current, facts) = try await Self.loadVisibleCase(caseID, for: principal, on: tx, cipher: cipher)
            let updated = try DispositionWorkflow.confirmOverride(current, key: key, by: principal.staff, at: now)
            try await Self.save(updated, into: row, on: tx)
            return try await Self.file(updated, facts: facts, role: principal.role, at: now, on: tx)
        }
    }

    /// One case with its checklist (audited read). A case that reveals an asylum wish is "not found"
    /// for a role that may not read the will class (guard 12).
    public func caseFile(_ caseID: UUID, by principal: Principal, purpose: String? = nil) async throws -> CaseFile {
        try await context.require(principal, .readRegistry, action: "case.read", entity: "case", entityID: caseID.uuidString)
        let now = context.clock.now()
        let cipher = context.cipher
        let classes = AccessPolicy.readableClasses(of: principal.role)
        let audit = record(principal, "case.read", entity: "case", id: caseID, purpose: purpose,
                           detail: "classes=" + classes.map(\.rawValue).sorted().joined(separator: ","))
        return try await context.audited(audit) { tx in
            let (_, current, facts) = try await Self.loadVisibleCase(caseID, for: principal, on: tx, cipher: cipher)
            return try await Self.file(current, facts: facts, role: principal.role, at: now, on: tx)
        }
    }

    /// The cases of one prisoner this reader may learn of, newest first (not audited: no restricted content).
    public func cases(of prisonerID: UUID, by principal: Principal) async throws -> [DispositionCase] {
        guard AccessPolicy.allows(principal.role, .readRegistry) else { return [] }
        let cases = try await DispositionRow<CasesTable>.query(on: context.db).filter(\.$prisonerID == prisonerID)
            .sort(\.$at, .descending).all().map { try $0.decode(DispositionCase.self) }
        guard !cases.isEmpty else { return [] }
        let facts = try await Self.facts(of: prisonerID, on: context.db, cipher: context.cipher)
        return cases.filter { WillDisclosure.mayLearnOf($0, recipient: .staff(principal.role), facts: facts) }
    }

    /// Every case this reader may learn of, newest first.
    public func openCases(by principal: Principal) async throws -> [DispositionCase] {
        guard AccessPolicy.allows(principal.role, .readRegistry) else { return [] }
        let cases = try await DispositionRow<CasesTable>.query(on: context.db).sort(\.$at, .descending).limit(500).all()
            .map { try $0.decode(DispositionCase.self) }
        var visible: [DispositionCase] = []
        var facts: [UUID: DispositionFacts] = [:]
        for dispositionCase in cases {
            if facts[dispositionCase.prisonerID] == nil {
                facts[dispositionCase.prisonerID] = try await Self.facts(of: dispositionCase.prisonerID, on: context.db,
                                                                         cipher: context.cipher)
            }
            if WillDisclosure.mayLearnOf(dispositionCase, recipient: .staff(principal.role), facts: facts[dispositionCase.prisonerID]!) {
                visible.append(dispositionCase)
            }
        }
        return visible
    }

    // MARK: Helpers

    static func caseRow(_ dispositionCase: DispositionCase) throws -> DispositionRow<CasesTable> {
        DispositionRow(id: dispositionCase.id, prisonerID: dispositionCase.prisonerID, parentID: dispositionCase.exchangeID,
                       kind: dispositionCase.kind.rawValue, status: dispositionCase.state.rawValue,
                       at: dispositionCase.createdAt, recordedBy: dispositionCase.author,
                       recordedAt: dispositionCase.createdAt, payload: try DispositionCoding.json(dispositionCase))
    }

    static func save(_ dispositionCase: DispositionCase, into row: DispositionRow<CasesTable>, on db: any Database) async throws {
        row.status = dispositionCase.state.rawValue
        row.payload = try DispositionCoding.json(dispositionCase)
        try await row.update(on: db)
    }

    /// A case and its facts, or "not found" for a reader who may not learn that it exists (guard 12):
    /// a refused transition or override must not tell him more than a read would.
    static func loadVisibleCase(_ id: UUID, for principal: Principal, on db: any Database, cipher: FieldCipher) async throws
        -> (DispositionRow<CasesTable>, DispositionCase, DispositionFacts) {
        let (row, current) = try await loadCase(id, on: db)
        let facts = try await Self.facts(for: current, on: db, cipher: cipher)
        guard WillDisclosure.mayLearnOf(current, recipient: .staff(principal.role), facts: facts) else {
            throw DomainError(.notFound, code: "case_not_found", "no case with id \(id.uuidString)")
        }
        return (row, current, facts)
    }

    /// The guard an override names, when saying so tells nothing restricted.
    static func overrideDetail(_ key: String) -> String? {
        GuardCatalog.dataClass(of: key) == .core ? "key=\(key)" : nil
    }

    static func loadCase(_ id: UUID, on db: any Database) async throws -> (DispositionRow<CasesTable>, DispositionCase) {
        guard let row = try await DispositionRow<CasesTable>.find(id, on: db) else {
            throw DomainError(.notFound, code: "case_not_found", "no case with id \(id.uuidString)")
        }
        return (row, try row.decode(DispositionCase.self))
    }

    static func file(_ dispositionCase: DispositionCase, facts: DispositionFacts, role: Role, at time: Date,
                     on db: any Database) async throws -> CaseFile {
        let claims = try await ClaimModel.query(on: db).filter(\.$prisoner.$id == dispositionCase.prisonerID)
            .sort(\.$recordedAt).all().map { try $0.domain() }
        let notices = try await DispositionRow<NoticesTable>.query(on: db).filter(\.$parentID == dispositionCase.id)
            .sort(\.$at).all().map { try $0.decode(DispositionNotice.self) }
        let reader = NeedToKnow(role)
        // Guard 12: a risk assessment of a third state, an Art. 12 finding on it, or a message that
        // discloses his will tells as much as his statement; each is shown only to its class's readers.
        let consultations = try await consultations(concerning: dispositionCase, on: db)
        let willStatements = reader.visible(WillStatement.chronological(facts.willStatements))
        return CaseFile(
            dispositionCase: dispositionCase, prisoner: facts.prisoner,
            name: (claims.first(where: \.isAssessed) ?? claims.first)?.displayName,
            guards: reader.redact(DispositionWorkflow.checklist(dispositionCase, facts: facts, at: time)),
            willStatements: reader.mayRead(.will) ? willStatements : nil,
            riskAssessments: reader.visible(facts.riskAssessments),
            article12Assessments: reader.visible(facts.article12Assessments),
            eligibility: reader.visible(facts.medicalEligibility),
            consultations: reader.visible(consultations),
            parties: reader.visible(facts.parties, roles: facts.partyRoles), notices: notices)
    }
}

extension DispositionStore {
    /// The timeline entry an executed case writes: repatriation, or release for a transfer to a third
    /// state. A third-state transfer names no destination on the timeline, because the destination
    /// would reveal his asylum wish to every reader of the registry (guard 12).
    static func departure(_ dispositionCase: DispositionCase, recordedBy: String, at now: Date) -> TimelineEvent? {
        guard dispositionCase.state == .executed, let handover = dispositionCase.handover else { return nil }
        let home = dispositionCase.route?.destination ?? dispositionCase.receivingPower ?? ""
        let via = dispositionCase.route.map { $0.transit.joined(separator: ", ") }.flatMap { $0.isEmpty ? nil : $0 }
        let payload: EventPayload
        switch dispositionCase.kind {
        case .exchange:
            payload = .repatriation(RepatriationEntry(destinationState: home, basis: .exchange, via: via))
        case .directMedicalRepatriation:
            payload = .repatriation(RepatriationEntry(destinationState: home, basis: .medical, via: via))
        case .neutralAccommodation:
            payload = .repatriation(RepatriationEntry(destinationState: home, basis: .neutralAccommodation, via: via))
        case .releaseEndOfHostilities:
            payload = .repatriation(RepatriationEntry(destinationState: home, basis: .endOfHostilities, via: via))
        case .thirdStateTransfer:
            payload = .release(ReleaseEntry(basis: "Transfer to another Power under Art. 12"))
        case .releaseOther:
            payload = .release(ReleaseEntry(basis: handover.note ?? "Release", place: handover.place))
        }
        return TimelineEvent(id: UUID(), prisonerID: dispositionCase.prisonerID, occurredAt: handover.at,
                             recordedAt: now, recordedBy: recordedBy, payload: payload)
    }
}
