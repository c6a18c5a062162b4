import Foundation

/// The rules of the tracing workflow: what may be recorded, by whom and in which order. Pure; the
/// store loads, asks, and writes the result with its audit entry.
public enum EnquiryWorkflow {
    /// Refuses an enquiry that cannot be worked: no name, an unknown language, a date in the future.
    public static func validate(_ enquiry: Enquiry, now: Date) throws(DomainError) {
        let names = enquiry.person.names.compactMap(\.trimmedOrNil)
        if names.isEmpty {
            throw .invalid("person.names", "give at least one name of the person sought", code: "required")
        }
        for (index, name) in enquiry.person.names.enumerated() {
            if name.count > 200 { throw .invalid("person.names[\(index)]", "longer than 200 characters", code: "too_long") }
            if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                throw .invalid("person.names[\(index)]", "control characters in the name", code: "control_characters")
            }
        }
        if enquiry.person.names.count > 20 {
            throw .invalid("person.names", "at most 20 spellings", code: "too_long")
        }
        if enquiry.enquirer.name.trimmedOrNil == nil {
            throw .invalid("enquirer.name", "name the enquirer", code: "required")
        }
        if enquiry.enquirer.kind == .family && enquiry.enquirer.through?.trimmedOrNil == nil {
            throw .invalid("enquirer.through", "a family enquires through the CTA, a National Society or a Protecting Power",
                           code: "required")
        }
        if !Enquiry.languages.contains(enquiry.language) {
            throw .invalid("language", "one of uk, en, ru, ko", code: "invalid_choice")
        }
        if enquiry.receivedAt.timeIntervalSince(now) > 300 {
            throw .unprocessable("receivedAt", "the enquiry is dated in the future", code: "event_in_future")
        }
        if let born = enquiry.person.dateOfBirth, born.year > Calendar(identifier: .gregorian).component(.year, from: now) {
            throw .unprocessable("person.dateOfBirth", "the date of birth is in the future", code: "born_in_future")
        }
    }

    /// Records what was found. A new outcome may follow an earlier one (a standing enquiry that now
    /// matches, or a question answered), but not while a positive one waits for confirmation.
    public static func record(_ result: EnquiryOutcome.Result, note: String?, on enquiry: Enquiry, id: UUID,
                              by officer: String, at now: Date) throws(DomainError) -> Enquiry {
        if enquiry.status == .awaitingConfirmation {
            throw DomainError(.conflict, code: "outcome_awaiting_confirmation",
                              "the recorded outcome waits for a second officer's confirmation", field: "result")
        }
        if let prisonerID = result.prisonerID, enquiry.ruledOut.contains(prisonerID) {
            throw .unprocessable("prisonerID", "this prisoner was ruled out for this enquiry", code: "candidate_ruled_out")
        }
        var updated = enquiry
        updated.outcomes.append(EnquiryOutcome(id: id, result: result, note: note?.trimmedOrNil, recordedBy: officer,
                                               recordedAt: now))
        if updated.assignedTo == nil {
            updated.assignedTo = officer
            updated.assignedAt = now
        }
        return updated
    }

    /// A second officer confirms a positive outcome: never the one who recorded it.
    public static func confirm(_ enquiry: Enquiry, by officer: String, at now: Date) throws(DomainError) -> Enquiry {
        guard let outcome = enquiry.outcome, enquiry.status == .awaitingConfirmation else {
            throw DomainError(.conflict, code: "nothing_to_confirm", "there is no positive outcome waiting for confirmation")
        }
        if outcome.recordedBy == officer {
            throw DomainError(.forbidden, code: "same_officer",
                              "a second officer must confirm: you recorded this outcome yourself")
        }
        var updated = enquiry
        updated.outcomes[updated.outcomes.count - 1].confirmedBy = officer
        updated.outcomes[updated.outcomes.count - 1].confirmedAt = now
        return updated
    }

    /// Whether the current outcome may be answered now.
    public static func checkAnswerable(_ enquiry: Enquiry) throws(DomainError) {
        switch enquiry.status {
        case .open:
            throw DomainError(.conflict, code: "no_outcome", "record what was found before answering")
        case .awaitingConfirmation:
            throw DomainError(.conflict, code: "outcome_awaiting_confirmation",
                              "a positive answer needs a second officer's confirmation first")
        case .answered, .standing:
            throw DomainError(.conflict, code: "already_answered", "this outcome has been answered")
        case .readyToAnswer:
            return
        }
    }

    /// Rules a candidate out ("not him"): a standing enquiry is not raised again for him.
    public static func ruleOut(_ prisonerID: UUID, on enquiry: Enquiry) -> Enquiry {
        var updated = enquiry
        if !updated.ruledOut.contains(prisonerID) { updated.ruledOut.append(prisonerID) }
        return updated
    }

    /// Hands the enquiry to another tracing officer.
    public static func assign(_ enquiry: Enquiry, to officer: String, at now: Date) throws(DomainError) -> Enquiry {
        guard let officer = officer.trimmedOrNil else { throw .invalid("assignedTo", "name the officer", code: "required") }
        var updated = enquiry
        updated.assignedTo = officer
        updated.assignedAt = now
        return updated
    }
}
