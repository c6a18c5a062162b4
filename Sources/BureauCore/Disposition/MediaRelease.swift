import Foundation

/// A request to publish material about an identifiable prisoner (guard 8, GC III Art. 13(2)).
///
/// The 2020 Commentary reads "public curiosity" as covering photographs, video and voice that identify
/// him; publishing an interview of a captured foreign fighter can also endanger his family at home.
/// The material itself stays outside Bureau: the request holds its description and SHA-256 digest, so
/// a copy found published later can be matched against what was approved.
///
/// Requests are recorded by a legal officer on behalf of whoever asks (press office, ministry,
/// investigators, named in `requester`): the press office reads no case data in Bureau.
public struct MediaReleaseRequest: Sendable, Hashable, Codable, Identifiable {
    public enum Medium: String, Sendable, Codable, CaseIterable {
        case photograph, video, audio, text
    }

    /// What in the material could identify him.
    public enum Feature: String, Sendable, Codable, CaseIterable, Comparable {
        case face, voice, name, unit, tattoos
        public static func < (lhs: Self, rhs: Self) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// What was done to the material before release.
    public enum Measure: String, Sendable, Codable, CaseIterable {
        case blurring
        case voiceAlteration = "voice_alteration"
        case namesRemoved = "names_removed"
        case unitRemoved = "unit_removed"
        case tattoosMasked = "tattoos_masked"

        /// The feature this measure removes.
        public var masks: Feature {
            switch self {
            case .blurring: return .face
            case .voiceAlteration: return .voice
            case .namesRemoved: return .name
            case .unitRemoved: return .unit
            case .tattoosMasked: return .tattoos
            }
        }
    }

    public enum State: String, Sendable, Codable, CaseIterable {
        case requested, assessed, approved, refused
    }

    /// His view, if he was asked. Recorded, never sufficient alone: a prisoner cannot waive the
    /// protection of Art. 13 (Art. 7), and his consent given in captivity is not free.
    public struct PrisonerView: Sendable, Hashable, Codable {
        public var consents: Bool
        public var note: String?
        public var recordedBy: String
        public var recordedAt: Date

        public init(consents: Bool, note: String? = nil, recordedBy: String, recordedAt: Date) {
            self.consents = consents
            self.note = note
            self.recordedBy = recordedBy
            self.recordedAt = recordedAt
        }
    }

    /// The legal officer's assessment against Art. 13, or the approver's decision.
    public struct Decision: Sendable, Hashable, Codable {
        public var approve: Bool
        public var reasoning: String
        /// The provision relied on; every decision cites it.
        public var article: String
        public var by: String
        public var at: Date

        public init(approve: Bool, reasoning: String, article: String = MediaReleaseRequest.article, by: String, at: Date) {
            self.approve = approve
            self.reasoning = reasoning
            self.article = article
            self.by = by
            self.at = at
        }
    }

    public static let article = "GC III Art. 13(2)"

    public var id: UUID
    public var prisonerID: UUID
    public var medium: Medium
    public var description: String
    /// SHA-256 of the file, lowercase hex.
    public var digest: String
    /// Who asks (press office, ministry, investigators) and why.
    public var requester: String
    public var purpose: String
    public var identifiable: Set<Feature>
    public var measures: Set<Measure>
    public var prisonerView: PrisonerView?
    /// His non-refoulement risk assessments this request relies on for the risk to him and his family.
    public var riskAssessmentIDs: [UUID]
    /// The risk to him and his family at home if the material is published, in the legal officer's words.
    public var familyRisk: String?
    public var recordedBy: String
    public var recordedAt: Date
    public var assessment: Decision?
    public var decision: Decision?

    public init(id: UUID, prisonerID: UUID, medium: Medium, description: String, digest: String, requester: String,
                purpose: String, identifiable: Set<Feature>, measures: Set<Measure> = [], prisonerView: PrisonerView? = nil,
                riskAssessmentIDs: [UUID] = [], familyRisk: String? = nil, recordedBy: String, recordedAt: Date,
                assessment: Decision? = nil, decision: Decision? = nil) {
        self.id = id
        self.prisonerID = prisonerID
        self.medium = medium
        self.description = description
        self.digest = digest
        self.requester = requester
        self.purpose = purpose
        self.identifiable = identifiable
        self.measures = measures
        self.prisonerView = prisonerView
        self.riskAssessmentIDs = riskAssessmentIDs
        self.familyRisk = familyRisk
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
        self.assessment = assessment
        self.decision = decision
    }

    /// What still identifies him once the measures are applied.
    public var remainingIdentifiable: Set<Feature> {
        identifiable.subtracting(measures.map(\.masks))
    }

    /// Whether the request speaks of the risk to him or his family (then it is risk-class).
    public var citesRisk: Bool { !riskAssessmentIDs.isEmpty || familyRisk?.trimmedOrNil != nil }

    public var state: State {
        if let decision { return decision.approve ? .approved : .refused }
        return assessment == nil ? .requested : .assessed
    }
}

/// Material published without an approved request: recorded, and raised for the legal officer until
/// he closes it.
public struct MediaReleaseBreach: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var prisonerID: UUID
    public var medium: MediaReleaseRequest.Medium
    public var description: String
    public var digest: String
    /// Where it appeared (outlet, channel, address).
    public var publishedIn: String
    public var publishedAt: Date
    public var recordedBy: String
    public var recordedAt: Date
    /// What was done (take-down request, risk reassessment); nil while open.
    public var closedBy: String?
    public var closedAt: Date?
    public var closingNote: String?

    public init(id: UUID, prisonerID: UUID, medium: MediaReleaseRequest.Medium, description: String, digest: String,
                publishedIn: String, publishedAt: Date, recordedBy: String, recordedAt: Date) {
        self.id = id
        self.prisonerID = prisonerID
        self.medium = medium
        self.description = description
        self.digest = digest
        self.publishedIn = publishedIn
        self.publishedAt = publishedAt
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }

    public var isOpen: Bool { closedAt == nil }
}
