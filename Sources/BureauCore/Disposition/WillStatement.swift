import Foundation

/// What the prisoner said he wants done with him, in his own words (gc3.md §3, §6).
///
/// The most restricted record in the system (`FieldClass.will`). Statements are never edited:
/// a new statement names the one it `supersedes`. Guard 2 needs a *current*, interpreted one
/// before any departure from custody.
public struct WillStatement: Sendable, Hashable, Codable, Identifiable {
    public enum Mode: String, Sendable, Codable, CaseIterable {
        case oral
        /// Art. 17(6) practice: he wrote it himself (a jaw wound, for instance).
        case written
        /// A written text he signed.
        case signed
        /// He made his mark; used when he cannot write.
        case mark
    }

    /// Someone present at the interview besides the interviewer and interpreter.
    public struct Witness: Sendable, Hashable, Codable {
        public var name: String
        public var affiliation: String
        /// An ICRC delegate (or Protecting Power representative) confirming free will, gc3.md §3.
        public var isICRCDelegate: Bool

        public init(name: String, affiliation: String, isICRCDelegate: Bool = false) {
            self.name = name
            self.affiliation = affiliation
            self.isICRCDelegate = isICRCDelegate
        }
    }

    public var id: UUID
    public var prisonerID: UUID
    public var statedAt: Date
    /// The question as it was put to him, in the language of the record.
    public var question: String
    public var answer: WillAnswer
    /// His own words, as written or dictated, in the original language and script.
    public var ownWords: String
    /// A translation shown side by side with the original (English or Ukrainian).
    public var translation: String?
    /// BCP 47 code of the language used (Art. 17(7): one he understands).
    public var language: String
    public var interpreter: Interview.Interpreter?
    /// Declared by the recorder: the interpreter works for a state with an interest in the outcome
    /// (the Power depended on, the forces served with, a prospective third state). Guard 5 warns.
    public var interpreterEmployedByInterestedState: Bool
    public var witnesses: [Witness]
    /// He was heard without detaining-power staff present, as the ICRC does (gc3.md §3).
    public var privateInterview: Bool
    public var mode: Mode
    public var supersedes: UUID?
    public var recordedBy: String
    public var recordedAt: Date

    public init(id: UUID, prisonerID: UUID, statedAt: Date, question: String, answer: WillAnswer, ownWords: String,
                translation: String? = nil, language: String, interpreter: Interview.Interpreter?,
                interpreterEmployedByInterestedState: Bool = false, witnesses: [Witness] = [],
                privateInterview: Bool = false, mode: Mode, supersedes: UUID? = nil,
                recordedBy: String, recordedAt: Date) {
        self.id = id
        self.prisonerID = prisonerID
        self.statedAt = statedAt
        self.question = question
        self.answer = answer
        self.ownWords = ownWords
        self.translation = translation
        self.language = language
        self.interpreter = interpreter
        self.interpreterEmployedByInterestedState = interpreterEmployedByInterestedState
        self.witnesses = witnesses
        self.privateInterview = privateInterview
        self.mode = mode
        self.supersedes = supersedes
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }

    public var icrcDelegatePresent: Bool { witnesses.contains(where: \.isICRCDelegate) }

    /// Confirmed the way the ICRC confirms free will: in private, with a delegate present.
    public var privatelyConfirmed: Bool { privateInterview && icrcDelegatePresent }

    /// True when the recorder flagged the interpreter, or his employer is one of `interestedStates`.
    public func interpreterIsInterested(interestedStates: Set<String>) -> Bool {
        if interpreterEmployedByInterestedState { return true }
        guard let state = interpreter?.affiliationState?.uppercased() else { return false }
        return interestedStates.contains(state)
    }

    /// The statement in force: the newest one not superseded by another, stated no later than `at`.
    public static func current(_ statements: [WillStatement], at time: Date) -> WillStatement? {
        let superseded = Set(statements.compactMap(\.supersedes))
        return statements
            .filter { !superseded.contains($0.id) && $0.statedAt <= time }
            .max { ($0.statedAt, $0.recordedAt) < ($1.statedAt, $1.recordedAt) }
    }

    /// All statements oldest first, as the case page lists them.
    public static func chronological(_ statements: [WillStatement]) -> [WillStatement] {
        statements.sorted { ($0.statedAt, $0.recordedAt) < ($1.statedAt, $1.recordedAt) }
    }
}

/// The answer to "where do you want to go?".
public enum WillAnswer: Sendable, Hashable {
    case returnHome
    /// Remain in the detaining power's territory (asylum, refugee status).
    case stay
    /// Go to a third state, ISO 3166-1 alpha-3 (`KOR`).
    case thirdState(String)
    case undecided

    public var code: String {
        switch self {
        case .returnHome: return "return_home"
        case .stay: return "stay"
        case .thirdState: return "third_state"
        case .undecided: return "undecided"
        }
    }

    /// Anything but a plain wish to go home is an asylum or defection wish (guard 12).
    public var isAsylumWish: Bool {
        switch self {
        case .stay, .thirdState: return true
        case .returnHome, .undecided: return false
        }
    }
}

extension WillAnswer: Codable {
    private enum CodingKeys: String, CodingKey { case kind, state }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(String.self, forKey: .kind) {
        case "return_home": self = .returnHome
        case "stay": self = .stay
        case "third_state": self = .thirdState(try container.decode(String.self, forKey: .state))
        case "undecided": self = .undecided
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: container,
                                                   debugDescription: "unknown answer \(other)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .kind)
        if case .thirdState(let state) = self { try container.encode(state, forKey: .state) }
    }
}
