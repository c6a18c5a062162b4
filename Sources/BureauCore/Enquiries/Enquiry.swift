import Foundation

/// An enquiry about a prisoner of war (Art. 122(7)): who asks, about whom as the enquirer knows
/// him, and what the Bureau found and answered. Recorded by a tracing officer; never deleted.
public struct Enquiry: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var enquirer: Enquirer
    public var person: PersonSought
    /// The language the answer is written in: uk, en, ru or ko.
    public var language: String
    public var receivedAt: Date
    /// The tracing officer who works on it (and is told on the dashboard when a new record matches).
    public var assignedTo: String?
    public var assignedAt: Date?
    public var recordedBy: String
    public var recordedAt: Date
    /// The line of a bulk list it came from (CTA lists), for the enquirer's reconciliation.
    public var listLine: Int?
    public var note: String?
    /// The candidates proposed when it was last matched, best first.
    public var candidates: [EnquiryCandidate]
    /// Prisoners an officer has looked at and ruled out: a standing enquiry is not raised again for them.
    public var ruledOut: [UUID]
    /// Outcomes in the order recorded; the last one counts.
    public var outcomes: [EnquiryOutcome]
    /// Answers issued, oldest first. The first one meets the Art. 122(7) clock.
    public var answers: [EnquiryAnswer]

    public init(id: UUID, enquirer: Enquirer, person: PersonSought, language: String, receivedAt: Date,
                assignedTo: String? = nil, assignedAt: Date? = nil, recordedBy: String, recordedAt: Date,
                listLine: Int? = nil, note: String? = nil) {
        self.id = id
        self.enquirer = enquirer
        self.person = person
        self.language = language
        self.receivedAt = receivedAt
        self.assignedTo = assignedTo
        self.assignedAt = assignedAt
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
        self.listLine = listLine
        self.note = note
        candidates = []
        ruledOut = []
        outcomes = []
        answers = []
    }

    public static let languages = ["uk", "en", "ru", "ko"]

    public var outcome: EnquiryOutcome? { outcomes.last }
    /// When the enquirer was first answered (the Art. 122(7) clock stops here).
    public var answeredAt: Date? { answers.first?.issuedAt }

    /// Where the enquiry stands, derived from its outcomes and answers.
    public var status: EnquiryStatus {
        guard let outcome else { return .open }
        if outcome.result.isPositive && outcome.confirmedBy == nil { return .awaitingConfirmation }
        if answers.last.map({ $0.outcomeID != outcome.id }) ?? true { return .readyToAnswer }
        if outcome.result == .noRecord { return .standing }
        return .answered
    }

    /// The prisoner the current outcome names, if any.
    public var prisonerID: UUID? { outcome?.result.prisonerID }
}

public enum EnquiryStatus: String, Sendable, Codable, CaseIterable {
    /// Received; no outcome yet.
    case open
    /// A positive outcome waits for a second officer.
    case awaitingConfirmation = "awaiting_confirmation"
    /// The outcome stands (confirmed where needed) and the answer is to be issued.
    case readyToAnswer = "ready_to_answer"
    /// Answered "no record": it stays open for matching against every new registration and claim.
    case standing
    case answered

    /// Still owes the enquirer a reply or more work.
    public var isOpen: Bool { self != .answered }
}

/// Who asks (Arts. 122–123): the CTA, a National Society, the Protecting Power, the Power of origin,
/// or a family member through one of them.
public struct Enquirer: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case centralTracingAgency = "cta"
        case nationalSociety = "national_society"
        case protectingPower = "protecting_power"
        case powerOfOrigin = "power_of_origin"
        case family
    }

    public enum Channel: String, Sendable, Codable, CaseIterable {
        case ctaPortal = "cta_portal"
        case letter
        case email
        case diplomaticNote = "diplomatic_note"
        case visit
        case bulkList = "bulk_list"
    }

    public var kind: Kind
    /// The organisation or person: "ICRC Central Tracing Agency", "Red Cross Society of the DPRK".
    public var name: String
    /// For a family member: the organisation the enquiry came through.
    public var through: String?
    public var channel: Channel
    /// The enquirer's own reference, quoted in the answer.
    public var reference: String?

    public init(kind: Kind, name: String, through: String? = nil, channel: Channel, reference: String? = nil) {
        self.kind = kind
        self.name = name
        self.through = through
        self.channel = channel
        self.reference = reference
    }

    /// Where the answer goes: a Protecting Power's enquiry back to it, everything else to the CTA
    /// (Art. 123), which forwards to National Societies, Powers and families.
    public var answerRecipient: Addressee {
        kind == .protectingPower ? .protectingPower : .centralTracingAgency
    }
}

/// The person sought, as the enquirer knows him: every spelling given, in any script.
public struct PersonSought: Sendable, Hashable, Codable {
    /// Full names as given ("Ri Chol-ho", "Ли Чхоль Хо", "리철호"); at least one.
    public var names: [String]
    public var dateOfBirth: PartialDate?
    public var placeOfBirth: String?
    public var fatherName: String?
    public var unit: String?
    public var rank: String?
    public var serviceNumber: String?
    public var lastSeenAt: PartialDate?
    public var lastSeenPlace: String?

    public init(names: [String], dateOfBirth: PartialDate? = nil, placeOfBirth: String? = nil, fatherName: String? = nil,
                unit: String? = nil, rank: String? = nil, serviceNumber: String? = nil, lastSeenAt: PartialDate? = nil,
                lastSeenPlace: String? = nil) {
        self.names = names
        self.dateOfBirth = dateOfBirth
        self.placeOfBirth = placeOfBirth
        self.fatherName = fatherName
        self.unit = unit
        self.rank = rank
        self.serviceNumber = serviceNumber
        self.lastSeenAt = lastSeenAt
        self.lastSeenPlace = lastSeenPlace
    }
}

/// A registry prisoner proposed for an enquiry, with why.
public struct EnquiryCandidate: Sendable, Hashable, Codable {
    public var prisonerID: UUID
    public var claimID: UUID
    /// The claim's name as written, which matched.
    public var matchedName: String
    /// The enquiry's spelling it matched.
    public var queryName: String
    public var score: Double
    /// The reasons, each localisable (`match.*` keys); `explanation` is the English text for API clients.
    public var reasons: [MatchReason]
    public var explanation: String

    public init(prisonerID: UUID, claimID: UUID, matchedName: String, queryName: String, score: Double,
                reasons: [MatchReason], explanation: String) {
        self.prisonerID = prisonerID
        self.claimID = claimID
        self.matchedName = matchedName
        self.queryName = queryName
        self.score = score
        self.reasons = reasons
        self.explanation = explanation
    }
}

/// One line of a match explanation, as data so each page can say it in its own language:
/// `code` is a `match.<code>` key; `query`/`candidate` are the name parts as written.
public struct MatchReason: Sendable, Hashable, Codable {
    public var code: String
    public var role: String?
    public var query: String?
    public var candidate: String?
    public var similarity: Double?

    public init(code: String, role: String? = nil, query: String? = nil, candidate: String? = nil, similarity: Double? = nil) {
        self.code = code
        self.role = role
        self.query = query
        self.candidate = candidate
        self.similarity = similarity
    }
}
