import Foundation

/// What the Bureau found. A positive result names the prisoner and needs a second officer's
/// confirmation before it is answered: a wrong identification harms two families.
public struct EnquiryOutcome: Sendable, Hashable, Codable, Identifiable {
    public enum Result: Sendable, Hashable, Codable {
        case held(UUID)
        case diedInCaptivity(UUID)
        case released(UUID)
        case noRecord
        /// What was asked back of the enquirer.
        case needsMoreInformation(String)

        public var isPositive: Bool { prisonerID != nil }

        public var prisonerID: UUID? {
            switch self {
            case .held(let id), .diedInCaptivity(let id), .released(let id): return id
            case .noRecord, .needsMoreInformation: return nil
            }
        }

        public var code: Code {
            switch self {
            case .held: return .held
            case .diedInCaptivity: return .diedInCaptivity
            case .released: return .released
            case .noRecord: return .noRecord
            case .needsMoreInformation: return .needsMoreInformation
            }
        }

        public enum Code: String, Sendable, Codable, CaseIterable {
            case held
            case diedInCaptivity = "died_in_captivity"
            case released
            case noRecord = "no_record"
            case needsMoreInformation = "needs_more_information"
        }

        /// `{"result":"held","prisonerID":"…"}`, `{"result":"needs_more_information","question":"…"}`.
        private enum CodingKeys: String, CodingKey { case result, prisonerID, question }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let code = try container.decode(Code.self, forKey: .result)
            self = try Self.make(code, prisonerID: container.decodeIfPresent(UUID.self, forKey: .prisonerID),
                                 question: container.decodeIfPresent(String.self, forKey: .question))
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(code, forKey: .result)
            try container.encodeIfPresent(prisonerID, forKey: .prisonerID)
            if case .needsMoreInformation(let question) = self { try container.encode(question, forKey: .question) }
        }

        /// Builds a result from its parts, refusing a positive one without a prisoner or a question-back without the question.
        public static func make(_ code: Code, prisonerID: UUID?, question: String?) throws(DomainError) -> Result {
            switch code {
            case .held, .diedInCaptivity, .released:
                guard let prisonerID else {
                    throw .invalid("prisonerID", "name the prisoner this outcome is about", code: "required")
                }
                return code == .held ? .held(prisonerID) : code == .released ? .released(prisonerID) : .diedInCaptivity(prisonerID)
            case .noRecord: return .noRecord
            case .needsMoreInformation:
                guard let question = question?.trimmedOrNil else {
                    throw .invalid("question", "say what the enquirer is asked for", code: "required")
                }
                return .needsMoreInformation(question)
            }
        }
    }

    public var id: UUID
    public var result: Result
    public var note: String?
    public var recordedBy: String
    public var recordedAt: Date
    public var confirmedBy: String?
    public var confirmedAt: Date?

    public init(id: UUID, result: Result, note: String? = nil, recordedBy: String, recordedAt: Date,
                confirmedBy: String? = nil, confirmedAt: Date? = nil) {
        self.id = id
        self.result = result
        self.note = note
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
        self.confirmedBy = confirmedBy
        self.confirmedAt = confirmedAt
    }
}

/// An answer issued to the enquirer: what it says (only what Arts. 122 and 17 allow), in his language,
/// and where it went. Frozen when issued: what was sent stays readable as sent.
public struct EnquiryAnswer: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var outcomeID: UUID
    public var recipient: Addressee
    public var language: String
    public var content: EnquiryReply
    /// The letter as printed and sent, in `language`.
    public var letter: String
    public var issuedBy: String
    public var issuedAt: Date

    public init(id: UUID, outcomeID: UUID, recipient: Addressee, language: String, content: EnquiryReply, letter: String,
                issuedBy: String, issuedAt: Date) {
        self.id = id
        self.outcomeID = outcomeID
        self.recipient = recipient
        self.language = language
        self.content = content
        self.letter = letter
        self.issuedBy = issuedBy
        self.issuedAt = issuedAt
    }
}
