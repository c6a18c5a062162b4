/// An interview with the prisoner (Art. 17). The content is the most restricted part of the
/// registry after will statements: only investigators and legal officers read it, and it is
/// stored encrypted.
public struct Interview: Sendable, Hashable, Codable {
    public enum Purpose: String, Sendable, Codable, CaseIterable {
        case intake
        case security
        /// A private ICRC interview; Bureau records that it happened, not what was said.
        case icrcPrivate = "icrc_private"
        case will
    }

    public enum Mode: String, Sendable, Codable, CaseIterable {
        case oral
        /// Art. 17(6): answers in writing, as for a prisoner wounded in the jaw.
        case written
    }

    public struct Interpreter: Sendable, Hashable, Codable {
        public var name: String
        /// Who employs him; Art. 17(7) practice warns when it is an interested state's agency.
        public var affiliation: String
        /// ISO alpha-3 of the state whose agency employs him, if any.
        public var affiliationState: String?

        public init(name: String, affiliation: String, affiliationState: String? = nil) {
            self.name = name
            self.affiliation = affiliation
            self.affiliationState = affiliationState
        }
    }

    public var purpose: Purpose
    /// BCP 47 code of the language used (Art. 17(7): one he understands).
    public var language: String
    public var interpreter: Interpreter?
    public var mode: Mode
    /// Art. 17(4): the interviewer attests no coercion was used. An interview cannot be recorded without it.
    public var noCoercionAttested: Bool
    /// Restricted: readable by investigator and legal roles only; encrypted at rest.
    public var content: String?

    public init(purpose: Purpose, language: String, interpreter: Interpreter? = nil, mode: Mode,
                noCoercionAttested: Bool, content: String? = nil) {
        self.purpose = purpose
        self.language = language
        self.interpreter = interpreter
        self.mode = mode
        self.noCoercionAttested = noCoercionAttested
        self.content = content
    }
}
