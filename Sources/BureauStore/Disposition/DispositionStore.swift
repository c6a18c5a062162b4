import BureauCore
import Fluent
import Foundation

/// Reads and writes the records of lawful disposition: will statements, assessments, parties,
/// consultations, cases and exchanges. Every call is role-checked and audited in the same
/// transaction as the data it touches; the decisions themselves are the core's.
public struct DispositionStore: Sendable {
    public let context: StoreContext

    public init(context: StoreContext) {
        self.context = context
    }

    /// `StoreContext.require` with the record's id as a UUID, as the disposition records carry it.
    func require(_ principal: Principal, _ permission: Permission, action: String, entity: String,
                 entityID: UUID? = nil) async throws {
        try await context.require(principal, permission, action: action, entity: entity, entityID: entityID?.uuidString)
    }

    func record(_ principal: Principal, _ action: String, entity: String, id: UUID?, purpose: String? = nil,
                detail: String? = nil) -> AuditRecord {
        AuditRecord(actor: principal.username, role: principal.role.rawValue, action: action, entity: entity,
                    entityID: id?.uuidString, purpose: purpose, detail: detail)
    }

    // MARK: Will statements (FieldClass.will: sealed, every read audited)

    /// Records a statement; `statement.id`, `prisonerID`, `recordedBy` and `recordedAt` are set here.
    public func recordWillStatement(_ statement: WillStatement, for prisonerID: UUID, by principal: Principal,
                                    purpose: String? = nil) async throws -> WillStatement {
        try await require(principal, .recordWill, action: "will.create", entity: "prisoner", entityID: prisonerID)
        let now = context.clock.now()
        var statement = statement
        statement.id = context.newID()
        statement.prisonerID = prisonerID
        statement.recordedBy = principal.username
        statement.recordedAt = now
        let cipher = context.cipher
        let audit = record(principal, "will.create", entity: "prisoner", id: prisonerID, purpose: purpose,
                           detail: "will=\(statement.id.uuidString)")
        return try await context.audited(audit) { [statement] tx in
            let prisoner = try await RegistryStore.load(prisonerID, on: tx)
            let existing = try await Self.willStatements(of: prisonerID, on: tx, cipher: cipher)
            try DispositionRules.validate(statement, existing: existing, capturedAt: prisoner.capturedAt, now: now)
            try await Self.willRow(statement, cipher: cipher).create(on: tx)
            return statement
        }
    }

    /// The statements of one prisoner, oldest first; only for readers of the will class.
    public func willStatements(of prisonerID: UUID, by principal: Principal,
                               purpose: String? = nil) async throws -> [WillStatement] {
        try await require(principal, .readWill, action: "will.read", entity: "prisoner", entityID: prisonerID)
        let cipher = context.cipher
        let audit = record(principal, "will.read", entity: "prisoner", id: prisonerID, purpose: purpose)
        return try await context.audited(audit) { tx in
            _ = try await RegistryStore.load(prisonerID, on: tx)
            return WillStatement.chronological(try await Self.willStatements(of: prisonerID, on: tx, cipher: cipher))
        }
    }

    static func willRow(_ statement: WillStatement, cipher: FieldCipher) throws -> DispositionRow<WillStatementsTable> {
        // Only the language and mode stay readable; the question, answer, words and witnesses are sealed.
        let open = try DispositionCoding.json(["language": statement.language, "mode": statement.mode.rawValue])
        let sealed = try cipher.seal(try DispositionCoding.json(statement), context: statement.id.uuidString)
        return DispositionRow(id: statement.id, prisonerID: statement.prisonerID, kind: "will",
                              at: statement.statedAt, recordedBy: statement.recordedBy, recordedAt: statement.recordedAt,
                              payload: open, sealed: sealed)
    }

    static func willStatements(of prisonerID: UUID, on db: any Database,
                               cipher: FieldCipher) async throws -> [WillStatement] {
        try await DispositionRow<WillStatementsTable>.query(on: db).filter(\.$prisonerID == prisonerID)
            .sort(\.$at).all().map { row in
                guard let id = row.id, let sealed = row.sealed else {
                    throw StoreError.corrupt(WillStatementsTable.schema, row.id?.uuidString)
                }
                let text = try cipher.open(sealed, context: id.uuidString)
                return try DispositionCoding.value(WillStatement.self, text, table: WillStatementsTable.schema, id: id)
            }
    }

    // MARK: Assessments

