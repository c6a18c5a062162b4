import BureauCore
import Fluent
import Foundation
import NameMatching

/// An exchange as the exchange page and `GET /exchanges/{id}` show it.
public struct ExchangeFile: Sendable {
    public var negotiation: ExchangeNegotiation
    /// Who the rule would propose next, and who the guards keep off the list and why.
    public var proposal: ExchangeProposal
    /// Prisoners already listed whom an enforce guard now excludes.
    public var listReview: [ExchangeProposal.Exclusion]
    public var totals: ExchangeTotals
    /// Names of every prisoner the page mentions, by id (assessed identity).
    public var names: [UUID: String]
}

/// One imported line with the candidates NameMatching proposes for it.
public struct ImportedEntry: Sendable {
    public var entry: CounterpartEntry
    public var review: CounterpartMatchReview
}

extension DispositionStore {
    public func createExchange(counterpart: String, agreement: ExchangeAgreement?,
                               by principal: Principal) async throws -> ExchangeNegotiation {
        try await require(principal, .liaise, action: "exchange.create", entity: "exchange")
        let now = context.clock.now()
        if !ClaimRules.isAlpha3(counterpart) {
            throw DomainError.invalid("counterpart", "must be an ISO 3166-1 alpha-3 code such as RUS", code: "invalid_country")
        }
        var agreement = agreement
        if agreement != nil { agreement!.id = context.newID() }
        let negotiation = ExchangeNegotiation(id: context.newID(), counterpart: counterpart, agreement: agreement,
                                              createdBy: principal.username, createdAt: now)
        let audit = record(principal, "exchange.create", entity: "exchange", id: negotiation.id,
                           detail: "counterpart=\(negotiation.counterpart)")
        return try await context.audited(audit) { tx in
            try await DispositionRow<ExchangesTable>(
                id: negotiation.id, prisonerID: nil, kind: negotiation.counterpart, at: now, recordedBy: principal.username,
                recordedAt: now, payload: try DispositionCoding.json(negotiation)).create(on: tx)
            return negotiation
        }
    }

    /// Puts a prisoner on our list; refused with every reason when a guard excludes him.
    public func addToList(_ exchangeID: UUID, prisonerID: UUID, category: ExchangeCategory,
                          by principal: Principal) async throws -> ExchangeNegotiation {
        let now = context.clock.now()
        let cipher = context.cipher
        let audit = record(principal, "exchange.list.add", entity: "exchange", id: exchangeID,
                           detail: "prisoner=\(prisonerID.uuidString)")
        return try await NeedToKnow(principal.role).refusing { try await context.audited(audit) { tx in
            let negotiation = try await Self.loadExchange(exchangeID, on: tx)
            let facts = try await Self.facts(of: prisonerID, on: tx, cipher: cipher)
            let updated = try negotiation.adding(facts, category: category, by: principal.staff, at: now)
            try await Self.saveExchange(updated, on: tx)
            return updated
        } }
    }

    /// Imports the counterpart's list (CSV, UTF-8 or Windows-1251) and proposes registry candidates for
    /// every line with NameMatching over all identity claims. A broken file is refused naming line and
    /// column, and nothing is written.
    public func importCounterpartList(_ exchangeID: UUID, data: Data, direction: CounterpartEntry.Direction,
                                      encoding: CounterpartListImport.TextEncoding,
                                      by principal: Principal) async throws -> [ImportedEntry] {
        try await require(principal, .liaise, action: "exchange.import", entity: "exchange", entityID: exchangeID)
        // An unknown exchange is 404 whatever the file holds: the file is read only for an exchange that exists.
        guard try await DispositionRow<ExchangesTable>.find(exchangeID, on: context.db) != nil else {
            throw DomainError(.notFound, code: "exchange_not_found", "no exchange with id \(exchangeID.uuidString)")
        }
        let newID = context.newID
        let parsed = try CounterpartListImport.parse(data, direction: direction, encoding: encoding, makeID: { _ in newID() })
        let now = context.clock.now()
        let audit = record(principal, "exchange.import", entity: "exchange", id: exchangeID,
                           detail: "direction=\(direction.rawValue) entries=\(parsed.entries.count) encoding=\(parsed.encoding.rawValue)")
        // The live index over every claim (loaded once, kept current by every write), read before the
        // transaction opens.
        try await context.names.ensureLoaded(from: context.db)
        let matcher = RegistryNames(live: context.names)
        return try await context.audited(audit) { tx in
            _ = try await Self.loadExchange(exchangeID, on: tx)
            var imported: [ImportedEntry] = []
            for entry in parsed.entries {
                let review = CounterpartMatchReview(entryID: entry.id, candidates: matcher.candidates(for: entry))
                try await DispositionRow<CounterpartEntriesTable>(
                    id: entry.id, prisonerID: nil, parentID: exchangeID, kind: entry.direction.rawValue,
                    status: "unreviewed", at: now, recordedBy: principal.username, recordedAt: now,
                    payload: try DispositionCoding.json(entry), extra: try DispositionCoding.json(review)).create(on: tx)
                imported.append(ImportedEntry(entry: entry, review: review))
            }
            return imported
        }
    }

