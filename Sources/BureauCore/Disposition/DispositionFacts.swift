import Foundation

/// Everything the legal guards read about one prisoner, loaded by the store and passed in whole,
/// so every guard is a pure function of its inputs.
public struct DispositionFacts: Sendable {
    public var prisoner: Prisoner
    /// From the capture entry of the timeline; orders "longest held" exchange proposals.
    public var capturedAt: Date?
    /// From the newest medical entry that sets the flag (Art. 122(6)).
    public var seriouslyIll: Bool
    /// Documents found on him (guard 9).
    public var documents: [HeldDocument]
    public var willStatements: [WillStatement]
    public var riskAssessments: [RiskAssessment]
    public var article12Assessments: [Article12Assessment]
    public var medicalEligibility: [MedicalRepatriationEligibility]
    public var parties: [Party]
    /// Roles of parties for this prisoner (other prisoners' rows are ignored).
    public var partyRoles: [PartyRoleAssignment]
    public var consultations: [Consultation]
    /// The agreement an exchange case is made under, if any (guard 4).
    public var exchangeAgreement: ExchangeAgreement?
    /// End-of-captivity items checked at hand-over (guard 7).
    public var exitChecklist: ExitChecklist?
    public var conflict: ConflictFacts
    public var policy: DispositionPolicy

    public init(prisoner: Prisoner, capturedAt: Date? = nil, seriouslyIll: Bool = false, documents: [HeldDocument] = [],
                willStatements: [WillStatement] = [], riskAssessments: [RiskAssessment] = [],
                article12Assessments: [Article12Assessment] = [],
                medicalEligibility: [MedicalRepatriationEligibility] = [], parties: [Party] = [],
                partyRoles: [PartyRoleAssignment] = [], consultations: [Consultation] = [],
                exchangeAgreement: ExchangeAgreement? = nil, exitChecklist: ExitChecklist? = nil,
                conflict: ConflictFacts = ConflictFacts(), policy: DispositionPolicy = DispositionPolicy()) {
        self.prisoner = prisoner
        self.capturedAt = capturedAt
        self.seriouslyIll = seriouslyIll
        self.documents = documents
        self.willStatements = willStatements
        self.riskAssessments = riskAssessments
        self.article12Assessments = article12Assessments
        self.medicalEligibility = medicalEligibility
        self.parties = parties
        self.partyRoles = partyRoles
        self.consultations = consultations
        self.exchangeAgreement = exchangeAgreement
        self.exitChecklist = exitChecklist
        self.conflict = conflict
        self.policy = policy
    }

    /// Fills capture time, the seriously-ill flag and documents from the prisoner's timeline.
    public mutating func read(timeline: [TimelineEvent]) {
        let effective = Timeline.effective(timeline.filter { $0.prisonerID == prisoner.id })
        capturedAt = effective.first { $0.kind == .capture }?.occurredAt
        var found: [HeldDocument] = []
        for event in effective {
            switch event.payload {
            case .medical(let entry):
                if let flag = entry.seriouslyIll { seriouslyIll = flag }
            case .document(let document):
                found.append(document)
            default:
                break
            }
        }
        documents = found
    }

    func roles(_ role: PartyRole) -> [PartyRoleAssignment] {
        partyRoles.filter { $0.prisonerID == prisoner.id && $0.role == role }
    }

    func stateCodes(_ role: PartyRole) -> Set<String> {
        let ids = Set(roles(role).map(\.partyID))
        return Set(parties.filter { ids.contains($0.id) }.compactMap { $0.stateCode?.uppercased() })
    }

    /// The Power depended on — every candidate when contested — and the forces he served with:
    /// "home" for non-refoulement, and the states never told of an asylum wish (guard 12).
    public var originPowers: Set<String> {
        stateCodes(.powerDependedOn)
            .union(stateCodes(.forcesServedWith))
            .union([prisoner.powerDependedOn.power.uppercased()])
    }

    /// True when the record or any party role marks the Power depended on as disputed.
    public var powerDependedOnContested: Bool {
        prisoner.powerDependedOn.contested || roles(.powerDependedOn).contains(where: \.contested)
    }

    /// States with a stake in his future; an interpreter employed by one of them is flagged (guard 5).
    public func interestedStates(route: Route?) -> Set<String> {
        originPowers.union(stateCodes(.thirdState)).union(route?.states ?? [])
    }

    public func currentWill(at time: Date) -> WillStatement? {
        WillStatement.current(willStatements.filter { $0.prisonerID == prisoner.id }, at: time)
    }

    public func currentEligibility(at time: Date) -> MedicalRepatriationEligibility? {
        MedicalRepatriationEligibility.current(medicalEligibility.filter { $0.prisonerID == prisoner.id }, at: time)
    }

    public func currentRisks(at time: Date) -> [RiskAssessment] {
        RiskAssessment.current(riskAssessments.filter { $0.prisonerID == prisoner.id }, at: time)
    }

    /// Serious-risk findings still in force: only a superseding assessment lifts one, never the
    /// passing of its review date.
    public func seriousRisks(at time: Date) -> [RiskAssessment] {
        RiskAssessment.inForce(riskAssessments.filter { $0.prisonerID == prisoner.id }, at: time)
            .filter { $0.outcome == .seriousRisk }
    }

    public func hostilitiesOngoing(at time: Date) -> Bool {
        conflict.cessationOfHostilities.map { time < $0 } ?? true
    }
}

/// Facts about the conflict rather than the prisoner.
public struct ConflictFacts: Sendable, Hashable, Codable {
    /// Art. 118: once set and passed, release and repatriation are owed without delay (guard 11).
    public var cessationOfHostilities: Date?
    /// Protecting Power (or Art. 10 substitute) per Power, alpha-3 → name. None in Russia–Ukraine.
    public var protectingPowers: [String: String]

    public init(cessationOfHostilities: Date? = nil, protectingPowers: [String: String] = [:]) {
        self.cessationOfHostilities = cessationOfHostilities
        self.protectingPowers = protectingPowers
    }
}

/// Bureau policy, not treaty: adjustable by a legal officer, defaults stated here.
public struct DispositionPolicy: Sendable, Hashable, Codable {
    /// gc3.md §3 asks for a *repeated* statement: one older than this is not current.
    public var willStatementMaxAge: TimeInterval
    /// Risks a non-refoulement assessment must have looked at before it can clear a route.
    public var requiredRisks: Set<RiskAssessment.Risk>

    public init(willStatementMaxAge: TimeInterval = 90 * 86_400,
                requiredRisks: Set<RiskAssessment.Risk> = Set(RiskAssessment.Risk.allCases)) {
        self.willStatementMaxAge = willStatementMaxAge
        self.requiredRisks = requiredRisks
    }
}

/// What must be settled before he leaves (Arts. 66, 119, 122(9)).
public struct ExitChecklist: Sendable, Hashable, Codable {
    /// Art. 66: signed statement of his credit balance.
    public var finalStatementIssued: Bool
    /// Arts. 119, 122(9): valuables, currency and documents returned or packeted.
    public var valuablesResolved: Bool

    public init(finalStatementIssued: Bool, valuablesResolved: Bool) {
        self.finalStatementIssued = finalStatementIssued
        self.valuablesResolved = valuablesResolved
    }
}
