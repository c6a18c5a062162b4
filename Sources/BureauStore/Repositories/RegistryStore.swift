import BureauCore
import Fluent
import Foundation

/// Reads and writes the prisoner registry. Every call is checked against the caller's role and
/// audited in the same transaction as the data it touches.
public struct RegistryStore: Sendable {
    public let context: StoreContext

    public init(context: StoreContext) {
        self.context = context
    }

    // MARK: Writes

    public func register(_ registration: Registration, by principal: Principal, purpose: String? = nil)
        async throws -> PrisonerFile {
        try await context.require(principal, .registerPrisoner, action: "prisoner.create", entity: "prisoner")
        let now = context.clock.now()
        if registration.capturedAt.timeIntervalSince(now) > 300 {
            throw DomainError.unprocessable("capturedAt", "the capture is in the future", code: "event_in_future")
        }
        try TextRules.checkPlausible(registration.capturedAt, field: "capturedAt")
        if registration.claims.isEmpty {
            throw DomainError.invalid("claims", "register at least one identity claim", code: "required")
        }
        for (index, draft) in registration.claims.enumerated() {
            try ClaimRules.validate(draft, field: "claims[\(index)]", capturedAt: registration.capturedAt, now: now)
        }
        try TimelineRules.validatePayload(.capture(registration.capture))
        try PrisonerRules.validate(registration)

        let prisonerID = context.newID()
        let claims = registration.claims.map { $0.claim(id: context.newID(), prisonerID: prisonerID,
                                                         by: principal.username, at: now) }
        let capture = TimelineEvent(id: context.newID(), prisonerID: prisonerID, occurredAt: registration.capturedAt,
                                    recordedAt: now, recordedBy: principal.username,
                                    payload: .capture(registration.capture))
        let record = AuditRecord(actor: principal.username, role: principal.role.rawValue, action: "prisoner.create",
                                 entity: "prisoner", entityID: prisonerID.uuidString, purpose: purpose,
                                 detail: "claims=\(claims.count)")
        let cipher = context.cipher
        let file = try await context.audited(record) { tx in
            let number: String
            if let given = registration.internmentNumber?.trimmedOrNil {
                number = given
            } else {
                number = try await Self.nextInternmentNumber(on: tx, year: Calendar.current.component(.year, from: now))
            }
            if try await PrisonerModel.query(on: tx).filter(\.$internmentNumber == number).count() > 0 {
                throw DomainError(.conflict, code: "duplicate_internment_number",
                                  "internment number \(number) is already in use", field: "internmentNumber")
            }
            try await Self.checkServiceNumbers(claims, power: registration.powerDependedOn.power,
                                               prisonerID: prisonerID, on: tx)
            let prisoner = Prisoner(id: prisonerID, internmentNumber: number, status: registration.status,
                                    powerDependedOn: registration.powerDependedOn,
                                    forcesServedWith: registration.forcesServedWith?.trimmedOrNil,
                                    unit: registration.unit?.trimmedOrNil, languages: registration.languages,
                                    canStateIdentity: registration.canStateIdentity,
                                    answersOnlyInWriting: registration.answersOnlyInWriting, sex: registration.sex,
                                    registeredAt: now, registeredBy: principal.username)
            let model = PrisonerModel(prisoner)
            model.capturedAt = registration.capturedAt
            try await model.create(on: tx)
            for claim in Self.withSingleAssessed(claims) {
                try await ClaimModel(claim).create(on: tx)
            }
            try await EventStorage.model(for: capture, cipher: cipher).create(on: tx)
            try await NoticeOutbox.enqueue(PrisonerRecordSnapshot(prisoner: prisoner, timeline: [capture],
                                                                  claims: Self.withSingleAssessed(claims)),
                                           at: now, policy: context.policy, on: tx)
            return PrisonerFile(prisoner: prisoner, claims: claims,
                                timeline: [TimelineEntry(event: capture, supersededBy: nil, redacted: false)],
                                withheld: [], capturedAt: registration.capturedAt)
        }
        context.names.setUnit(file.prisoner.unit, of: file.prisoner.id)
        context.names.insert(file.claims)
        return file
    }