    /// A reviewer confirms which candidate a counterpart line is, or (nil) that he is not in the registry.
    public func confirmMatch(_ exchangeID: UUID, entryID: UUID, prisonerID: UUID?,
                             by principal: Principal) async throws -> CounterpartMatchReview {
        try await require(principal, .liaise, action: "exchange.match", entity: "exchange", entityID: exchangeID)
        let now = context.clock.now()
        let audit = record(principal, "exchange.match", entity: "exchange", id: exchangeID,
                           detail: "entry=\(entryID.uuidString) prisoner=\(prisonerID?.uuidString ?? "none")")
        return try await context.audited(audit) { tx in
            guard let row = try await DispositionRow<CounterpartEntriesTable>.find(entryID, on: tx), row.parentID == exchangeID,
                  let extra = row.extra else {
                throw DomainError(.notFound, code: "entry_not_found", "no such line on this exchange's counterpart list",
                                  field: "entryID")
            }
            let review = try DispositionCoding.value(CounterpartMatchReview.self, extra, table: CounterpartEntriesTable.schema,
                                                     id: entryID)
            let confirmed = try review.confirmed(prisonerID, by: principal.username, at: now)
            row.extra = try DispositionCoding.json(confirmed)
            row.status = "reviewed"
            try await row.update(on: tx)
            return confirmed
        }
    }

    /// The negotiation with the rule's proposal over the whole registry and everyone excluded, with reasons.
    public func exchangeFile(_ exchangeID: UUID, by principal: Principal) async throws -> ExchangeFile {
        try await require(principal, .readExchanges, action: "exchange.read", entity: "exchange", entityID: exchangeID)
        let now = context.clock.now()
        let cipher = context.cipher
        let audit = record(principal, "exchange.read", entity: "exchange", id: exchangeID)
        return try await context.audited(audit) { tx in
            let reader = NeedToKnow(principal.role)
            let negotiation = reader.redact(try await Self.loadExchange(exchangeID, on: tx))
            var pool: [DispositionFacts] = []
            for id in try await PrisonerModel.query(on: tx).sort(\.$internmentNumber).all().compactMap(\.id) {
                pool.append(try await Self.facts(of: id, on: tx, cipher: cipher))
            }
            var names: [UUID: String] = [:]
            for claim in try await ClaimModel.query(on: tx).sort(\.$recordedAt).all() {
                let id = claim.$prisoner.id
                if claim.isAssessed || names[id] == nil { names[id] = try claim.domain().displayName }
            }
            let listReview = negotiation.listReview(pool, at: now).map { exclusion in
                var exclusion = exclusion
                exclusion.reasons = reader.redact(exclusion.reasons)
                return exclusion
            }
            return ExchangeFile(negotiation: negotiation,
                                proposal: reader.redact(negotiation.propose(from: pool, at: now)),
                                listReview: listReview, totals: negotiation.totals, names: names)
        }
    }

    /// Exchanges, newest first, for the list page.
    public func exchanges(by principal: Principal) async throws -> [ExchangeNegotiation] {
        guard AccessPolicy.allows(principal.role, .readExchanges) else { return [] }
        return try await DispositionRow<ExchangesTable>.query(on: context.db).sort(\.$at, .descending).all()
            .map { try $0.decode(ExchangeNegotiation.self) }
    }

