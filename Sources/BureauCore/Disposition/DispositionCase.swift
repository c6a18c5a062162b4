import Foundation

/// A decision about one prisoner's future (gc3.md §3): what is proposed, who decided, and the
/// hand-over. Moved only by `DispositionWorkflow.transition`.
public struct DispositionCase: Sendable, Hashable, Codable, Identifiable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case exchange
        /// Arts. 109(1), 110(1): owed regardless of number or rank, never traded.
        case directMedicalRepatriation = "direct_medical_repatriation"
        /// Arts. 109(2), 110(2), 111.
        case neutralAccommodation = "neutral_accommodation"
        /// At his request, under Art. 12 safeguards.
        case thirdStateTransfer = "third_state_transfer"
        /// Art. 118.
        case releaseEndOfHostilities = "release_end_of_hostilities"
        case releaseOther = "release_other"

        /// Kinds that always take him out of the detaining power's custody to another Power.
        public var isTransferToAnotherPower: Bool {
            switch self {
            case .exchange, .directMedicalRepatriation, .neutralAccommodation, .thirdStateTransfer: return true
            case .releaseEndOfHostilities, .releaseOther: return false
            }
        }
    }

    public enum State: String, Sendable, Codable, CaseIterable {
        case draft
        case underLegalReview = "under_legal_review"
        case approved
        case executed
        case withdrawn

        public var isOpen: Bool { self != .executed && self != .withdrawn }
    }

    public struct Approval: Sendable, Hashable, Codable {
        public var by: String
        public var at: Date
        public var note: String?

        public init(by: String, at: Date, note: String? = nil) {
            self.by = by
            self.at = at
            self.note = note
        }
    }

    /// Art. 7 warns a right cannot be renounced; a recorded waiver is therefore always a guard-4 warning.
    public struct Waiver: Sendable, Hashable, Codable {
        public var right: String
        public var reason: String
        public var recordedBy: String
        public var recordedAt: Date

        public init(right: String, reason: String, recordedBy: String, recordedAt: Date) {
            self.right = right
            self.reason = reason
            self.recordedBy = recordedBy
            self.recordedAt = recordedAt
        }
    }

    public struct HistoryEntry: Sendable, Hashable, Codable {
        public var from: State
        public var to: State
        public var action: String
        public var by: String
        public var at: Date
        public var note: String?

        public init(from: State, to: State, action: String, by: String, at: Date, note: String? = nil) {
            self.from = from
            self.to = to
            self.action = action
            self.by = by
            self.at = at
            self.note = note
        }
    }

    public var id: UUID
    public var prisonerID: UUID
    public var kind: Kind
    public var state: State
    /// Where he goes; nil only for a release in the detaining power's territory.
    public var route: Route?
    /// The Power that takes custody at the hand-over (alpha-3); may differ from the destination.
    public var receivingPower: String?
    /// The negotiation this exchange case belongs to. Never set on a medical case (guard 1).
    public var exchangeID: UUID?
    public var author: String
    public var createdAt: Date
    public var approvals: [Approval]
    public var overrides: [GuardOverride]
    public var waivers: [Waiver]
    public var handover: Handover?
    public var withdrawalReason: String?
    public var history: [HistoryEntry]

    public init(id: UUID, prisonerID: UUID, kind: Kind, state: State = .draft, route: Route? = nil,
                receivingPower: String? = nil, exchangeID: UUID? = nil, author: String, createdAt: Date,
                approvals: [Approval] = [], overrides: [GuardOverride] = [], waivers: [Waiver] = [],
                handover: Handover? = nil, withdrawalReason: String? = nil, history: [HistoryEntry] = []) {
        self.id = id
        self.prisonerID = prisonerID
        self.kind = kind
        self.state = state
        self.route = route
        self.receivingPower = receivingPower
        self.exchangeID = exchangeID
        self.author = author
        self.createdAt = createdAt
        self.approvals = approvals
        self.overrides = overrides
        self.waivers = waivers
        self.handover = handover
        self.withdrawalReason = withdrawalReason
        self.history = history
    }

    /// Leaves custody to somewhere: every kind with a route. A release with no route stays here.
    public var isDeparture: Bool { kind.isTransferToAnotherPower || route != nil }

    /// The Power that will hold him after the hand-over: the receiving Power, else the destination.
    public var nextPower: String? { receivingPower ?? route?.destination }
}

/// The hand-over that executes a case.
public struct Handover: Sendable, Hashable, Codable {
    public var at: Date
    public var place: String
    /// Who took him: a Power (alpha-3) and the official or unit who signed.
    public var receivingParty: String
    public var receivingOfficial: String?
    public var icrcPresent: Bool
    public var icrcDelegate: String?
    public var note: String?

    public init(at: Date, place: String, receivingParty: String, receivingOfficial: String? = nil,
                icrcPresent: Bool, icrcDelegate: String? = nil, note: String? = nil) {
        self.at = at
        self.place = place
        self.receivingParty = receivingParty
        self.receivingOfficial = receivingOfficial
        self.icrcPresent = icrcPresent
        self.icrcDelegate = icrcDelegate
        self.note = note
    }
}
