import Foundation

// MARK: Guard 4 — rights cannot be waived (Art. 7); agreements may not worsen his position (Art. 6)

extension LegalGuards {
    public static func noWaiverOfRights(_ c: DispositionCase, facts: DispositionFacts) -> [GuardResult] {
        var results: [GuardResult] = []
        if !c.waivers.isEmpty {
            let rights = c.waivers.map(\.right).joined(separator: "; ")
            results.append(.fail(4, art4, .warn, "guard.4.waiver",
                                 "Art. 7: a prisoner cannot renounce his Convention rights; waiver recorded for: \(rights)."))
        }
        if c.kind == .exchange, let agreement = facts.exchangeAgreement {
            let adverse = agreement.clauses.filter(\.adverseToPrisoners)
            if adverse.isEmpty {
                results.append(.pass(4, art4, .warn, "guard.4.agreement_reviewed",
                                     "No clause of the exchange agreement is flagged as worsening prisoners' position."))
            } else {
                results.append(.fail(4, art4, .warn, "guard.4.adverse_agreement_clause",
                                     "Art. 6: \(adverse.count) clause(s) of the exchange agreement worsen prisoners' position: \(adverse.map(\.reference).joined(separator: ", "))."))
            }
        }
        return results
    }
}

// MARK: Guard 5 — Art. 17(7): his will was taken in a language he understands, through a named interpreter

extension LegalGuards {
    public static func interviewLanguage(_ c: DispositionCase, facts: DispositionFacts, at time: Date) -> [GuardResult] {
        guard let will = facts.currentWill(at: time) else { return [] }
        var results: [GuardResult] = []
        let known = facts.prisoner.languages.map { $0.lowercased() }
        if !known.isEmpty && !known.contains(will.language.lowercased()) {
            results.append(.fail(5, art5, .enforce, "guard.5.language_not_understood",
                                 "The will statement was taken in \(will.language), not a language he is recorded to understand."))
        } else {
            results.append(.pass(5, art5, .enforce, "guard.5.language", "Taken in \(will.language), a language he understands."))
        }
        if let interpreter = will.interpreter, interpreter.name.trimmedOrNil != nil, interpreter.affiliation.trimmedOrNil != nil {
            results.append(.pass(5, art5, .enforce, "guard.5.interpreter",
                                 "Interpreter recorded: \(interpreter.name) (\(interpreter.affiliation))."))
            if will.interpreterIsInterested(interestedStates: facts.interestedStates(route: c.route)) {
                results.append(.fail(5, art5, .warn, "guard.5.interested_interpreter",
                                     "The interpreter is employed by a state with an interest in the outcome: have his will confirmed through an independent interpreter."))
            }
        } else {
            results.append(.fail(5, art5, .enforce, "guard.5.no_interpreter",
                                 "The will statement names no interpreter and affiliation."))
        }
        return results
    }
}

// MARK: Guard 7 — every custody change is notified; he leaves with his account closed and valuables returned

extension LegalGuards {
    public static func custodyChangeNotified(_ c: DispositionCase, facts: DispositionFacts) -> [GuardResult] {
        var results: [GuardResult] = [
            .pass(7, art7, .enforce, "guard.7.notices",
                  "Art. 122 notifications to the Central Tracing Agency are created with the hand-over."),
        ]
        let checklist = facts.exitChecklist
        if checklist?.finalStatementIssued != true {
            results.append(.fail(7, "GC III Art. 66", .enforce, "guard.7.no_final_statement",
                                 "Art. 66: issue the signed statement of his credit balance before he leaves."))
        }
        if checklist?.valuablesResolved != true {
            results.append(.fail(7, "GC III Arts. 119, 122(9)", .enforce, "guard.7.valuables_unresolved",
                                 "Return or packet his valuables, currency and documents before he leaves."))
        }
        return results
    }
}

// MARK: Guard 9 — identity and Power warnings

