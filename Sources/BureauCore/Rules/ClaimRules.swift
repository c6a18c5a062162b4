import Foundation

/// Checks on identity claims that need no database: each returns the first fault with its field.
public enum ClaimRules {
    static let maxText = 200

    /// - Parameters:
    ///   - field: the API path of the claim, for error messages (`claims[1]`).
    ///   - capturedAt: the capture time, when known, to refuse a birth after capture.
    public static func validate(_ draft: ClaimDraft, field: String, capturedAt: Date?, now: Date) throws(DomainError) {
        let names = [draft.surname, draft.firstNames, draft.fatherName].compactMap { $0?.trimmedOrNil }
        let refused = draft.refusedItems ?? []
        if names.isEmpty && !refused.contains(.surname) && draft.serviceNumber?.trimmedOrNil == nil {
            throw .invalid("\(field).surname", "a claim needs a name, a service number, or the surname recorded as refused",
                           code: "claim_empty")
        }
        let texts: [(String, String?)] = [
            ("surname", draft.surname), ("firstNames", draft.firstNames), ("fatherName", draft.fatherName),
            ("placeOfBirth", draft.placeOfBirth), ("rank", draft.rank), ("serviceNumber", draft.serviceNumber),
        ]
        let personNames: Set<String> = ["surname", "firstNames", "fatherName"]
        for (name, value) in texts {
            guard let value else { continue }
            if personNames.contains(name) {
                try TextRules.checkName(value, field: "\(field).\(name)", limit: maxText)
            } else {
                try TextRules.checkText(value, field: "\(field).\(name)", limit: maxText)
            }
        }
        if let note = draft.note { try TextRules.checkText(note, field: "\(field).note", limit: 4000) }
        if let nationality = draft.nationality?.trimmedOrNil, !isAlpha3(nationality) {
            throw .invalid("\(field).nationality", "must be an ISO 3166-1 alpha-3 code such as PRK or UKR",
                           code: "invalid_country")
        }
        if let born = draft.dateOfBirth {
            try TextRules.checkPlausible(born, field: "\(field).dateOfBirth")
            if born.earliestInstant > now {
                throw .unprocessable("\(field).dateOfBirth", "date of birth is in the future", code: "born_in_future")
            }
            if let capturedAt, born.earliestInstant > capturedAt {
                throw .unprocessable("\(field).dateOfBirth", "date of birth is after the capture", code: "born_after_capture")
            }
        }
        if draft.documentAuthenticity != nil && draft.source != .document {
            throw .invalid("\(field).documentAuthenticity", "only a claim read from a document has an authenticity",
                           code: "authenticity_without_document")
        }
        for item in refused where value(of: item, in: draft) != nil {
            throw .invalid("\(field).refusedItems", "\(item.rawValue) is both given and marked refused",
                           code: "refused_and_given")
        }
    }

    static func value(of item: CoreIdentityItem, in draft: ClaimDraft) -> String? {
        switch item {
        case .surname: return draft.surname?.trimmedOrNil
        case .firstNames: return draft.firstNames?.trimmedOrNil
        case .rank: return draft.rank?.trimmedOrNil
        case .dateOfBirth: return draft.dateOfBirth?.description
        case .serviceNumber: return draft.serviceNumber?.trimmedOrNil
        }
    }

    public static func isAlpha3(_ code: String) -> Bool {
        code.count == 3 && code.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("a"..."z").contains($0) }
    }
}
