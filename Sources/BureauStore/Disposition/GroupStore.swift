import BureauCore
import Fluent
import Foundation

/// Guard 10: the camp's groups derived from the registry, their representatives, and the Art. 22(3)
/// check of a placement. Reads are role-checked and audited like every registry read.
public struct GroupStore: Sendable {
    public let context: StoreContext

    public init(context: StoreContext) {
        self.context = context
    }

    public struct Overview: Sendable {
        public var groups: [PrisonerGroup]
        /// One guard-10 line per group: flagged where no representative holds a current mandate.
        public var representation: [GuardResult]
        public var representatives: [GroupRepresentative]
        public var labels: [UUID: String]
    }

    static let kinds: [EventKind] = [.custodyMove, .release, .repatriation, .death, .escape, .representativeElection,
                                     .representativeMandateEnd]

    /// Every group of every facility now.
    public func overview(by principal: Principal) async throws -> Overview {
        try await context.require(principal, .readRegistry, action: "groups.read", entity: "groups")
        let now = context.clock.now()
        let cipher = context.cipher
        let record = AuditRecord(actor: principal.username, role: principal.role.rawValue, action: "groups.read", entity: "groups")
        return try await context.audited(record) { tx in
            let (prisoners, events) = try await Self.load(on: tx, cipher: cipher)
            let current = PrisonerGroups.current(prisoners: prisoners, events: events)
            let groups = PrisonerGroups.derive(current.placements)
            return Overview(groups: groups,
                            representation: LegalGuards.representation(groups, elected: current.representatives, at: now),
                            representatives: current.representatives,
                            labels: Dictionary(uniqueKeysWithValues: prisoners.map { ($0.id, $0.internmentNumber) }))
        }
    }

    /// The Art. 22(3) lines for moving `prisonerID` into `facility` (and `section`): warned where he would be
    /// apart from his forces or his group, cleared by his recorded consent.
    public func placementCheck(_ prisonerID: UUID, facility: String, section: String?, consentRecorded: Bool,
                               by principal: Principal) async throws -> [GuardResult] {
        try await context.require(principal, .readRegistry, action: "groups.read", entity: "prisoner",
                                  entityID: prisonerID.uuidString)
        guard let facility = facility.trimmedOrNil else {
            throw DomainError.invalid("facility", "name the facility", code: "required")
        }
        let cipher = context.cipher
        let record = AuditRecord(actor: principal.username, role: principal.role.rawValue, action: "groups.read",
                                 entity: "prisoner", entityID: prisonerID.uuidString)
        return try await context.audited(record) { tx in
            if !consentRecorded {
                // With the consents and confirmed overrides recorded for this place.
                return try await PlacementStore.check(prisonerID, facility: facility, section: section, on: tx, cipher: cipher)
            }
            let prisoner = try await RegistryStore.load(prisonerID, on: tx).domain()
            let (prisoners, events) = try await Self.load(on: tx, cipher: cipher)
            let section = section?.trimmedOrNil
            let occupants = PrisonerGroups.current(prisoners: prisoners, events: events).placements
                .filter { $0.facility == facility && (section == nil || $0.section == section) }.map(\.prisoner)
            return LegalGuards.placement(Placement(prisoner: prisoner, facility: facility, section: section),
                                         occupants: occupants, consentRecorded: true)
        }
    }

    static func load(on db: any Database, cipher: FieldCipher) async throws -> ([Prisoner], [TimelineEvent]) {
        let prisoners = try await PrisonerModel.query(on: db).all().map { try $0.domain() }
        let events = try await EventModel.query(on: db).filter(\.$kind ~~ kinds.map(\.rawValue)).all()
            .map { try EventStorage.event(from: $0, cipher: cipher, reveal: false) }
        return (prisoners, events)
    }
}
