import Foundation

/// A state or organisation the Bureau deals with about a prisoner's future.
public struct Party: Sendable, Hashable, Codable, Identifiable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case state
        case organisation
    }

    public var id: UUID
    public var name: String
    public var kind: Kind
    /// ISO 3166-1 alpha-3, for states.
    public var stateCode: String?
    /// True for the ICRC (and its Central Tracing Agency), the neutral channel (gc3.md §3).
    public var isICRC: Bool

    public init(id: UUID, name: String, kind: Kind, stateCode: String? = nil, isICRC: Bool = false) {
        self.id = id
        self.name = name
        self.kind = kind
        self.stateCode = stateCode
        self.isICRC = isICRC
    }
}

/// The part a party plays for one prisoner. The same state may play several.
public enum PartyRole: String, Sendable, Codable, CaseIterable {
    case detainingPower = "detaining_power"
    /// Arts. 4, 122; may be contested (gc3.md §4: the DPRK or Russia).
    case powerDependedOn = "power_depended_on"
    case forcesServedWith = "forces_served_with"
    case thirdState = "third_state"
    case icrc
    case protectingPower = "protecting_power"
}

/// One party's role for one prisoner, with the reasoning when it is disputed.
public struct PartyRoleAssignment: Sendable, Hashable, Codable {
    public var partyID: UUID
    public var prisonerID: UUID
    public var role: PartyRole
    public var contested: Bool
    public var rationale: String?

    public init(partyID: UUID, prisonerID: UUID, role: PartyRole, contested: Bool = false, rationale: String? = nil) {
        self.partyID = partyID
        self.prisonerID = prisonerID
        self.role = role
        self.contested = contested
        self.rationale = rationale
    }
}

/// An appeal, request, note or reply exchanged with a party, logged against the cases it concerns.
public struct Consultation: Sendable, Hashable, Codable, Identifiable {
    public enum Direction: String, Sendable, Codable, CaseIterable {
        case inbound, outbound
    }

    public enum Kind: String, Sendable, Codable, CaseIterable {
        case appeal, request, note, reply
    }

    public enum Channel: String, Sendable, Codable, CaseIterable {
        case diplomaticNote = "diplomatic_note"
        /// Through the ICRC Central Tracing Agency.
        case icrc
        case meeting
        case letter
        case email
        case phone
        case other
    }

    public var id: UUID
    public var partyID: UUID
    public var direction: Direction
    public var kind: Kind
    public var date: Date
    public var channel: Channel
    public var summary: String
    /// References to stored attachments (document ids or file names).
    public var attachments: [String]
    public var caseIDs: [UUID]
    /// The prisoners it is about, so a disclosure can be checked against each one's parties.
    public var prisonerIDs: [UUID]
    public var inReplyTo: UUID?
    /// It reveals a will statement or an asylum/third-state wish (guard 12).
    public var disclosesWill: Bool
    /// Required when `disclosesWill` and the recipient is a state: DPO and legal sign-off.
    public var disclosureApproval: DisclosureApproval?
    public var recordedBy: String
    public var recordedAt: Date

    public init(id: UUID, partyID: UUID, direction: Direction, kind: Kind, date: Date, channel: Channel,
                summary: String, attachments: [String] = [], caseIDs: [UUID] = [], prisonerIDs: [UUID] = [],
                inReplyTo: UUID? = nil, disclosesWill: Bool = false, disclosureApproval: DisclosureApproval? = nil,
                recordedBy: String, recordedAt: Date) {
        self.id = id
        self.partyID = partyID
        self.direction = direction
        self.kind = kind
        self.date = date
        self.channel = channel
        self.summary = summary
        self.attachments = attachments
        self.caseIDs = caseIDs
        self.prisonerIDs = prisonerIDs
        self.inReplyTo = inReplyTo
        self.disclosesWill = disclosesWill
        self.disclosureApproval = disclosureApproval
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}

/// Guard 12: the data protection officer and a legal officer both signed off a disclosure of the will.
public struct DisclosureApproval: Sendable, Hashable, Codable {
    public var dataProtectionOfficer: String
    public var legalOfficer: String
    public var reason: String
    public var approvedAt: Date

    public init(dataProtectionOfficer: String, legalOfficer: String, reason: String, approvedAt: Date) {
        self.dataProtectionOfficer = dataProtectionOfficer
        self.legalOfficer = legalOfficer
        self.reason = reason
        self.approvedAt = approvedAt
    }
}