extension LegalGuards {
    public static func identityWarnings(_ c: DispositionCase, facts: DispositionFacts) -> [GuardResult] {
        var results: [GuardResult] = []
        let own = facts.documents.filter { $0.authenticity == .genuine || $0.authenticity == .unverified }
        if own.isEmpty {
            results.append(.fail(9, art9Document, .warn, "guard.9.no_identity_document",
                                 "He holds no identity document of his own: issue one (Art. 18(3)) before the hand-over."))
        }
        if facts.documents.contains(where: { $0.authenticity == .thirdParty || $0.authenticity == .forged }) {
            results.append(.fail(9, art9Document, .warn, "guard.9.false_document",
                                 "A false or third-party document is on file: make sure the receiving side gets his assessed identity."))
        }
        if facts.powerDependedOnContested {
            results.append(.fail(9, art9Power, .warn, "guard.9.contested_power",
                                 "The Power he depends on is contested: confirm who receives him and who is notified."))
        }
        let power = facts.prisoner.powerDependedOn.power.uppercased()
        if let protecting = facts.conflict.protectingPowers[power] {
            results.append(.pass(9, art9Protecting, .warn, "guard.9.protecting_power",
                                 "Protecting Power for \(power): \(protecting)."))
        } else {
            // Notices always go through the CTA (DispositionNotice), so this is satisfied by routing.
            results.append(.pass(9, art9Protecting, .warn, "guard.9.routed_via_cta",
                                 "No Protecting Power for \(power): notices are routed through the ICRC Central Tracing Agency."))
        }
        return results
    }
}

// MARK: Guard 11 — after the cessation of hostilities, release and repatriation without delay

extension LegalGuards {
    public static func endOfHostilities(_ c: DispositionCase, facts: DispositionFacts, at time: Date) -> [GuardResult] {
        guard !facts.hostilitiesOngoing(at: time) else { return [] }
        switch c.kind {
        case .exchange:
            return [.fail(11, art11, .enforce, "guard.11.exchange_after_cessation",
                          "Active hostilities have ceased: release and repatriation are owed without delay, not traded.",
                          remediable: false)]
        case .thirdStateTransfer, .releaseOther:
            let wish = facts.currentWill(at: time)?.answer.isAsylumWish == true
            let homeAssessed = facts.currentRisks(at: time).contains { facts.originPowers.contains($0.route.destination.uppercased()) }
            if wish && homeAssessed {
                return [.pass(11, art11, .enforce, "guard.11.non_return_recorded",
                              "Not returned on the strength of his recorded will and a risk assessment of his home state.")]
            }
            return [.fail(11, art11, .enforce, "guard.11.non_return_without_records",
                          "After hostilities, he may stay out of the repatriation plan only on his recorded will and a risk assessment of his home state.")]
        default:
            return [.pass(11, art11, .enforce, "guard.11.repatriation_plan", "Part of the end-of-hostilities release.")]
        }
    }
}

// MARK: Guard 12 — the asylum or third-state wish stays with those entitled to it

extension LegalGuards {
    public static func willNotDisclosed(_ c: DispositionCase, facts: DispositionFacts) -> [GuardResult] {
        let relevant = facts.consultations.filter {
            $0.direction == .outbound && $0.disclosesWill
                && ($0.caseIDs.contains(c.id) || $0.prisonerIDs.contains(facts.prisoner.id))
        }
        var toOrigin = false
        var unapproved = false
        for consultation in relevant {
            guard let party = facts.parties.first(where: { $0.id == consultation.partyID }) else { continue }
            switch WillDisclosure.decision(for: .party(party), facts: facts) {
            case .forbidden: toOrigin = true
            case .needsApproval: if consultation.disclosureApproval == nil { unapproved = true }
            case .allowed: break
            }
        }
        var results: [GuardResult] = []
        if toOrigin {
            results.append(.fail(12, art12Privacy, .warn, "guard.12.disclosed_to_origin",
                                 "His will was disclosed to the Power he depends on or the forces he served with: reassess the risk to him and his family, then override with the reason.",
                                 remediable: false))
        }
        if unapproved {
            results.append(.fail(12, art12Privacy, .warn, "guard.12.disclosed_without_approval",
                                 "His will was disclosed to a state without DPO and legal approval."))
        }
        if results.isEmpty {
            results.append(.pass(12, art12Privacy, .enforce, "guard.12.will_protected",
                                 "His will has not been disclosed to anyone not entitled to it."))
        }
        return results
    }
}
