import Foundation

/// Validation of the timeline entries that trigger and fulfil Convention obligations (issue 4).
extension TimelineRules {
    static func validateConventionPayload(_ payload: EventPayload) throws(DomainError) {
        switch payload {
        case .capture, .custodyMove, .medical, .document, .effects, .money, .interview:
            return
        case .captureCard(let card):
            if card.action == .forwarded && (card.forwardedTo ?? []).isEmpty {
                throw .invalid("data.forwardedTo", "name where the card was forwarded (cta, family)", code: "required")
            }
            if card.action != .forwarded && card.cardEventID != nil {
                throw .invalid("data.cardEventID", "only a forwarding names the written card", code: "invalid_value")
            }
            try optionalText(card.note, "data.note")
        case .notification(let notice):
            try optionalText(notice.channel, "data.channel")
            try optionalText(notice.reference, "data.reference")
            let needsSubjectEvent: Set<NotificationEntry.Subject> = [
                .transfer, .hospitalAdmission, .release, .repatriation, .escape, .recapture, .death,
                .certificateDuplicate, .trialNotice, .detailedCommunication, .heldBack, .inquiry,
            ]
            if needsSubjectEvent.contains(notice.subject) && notice.concerningEventID == nil {
                throw .invalid("data.concerningEventID", "name the entry this notice is about", code: "required")
            }
        case .correspondence(let item):
            try optionalText(item.correspondent, "data.correspondent")
            try optionalText(item.reference, "data.reference")
        case .censorship(let censorship):
            if censorship.outcome == .withheld {
                guard let reason = censorship.reason else {
                    throw .unprocessable("data.reason", "Art. 76: withholding an item needs the reason", code: "reason_required")
                }
                try requireText(reason, "data.reason")
            }
        case .correspondenceForms(let forms):
            if forms.letters < 0 || forms.cards < 0 || forms.letters + forms.cards == 0 {
                throw .invalid("data.letters", "issue at least one letter or card form; counts cannot be negative",
                               code: "out_of_range")
            }
            if forms.letters > 100 || forms.cards > 100 {
                throw .invalid("data.cards", "at most 100 forms at a time", code: "out_of_range")
            }
        case .transferOrder(let order):
            try requireText(order.destination, "data.destination")
            try optionalText(order.reason, "data.reason")
        case .transferNotice(let notice):
            try requireText(notice.newPostalAddress, "data.newPostalAddress")
        case .transferList(let list):
            try requireText(list.listReference, "data.listReference")
        case .medicalClearance(let clearance):
            try requireText(clearance.examiner, "data.examiner")
            if !clearance.fitToTravel {
                guard let ground = clearance.safetyGround?.trimmedOrNil else {
                    throw .unprocessable("data.safetyGround",
                                         "Art. 47: a prisoner unfit to travel is moved only if his safety imperatively demands it; state the ground",
                                         code: "safety_ground_required")
                }
                try requireText(ground, "data.safetyGround")
            }
        case .certificateRequest(let request):
            try optionalText(request.subject, "data.subject")
        case .seriousInjury(let injury):
            try requireText(injury.description, "data.description")
        case .mmcExamination(let exam):
            try requireText(exam.commission, "data.commission")
        case .mmcDecision:
            return
        case .death(let death):
            try requireText(death.place, "data.place")
            try optionalText(death.cause, "data.cause")
        case .deathCertificate(let certificate):
            try requireText(certificate.causeOfDeath, "data.causeOfDeath")
            try requireText(certificate.certifiedBy, "data.certifiedBy")
        case .officialInquiry(let inquiry):
            try requireText(inquiry.authority, "data.authority")
        case .escape(let escape):
            try optionalText(escape.circumstances, "data.circumstances")
        case .recapture(let recapture):
            try requireText(recapture.place, "data.place")
        case .release(let release):
            try requireText(release.basis, "data.basis")
        case .repatriation(let repatriation):
            if !ClaimRules.isAlpha3(repatriation.destinationState) {
                throw .invalid("data.destinationState", "must be an ISO 3166-1 alpha-3 code such as PRK or KOR",
                               code: "invalid_country")
            }
        case .repatriationHold(let hold):
            try requireText(hold.caseReference, "data.caseReference")
            try requireText(hold.reason, "data.reason")
            try requireText(hold.approver, "data.approver")
        case .disciplinaryAward(let award):
            try requireText(award.caseReference, "data.caseReference")
            try requireText(award.offence, "data.offence")
            try requireText(award.awardedBy, "data.awardedBy")
            if !(1...30).contains(award.days) {
                throw .unprocessable("data.days", "Art. 90: a punishment lasts 1 to 30 days, even for several acts",
                                     code: "punishment_too_long")
            }
            if let deducted = award.preHearingDaysDeducted, !(0...award.days).contains(deducted) {
                throw .invalid("data.preHearingDaysDeducted", "must be between 0 and the days awarded", code: "out_of_range")
            }
        case .punishmentExecution:
            return
        case .confinement(let confinement):
            try requireText(confinement.caseReference, "data.caseReference")
        case .judicialCharge(let charge):
            try requireText(charge.caseReference, "data.caseReference")
            if charge.charges.isEmpty {
                throw .invalid("data.charges", "list at least one charge", code: "required")
            }
            for (index, text) in charge.charges.enumerated() {
                try requireText(text, "data.charges[\(index)]")
            }
        case .trialSchedule(let trial):
            try requireText(trial.caseReference, "data.caseReference")
            try requireText(trial.court, "data.court")
            try requireText(trial.place, "data.place")
        case .judgment(let judgment):
            try requireText(judgment.caseReference, "data.caseReference")
            if judgment.deathSentence && judgment.outcome != .convicted {
                throw .invalid("data.deathSentence", "only a conviction carries a sentence", code: "invalid_value")
            }
        case .visitRequest(let request):
            try optionalText(request.requestedBy, "data.requestedBy")
        case .visit(let visit):
            try optionalText(visit.delegates, "data.delegates")
        case .visitRefusal(let refusal):
            try requireText(refusal.reason, "data.reason")
        case .representativeElection(let election):
            try requireText(election.facility, "data.facility")
            if !election.approved && election.refusalReason?.trimmedOrNil == nil {
                throw .unprocessable("data.refusalReason",
                                     "Art. 79: a refusal to approve the elected representative needs its reasons (they go to the Protecting Power)",
                                     code: "reason_required")
            }
        case .representativeMandateEnd:
            return
        case .languageAssessment(let assessment):
            try requireText(assessment.assessedBy, "data.assessedBy")
            if assessment.languages.isEmpty {
                throw .invalid("data.languages", "name at least one language he understands", code: "required")
            }
            for (index, language) in assessment.languages.enumerated() {
                let valid = (2...8).contains(language.count) && language.allSatisfy { $0.isASCII && ($0.isLetter || $0 == "-") }
                if !valid {
                    throw .invalid("data.languages[\(index)]", "use a language code such as ko, ru or uk",
                                   code: "invalid_language")
                }
            }
        case .moneyRegistration(let registration):
            try requireText(registration.registerEntry, "data.registerEntry")
        case .waiver(let waiver):
            try requireText(waiver.obligationID, "data.obligationID")
            guard waiver.reason.trimmedOrNil != nil else {
                throw .unprocessable("data.reason", "a waiver needs the reason the obligation is set aside",
                                     code: "waiver_reason_required")
            }
            guard waiver.approver.trimmedOrNil != nil else {
                throw .unprocessable("data.approver", "a waiver needs the name of the person who approved it",
                                     code: "waiver_approver_required")
            }
            try requireText(waiver.reason, "data.reason")
            try requireText(waiver.approver, "data.approver")
        }
    }

    static func optionalText(_ value: String?, _ field: String) throws(DomainError) {
        if let value { try TextRules.checkText(value, field: field, limit: 4000) }
    }
}
