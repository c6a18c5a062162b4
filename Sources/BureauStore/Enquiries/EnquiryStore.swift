import BureauCore
import Fluent
import Foundation

public enum EnquiriesTable: DispositionTable { public static let schema = "enquiries" }
public enum EnquiryAnswersTable: DispositionTable { public static let schema = "enquiry_answers" }

/// Records, matches and answers enquiries about prisoners (Art. 122(7)). Every call is
/// role-checked and audited in the same transaction as what it reads or writes; the rules are
/// `EnquiryWorkflow`'s. An enquiry row keeps the whole enquiry as JSON beside the columns lists
/// filter on (status, enquirer kind, received, the prisoner its outcome names, the list it came in).
public struct EnquiryStore: Sendable {
    public let context: StoreContext

    public init(context: StoreContext) {
        self.context = context
    }

    /// What a tracing officer types (or a list line brings).
    public struct Draft: Sendable {
        public var enquirer: Enquirer
        public var person: PersonSought
        public var language: String
        public var receivedAt: Date
        public var assignedTo: String?
        public var note: String?

        public init(enquirer: Enquirer, person: PersonSought, language: String, receivedAt: Date,
                    assignedTo: String? = nil, note: String? = nil) {
            self.enquirer = enquirer
            self.person = person
            self.language = language
            self.receivedAt = receivedAt
            self.assignedTo = assignedTo
            self.note = note
        }
    }

    /// One enquiry as its page and `GET /enquiries/{id}` show it.
    public struct EnquiryFile: Sendable {
        public var enquiry: Enquiry
        public var clock: EnquiryObligation
        /// The prisoners its candidates and outcome name, by id.
        public var prisoners: [UUID: ObligationStore.PrisonerLabel]
        /// For a standing enquiry: registrations and claims since its answer that match it.
        public var raised: [EnquiryCandidate]
    }

    func record(_ principal: Principal, _ action: String, id: UUID?, detail: String? = nil) -> AuditRecord {
        AuditRecord(actor: principal.username, role: principal.role.rawValue, action: action, entity: "enquiry",
                    entityID: id?.uuidString, detail: detail)
    }

    var matcher: EnquiryMatcher { EnquiryMatcher(live: context.names) }

    // MARK: Recording

    public func create(_ draft: Draft, by principal: Principal) async throws -> EnquiryFile {
        try await context.require(principal, .traceEnquiries, action: "enquiry.create", entity: "enquiry")
        let now = context.clock.now()
        var enquiry = Self.enquiry(from: draft, id: context.newID(), by: principal.username, at: now)
        try EnquiryWorkflow.validate(enquiry, now: now)
        // Matching reads the in-memory index before the transaction opens: the write lock is held only to write.
        try await context.names.ensureLoaded(from: context.db)
        enquiry.candidates = matcher.candidates(for: enquiry.person)
        let audit = record(principal, "enquiry.create", id: enquiry.id,
                           detail: "enquirer=\(enquiry.enquirer.kind.rawValue) candidates=\(enquiry.candidates.count)")
        let policy = context.policy
        return try await context.audited(audit) { [enquiry] tx in
            try await Self.row(enquiry, listID: nil).create(on: tx)
            return try await Self.file(enquiry, at: now, policy: policy, on: tx)
        }
    }

    static func enquiry(from draft: Draft, id: UUID, listLine: Int? = nil, by officer: String, at now: Date) -> Enquiry {
        var person = draft.person
        person.names = person.names.compactMap(\.trimmedOrNil)
        var enquirer = draft.enquirer
        enquirer.name = enquirer.name.trimmingCharacters(in: .whitespacesAndNewlines)
        enquirer.reference = enquirer.reference?.trimmedOrNil
        enquirer.through = enquirer.through?.trimmedOrNil
        let assignee = draft.assignedTo?.trimmedOrNil ?? officer
        return Enquiry(id: id, enquirer: enquirer, person: person, language: draft.language.lowercased(),
                       receivedAt: draft.receivedAt, assignedTo: assignee, assignedAt: now, recordedBy: officer,
                       recordedAt: now, listLine: listLine, note: draft.note?.trimmedOrNil)
    }

    // MARK: Reading

    public func file(_ id: UUID, by principal: Principal) async throws -> EnquiryFile {
        try await context.require(principal, .readEnquiries, action: "enquiry.read", entity: "enquiry", entityID: id.uuidString)
        let now = context.clock.now()
        let policy = context.policy
        return try await context.audited(record(principal, "enquiry.read", id: id)) { tx in
            try await Self.file(try await Self.load(id, on: tx), at: now, policy: policy, on: tx)
        }
    }

    /// Filters of the list (`GET /enquiries`, `/enquiries`).
    public struct Filter: Sendable {
        public var status: EnquiryStatus?
        /// Clock state: overdue, due, not yet due, fulfilled.
        public var clock: ObligationStatus?
        public var enquirerKind: Enquirer.Kind?
        public var assignedTo: String?
        /// The bulk list the enquiries came in.
        public var listID: UUID?
        /// Text in any name sought or the enquirer's reference.
        public var text: String?

        public init(status: EnquiryStatus? = nil, clock: ObligationStatus? = nil, enquirerKind: Enquirer.Kind? = nil,
                    assignedTo: String? = nil, listID: UUID? = nil, text: String? = nil) {
            self.status = status
            self.clock = clock
            self.enquirerKind = enquirerKind
            self.assignedTo = assignedTo
            self.listID = listID
            self.text = text
        }
    }

