import Foundation

/// Checks that a Convention entry fits the timeline: what it names exists and is of the right kind,
/// and it does not describe the impossible (a recapture without an escape, a transfer after death).
extension TimelineRules {
    /// Kinds that may still be recorded after a death, release or repatriation.
    static let afterCustodyKinds: Set<EventKind> = [
        .notification, .deathCertificate, .officialInquiry, .waiver, .correspondence, .censorship,
        .document, .effects, .moneyRegistration, .judgment, .captureCard,
        // Art. 120(3): the medical examination of the body before burial.
        .medical,
    ]

    static func validateSequence(_ event: TimelineEvent, existing: [TimelineEvent]) throws(DomainError) {
        let effective = Timeline.effective(existing).filter { $0.id != event.supersedes }
        let before = effective.filter { $0.occurredAt <= event.occurredAt }

        func target(_ id: UUID?, _ field: String, _ kinds: Set<EventKind>, _ what: String) throws(DomainError) -> TimelineEvent? {
            guard let id else { return nil }
            guard let found = Timeline.current(id, in: existing), effective.contains(where: { $0.id == found.id }) else {
                throw DomainError(.unprocessable, code: "reference_unknown",
                                  "no \(what) with that id in this timeline: there is nothing for this entry to fulfil",
                                  field: field)
            }
            guard kinds.contains(found.kind) else {
                throw DomainError(.unprocessable, code: "reference_wrong_kind",
                                  "the entry named is a \(found.kind.rawValue), not a \(what)", field: field)
            }
            return found
        }

        let ended = before.last { [.death, .release, .repatriation].contains($0.kind) }
        if let ended, !afterCustodyKinds.contains(event.kind) {
            throw .unprocessable("occurredAt", "the prisoner's captivity ended with his \(ended.kind.rawValue) before this date",
                                 code: "after_end_of_captivity")
        }

        switch event.payload {
        case .captureCard(let card):
            if let written = try target(card.cardEventID, "data.cardEventID", [.captureCard], "capture card"),
               written.payload.captureCardData?.action != .written {
                throw .unprocessable("data.cardEventID", "name the entry where the card was written", code: "reference_wrong_kind")
            }
        case .notification(let notice):
            _ = try target(notice.concerningEventID, "data.concerningEventID", Set(EventKind.allCases), "timeline entry")
            if let received = notice.receivedAt, received < event.occurredAt {
                throw .invalid("data.receivedAt", "a notice cannot be received before it was sent", code: "out_of_range")
            }
        case .censorship(let censorship):
            _ = try target(censorship.itemEventID, "data.itemEventID", [.correspondence], "letter, card or parcel")
        case .transferNotice(let notice):
            _ = try target(notice.transferEventID, "data.transferEventID", [.transferOrder], "transfer order")
        case .transferList(let list):
            _ = try target(list.transferEventID, "data.transferEventID", [.transferOrder], "transfer order")
        case .medicalClearance(let clearance):
            _ = try target(clearance.transferEventID, "data.transferEventID", [.transferOrder], "transfer order")
        case .mmcDecision(let decision):
            _ = try target(decision.examinationEventID, "data.examinationEventID", [.mmcExamination],
                           "Mixed Medical Commission examination")
        case .deathCertificate(let certificate):
            _ = try target(certificate.deathEventID, "data.deathEventID", [.death], "death")
        case .officialInquiry(let inquiry):
            _ = try target(inquiry.concerningEventID, "data.concerningEventID", [.death, .seriousInjury],
                           "death or serious injury")
        case .punishmentExecution(let execution):
            let award = try target(execution.awardEventID, "data.awardEventID", [.disciplinaryAward], "disciplinary award")
            try validatePunishment(execution, award: award!, event: event, before: before)
        case .visit(let visit):
            _ = try target(visit.requestEventID, "data.requestEventID", [.visitRequest], "visit request")
        case .visitRefusal(let refusal):
            _ = try target(refusal.requestEventID, "data.requestEventID", [.visitRequest], "visit request")
            if refusal.until <= event.occurredAt {
                throw .invalid("data.until", "a refusal is temporary: give its end, after the refusal", code: "out_of_range")
            }
        case .moneyRegistration(let registration):
            _ = try target(registration.seizureEventID, "data.seizureEventID", [.money], "money seizure")
        case .recapture:
            guard let escape = before.last(where: { $0.kind == .escape || $0.kind == .recapture }), escape.kind == .escape else {
                throw .unprocessable("kind", "a recapture needs an escape before it", code: "recapture_without_escape")
            }
        case .escape:
            if let last = before.last(where: { $0.kind == .escape || $0.kind == .recapture }), last.kind == .escape {
                throw .unprocessable("kind", "he is already recorded as escaped", code: "already_escaped")
            }
        case .confinement(let confinement) where confinement.action == .end:
            let open = before.last { other in
                guard let data = other.payload.confinementData else { return false }
                return data.purpose == confinement.purpose && data.caseReference == confinement.caseReference
            }
            if open?.payload.confinementData?.action != .start {
                throw .unprocessable("data.action", "no confinement for this case is in progress", code: "confinement_not_started")
            }
        case .repatriationHold(let hold):
            let hasCase = before.contains { other in
                other.payload.judicialChargeData?.caseReference == hold.caseReference
                    || other.payload.trialScheduleData?.caseReference == hold.caseReference
                    || other.payload.judgmentData?.caseReference == hold.caseReference
            }
            if !hasCase {
                throw .unprocessable("data.caseReference",
                                     "Art. 119(5): only a prisoner with criminal proceedings or a sentence may be held; record the case first",
                                     code: "hold_without_case")
            }
        case .waiver(let waiver):
            let rule = waiver.obligationID.split(separator: ":").first.map(String.init) ?? ""
            if RuleID(rawValue: rule) == nil {
                throw DomainError(.unprocessable, code: "obligation_unknown",
                                  "the obligation id does not start with a known rule (e.g. GC3-70-card)",
                                  field: "data.obligationID")
            }
        default:
            break
        }
    }

    /// Art. 90(3): at least three days between two punishments if either lasts ten days or more.
    private static func validatePunishment(_ execution: PunishmentExecution, award: TimelineEvent, event: TimelineEvent,
                                           before: [TimelineEvent]) throws(DomainError) {
        let steps = before.filter { $0.payload.punishmentExecutionData?.awardEventID == award.id }
        switch execution.action {
        case .started:
            if !steps.isEmpty {
                throw .unprocessable("data.action", "this punishment has already started", code: "punishment_already_started")
            }
            guard let days = award.payload.disciplinaryAwardData?.daysToServe else { return }
            for completed in before {
                guard let other = completed.payload.punishmentExecutionData, other.action == .completed,
                      let otherAward = before.first(where: { $0.id == other.awardEventID })?.payload.disciplinaryAwardData
                else { continue }
                let gap = event.occurredAt.timeIntervalSince(completed.occurredAt)
                if gap < 3 * 86_400 && (days >= 10 || otherAward.daysToServe >= 10) {
                    throw .unprocessable("occurredAt",
                                         "Art. 90(3): at least three days must separate two punishments when either lasts ten days or more",
                                         code: "punishments_too_close")
                }
            }
        case .completed:
            if !steps.contains(where: { $0.payload.punishmentExecutionData?.action == .started }) {
                throw .unprocessable("data.action", "the punishment has not started", code: "punishment_not_started")
            }
        }
    }
}