    public func addClaim(_ draft: ClaimDraft, to prisonerID: UUID, by principal: Principal, purpose: String? = nil)
        async throws -> IdentityClaim {
        try await context.require(principal, .recordClaim, action: "claim.create", entity: "prisoner",
                                  entityID: prisonerID.uuidString)
        let now = context.clock.now()
        let claim = draft.claim(id: context.newID(), prisonerID: prisonerID, by: principal.username, at: now)
        let record = AuditRecord(actor: principal.username, role: principal.role.rawValue, action: "claim.create",
                                 entity: "prisoner", entityID: prisonerID.uuidString, purpose: purpose,
                                 detail: "claim=\(claim.id.uuidString) source=\(claim.source.rawValue)")
        let saved = try await context.audited(record) { tx in
            let prisoner = try await Self.load(prisonerID, on: tx)
            try ClaimRules.validate(draft, field: "claim", capturedAt: prisoner.capturedAt, now: now)
            try await Self.checkServiceNumbers([claim], power: prisoner.power, prisonerID: prisonerID, on: tx)
            if claim.isAssessed {
                // One assessed identity at a time: choosing a new one demotes the old, which stays on record.
                try await ClaimModel.query(on: tx).filter(\.$prisoner.$id == prisonerID)
                    .set(\.$isAssessed, to: false).update()
            }
            try await ClaimModel(claim).create(on: tx)
            return claim
        }
        context.names.insert([saved])
        return saved
    }

    public func addEvent(_ payload: EventPayload, occurredAt: Date, supersedes: UUID?, to prisonerID: UUID,
                         by principal: Principal, purpose: String? = nil) async throws -> TimelineEvent {
        if !AccessPolicy.canRecord(principal.role, payload.kind) {
            try await context.deny(principal, action: "event.create.\(payload.kind.rawValue)", entity: "prisoner",
                                   entityID: prisonerID.uuidString)
        }
        let now = context.clock.now()
        let event = TimelineEvent(id: context.newID(), prisonerID: prisonerID, occurredAt: occurredAt, recordedAt: now,
                                  recordedBy: principal.username, supersedes: supersedes, payload: payload)
        let record = AuditRecord(actor: principal.username, role: principal.role.rawValue,
                                 action: supersedes == nil ? "event.create" : "event.correct", entity: "prisoner",
                                 entityID: prisonerID.uuidString, purpose: purpose,
                                 detail: "event=\(event.id.uuidString)" + (payload.kind.fieldClass == .core ? " kind=\(payload.kind.rawValue)" : ""))
        let cipher = context.cipher
        let policy = context.policy
        return try await context.audited(record) { tx in
            // Guard 10, Art. 22(3): a move that holds him apart from his group or forces stops here,
            // before anything is written, unless his consent or a confirmed override is recorded.
            if case .custodyMove(let move) = payload {
                try await PlacementStore.requireCleared(move, of: prisonerID, on: tx, cipher: cipher)
            }
            try await Self.append(event, on: tx, now: now, cipher: cipher, policy: policy)
            return event
        }
    }

    /// Validates and stores a timeline entry inside the caller's (audited) transaction, queuing the
    /// Art. 122 notices it owes. Shared by `addEvent` and by other repositories whose decisions are
    /// themselves timeline facts (a disposition case's hand-over is the prisoner's repatriation).
    static func append(_ event: TimelineEvent, on tx: any Database, now: Date, cipher: FieldCipher,
                       policy: ObligationPolicy) async throws {
        let prisoner = try await Self.load(event.prisonerID, on: tx)
        let existing = try await EventStorage.events(of: event.prisonerID, on: tx, cipher: cipher, reveal: true)
        let claims = try await ClaimModel.query(on: tx).filter(\.$prisoner.$id == event.prisonerID).all()
            .map { try $0.domain() }
        try TimelineRules.validate(event, existing: existing, claims: claims, now: now)
        let snapshot = PrisonerRecordSnapshot(prisoner: try prisoner.domain(), timeline: existing, claims: claims)
        try Obligations.validateFulfilment(event, record: snapshot, at: now, policy: policy)
        try await EventStorage.model(for: event, cipher: cipher).create(on: tx)
        // Arts. 122–123: an entry the Bureau must transmit queues its notices in the same transaction.
        try await NoticeOutbox.enqueue(PrisonerRecordSnapshot(prisoner: snapshot.prisoner, timeline: existing + [event],
                                                              claims: claims), at: now, policy: policy, on: tx)
        if event.kind == .capture {
            prisoner.capturedAt = event.occurredAt
            try await prisoner.update(on: tx)
        }
    }

    // MARK: Reads (audited)

