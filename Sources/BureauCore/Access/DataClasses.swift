/// The class table: which class of data every restricted record, timeline entry and guard result
/// belongs to. This is the one place a new field or record is classified; `NeedToKnow` applies it,
/// and the leak test (`LeakMatrixTests`) reads it to decide what each caller may see.
public protocol Classified {
    /// The class a reader must hold to see this value at all.
    var dataClass: FieldClass { get }
}

extension WillStatement: Classified {
    public var dataClass: FieldClass { .will }
}

extension RiskAssessment: Classified {
    public var dataClass: FieldClass { .risk }
}

extension Article12Assessment: Classified {
    /// Whether a third state will receive him and apply the Convention: it names where he may go.
    public var dataClass: FieldClass { .risk }
}

extension MedicalRepatriationEligibility: Classified {
    public var dataClass: FieldClass { .health }
}

extension Consultation: Classified {
    /// A message that carries his wish is as restricted as his statement (guard 12).
    public var dataClass: FieldClass { disclosesWill ? .will : .core }
}

extension PartyRoleAssignment: Classified {
    /// "Third state for this prisoner" is his asylum wish under another name.
    public var dataClass: FieldClass { role == .thirdState ? .will : .core }
}

extension MediaReleaseRequest: Classified {
    /// A request that cites his risk assessments or the risk to his family at home reveals what awaits
    /// him there (risk class: legal officer and approver); otherwise it describes material and masking.
    public var dataClass: FieldClass { citesRisk ? .risk : .core }
}

extension MediaReleaseBreach: Classified {
    /// What was published and where: already public.
    public var dataClass: FieldClass { .core }
}

extension PlacementClearance: Classified {
    /// Its words: why he wants to be, or must be, held apart from his own forces may tell of a wish
    /// not to return (guard 12). Its place, kind and who recorded and confirmed it are core: whoever
    /// records the move must know it was cleared.
    public var dataClass: FieldClass { .will }
}

extension RecordCorrection: Classified {
    /// Status, Power, unit and identity claims are the registration itself.
    public var dataClass: FieldClass { .core }
}

extension Voiding: Classified {
    /// Voiding an entry speaks of that entry (its reason may name a wound): the entry's class.
    /// Voiding a whole registration is a core fact.
    public var dataClass: FieldClass { eventKind?.fieldClass ?? .core }
}

extension GuardResult: Classified {
    public var dataClass: FieldClass { GuardCatalog.dataClass(of: key) }
}

extension EventKind {
    /// Which class of data the entry belongs to; decides who may read it (design.md, security model).
    public var fieldClass: FieldClass {
        switch self {
        case .capture, .custodyMove, .document: return .core
        case .medical: return .health
        case .effects, .money: return .effects
        case .interview: return .interviews
        case .captureCard, .notification, .correspondence, .censorship, .correspondenceForms, .transferOrder, .transferNotice, .transferList, .death, .officialInquiry, .escape, .recapture, .release, .repatriation, .repatriationHold, .disciplinaryAward, .punishmentExecution, .confinement, .judicialCharge, .trialSchedule, .judgment, .visitRequest, .visit, .visitRefusal, .representativeElection, .representativeMandateEnd, .languageAssessment, .waiver:
            return .core
        case .medicalClearance, .certificateRequest, .seriousInjury, .mmcExamination, .mmcDecision, .deathCertificate:
            return .health
        case .moneyRegistration:
            return .effects
        }
    }
}

extension GuardCatalog {
    /// What each guard's sentence tells. A line about his will, his risk at home or his health
    /// reveals it as surely as the record it was drawn from, so it carries that record's class.
    /// Every key of `english` is listed (a test checks it); an unknown key is treated as `.will`,
    /// the most restricted, so a guard added without a class leaks nothing.
    public static let classes: [String: FieldClass] = {
        var table: [String: FieldClass] = [:]
        let will = [
            "guard.2.will_statement_stale", "guard.2.will_statement", "guard.2.private_confirmation",
            "guard.2.no_private_confirmation", "guard.2.route_matches_will", "guard.2.return_against_will",
            "guard.2.will_undecided", "guard.2.against_expressed_will", "guard.3.wishes_return", "guard.3.against_will",
            "guard.5.language", "guard.5.language_not_understood", "guard.5.interpreter", "guard.5.no_interpreter",
            "guard.5.interested_interpreter", "guard.11.non_return_recorded", "guard.11.non_return_without_records",
            "guard.12.disclosed_to_origin", "guard.12.disclosed_without_approval", "guard.12.will_protected",
        ]
        let risk = [
            "guard.2.serious_risk", "guard.2.risk_inconclusive", "guard.2.risks_not_considered", "guard.2.risk_not_reviewed",
            "guard.2.risk_assessed", "guard.2.no_risk_assessment", "guard.2.risk_assessment_expired",
            "guard.2.transit_not_assessed", "guard.2.no_article12_assessment", "guard.2.article12_not_satisfied",
            "guard.2.article12_satisfied",
        ]
        let health = [
            "guard.1.eligible_in_exchange", "guard.1.eligibility_not_assessed", "guard.1.not_eligible", "guard.3.eligible",
            "guard.3.not_eligible", "guard.3.not_fit_to_travel", "guard.3.eligible_neutral", "guard.3.not_eligible_neutral",
        ]
        let core = [
            "guard.1.medical_linked_to_exchange", "guard.1.not_traded", "guard.2.no_route", "guard.2.no_will_statement",
            "guard.4.waiver", "guard.4.agreement_reviewed", "guard.4.adverse_agreement_clause", "guard.7.notices",
            "guard.7.no_final_statement", "guard.7.valuables_unresolved", "guard.9.no_identity_document",
            "guard.9.false_document", "guard.9.contested_power", "guard.9.protecting_power", "guard.9.routed_via_cta",
            "guard.11.exchange_after_cessation", "guard.11.repatriation_plan", "guard.11.held_art119_5",
            "guard.11.not_on_plan",
            // Guards 8 and 10 speak of the material and of groups, never of his will or risk.
            "guard.8.identifiable", "guard.8.not_identifiable", "guard.8.consent_not_sufficient",
            "guard.8.risk_not_considered", "guard.8.no_legal_assessment", "guard.8.assessed_against",
            "guard.8.legal_assessment", "guard.10.separated_from_forces", "guard.10.apart_from_group",
            "guard.10.separation_consented", "guard.10.with_own_group", "guard.10.group_without_representative",
            "guard.10.group_represented",
        ]
        for (keys, fieldClass) in [(will, FieldClass.will), (risk, .risk), (health, .health), (core, .core)] {
            for key in keys { table[key] = fieldClass }
        }
        return table
    }()

    public static func dataClass(of key: String) -> FieldClass {
        classes[key] ?? .will
    }
}
