import Foundation

/// A disciplinary punishment awarded (Arts. 89–90, 96).
public struct DisciplinaryAward: Sendable, Hashable, Codable {
    /// Art. 89: the only punishments allowed.
    public enum Punishment: String, Sendable, Codable, CaseIterable {
        case fine
        case privileges
        case fatigueDuties = "fatigue_duties"
        case confinement
    }

    public var caseReference: String
    public var offence: String
    public var punishment: Punishment
    /// Art. 90: never more than 30 days, even for several acts.
    public var days: Int
    /// Art. 90(1): pre-hearing confinement is deducted from the award.
    public var preHearingDaysDeducted: Int?
    /// Art. 96: the camp commander or an officer he has delegated; never a prisoner.
    public var awardedBy: String

    public init(caseReference: String, offence: String, punishment: Punishment, days: Int,
                preHearingDaysDeducted: Int? = nil, awardedBy: String) {
        self.caseReference = caseReference
        self.offence = offence
        self.punishment = punishment
        self.days = days
        self.preHearingDaysDeducted = preHearingDaysDeducted
        self.awardedBy = awardedBy
    }

    /// Days still to serve after the deduction of pre-hearing confinement.
    public var daysToServe: Int { max(0, days - (preHearingDaysDeducted ?? 0)) }
}

/// Start or end of the execution of a disciplinary punishment (Art. 90).
public struct PunishmentExecution: Sendable, Hashable, Codable {
    public enum Action: String, Sendable, Codable, CaseIterable {
        case started, completed
    }

    public var awardEventID: UUID
    public var action: Action

    public init(awardEventID: UUID, action: Action) {
        self.awardEventID = awardEventID
        self.action = action
    }
}

/// Confinement awaiting a disciplinary hearing (Art. 95) or a trial (Art. 103).
public struct ConfinementEntry: Sendable, Hashable, Codable {
    public enum Purpose: String, Sendable, Codable, CaseIterable {
        case preHearing = "pre_hearing"
        case preTrial = "pre_trial"
    }

    public enum Action: String, Sendable, Codable, CaseIterable {
        case start, end
    }

    public var purpose: Purpose
    public var action: Action
    public var caseReference: String

    public init(purpose: Purpose, action: Action, caseReference: String) {
        self.purpose = purpose
        self.action = action
        self.caseReference = caseReference
    }
}

/// Judicial charges brought (Arts. 99–104).
public struct JudicialCharge: Sendable, Hashable, Codable {
    public var caseReference: String
    public var charges: [String]
    public var legalProvisions: [String]?

    public init(caseReference: String, charges: [String], legalProvisions: [String]? = nil) {
        self.caseReference = caseReference
        self.charges = charges
        self.legalProvisions = legalProvisions
    }
}

/// The trial's court, date and place (Art. 104: notice must reach the Protecting Power, the prisoner
/// and his representative at least three weeks before).
public struct TrialSchedule: Sendable, Hashable, Codable {
    public var caseReference: String
    public var court: String
    public var place: String
    public var trialAt: Date

    public init(caseReference: String, court: String, place: String, trialAt: Date) {
        self.caseReference = caseReference
        self.court = court
        self.place = place
        self.trialAt = trialAt
    }
}

/// A judgment (Arts. 101, 107).
public struct JudgmentEntry: Sendable, Hashable, Codable {
    public enum Outcome: String, Sendable, Codable, CaseIterable {
        case convicted, acquitted
    }

    public var caseReference: String
    public var outcome: Outcome
    public var sentence: String?
    /// Art. 101: a death sentence cannot be executed within six months of the Art. 107 communication.
    public var deathSentence: Bool
    public var final: Bool

    public init(caseReference: String, outcome: Outcome, sentence: String? = nil, deathSentence: Bool = false,
                final: Bool = false) {
        self.caseReference = caseReference
        self.outcome = outcome
        self.sentence = sentence
        self.deathSentence = deathSentence
        self.final = final
    }
}