    public func file(of prisonerID: UUID, by principal: Principal, purpose: String? = nil) async throws -> PrisonerFile {
        try await context.require(principal, .readRegistry, action: "prisoner.read", entity: "prisoner",
                                  entityID: prisonerID.uuidString)
        let classes = AccessPolicy.readableClasses(of: principal.role)
        let record = AuditRecord(actor: principal.username, role: principal.role.rawValue, action: "prisoner.read",
                                 entity: "prisoner", entityID: prisonerID.uuidString, purpose: purpose,
                                 detail: "classes=" + classes.map(\.rawValue).sorted().joined(separator: ","))
        let cipher = context.cipher
        return try await context.auditedRead(record) { tx in
            let model = try await Self.load(prisonerID, on: tx)
            let claims = try await ClaimModel.query(on: tx).filter(\.$prisoner.$id == prisonerID)
                .sort(\.$recordedAt).all().map { try $0.domain() }
            let events = try await EventStorage.events(of: prisonerID, on: tx, cipher: cipher,
                                                       reveal: classes.contains(.interviews))
            var file = try PrisonerFile(prisoner: model.domain(), claims: claims,
                                        timeline: Self.visible(events, to: classes),
                                        withheld: Set(events.map(\.kind.fieldClass)).subtracting(classes).subtracting([.interviews]),
                                        capturedAt: model.capturedAt)
            file.corrections = try await self.corrections(of: prisonerID, on: tx)
            file.voidings = try await self.voidings(of: prisonerID, readableBy: principal.role, on: tx)
            file.voidedAt = model.voidedAt
            return file
        }
    }

    public func list(_ query: PrisonerQuery, by principal: Principal) async throws -> PrisonerPage {
        try await context.require(principal, .readRegistry, action: "prisoner.list", entity: "prisoner")
        let record = AuditRecord(actor: principal.username, role: principal.role.rawValue, action: "prisoner.list",
                                 entity: "prisoner", detail: Self.describe(query))
        return try await context.auditedRead(record) { tx in
            let base = PrisonerModel.query(on: tx)
            if let text = query.text?.trimmedOrNil?.lowercased() {
                let ids = try await ClaimModel.query(on: tx).filter(\.$searchText ~~ text).all(\.$prisoner.$id)
                base.filter(\.$id ~~ Array(Set(ids)))
            }
            if let power = query.power?.trimmedOrNil { base.filter(\.$power == power.uppercased()) }
            if let status = query.status { base.filter(\.$status == status.rawValue) }
            if query.voided { base.filter(\.$voidedAt != nil) } else { base.filter(\.$voidedAt == nil) }
            let total = try await base.count()
            let models = try await base.sort(\.$internmentNumber).offset((query.page - 1) * query.perPage)
                .limit(query.perPage).all()
            let ids = models.compactMap(\.id)
            let claims = ids.isEmpty ? [] : try await ClaimModel.query(on: tx).filter(\.$prisoner.$id ~~ ids)
                .sort(\.$recordedAt).all().map { try $0.domain() }
            let byPrisoner = Dictionary(grouping: claims, by: \.prisonerID)
            let items = try models.map { model in
                let own = byPrisoner[model.id!] ?? []
                return PrisonerSummary(prisoner: try model.domain(), names: own.map(\.displayName).filter { !$0.isEmpty },
                                       assessedName: (own.first(where: \.isAssessed) ?? own.first)?.displayName,
                                       capturedAt: model.capturedAt)
            }
            return PrisonerPage(items: items, page: query.page, perPage: query.perPage, total: total)
        }
    }

    public struct SearchResult: Sendable {
        public var summary: PrisonerSummary
        public var hit: LiveNameIndex.Hit
    }

    /// Tracing search: prisoners ranked by how well any of their names matches `name`, across
    /// scripts and romanizations, with the matching claim and a readable explanation. Audited.
    public func search(name: String, dateOfBirth: PartialDate?, top: Int, by principal: Principal,
                       purpose: String? = nil) async throws -> [SearchResult] {
        try await context.require(principal, .readRegistry, action: "prisoner.search", entity: "prisoner")
        guard let query = name.trimmedOrNil, query.count <= 200 else {
            throw DomainError.invalid("name", "give a name of 1 to 200 characters", code: "required")
        }
        try await context.names.ensureLoaded(from: context.db)
        let hits = context.names.search(query, dateOfBirth: dateOfBirth?.description, top: top)
        let record = AuditRecord(actor: principal.username, role: principal.role.rawValue, action: "prisoner.search",
                                 entity: "prisoner", purpose: purpose,
                                 detail: "name=\(query)" + (dateOfBirth.map { " dob=\($0)" } ?? "") + " hits=\(hits.count)")
        return try await context.auditedRead(record) { tx in
            let ids = hits.map(\.prisonerID)
            guard !ids.isEmpty else { return [] }
            let prisoners = try await PrisonerModel.query(on: tx).filter(\.$id ~~ ids).all()
            let claims = try await ClaimModel.query(on: tx).filter(\.$prisoner.$id ~~ ids).sort(\.$recordedAt).all()
                .map { try $0.domain() }
            let byPrisoner = Dictionary(grouping: claims, by: \.prisonerID)
            let models = Dictionary(uniqueKeysWithValues: prisoners.compactMap { model in model.id.map { ($0, model) } })
            return try hits.compactMap { hit in
                // A registration voided as made in error is no tracing answer.
                guard let model = models[hit.prisonerID], model.voidedAt == nil else { return nil }
                let own = byPrisoner[hit.prisonerID] ?? []
                let summary = PrisonerSummary(prisoner: try model.domain(), names: own.map(\.displayName),
                                              assessedName: (own.first(where: \.isAssessed) ?? own.first)?.displayName,
                                              capturedAt: model.capturedAt)
                return SearchResult(summary: summary, hit: hit)
            }
        }
    }