    // MARK: Helpers

    static func loadExchange(_ id: UUID, on db: any Database) async throws -> ExchangeNegotiation {
        guard let row = try await DispositionRow<ExchangesTable>.find(id, on: db) else {
            throw DomainError(.notFound, code: "exchange_not_found", "no exchange with id \(id.uuidString)")
        }
        var negotiation = try row.decode(ExchangeNegotiation.self)
        let entries = try await DispositionRow<CounterpartEntriesTable>.query(on: db).filter(\.$parentID == id).all()
        negotiation.counterpartList = try entries.map { try $0.decode(CounterpartEntry.self) }.sorted { $0.line < $1.line }
        negotiation.matchReviews = try entries.compactMap { row in
            try row.extra.map { try DispositionCoding.value(CounterpartMatchReview.self, $0, table: CounterpartEntriesTable.schema, id: row.id) }
        }
        return negotiation
    }

    /// Saves the negotiation itself; the counterpart list and reviews live in their own rows.
    static func saveExchange(_ negotiation: ExchangeNegotiation, on db: any Database) async throws {
        guard let row = try await DispositionRow<ExchangesTable>.find(negotiation.id, on: db) else {
            throw DomainError(.notFound, code: "exchange_not_found", "no exchange with id \(negotiation.id.uuidString)")
        }
        var stored = negotiation
        stored.counterpartList = []
        stored.matchReviews = []
        row.payload = try DispositionCoding.json(stored)
        try await row.update(on: db)
    }
}

/// Matches counterpart lines against every identity claim of the registry (his own name in Hangul,
/// the Cyrillic of a document, a Latin spelling) through the live name index.
struct RegistryNames {
    let live: LiveNameIndex

    /// The best five prisoners for a line, ranked by their best-matching claim, each with its explanation.
    func candidates(for entry: CounterpartEntry, floor: Double = 0.5) -> [MatchCandidate] {
        live.search(entry.name, dateOfBirth: entry.dateOfBirth, top: 5)
            .filter { $0.score >= floor }
            .map { MatchCandidate(prisonerID: $0.prisonerID, score: ($0.score * 1000).rounded() / 1000,
                                  explanation: "\($0.name) — \($0.explanation)", matchedName: $0.name,
                                  reasons: $0.alignments.map(EnquiryMatcher.reason) + $0.notes.map(EnquiryMatcher.note)) }
    }
}

extension DispositionStore {
    /// After the crossing: who on our list crossed (his exchange case executed) and who did not, and why.
    /// Each "did not cross" queues a notice that he remains in custody, without the reason.
    public func reconcile(_ exchangeID: UUID, outcomes: [UUID: ReconciliationEntry.Outcome],
                          by principal: Principal) async throws -> (ExchangeNegotiation, [DispositionNotice]) {
        let now = context.clock.now()
        let cipher = context.cipher
        let audit = record(principal, "exchange.reconcile", entity: "exchange", id: exchangeID,
                           detail: "outcomes=\(outcomes.count)")
        return try await context.audited(audit) { tx in
            let negotiation = try await Self.loadExchange(exchangeID, on: tx)
            let cases = try await DispositionRow<CasesTable>.query(on: tx).filter(\.$parentID == exchangeID).all()
                .map { try $0.decode(DispositionCase.self) }
            var facts: [UUID: DispositionFacts] = [:]
            for entry in negotiation.ourList {
                facts[entry.prisonerID] = try await Self.facts(of: entry.prisonerID, on: tx, cipher: cipher)
            }
            let (updated, notices) = try negotiation.reconciled(outcomes, cases: cases, factsByPrisoner: facts,
                                                                by: principal.staff, at: now)
            try await Self.saveExchange(updated, on: tx)
            for notice in notices {
                try await DispositionRow<NoticesTable>(
                    id: UUID(), prisonerID: notice.prisonerID, parentID: notice.caseID ?? exchangeID, kind: notice.kind.rawValue,
                    status: "queued", at: notice.occurredAt, recordedBy: principal.username, recordedAt: now,
                    payload: try DispositionCoding.json(notice)).create(on: tx)
            }
            return (updated, notices)
        }
    }
}
