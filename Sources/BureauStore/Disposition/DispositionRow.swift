import Fluent
import Foundation

/// The tables of lawful disposition (issue 5). Each row stores one immutable core record as JSON,
/// beside the columns needed to find it (prisoner, parent, kind, status, time). The core types stay
/// free of Fluent: the store translates (`DispositionCoding`), the core validates and decides.
public protocol DispositionTable: Sendable {
    static var schema: String { get }
}

public enum WillStatementsTable: DispositionTable { public static let schema = "will_statements" }
public enum RiskAssessmentsTable: DispositionTable { public static let schema = "risk_assessments" }
public enum Article12Table: DispositionTable { public static let schema = "article12_assessments" }
public enum EligibilityTable: DispositionTable { public static let schema = "medical_eligibility" }
public enum ExitChecklistTable: DispositionTable { public static let schema = "exit_checklists" }
public enum PartiesTable: DispositionTable { public static let schema = "parties" }
public enum PartyRolesTable: DispositionTable { public static let schema = "party_roles" }
public enum ConsultationsTable: DispositionTable { public static let schema = "consultations" }
public enum CasesTable: DispositionTable { public static let schema = "disposition_cases" }
public enum NoticesTable: DispositionTable { public static let schema = "disposition_notices" }
public enum ExchangesTable: DispositionTable { public static let schema = "exchanges" }
public enum MediaReleasesTable: DispositionTable { public static let schema = "media_release_requests" }
public enum MediaBreachesTable: DispositionTable { public static let schema = "media_release_breaches" }
public enum PlacementClearancesTable: DispositionTable { public static let schema = "placement_clearances" }
public enum CounterpartEntriesTable: DispositionTable { public static let schema = "counterpart_entries" }

/// One stored disposition record.
public final class DispositionRow<Table: DispositionTable>: Model, @unchecked Sendable {
    public static var schema: String { Table.schema }

    @ID(key: .id) public var id: UUID?
    /// The prisoner the record is about; nil for parties and exchanges.
    @OptionalField(key: "prisoner_id") public var prisonerID: UUID?
    /// The record it belongs to: the party of a role or consultation, the exchange of a case or
    /// a counterpart entry, the case of a notice.
    @OptionalField(key: "parent_id") public var parentID: UUID?
    /// What kind of record (case kind, party kind, answer, direction…), for lists and filters.
    @Field(key: "kind") public var kind: String
    /// The state of a case; empty for records that have none.
    @Field(key: "status") public var status: String
    /// When it happened (stated, assessed, decided, opened).
    @Field(key: "at") public var at: Date
    @Field(key: "recorded_by") public var recordedBy: String
    @Field(key: "recorded_at") public var recordedAt: Date
    /// The record as JSON; for will statements only what is not restricted (language, mode).
    @Field(key: "payload") public var payload: String
    /// Restricted content sealed with the field key (AES-GCM, bound to the row id).
    @OptionalField(key: "sealed") public var sealed: String?
    /// A second JSON value kept beside the record (a counterpart entry's match review).
    @OptionalField(key: "extra") public var extra: String?

    public init() {}

    init(id: UUID, prisonerID: UUID?, parentID: UUID? = nil, kind: String, status: String = "", at: Date,
         recordedBy: String, recordedAt: Date, payload: String, sealed: String? = nil, extra: String? = nil) {
        self.id = id
        self.prisonerID = prisonerID
        self.parentID = parentID
        self.kind = kind
        self.status = status
        self.at = at
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
        self.payload = payload
        self.sealed = sealed
        self.extra = extra
    }
}

enum DispositionCoding {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        // Milliseconds keep supersession order and review dates exact across a round trip.
        encoder.dateEncodingStrategy = .millisecondsSince1970
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .millisecondsSince1970
        return decoder
    }()

    static func json<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func value<T: Decodable>(_ type: T.Type, _ text: String, table: String, id: UUID?) throws -> T {
        do {
            return try decoder.decode(type, from: Data(text.utf8))
        } catch {
            throw StoreError.corrupt(table, id?.uuidString)
        }
    }
}

extension DispositionRow {
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try DispositionCoding.value(type, payload, table: Table.schema, id: id)
    }
}