    /// How many prisoners are registered; for start-up checks, not audited (no record is read).
    public func count() async throws -> Int {
        try await PrisonerModel.query(on: context.db).count()
    }

    // MARK: Helpers

    static func load(_ id: UUID, on db: any Database) async throws -> PrisonerModel {
        guard let model = try await PrisonerModel.find(id, on: db) else {
            throw DomainError(.notFound, code: "prisoner_not_found", "no prisoner with id \(id.uuidString)")
        }
        return model
    }

    static func visible(_ events: [TimelineEvent], to classes: Set<FieldClass>) -> [TimelineEntry] {
        let replacedBy = Dictionary(events.compactMap { event in event.supersedes.map { ($0, event.id) } },
                                    uniquingKeysWith: { first, _ in first })
        return events.compactMap { event in
            let fieldClass = event.kind.fieldClass
            // Interviews are shown to every registry reader as a fact (date, language, interpreter);
            // their content only to readers of the interview class.
            if fieldClass == .interviews {
                return TimelineEntry(event: event, supersededBy: replacedBy[event.id],
                                     redacted: !classes.contains(.interviews))
            }
            guard classes.contains(fieldClass) else { return nil }
            return TimelineEntry(event: event, supersededBy: replacedBy[event.id], redacted: false)
        }
    }

    static func withSingleAssessed(_ claims: [IdentityClaim]) -> [IdentityClaim] {
        guard let first = claims.firstIndex(where: \.isAssessed) ?? claims.indices.first else { return claims }
        var result = claims
        for index in result.indices { result[index].isAssessed = index == first }
        return result
    }

    /// Art. 17 service numbers are unique within a Power; a claim read off somebody else's or a forged
    /// document legitimately repeats another person's number, so it is exempt.
    static func checkServiceNumbers(_ claims: [IdentityClaim], power: String, prisonerID: UUID,
                                    on db: any Database) async throws {
        for claim in claims {
            guard let number = claim.serviceNumber,
                  claim.documentAuthenticity != .thirdParty, claim.documentAuthenticity != .forged else { continue }
            let others = try await ClaimModel.query(on: db)
                .join(PrisonerModel.self, on: \ClaimModel.$prisoner.$id == \PrisonerModel.$id)
                .filter(\.$serviceNumber == number)
                .filter(PrisonerModel.self, \.$power == power)
                .filter(\.$prisoner.$id != prisonerID)
                .all()
            let conflicting = others.filter { $0.documentAuthenticity != DocumentAuthenticity.thirdParty.rawValue
                && $0.documentAuthenticity != DocumentAuthenticity.forged.rawValue }
            if !conflicting.isEmpty {
                throw DomainError(.conflict, code: "duplicate_service_number",
                                  "service number \(number) is already recorded for another prisoner of \(power)",
                                  field: "serviceNumber")
            }
        }
    }

    static func nextInternmentNumber(on db: any Database, year: Int) async throws -> String {
        let count = try await PrisonerModel.query(on: db).count()
        var candidate = count + 1
        while true {
            let number = String(format: "UA-%04d-%06d", year, candidate)
            if try await PrisonerModel.query(on: db).filter(\.$internmentNumber == number).count() == 0 {
                return number
            }
            candidate += 1
        }
    }

    static func describe(_ query: PrisonerQuery) -> String {
        var parts = ["page=\(query.page)"]
        if let text = query.text?.trimmedOrNil { parts.append("q=\(text)") }
        if let power = query.power { parts.append("power=\(power)") }
        if let status = query.status { parts.append("status=\(status.rawValue)") }
        if query.voided { parts.append("voided=1") }
        return parts.joined(separator: " ")
    }
}
