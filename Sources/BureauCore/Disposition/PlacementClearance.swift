import Foundation

/// What lets a custody move through the Art. 22(3) warning (guard 10): the prisoner's recorded consent
/// to being held apart from his group or forces, or an override with a reason that a second person
/// confirms. Each names the facility and section it is for; it is kept, audited and shown on his timeline.
public struct PlacementClearance: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// His consent, as he gave it: effective once recorded.
        case consent
        /// A reason to hold him apart: effective only once a second person confirms it.
        case override
    }

    public var id: UUID
    public var prisonerID: UUID
    public var kind: Kind
    public var facility: String
    public var section: String?
    /// How he gave his consent, or the reason for the override. May carry why he wants to be apart
    /// from his own forces, so it is will-class (`DataClasses`).
    public var text: String
    /// The Art. 22(3) keys failing when it was recorded; an override accepts exactly these.
    public var keys: [String]
    public var recordedBy: String
    public var recordedAt: Date
    public var confirmedBy: String?
    public var confirmedAt: Date?

    public init(id: UUID, prisonerID: UUID, kind: Kind, facility: String, section: String?, text: String, keys: [String],
                recordedBy: String, recordedAt: Date, confirmedBy: String? = nil, confirmedAt: Date? = nil) {
        self.id = id
        self.prisonerID = prisonerID
        self.kind = kind
        self.facility = facility
        self.section = section
        self.text = text
        self.keys = keys
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
        self.confirmedBy = confirmedBy
        self.confirmedAt = confirmedAt
    }

    /// Consent counts once recorded; an override once someone other than its requester confirmed it.
    public var isEffective: Bool {
        switch kind {
        case .consent: return true
        case .override: return confirmedBy.map { $0 != recordedBy } ?? false
        }
    }

    public var awaitsConfirmation: Bool { kind == .override && confirmedBy == nil }

    /// Whether it is for this facility and section (trimmed, exact: the same comparison that finds occupants).
    public func covers(facility: String, section: String?) -> Bool {
        self.facility == facility.trimmedOrNil && self.section == section?.trimmedOrNil
    }

    var asOverrides: [GuardOverride] {
        guard kind == .override else { return [] }
        // The reason was required when it was requested; the store keeps it sealed apart, so the check
        // (which never reads it) may see it blank.
        let reason = text.trimmedOrNil ?? "sealed"
        return keys.map { GuardOverride(key: $0, reason: reason, requestedBy: recordedBy, requestedAt: recordedAt,
                                        confirmedBy: confirmedBy, confirmedAt: confirmedAt) }
    }
}

/// Recording consents and overrides of the Art. 22(3) warning. Pure: the store persists what these
/// return, with the audit entry, in one transaction.
public enum PlacementClearances {
    /// Whether a move into `facility` is one Art. 22(3) speaks of: camps and transit camps are where
    /// prisoners are assembled by nationality, language and customs; hospitals and penal
    /// establishments hold them for other reasons.
    public static func applies(to move: CustodyMove) -> Bool {
        move.leftAt == nil && [.camp, .transit].contains(move.facilityType)
    }

    /// The Art. 22(3) lines for a placement with what is recorded for it.
    public static func check(_ placement: Placement, occupants: [Prisoner], clearances: [PlacementClearance]) -> [GuardResult] {
        let relevant = clearances.filter { $0.prisonerID == placement.prisoner.id
            && $0.covers(facility: placement.facility, section: placement.section) }
        return LegalGuards.placement(placement, occupants: occupants,
                                     consentRecorded: relevant.contains { $0.kind == .consent },
                                     overrides: relevant.flatMap(\.asOverrides))
    }

    /// His consent to being held apart, as he gave it (when, to whom, through which interpreter).
    public static func consent(id: UUID, prisonerID: UUID, facility: String, section: String?, statement: String,
                               by actor: StaffMember, at time: Date) throws(DomainError) -> PlacementClearance {
        let (facility, section) = try place(facility, section)
        guard let statement = statement.trimmedOrNil else {
            throw .invalid("statement", "say how and to whom he gave his consent", code: "placement_consent_required")
        }
        return PlacementClearance(id: id, prisonerID: prisonerID, kind: .consent, facility: facility, section: section,
                                  text: statement, keys: [], recordedBy: actor.userID, recordedAt: time)
    }

    /// A legal officer or approver asks to hold him apart anyway, with a reason; it accepts the lines
    /// failing now and takes effect once a second approver confirms it.
    public static func requestOverride(id: UUID, prisonerID: UUID, facility: String, section: String?, reason: String,
                                       failing: [GuardResult], existing: [PlacementClearance], by actor: StaffMember,
                                       at time: Date) throws(DomainError) -> PlacementClearance {
        if actor.roles.isDisjoint(with: [.legalOfficer, .approver]) {
            throw DomainError(.forbidden, code: "role_required", "only a legal officer or an approver requests an override")
        }
        let (facility, section) = try place(facility, section)
        guard let reason = reason.trimmedOrNil else {
            throw .invalid("reason", "an override needs a reason", code: "override_reason_required")
        }
        let keys = failing.filter { $0.blocks && $0.guardNumber == 10 }.map(\.key)
        if keys.isEmpty {
            throw .unprocessable("facility", "the move separates him from nobody: nothing to override",
                                 code: "placement_nothing_to_override")
        }
        if existing.contains(where: { $0.kind == .override && $0.prisonerID == prisonerID && $0.covers(facility: facility, section: section)
            && ($0.awaitsConfirmation || Set(keys).isSubset(of: $0.keys)) }) {
            throw DomainError(.conflict, code: "override_exists", "an override for this placement is already recorded", field: "facility")
        }
        return PlacementClearance(id: id, prisonerID: prisonerID, kind: .override, facility: facility, section: section,
                                  text: reason, keys: keys, recordedBy: actor.userID, recordedAt: time)
    }

    /// A second person with the approver role confirms an override; never its requester.
    public static func confirm(_ clearance: PlacementClearance, by actor: StaffMember, at time: Date) throws(DomainError)
        -> PlacementClearance {
        guard clearance.kind == .override else {
            throw DomainError(.notFound, code: "override_not_found", "no override with that id", field: nil)
        }
        if !actor.has(.approver) {
            throw DomainError(.forbidden, code: "role_required", "only a user with the approver role confirms an override")
        }
        if clearance.recordedBy == actor.userID {
            throw DomainError(.forbidden, code: "second_approver_required",
                              "an override is confirmed by someone other than its requester")
        }
        if clearance.confirmedBy != nil {
            throw DomainError(.conflict, code: "override_confirmed", "this override is already confirmed", field: nil)
        }
        var confirmed = clearance
        confirmed.confirmedBy = actor.userID
        confirmed.confirmedAt = time
        return confirmed
    }

    static func place(_ facility: String, _ section: String?) throws(DomainError) -> (String, String?) {
        guard let facility = facility.trimmedOrNil else {
            throw .invalid("facility", "name the facility", code: "required")
        }
        return (facility, section?.trimmedOrNil)
    }
}

/// A custody move stopped by the Art. 22(3) warning: nothing was written. Carries the lines, so the
/// API and the page can name the article and the ways forward.
public struct PlacementRefusal: Error, Sendable {
    public var guards: [GuardResult]
    public var facility: String
    public var section: String?

    public init(guards: [GuardResult], facility: String, section: String?) {
        self.guards = guards
        self.facility = facility
        self.section = section
    }

    public var blocking: [GuardResult] { guards.blocking }
    public static let code = "placement_separation"
}
