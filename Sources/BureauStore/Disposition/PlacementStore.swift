import BureauCore
import Fluent
import Foundation

/// Guard 10 (Art. 22(3)): consents and two-person overrides that let a custody move hold a prisoner
/// apart from his group or forces, and the check every custody move passes before it is written.
/// Writes and reads are role-checked and audited; audit details name the record only; the words are sealed.
public struct PlacementStore: Sendable {
    public let context: StoreContext

    public init(context: StoreContext) {
        self.context = context
    }

    static func staff(_ principal: Principal) -> StaffMember { StaffMember(principal.username, roles: [principal.role]) }

    func audit(_ principal: Principal, _ action: String, prisonerID: UUID, clearance: UUID? = nil) -> AuditRecord {
        AuditRecord(actor: principal.username, role: principal.role.rawValue, action: action, entity: "prisoner",
                    entityID: prisonerID.uuidString, detail: clearance.map { "clearance=\($0.uuidString)" })
    }

    /// Records his consent to being held in `facility` (`section`) apart from his group or forces.
    public func recordConsent(_ prisonerID: UUID, facility: String, section: String?, statement: String,
                              by principal: Principal) async throws -> PlacementClearance {
        try await context.require(principal, .recordPlacementConsent, action: "placement.consent", entity: "prisoner",
                                  entityID: prisonerID.uuidString)
        let consent = try PlacementClearances.consent(id: context.newID(), prisonerID: prisonerID, facility: facility,
                                                      section: section, statement: statement,
                                                      by: Self.staff(principal), at: context.clock.now())
        let cipher = context.cipher
        return try await context.audited(audit(principal, "placement.consent", prisonerID: prisonerID, clearance: consent.id)) { tx in
            _ = try await RegistryStore.load(prisonerID, on: tx)
            try await Self.row(consent, status: "recorded", cipher: cipher).create(on: tx)
            return consent
        }
    }

    /// Asks to hold him apart anyway, with a reason; accepts the Art. 22(3) lines failing now.
    public func requestOverride(_ prisonerID: UUID, facility: String, section: String?, reason: String,
                                by principal: Principal) async throws -> PlacementClearance {
        try await context.require(principal, .requestOverride, action: "placement.override", entity: "prisoner",
                                  entityID: prisonerID.uuidString)
        let id = context.newID()
        let now = context.clock.now()
        let staff = Self.staff(principal)
        let cipher = context.cipher
        return try await context.audited(audit(principal, "placement.override", prisonerID: prisonerID, clearance: id)) { tx in
            let existing = try await Self.clearances(of: prisonerID, on: tx)
            let guards = try await Self.check(prisonerID, facility: facility, section: section, on: tx, cipher: cipher)
            let override = try PlacementClearances.requestOverride(id: id, prisonerID: prisonerID, facility: facility,
                                                                   section: section, reason: reason, failing: guards,
                                                                   existing: existing, by: staff, at: now)
            try await Self.row(override, status: "requested", cipher: cipher).create(on: tx)
            return override
        }
    }

    /// A second approver confirms an override; from then on the move can be recorded.
    public func confirmOverride(_ id: UUID, by principal: Principal) async throws -> PlacementClearance {
        try await context.require(principal, .confirmOverride, action: "placement.confirm", entity: "clearance",
                                  entityID: id.uuidString)
        let now = context.clock.now()
        let staff = Self.staff(principal)
        let record = AuditRecord(actor: principal.username, role: principal.role.rawValue, action: "placement.confirm",
                                 entity: "clearance", entityID: id.uuidString)
        return try await context.audited(record) { tx in
            guard let row = try await DispositionRow<PlacementClearancesTable>.find(id, on: tx) else {
                throw DomainError(.notFound, code: "override_not_found", "no override with that id")
            }
            let confirmed = try PlacementClearances.confirm(try row.decode(PlacementClearance.self), by: staff, at: now)
            row.status = "confirmed"
            row.payload = try DispositionCoding.json(confirmed)
            try await row.update(on: tx)
            return confirmed
        }
    }

    /// His consents and overrides, oldest first. The words only for readers of the will class.
    public func clearances(of prisonerID: UUID, by principal: Principal) async throws -> [PlacementClearance] {
        try await context.require(principal, .readRegistry, action: "placement.read", entity: "prisoner",
                                  entityID: prisonerID.uuidString)
        let reveal = AccessPolicy.canRead(principal.role, .will)
        let cipher = context.cipher
        return try await context.audited(audit(principal, "placement.read", prisonerID: prisonerID)) { tx in
            _ = try await RegistryStore.load(prisonerID, on: tx)
            return try await DispositionRow<PlacementClearancesTable>.query(on: tx).filter(\.$prisonerID == prisonerID)
                .sort(\.$recordedAt).all().map { row in
                    var clearance = try row.decode(PlacementClearance.self)
                    if reveal, let sealed = row.sealed, let id = row.id {
                        clearance.text = try cipher.open(sealed, context: id.uuidString)
                    }
                    return clearance
                }
        }
    }

    // MARK: Inside a transaction

    /// The Art. 22(3) lines for moving him into `facility` (`section`) now, with what is recorded for it.
    static func check(_ prisonerID: UUID, facility: String, section: String?, on tx: any Database,
                      cipher: FieldCipher) async throws -> [GuardResult] {
        guard let facility = facility.trimmedOrNil else {
            throw DomainError.invalid("facility", "name the facility", code: "required")
        }
        let section = section?.trimmedOrNil
        let prisoner = try await RegistryStore.load(prisonerID, on: tx).domain()
        let (prisoners, events) = try await GroupStore.load(on: tx, cipher: cipher)
        let occupants = PrisonerGroups.current(prisoners: prisoners, events: events).placements
            .filter { $0.facility == facility && (section == nil || $0.section == section) }.map(\.prisoner)
        return PlacementClearances.check(Placement(prisoner: prisoner, facility: facility, section: section),
                                         occupants: occupants, clearances: try await clearances(of: prisonerID, on: tx))
    }

    /// Throws `PlacementRefusal` when a custody move would hold him apart without consent or a confirmed override.
    static func requireCleared(_ move: CustodyMove, of prisonerID: UUID, on tx: any Database, cipher: FieldCipher) async throws {
        guard PlacementClearances.applies(to: move) else { return }
        let guards = try await check(prisonerID, facility: move.facility, section: move.section, on: tx, cipher: cipher)
        if !guards.allClear {
            throw PlacementRefusal(guards: guards, facility: move.facility, section: move.section?.trimmedOrNil)
        }
    }

    /// Without their words (sealed), which the check never needs.
    static func clearances(of prisonerID: UUID, on db: any Database) async throws -> [PlacementClearance] {
        try await DispositionRow<PlacementClearancesTable>.query(on: db).filter(\.$prisonerID == prisonerID)
            .sort(\.$recordedAt).all().map { try $0.decode(PlacementClearance.self) }
    }

    static func row(_ clearance: PlacementClearance, status: String,
                    cipher: FieldCipher) throws -> DispositionRow<PlacementClearancesTable> {
        var open = clearance
        open.text = ""
        return DispositionRow(id: clearance.id, prisonerID: clearance.prisonerID, kind: clearance.kind.rawValue,
                              status: status, at: clearance.recordedAt, recordedBy: clearance.recordedBy,
                              recordedAt: clearance.recordedAt, payload: try DispositionCoding.json(open),
                              sealed: try cipher.seal(clearance.text, context: clearance.id.uuidString))
    }
}
