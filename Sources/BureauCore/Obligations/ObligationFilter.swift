import Foundation

/// What the dashboard and `GET /api/v1/obligations?state=…&facility=…&rule=…` ask for.
public struct ObligationFilter: Sendable, Hashable {
    /// Statuses to keep; nil keeps all.
    public var statuses: Set<ObligationStatus>?
    public var rule: RuleID?
    public var facility: String?
    public var prisonerID: UUID?

    public init(statuses: Set<ObligationStatus>? = [.overdue, .due], rule: RuleID? = nil, facility: String? = nil,
                prisonerID: UUID? = nil) {
        self.statuses = statuses
        self.rule = rule
        self.facility = facility
        self.prisonerID = prisonerID
    }

    /// The dashboard's default: overdue, and due within the window.
    public static let attention = ObligationFilter()

    /// Parses the API's `state` parameter: `overdue`, `due` (overdue is not included), `open`
    /// (not yet due, due, overdue), `fulfilled`, `waived`, `all`; nil or empty means overdue and due.
    public static func statuses(forState text: String?) throws(DomainError) -> Set<ObligationStatus>? {
        switch text?.trimmedOrNil?.lowercased() {
        case nil: return [.overdue, .due]
        case "all": return nil
        case "open": return [.notYetDue, .due, .overdue]
        case "overdue": return [.overdue]
        case "due": return [.due]
        case "not_yet_due": return [.notYetDue]
        case "fulfilled": return [.fulfilled]
        case "waived": return [.waived]
        default:
            throw .invalid("state", "use overdue, due, open, fulfilled, waived or all", code: "invalid_value")
        }
    }

    /// Parses the API's `rule` parameter (a catalogue ID such as `GC3-70-card`).
    public static func rule(_ text: String?) throws(DomainError) -> RuleID? {
        guard let text = text?.trimmedOrNil else { return nil }
        guard let rule = RuleID(rawValue: text) else {
            throw .invalid("rule", "unknown rule; use an ID such as GC3-70-card", code: "invalid_value")
        }
        return rule
    }

    public func matches(_ obligation: Obligation) -> Bool {
        (statuses?.contains(obligation.status) ?? true)
            && (rule.map { obligation.rule == $0 } ?? true)
            && (facility.map { obligation.facility == $0 } ?? true)
            && (prisonerID.map { obligation.prisonerID == $0 } ?? true)
    }
}

extension Obligations {
    /// The obligations `role` may see: those whose data class it reads (health rules need health).
    public static func visible(_ obligations: [Obligation], to role: Role) -> [Obligation] {
        let classes = AccessPolicy.readableClasses(of: role)
        return obligations.filter { classes.contains($0.fieldClass) }
    }

    /// Applies `filter`, keeping the order.
    public static func filter(_ obligations: [Obligation], _ filter: ObligationFilter) -> [Obligation] {
        obligations.filter(filter.matches)
    }
}
