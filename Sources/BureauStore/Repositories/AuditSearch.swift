import BureauCore
import Fluent
import Foundation

/// The audit page's filters (issue 8, item 9): who, what, about which record, when; read a page at a time
/// from either end of a position in the chain, so a million entries are never loaded.
public struct AuditSearch: Sendable, Equatable {
    /// The account's username, exactly.
    public var actor: String?
    /// An action code (`prisoner.read`) with its refinements (`event.create` finds `event.create.capture`,
    /// `denied` every refusal).
    public var action: String?
    /// The record an entry names: a whole id, or its first characters (at least four).
    public var record: String?
    /// Entries at or after this instant.
    public var from: Date?
    /// Entries before this instant.
    public var until: Date?
    /// Older than this chain position (the next page down), or newer than `after` (the page up).
    public var before: Int64?
    public var after: Int64?
    public var limit: Int

    public init(actor: String? = nil, action: String? = nil, record: String? = nil, from: Date? = nil,
                until: Date? = nil, before: Int64? = nil, after: Int64? = nil, limit: Int = 100) {
        self.actor = actor
        self.action = action
        self.record = record
        self.from = from
        self.until = until
        self.before = before
        self.after = after
        self.limit = limit
    }

    /// One page, newest first, and whether more entries lie beyond each end of it.
    public struct Page: Sendable {
        public var entries: [AuditEntry]
        public var hasOlder: Bool
        public var hasNewer: Bool
    }
}

extension AuditLog {
    /// Entries matching `search`, newest first. Reading one more than the page tells whether another page
    /// follows; the opposite end is known from the position the page was asked from.
    public static func search(_ search: AuditSearch, on db: any Database) async throws -> AuditSearch.Page {
        let query = AuditModel.query(on: db)
        if let actor = search.actor { query.filter(\.$actor == actor) }
        if let action = search.action {
            let family = action + "."
            query.group(.or) { $0.filter(\.$action == action).filter(\.$action =~ family) }
        }
        if let record = search.record {
            // Ids are stored as `UUID.uuidString` (upper case); a typed id may be in either case.
            let wanted = record.uppercased()
            if UUID(uuidString: wanted) != nil {
                query.group(.or) { $0.filter(\.$entityID == wanted).filter(\.$entityID == record.lowercased()) }
            } else {
                query.group(.or) { $0.filter(\.$entityID =~ wanted).filter(\.$entityID =~ record.lowercased()) }
            }
        }
        if let from = search.from { query.filter(\.$atMillis >= Int64((from.timeIntervalSince1970 * 1000).rounded(.down))) }
        if let until = search.until { query.filter(\.$atMillis < Int64((until.timeIntervalSince1970 * 1000).rounded(.down))) }
        let limit = max(1, search.limit)
        if let after = search.after, search.before == nil {
            // The page above: the entries just newer than `after`, read upwards and turned round.
            let rows = try await query.filter(\.$id > after).sort(\.$id, .ascending).limit(limit + 1).all().map(\.entry)
            return AuditSearch.Page(entries: Array(rows.prefix(limit).reversed()), hasOlder: true,
                                    hasNewer: rows.count > limit)
        }
        if let before = search.before { query.filter(\.$id < before) }
        let rows = try await query.sort(\.$id, .descending).limit(limit + 1).all().map(\.entry)
        return AuditSearch.Page(entries: Array(rows.prefix(limit)), hasOlder: rows.count > limit,
                                hasNewer: search.before != nil)
    }
}
