import Foundation

// MARK: Guard 4 — rights cannot be waived (Art. 7); agreements may not worsen his position (Art. 6)

extension LegalGuards {
    public static func noWaiverOfRights(_ c: DispositionCase, facts: DispositionFacts) -> [GuardResult] {
        var results: [GuardResult] = []
        if !c.waivers.isEmpty {
            let rights = c.waivers.map(\.right).joined(separator: "; ")
            results.append(.fail(4, art4, .warn, "guard.4.waiver", ["rights": rights]))
        }
        if c.kind == .exchange, let agreement = facts.exchangeAgreement {
            let adverse = agreement.clauses.filter(\.adverseToPrisoners)
            if adverse.isEmpty {
                results.append(.pass(4, art4, .warn, "guard.4.agreement_reviewed"))
            } else {
                results.append(.fail(4, art4, .warn, "guard.4.adverse_agreement_clause",
                                     ["clauses": adverse.map(\.reference).joined(separator: ", ")]))
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
        // Compare primary subtags: "ko" understands a statement recorded as "ko-KP".
        func primary(_ code: String) -> String { code.lowercased().split(separator: "-").first.map(String.init) ?? "" }
        let known = Set(facts.prisoner.languages.map(primary))
        if !known.isEmpty && !known.contains(primary(will.language)) {
            results.append(.fail(5, art5, .enforce, "guard.5.language_not_understood", ["language": will.language]))
        } else {
            results.append(.pass(5, art5, .enforce, "guard.5.language", ["language": will.language]))
        }
        if let interpreter = will.interpreter, interpreter.name.trimmedOrNil != nil, interpreter.affiliation.trimmedOrNil != nil {
            results.append(.pass(5, art5, .enforce, "guard.5.interpreter",
                                 ["interpreter": "\(interpreter.name) (\(interpreter.affiliation))"]))
            if will.interpreterIsInterested(interestedStates: facts.interestedStates(route: c.route)) {
                results.append(.fail(5, art5, .warn, "guard.5.interested_interpreter"))
            }
        } else {
            results.append(.fail(5, art5, .enforce, "guard.5.no_interpreter"))
        }
        return results
    }
}

// MARK: Guard 7 — every custody change is notified; he leaves with his account closed and valuables returned

extension LegalGuards {
    public static func custodyChangeNotified(_ c: DispositionCase, facts: DispositionFacts) -> [GuardResult] {
        var results: [GuardResult] = [
            .pass(7, art7, .enforce, "guard.7.notices"),
        ]
        let checklist = facts.exitChecklist
        if checklist?.finalStatementIssued != true {
            results.append(.fail(7, "GC III Art. 66", .enforce, "guard.7.no_final_statement"))
        }
        if checklist?.valuablesResolved != true {
            results.append(.fail(7, "GC III Arts. 119, 122(9)", .enforce, "guard.7.valuables_unresolved"))
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
            results.append(.fail(9, art9Document, .warn, "guard.9.no_identity_document"))
        }
        if facts.documents.contains(where: { $0.authenticity == .thirdParty || $0.authenticity == .forged }) {
            results.append(.fail(9, art9Document, .warn, "guard.9.false_document"))
        }
        if facts.powerDependedOnContested {
            results.append(.fail(9, art9Power, .warn, "guard.9.contested_power"))
        }
        let power = facts.prisoner.powerDependedOn.power.uppercased()
        if let protecting = facts.conflict.protectingPowers[power] {
            results.append(.pass(9, art9Protecting, .warn, "guard.9.protecting_power",
                                 ["power": power, "protectingPower": protecting]))
        } else {
            // Notices always go through the CTA (DispositionNotice), so this is satisfied by routing.
            results.append(.pass(9, art9Protecting, .warn, "guard.9.routed_via_cta", ["power": power]))
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
            return [.fail(11, art11, .enforce, "guard.11.exchange_after_cessation", remediable: false)]
        case .thirdStateTransfer, .releaseOther:
            let wish = facts.currentWill(at: time)?.answer.isAsylumWish == true
            let homeAssessed = facts.currentRisks(at: time).contains { facts.originPowers.contains($0.route.destination.uppercased()) }
            if wish && homeAssessed {
                return [.pass(11, art11, .enforce, "guard.11.non_return_recorded")]
            }
            return [.fail(11, art11, .enforce, "guard.11.non_return_without_records")]
        default:
            return [.pass(11, art11, .enforce, "guard.11.repatriation_plan")]
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
            results.append(.fail(12, art12Privacy, .warn, "guard.12.disclosed_to_origin", remediable: false))
        }
        if unapproved {
            results.append(.fail(12, art12Privacy, .warn, "guard.12.disclosed_without_approval"))
        }
        if results.isEmpty {
            results.append(.pass(12, art12Privacy, .warn, "guard.12.will_protected"))
        }
        return results
    }
}