    public struct Summary: Sendable {
        public var enquiry: Enquiry
        public var clock: EnquiryObligation
    }

    /// Enquiries matching `filter`, oldest deadline first (one audited read).
    public func list(_ filter: Filter, by principal: Principal) async throws -> [Summary] {
        try await context.require(principal, .readEnquiries, action: "enquiry.list", entity: "enquiry")
        let now = context.clock.now()
        let policy = context.policy
        var detail = "status=\(filter.status?.rawValue ?? "all")"
        if let listID = filter.listID { detail += " list=\(listID.uuidString)" }
        return try await context.audited(record(principal, "enquiry.list", id: nil, detail: detail)) { tx in
            let query = DispositionRow<EnquiriesTable>.query(on: tx)
            if let status = filter.status { query.filter(\.$status == status.rawValue) }
            if let kind = filter.enquirerKind { query.filter(\.$kind == kind.rawValue) }
            if let listID = filter.listID { query.filter(\.$parentID == listID) }
            let needle = filter.text?.trimmedOrNil?.lowercased()
            return try await query.sort(\.$at).all().compactMap { row -> Summary? in
                let enquiry = try row.decode(Enquiry.self)
                if let assignee = filter.assignedTo, enquiry.assignedTo != assignee { return nil }
                if let needle, !(enquiry.person.names + [enquiry.enquirer.reference ?? ""])
                    .contains(where: { $0.lowercased().contains(needle) }) { return nil }
                let clock = EnquiryClock.obligation(for: enquiry, at: now, policy: policy)
                if let wanted = filter.clock, clock.status != wanted { return nil }
                return Summary(enquiry: enquiry, clock: clock)
            }.sorted { ($0.clock.dueAt, $0.enquiry.id.uuidString) < ($1.clock.dueAt, $1.enquiry.id.uuidString) }
        }
    }

    /// The enquiries whose outcome names this prisoner, with their answers, for his record.
    public func enquiries(about prisonerID: UUID, by principal: Principal) async throws -> [Enquiry] {
        guard AccessPolicy.allows(principal.role, .readEnquiries) else { return [] }
        let audit = AuditRecord(actor: principal.username, role: principal.role.rawValue, action: "enquiry.list",
                                entity: "prisoner", entityID: prisonerID.uuidString)
        return try await context.audited(audit) { tx in
            try await DispositionRow<EnquiriesTable>.query(on: tx).filter(\.$prisonerID == prisonerID).sort(\.$at).all()
                .map { try $0.decode(Enquiry.self) }
        }
    }

    // MARK: Rows

    static func row(_ enquiry: Enquiry, listID: UUID?) throws -> DispositionRow<EnquiriesTable> {
        DispositionRow(id: enquiry.id, prisonerID: enquiry.prisonerID, parentID: listID, kind: enquiry.enquirer.kind.rawValue,
                       status: enquiry.status.rawValue, at: enquiry.receivedAt, recordedBy: enquiry.recordedBy,
                       recordedAt: enquiry.recordedAt, payload: try DispositionCoding.json(enquiry))
    }

    static func load(_ id: UUID, on db: any Database) async throws -> Enquiry {
        guard let row = try await DispositionRow<EnquiriesTable>.find(id, on: db) else {
            throw DomainError(.notFound, code: "enquiry_not_found", "no enquiry with that id")
        }
        return try row.decode(Enquiry.self)
    }

    static func save(_ enquiry: Enquiry, on db: any Database) async throws {
        guard let row = try await DispositionRow<EnquiriesTable>.find(enquiry.id, on: db) else {
            throw DomainError(.notFound, code: "enquiry_not_found", "no enquiry with that id")
        }
        row.payload = try DispositionCoding.json(enquiry)
        row.status = enquiry.status.rawValue
        row.prisonerID = enquiry.prisonerID
        try await row.update(on: db)
    }

    static func file(_ enquiry: Enquiry, at now: Date, policy: ObligationPolicy, on db: any Database) async throws -> EnquiryFile {
        let raised = enquiry.status == .standing ? try await standingMatches([enquiry], policy: policy, on: db)[enquiry.id] ?? [] : []
        var ids = Set(enquiry.candidates.map(\.prisonerID)).union(raised.map(\.prisonerID))
        for outcome in enquiry.outcomes { if let id = outcome.result.prisonerID { ids.insert(id) } }
        return EnquiryFile(enquiry: enquiry, clock: EnquiryClock.obligation(for: enquiry, at: now, policy: policy),
                           prisoners: try await labels(Array(ids), on: db), raised: raised)
    }

    static func labels(_ ids: [UUID], on db: any Database) async throws -> [UUID: ObligationStore.PrisonerLabel] {
        guard !ids.isEmpty else { return [:] }
        let claims = Dictionary(grouping: try await ClaimModel.query(on: db).filter(\.$prisoner.$id ~~ ids).sort(\.$recordedAt)
            .all().map { try $0.domain() }, by: \.prisonerID)
        var labels: [UUID: ObligationStore.PrisonerLabel] = [:]
        for model in try await PrisonerModel.query(on: db).filter(\.$id ~~ ids).all() {
            guard let id = model.id else { continue }
            let own = claims[id] ?? []
            let name = (own.filter(\.isAssessed).last ?? own.first)?.displayName ?? ""
            labels[id] = ObligationStore.PrisonerLabel(id: id, internmentNumber: model.internmentNumber, name: name)
        }
        return labels
    }
}
