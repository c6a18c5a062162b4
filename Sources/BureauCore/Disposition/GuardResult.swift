import Foundation

/// One line of a case's legal checklist: a guard of gc3.md §7 applied to one point.
///
/// A guard may yield several results (guard 2 checks the will, the route and Art. 12 separately);
/// the API returns all of them, and every failure at once.
public struct GuardResult: Sendable, Hashable, Codable {
    public enum Severity: String, Sendable, Codable, CaseIterable {
        /// Blocks; nobody can override it.
        case enforce
        /// Blocks unless overridden with a reason and confirmed by a second approver.
        case warn
    }

    public enum Status: String, Sendable, Codable, CaseIterable {
        case passed
        case failed
        /// A failed warn guard overridden with a reason and a second approver.
        case overridden
    }

    /// The number of the guard in gc3.md §7 (1…12).
    public var guardNumber: Int
    /// The provision relied on: "GC III Art. 109(1), 110".
    public var article: String
    public var severity: Severity
    public var status: Status
    /// Localization key, `guard.<n>.<point>`; also the key an override names.
    public var key: String
    /// Values for the `{name}` placeholders of the key's sentence (`GuardCatalog`).
    public var parameters: [String: String]
    /// English text for logs, the CLI and API clients.
    public var message: String
    /// A missing record could cure the failure (record a will statement); false for a bar
    /// (a documented serious risk, eligibility for medical repatriation).
    public var remediable: Bool

    public init(guardNumber: Int, article: String, severity: Severity, status: Status, key: String,
                parameters: [String: String] = [:], remediable: Bool = true) {
        self.guardNumber = guardNumber
        self.article = article
        self.severity = severity
        self.status = status
        self.key = key
        self.parameters = parameters
        self.message = GuardCatalog.render(key, parameters)
        self.remediable = remediable
    }

    public static func pass(_ number: Int, _ article: String, _ severity: Severity, _ key: String,
                            _ parameters: [String: String] = [:]) -> GuardResult {
        GuardResult(guardNumber: number, article: article, severity: severity, status: .passed, key: key,
                    parameters: parameters)
    }

    public static func fail(_ number: Int, _ article: String, _ severity: Severity, _ key: String,
                            _ parameters: [String: String] = [:], remediable: Bool = true) -> GuardResult {
        GuardResult(guardNumber: number, article: article, severity: severity, status: .failed, key: key,
                    parameters: parameters, remediable: remediable)
    }

    public var passed: Bool { status == .passed }
    /// Stops the transition: any failure not overridden.
    public var blocks: Bool { status == .failed }
}

extension Array where Element == GuardResult {
    public var blocking: [GuardResult] { filter(\.blocks) }
    public var allClear: Bool { allSatisfy { !$0.blocks } }
}

/// A failed warn guard accepted for this case. Effective only with a reason and confirmed by a
/// second person holding the approver role (gc3.md §7: "override with reason + senior legal approval").
public struct GuardOverride: Sendable, Hashable, Codable {
    /// The failing key it accepts (`guard.9.contested_power`).
    public var key: String
    public var reason: String
    public var requestedBy: String
    public var requestedAt: Date
    public var confirmedBy: String?
    public var confirmedAt: Date?

    public init(key: String, reason: String, requestedBy: String, requestedAt: Date,
                confirmedBy: String? = nil, confirmedAt: Date? = nil) {
        self.key = key
        self.reason = reason
        self.requestedBy = requestedBy
        self.requestedAt = requestedAt
        self.confirmedBy = confirmedBy
        self.confirmedAt = confirmedAt
    }

    public var isConfirmed: Bool {
        guard let confirmedBy, confirmedBy != requestedBy else { return false }
        return reason.trimmedOrNil != nil
    }
}

/// A member of staff acting on a case, with the roles the session established.
public struct StaffMember: Sendable, Hashable, Codable {
    public var userID: String
    public var roles: Set<Role>

    public init(_ userID: String, roles: Set<Role>) {
        self.userID = userID
        self.roles = roles
    }

    public func has(_ role: Role) -> Bool { roles.contains(role) }
}