    public func recordRiskAssessment(_ assessment: RiskAssessment, for prisonerID: UUID,
                                     by principal: Principal) async throws -> RiskAssessment {
        try await require(principal, .assessRisk, action: "risk.create", entity: "prisoner", entityID: prisonerID)
        let now = context.clock.now()
        var assessment = assessment
        assessment.id = context.newID()
        assessment.prisonerID = prisonerID
        assessment.assessor = principal.username
        assessment.route = Route(destination: assessment.route.destination.uppercased(),
                                 transit: assessment.route.transit.map { $0.uppercased() })
        let audit = record(principal, "risk.create", entity: "prisoner", id: prisonerID,
                           detail: "risk=\(assessment.id.uuidString)")
        return try await context.audited(audit) { [assessment] tx in
            _ = try await RegistryStore.load(prisonerID, on: tx)
            let existing = try await Self.rows(RiskAssessmentsTable.self, of: prisonerID, on: tx, as: RiskAssessment.self)
            try DispositionRules.validate(assessment, existing: existing, now: now)
            try await DispositionRow<RiskAssessmentsTable>(
                id: assessment.id, prisonerID: prisonerID, kind: assessment.outcome.rawValue, at: assessment.assessedAt,
                recordedBy: principal.username, recordedAt: now, payload: try DispositionCoding.json(assessment)).create(on: tx)
            return assessment
        }
    }

    public func recordArticle12(_ assessment: Article12Assessment, for prisonerID: UUID,
                                by principal: Principal) async throws -> Article12Assessment {
        try await require(principal, .assessRisk, action: "art12.create", entity: "prisoner", entityID: prisonerID)
        let now = context.clock.now()
        var assessment = assessment
        assessment.id = context.newID()
        assessment.prisonerID = prisonerID
        assessment.assessor = principal.username
        assessment.receivingPower = assessment.receivingPower.uppercased()
        try DispositionRules.validate(assessment, now: now)
        let audit = record(principal, "art12.create", entity: "prisoner", id: prisonerID,
                           detail: "art12=\(assessment.id.uuidString)")
        return try await context.audited(audit) { [assessment] tx in
            _ = try await RegistryStore.load(prisonerID, on: tx)
            try await DispositionRow<Article12Table>(
                id: assessment.id, prisonerID: prisonerID, kind: assessment.receivingPower, at: assessment.assessedAt,
                recordedBy: principal.username, recordedAt: now, payload: try DispositionCoding.json(assessment)).create(on: tx)
            return assessment
        }
    }

    public func recordEligibility(_ eligibility: MedicalRepatriationEligibility, for prisonerID: UUID,
                                  by principal: Principal) async throws -> MedicalRepatriationEligibility {
        try await require(principal, .decideEligibility, action: "eligibility.create", entity: "prisoner", entityID: prisonerID)
        let now = context.clock.now()
        var eligibility = eligibility
        eligibility.id = context.newID()
        eligibility.prisonerID = prisonerID
        try DispositionRules.validate(eligibility, now: now)
        let audit = record(principal, "eligibility.create", entity: "prisoner", id: prisonerID,
                           detail: "eligibility=\(eligibility.id.uuidString)")
        return try await context.audited(audit) { [eligibility] tx in
            _ = try await RegistryStore.load(prisonerID, on: tx)
            try await DispositionRow<EligibilityTable>(
                id: eligibility.id, prisonerID: prisonerID, kind: eligibility.category.rawValue, at: eligibility.decidedAt,
                recordedBy: principal.username, recordedAt: now, payload: try DispositionCoding.json(eligibility)).create(on: tx)
            return eligibility
        }
    }

    /// Records the end-of-captivity items guard 7 checks at the hand-over; the newest row counts.
    public func recordExitChecklist(_ checklist: ExitChecklist, for prisonerID: UUID,
                                    by principal: Principal) async throws -> ExitChecklist {
        try await require(principal, .recordExitChecklist, action: "exit.update", entity: "prisoner", entityID: prisonerID)
        let now = context.clock.now()
        let id = context.newID()
        let audit = record(principal, "exit.update", entity: "prisoner", id: prisonerID,
                           detail: "final=\(checklist.finalStatementIssued) valuables=\(checklist.valuablesResolved)")
        return try await context.audited(audit) { tx in
            _ = try await RegistryStore.load(prisonerID, on: tx)
            try await DispositionRow<ExitChecklistTable>(
                id: id, prisonerID: prisonerID, kind: "exit", at: now, recordedBy: principal.username, recordedAt: now,
                payload: try DispositionCoding.json(checklist)).create(on: tx)
            return checklist
        }
    }

    static func rows<Table: DispositionTable, T: Decodable>(_ table: Table.Type, of prisonerID: UUID,
                                                            on db: any Database, as type: T.Type) async throws -> [T] {
        try await DispositionRow<Table>.query(on: db).filter(\.$prisonerID == prisonerID).sort(\.$at).sort(\.$recordedAt)
            .all().map { try $0.decode(T.self) }
    }
}
