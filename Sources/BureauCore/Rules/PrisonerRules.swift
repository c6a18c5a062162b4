/// Checks on the prisoner record itself.
public enum PrisonerRules {
    public static func validate(_ registration: Registration) throws(DomainError) {
        if !ClaimRules.isAlpha3(registration.powerDependedOn.power) {
            throw .invalid("powerDependedOn.power", "must be an ISO 3166-1 alpha-3 code such as RUS or PRK",
                           code: "invalid_country")
        }
        if registration.powerDependedOn.contested && registration.powerDependedOn.rationale?.trimmedOrNil == nil {
            throw .invalid("powerDependedOn.rationale", "a contested Power needs the rationale for the choice",
                           code: "required")
        }
        if let number = registration.internmentNumber {
            try TextRules.checkText(number, field: "internmentNumber", limit: 40)
        }
        for (field, value, limit) in [("forcesServedWith", registration.forcesServedWith, 200), ("unit", registration.unit, 200),
                                      ("powerDependedOn.rationale", registration.powerDependedOn.rationale, 4000)] {
            if let value { try TextRules.checkText(value, field: field, limit: limit) }
        }
        for (index, language) in registration.languages.enumerated() {
            let valid = (2...8).contains(language.count) && language.allSatisfy { $0.isASCII && ($0.isLetter || $0 == "-") }
            if !valid {
                throw .invalid("languages[\(index)]", "use a language code such as ko, ru or uk", code: "invalid_language")
            }
        }
    }
}
