import BureauCore
import Fluent
import Foundation

/// Derives the Convention obligations from stored timelines. Nothing about an obligation is stored;
/// reading them reads every record they are derived from, so each call is one audited read.
public struct ObligationStore: Sendable {
    public let context: StoreContext

    public init(context: StoreContext) {
        self.context = context
    }

    /// A prisoner as the dashboard names him.
    public struct PrisonerLabel: Sendable, Hashable {
        public var id: UUID
        public var internmentNumber: String
        public var name: String
    }

    /// One prisoner's obligations, open and closed, as `principal` may see them.
    public struct PrisonerObligations: Sendable {
        public var prisoner: PrisonerLabel
        public var obligations: [Obligation]
        public var derivedAt: Date
    }

    /// The registry's obligations matching a filter, with counts per rule and the facilities seen.
    public struct RegistryObligations: Sendable {
        public var obligations: [Obligation]
        /// Per rule and status, over the obligations the reader may see, in the facility and prisoner
        /// of the filter (not narrowed by rule or status, so the summary shows where the rest are).
        public var counts: [RuleID: [ObligationStatus: Int]]
        public var prisoners: [UUID: PrisonerLabel]
        public var facilities: [String]
        public var derivedAt: Date
    }

    public func forPrisoner(_ prisonerID: UUID, by principal: Principal, purpose: String? = nil)
        async throws -> PrisonerObligations {
        try await context.require(principal, .readRegistry, action: "obligations.read", entity: "prisoner",
                                  entityID: prisonerID.uuidString)
        let now = context.clock.now()
        let record = AuditRecord(actor: principal.username, role: principal.role.rawValue, action: "obligations.read",
                                 entity: "prisoner", entityID: prisonerID.uuidString, purpose: purpose)
        let cipher = context.cipher
        let policy = context.policy
        return try await context.audited(record) { tx in
            guard let snapshot = try await RecordSnapshots.load([prisonerID], on: tx, cipher: cipher).first else {
                // Voided as made in error (or unknown: `load` says which): nothing is owed.
                let model = try await RegistryStore.load(prisonerID, on: tx)
                return PrisonerObligations(prisoner: PrisonerLabel(id: prisonerID, internmentNumber: model.internmentNumber,
                                                                   name: ""),
                                           obligations: [], derivedAt: now)
            }
            let obligations = Obligations.visible(Obligations.derive(for: snapshot, at: now, policy: policy),
                                                  to: principal.role)
            return PrisonerObligations(prisoner: Self.label(snapshot), obligations: obligations, derivedAt: now)
        }
    }

    public func registry(_ filter: ObligationFilter, by principal: Principal) async throws -> RegistryObligations {
        try await context.require(principal, .readRegistry, action: "obligations.list", entity: "prisoner")
        let now = context.clock.now()
        let record = AuditRecord(actor: principal.username, role: principal.role.rawValue, action: "obligations.list",
                                 entity: "prisoner", entityID: filter.prisonerID?.uuidString,
                                 detail: Self.describe(filter))
        let cipher = context.cipher
        let policy = context.policy
        return try await context.audited(record) { tx in
            let snapshots = try await RecordSnapshots.load(filter.prisonerID.map { [$0] }, on: tx, cipher: cipher)
            let all = Obligations.visible(Obligations.derive(for: snapshots, at: now, policy: policy), to: principal.role)
            let scope = ObligationFilter(statuses: nil, rule: nil, facility: filter.facility, prisonerID: filter.prisonerID)
            let labels = Dictionary(uniqueKeysWithValues: snapshots.map { ($0.prisoner.id, Self.label($0)) })
            return RegistryObligations(obligations: Obligations.filter(all, filter),
                                       counts: Obligations.counts(Obligations.filter(all, scope)), prisoners: labels,
                                       facilities: Set(all.compactMap(\.facility)).sorted(), derivedAt: now)
        }
    }

    static func label(_ snapshot: PrisonerRecordSnapshot) -> PrisonerLabel {
        PrisonerLabel(id: snapshot.prisoner.id, internmentNumber: snapshot.prisoner.internmentNumber,
                      name: snapshot.displayName)
    }

    static func describe(_ filter: ObligationFilter) -> String {
        var parts: [String] = []
        parts.append("state=" + (filter.statuses.map { $0.map(\.rawValue).sorted().joined(separator: ",") } ?? "all"))
        if let rule = filter.rule { parts.append("rule=\(rule.rawValue)") }
        if let facility = filter.facility { parts.append("facility=\(facility)") }
        if let prisoner = filter.prisonerID { parts.append("prisoner=\(prisoner.uuidString)") }
        return parts.joined(separator: " ")
    }
}
