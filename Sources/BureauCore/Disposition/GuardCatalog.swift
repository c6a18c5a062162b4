/// Every key a legal guard can return, with its English text. `{name}` marks a parameter the
/// result carries in `GuardResult.parameters`, so the web layer renders the same sentence from
/// its own catalogue (`uk`, `ru`) with the same values.
public enum GuardCatalog {
    public static let english: [String: String] = [
        // Guard 1 — Arts. 109(1), 110
        "guard.1.medical_linked_to_exchange": "Medical repatriation is owed regardless of number or rank: it cannot be part of an exchange, quota or reciprocity.",
        "guard.1.not_traded": "Medical repatriation is not linked to any exchange.",
        "guard.1.eligible_in_exchange": "Eligible for medical repatriation ({article}): owed regardless of number or rank, he can never be held for or counted in an exchange.",
        "guard.1.eligibility_not_assessed": "Seriously ill or wounded and no Art. 110 decision on record: have him examined before trading him.",
        "guard.1.not_eligible": "Not eligible for medical repatriation; may be exchanged.",
        // Guard 2 — will, non-refoulement, Art. 12
        "guard.2.no_route": "Name the destination and every transit state, so the risk on the way can be assessed.",
        "guard.2.no_will_statement": "No will statement on record: he does not leave custody before he has said, through an interpreter, where he wants to go.",
        "guard.2.will_statement_stale": "The newest will statement ({date}) is too old: hear him again.",
        "guard.2.will_statement": "Current will statement of {date}.",
        "guard.2.private_confirmation": "Confirmed in a private interview with an ICRC delegate present.",
        "guard.2.no_private_confirmation": "His will has not been confirmed in a private interview with the ICRC.",
        "guard.2.serious_risk": "A serious risk is documented in {state}: non-refoulement blocks this route.",
        "guard.2.risk_inconclusive": "The risk assessment for {route} is inconclusive.",
        "guard.2.risks_not_considered": "The risk assessment for {route} did not consider: {risks}.",
        "guard.2.risk_not_reviewed": "The risk assessment for {route} has not been reviewed by a second person.",
        "guard.2.risk_assessed": "No serious risk found for {route} ({date}).",
        "guard.2.no_risk_assessment": "No non-refoulement risk assessment for {route}.",
        "guard.2.risk_assessment_expired": "The risk assessment for {route} was due for review on {date}: assess again.",
        "guard.2.transit_not_assessed": "The risk assessment does not cover transit through {states}.",
        "guard.2.route_matches_will": "The route is the one he asked for.",
        "guard.2.return_against_will": "He has not asked to return and a serious risk at home is documented: no return against his will (non-refoulement), whatever an exchange agreement says.",
        "guard.2.will_undecided": "He has not decided where he wants to go.",
        "guard.2.against_expressed_will": "The route is not the one he asked for in his current statement.",
        "guard.2.no_article12_assessment": "Transfer to {power}: no Art. 12 assessment that it is a party to the Convention, willing and able to apply it.",
        "guard.2.article12_not_satisfied": "The Art. 12 assessment of {power} is not satisfied: {unmet}.",
        "guard.2.article12_satisfied": "{power} is a party to the Convention, willing and able to apply it ({date}).",
        // Guard 3 — Art. 109(3)
        "guard.3.eligible": "Eligible for direct repatriation ({article}).",
        "guard.3.not_eligible": "No Art. 110(1) decision on record (Mixed Medical Commission A, or an obvious case).",
        "guard.3.not_fit_to_travel": "Not yet fit to travel: repatriation follows once he is.",
        "guard.3.wishes_return": "He asked to be repatriated (statement of {date}).",
        "guard.3.against_will": "Art. 109(3): no sick or wounded prisoner may be repatriated during hostilities without his expressed wish to return.",
        "guard.3.eligible_neutral": "Eligible for accommodation in a neutral country ({article}).",
        "guard.3.not_eligible_neutral": "No Art. 110(2) decision on record (Mixed Medical Commission B).",
        // Guard 4 — Arts. 6, 7
        "guard.4.waiver": "Art. 7: a prisoner cannot renounce his Convention rights; waiver recorded for: {rights}.",
        "guard.4.agreement_reviewed": "No clause of the exchange agreement is flagged as worsening prisoners' position.",
        "guard.4.adverse_agreement_clause": "Art. 6: clauses of the exchange agreement worsen prisoners' position: {clauses}.",
        // Guard 5 — Art. 17(7)
        "guard.5.language": "Taken in {language}, a language he understands.",
        "guard.5.language_not_understood": "The will statement was taken in {language}, not a language he is recorded to understand.",
        "guard.5.interpreter": "Interpreter recorded: {interpreter}.",
        "guard.5.no_interpreter": "The will statement names no interpreter and affiliation.",
        "guard.5.interested_interpreter": "The interpreter is employed by a state with an interest in the outcome: have his will confirmed through an independent interpreter.",
        // Guard 7 — Arts. 66, 119, 122
        "guard.7.notices": "Art. 122 notifications to the Central Tracing Agency are created with the hand-over.",
        "guard.7.no_final_statement": "Art. 66: issue the signed statement of his credit balance before he leaves.",
        "guard.7.valuables_unresolved": "Return or packet his valuables, currency and documents before he leaves.",
        // Guard 8 — Art. 13(2): public curiosity
        "guard.8.identifiable": "Art. 13(2): the material still identifies him ({features}): no public release.",
        "guard.8.not_identifiable": "Nothing in the material identifies him any more.",
        "guard.8.consent_not_sufficient": "His consent is recorded but never sufficient alone: he cannot waive the protection against public curiosity (Art. 7).",
        "guard.8.risk_not_considered": "The risk to him and his family at home is not considered: cite his risk assessment or describe the risk.",
        "guard.8.no_legal_assessment": "No legal officer has assessed the request against Art. 13.",
        "guard.8.assessed_against": "The legal officer assessed the release as contrary to Art. 13.",
        "guard.8.legal_assessment": "Assessed by a legal officer against Art. 13.",
        // Guard 9 — Arts. 4, 10, 17, 18
        "guard.9.no_identity_document": "He holds no identity document of his own: issue one (Art. 18(3)) before the hand-over.",
        "guard.9.false_document": "A false or third-party document is on file: make sure the receiving side gets his assessed identity.",
        "guard.9.contested_power": "The Power he depends on is contested: confirm who receives him and who is notified.",
        "guard.9.protecting_power": "Protecting Power for {power}: {protectingPower}.",
        "guard.9.routed_via_cta": "No Protecting Power for {power}: notices are routed through the ICRC Central Tracing Agency.",
        // Guard 10 — Arts. 22(3), 79
        "guard.10.separated_from_forces": "Art. 22(3): in {facility} he would be apart from every prisoner of the forces he served with ({forces}): record his consent, or a reason confirmed by two.",
        "guard.10.apart_from_group": "Art. 22(3): in {facility} nobody shares his nationality and language ({group}): record his consent, or a reason confirmed by two.",
        "guard.10.separation_consented": "He consented to being held apart from his group.",
        "guard.10.with_own_group": "Held with prisoners of his group and of the forces he served with.",
        "guard.10.group_without_representative": "Art. 79: the group {group} in {facility} has no elected representative: hold an election.",
        "guard.10.group_represented": "The group {group} in {facility} has an elected representative.",
        // Guard 11 — Arts. 118, 119(5); AP I Art. 85(4)(b)
        "guard.11.exchange_after_cessation": "Active hostilities have ceased: release and repatriation are owed without delay, not traded.",
        "guard.11.non_return_recorded": "Not returned on the strength of his recorded will and a risk assessment of his home state.",
        "guard.11.non_return_without_records": "After hostilities, he may stay out of the repatriation plan only on his recorded will and a risk assessment of his home state.",
        "guard.11.repatriation_plan": "On the repatriation plan.",
        "guard.11.held_art119_5": "Held under Art. 119(5): proceedings pending or sentence running.",
        "guard.11.not_on_plan": "Not on the repatriation plan {days} day(s) after the cessation of active hostilities.",
        // Guard 12 — data protection
        "guard.12.disclosed_to_origin": "His will was disclosed to the Power he depends on or the forces he served with: reassess the risk to him and his family, then override with the reason.",
        "guard.12.disclosed_without_approval": "His will was disclosed to a state without DPO and legal approval.",
        "guard.12.will_protected": "His will has not been disclosed to anyone not entitled to it.",
    ]

    /// The English sentence for `key` with `parameters` filled in; the key itself when unknown,
    /// so a gap shows (and a test catches it).
    public static func render(_ key: String, _ parameters: [String: String]) -> String {
        guard var text = english[key] else { return key }
        for (name, value) in parameters {
            text = text.replacingOccurrences(of: "{\(name)}", with: value)
        }
        return text
    }
}
