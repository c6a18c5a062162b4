import Foundation

/// Checks a new timeline entry against the prisoner's existing timeline.
///
/// The rules encode what cannot have happened (an event before the capture, a birth after
/// it) and what the Convention forbids recording without (money without a receipt, an
/// interview without an attestation of no coercion).
public enum TimelineRules {
    /// Clock skew tolerated between a client and the server for "now".
    static let futureTolerance: TimeInterval = 300

    public static func validate(_ event: TimelineEvent, existing: [TimelineEvent], claims: [IdentityClaim],
                                now: Date) throws(DomainError) {
        if event.occurredAt.timeIntervalSince(now) > futureTolerance {
            throw .unprocessable("occurredAt", "the event is in the future", code: "event_in_future")
        }
        try TextRules.checkPlausible(event.occurredAt, field: "occurredAt")
        if let target = event.supersedes {
            guard let old = existing.first(where: { $0.id == target }) else {
                throw DomainError(.unprocessable, code: "supersedes_unknown",
                                  "the entry to correct does not exist in this timeline", field: "supersedes")
            }
            if old.kind != event.kind {
                throw .unprocessable("supersedes", "a correction must be of the same kind as the entry it replaces",
                                     code: "supersedes_other_kind")
            }
            if existing.contains(where: { $0.supersedes == target }) {
                throw DomainError(.conflict, code: "already_superseded",
                                  "that entry has already been corrected; correct the newest version", field: "supersedes")
            }
        }
        let effective = Timeline.effective(existing)
        let capture = effective.first { $0.kind == .capture && $0.id != event.supersedes }
        if event.kind == .capture {
            if capture != nil {
                throw DomainError(.conflict, code: "capture_exists",
                                  "a capture is already recorded; correct it with supersedes", field: "kind")
            }
            for claim in claims {
                if let born = claim.dateOfBirth, born.earliestInstant > event.occurredAt {
                    throw .unprocessable("occurredAt", "the capture is before a recorded date of birth",
                                         code: "born_after_capture")
                }
            }
            let earliestOther = effective.filter { $0.kind != .capture }.map(\.occurredAt).min()
            if let earliestOther, earliestOther < event.occurredAt {
                throw .unprocessable("occurredAt", "other entries are dated before this capture",
                                     code: "event_before_capture")
            }
        } else {
            guard let capture else {
                throw .unprocessable("kind", "record the capture before other entries", code: "no_capture")
            }
            if event.occurredAt < capture.occurredAt {
                throw .unprocessable("occurredAt", "the entry is dated before the capture", code: "event_before_capture")
            }
        }
        try validatePayload(event.payload)
        try validateSequence(event, existing: existing)
    }

    public static func validatePayload(_ payload: EventPayload) throws(DomainError) {
        switch payload {
        case .capture(let capture):
            try requireText(capture.place, "data.place")
        case .custodyMove(let move):
            try requireText(move.facility, "data.facility")
            if let zone = move.timeZone, TimeZone(identifier: zone) == nil {
                throw .invalid("data.timeZone", "unknown time zone; use an IANA name such as Europe/Kyiv",
                               code: "invalid_time_zone")
            }
        case .medical(let entry):
            if let weight = entry.weightKg, !(20...300).contains(weight) {
                throw .invalid("data.weightKg", "weight must be between 20 and 300 kg", code: "out_of_range")
            }
            if entry.kind == .inspection && entry.weightKg == nil {
                throw .invalid("data.weightKg", "Art. 31: a medical inspection records the weight", code: "required")
            }
        case .document(let document):
            try requireText(document.documentType, "data.documentType")
        case .effects(let seizure):
            if seizure.items.isEmpty {
                throw .invalid("data.items", "list at least one item", code: "required")
            }
            for (index, item) in seizure.items.enumerated() {
                try requireText(item.description, "data.items[\(index)].description")
                if item.disposition == .taken && item.ground == nil {
                    throw .unprocessable("data.items[\(index)].ground",
                                         "Art. 18: an item may be taken only as arms, military equipment or documents, or valuables for security",
                                         code: "taken_without_ground")
                }
            }
            if seizure.items.contains(where: { $0.ground == .securityValuables }) && seizure.receiptNumber?.trimmedOrNil == nil {
                throw .unprocessable("data.receiptNumber", "Art. 18: valuables are withdrawn only against a receipt",
                                     code: "receipt_required")
            }
        case .money(let money):
            if money.amountMinor <= 0 {
                throw .invalid("data.amountMinor", "the amount must be positive", code: "out_of_range")
            }
            if !(money.currency.count == 3 && money.currency.allSatisfy(\.isLetter)) {
                throw .invalid("data.currency", "use an ISO 4217 code such as UAH or RUB", code: "invalid_currency")
            }
            try requireText(money.officer, "data.officer")
            try requireText(money.receiptNumber, "data.receiptNumber")
        case .interview(let interview):
            if !interview.noCoercionAttested {
                throw .unprocessable("data.noCoercionAttested",
                                     "Art. 17(4): an interview is recorded only with the attestation that no coercion was used",
                                     code: "coercion_not_attested")
            }
            try requireText(interview.language, "data.language")
            // Art. 17(7): questioning in a language he understands; in any language but the
            // detaining power's own, that means a named interpreter.
            if interview.language.lowercased() != "uk" {
                guard let interpreter = interview.interpreter else {
                    throw .unprocessable("data.interpreter", "Art. 17(7): name the interpreter and his affiliation",
                                         code: "interpreter_required")
                }
                try requireText(interpreter.name, "data.interpreter.name")
                try requireText(interpreter.affiliation, "data.interpreter.affiliation")
            }
        case .captureCard, .notification, .correspondence, .censorship, .correspondenceForms, .transferOrder,
             .transferNotice, .transferList, .medicalClearance, .certificateRequest, .seriousInjury,
             .mmcExamination, .mmcDecision, .death, .deathCertificate, .officialInquiry, .escape, .recapture,
             .release, .repatriation, .repatriationHold, .disciplinaryAward, .punishmentExecution, .confinement,
             .judicialCharge, .trialSchedule, .judgment, .visitRequest, .visit, .visitRefusal,
             .representativeElection, .representativeMandateEnd, .languageAssessment, .moneyRegistration, .waiver:
            try validateConventionPayload(payload)
        }
    }

    static func requireText(_ value: String, _ field: String) throws(DomainError) {
        if value.trimmedOrNil == nil {
            throw .invalid(field, "is required", code: "required")
        }
        try TextRules.checkText(value, field: field, limit: 4000)
    }
}

public enum Timeline {
    /// The entries in force: those not replaced by a later correction, in date order.
    public static func effective(_ events: [TimelineEvent]) -> [TimelineEvent] {
        let superseded = Set(events.compactMap(\.supersedes))
        return events.filter { !superseded.contains($0.id) }
            .sorted { ($0.occurredAt, $0.recordedAt) < ($1.occurredAt, $1.recordedAt) }
    }
}
