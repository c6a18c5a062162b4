import Testing
@testable import NameMatching

@Suite("Matcher")
struct MatcherTests {
    let matcher = NameMatcher()

    @Test(arguments: ["Oleksandr Shevchenko", "Aleksandr Shevchenko", "Oleksandr Schewtschenko", "Shevchenko, Olexandr",
                      "SHEVCHENKO Oleksandr", "Олександр Шевченко", "Шевченко Александр Петрович"])
    func issueExamplesMatch(variant: String) {
        #expect(matcher.score(variant, "Шевченко Олександр Петрович").isMatch, "\(variant)")
    }

    @Test func nameOrderDoesNotMatter() {
        let a = matcher.score("Oleksandr Shevchenko", "Шевченко Олександр").score
        let b = matcher.score("Shevchenko Oleksandr", "Шевченко Олександр").score
        #expect(a == b)
        #expect(a >= 0.95)
    }

    @Test func patronymicIsOptional() {
        #expect(matcher.score("Ivan Petrov", "Петров Иван Сергеевич").score >= 0.9)
        #expect(matcher.score("Петров Иван Сергеевич", "Ivan Sergeyevich Petrov").score >= 0.95)
    }

    @Test func differentPatronymicLowersTheScore() {
        let same = matcher.score("Петров Иван Сергеевич", "Петров Иван Сергеевич").score
        let other = matcher.score("Петров Иван Сергеевич", "Петров Иван Николаевич").score
        #expect(other < same)
    }

    @Test func givenNameVariantsAcrossLanguages() {
        let s = matcher.score("Alexander Shevchenko", "Шевченко Олександр")
        #expect(s.isMatch)
        #expect(s.explanation.contains { $0.kind == .nameVariant })
        #expect(matcher.score("Uladzimir Karatkevich", "Владимир Короткевич").isMatch)
    }

    @Test func sameSurnameDifferentPersonIsNoMatch() {
        #expect(!matcher.score("Yana Romanova", "Диана Романова").isMatch)
        #expect(!matcher.score("Шевченко Олександр", "Шевченко Андрій").isMatch)
        #expect(!matcher.score("Maria Ulanova", "Марина Уланова").isMatch)
        #expect(!matcher.score("Oleksii Petrenko", "Oleksandr Petrenko").isMatch)
    }

    @Test func unmatchedQueryTokensCostMoreThanUnmatchedCandidateTokens() {
        let extraInQuery = matcher.score("Ivan Petrov Kuznetsov", "Ivan Petrov").score
        let extraInCandidate = matcher.score("Ivan Petrov", "Ivan Petrov Kuznetsov").score
        #expect(extraInQuery < extraInCandidate)
    }

    @Test func commonSurnamesAreWeakerEvidence() {
        let common = matcher.score("Ivan Ivanov", "Иванов Ивано")
        let rare = matcher.score("Ivan Zaluzhny", "Залужный Ивано")
        #expect(common.score < rare.score)
        #expect(common.explanationText.contains("common surname (weaker evidence)"))
        #expect(common.explanation.first { $0.role == .surname }?.weight == NameMatcher.commonSurnameWeight)
        #expect(!rare.explanationText.contains("common surname"))
    }

    @Test func initialsMatchFullNames() {
        #expect(matcher.score("A. Petrov", "Aleksandr Petrov").isMatch)
        #expect(!matcher.score("B. Petrov", "Aleksandr Petrov").explanation.contains { $0.kind == .initial })
    }

    @Test func homoglyphsDoNotHurt() {
        #expect(matcher.score("Ш\u{65}вч\u{65}нк\u{6F} Олександр", "Шевченко Олександр").score == 1)
    }

    @Test func scoresStayInRange() {
        for (a, b) in [("", "Ivan"), ("Ivan", ""), ("x", "y"), ("김", "Kim"), ("Ким", "김정은"), ("---", "Ivan")] {
            let s = matcher.score(a, b).score
            #expect(s >= 0 && s <= 1)
        }
        #expect(matcher.score("", "").score == 0)
    }

    @Test func explanationTextNamesEachTokenAndRole() {
        let s = matcher.score("Oleksandr Shevchenko", "Шевченко Олександр Петрович")
        let text = s.explanationText
        #expect(text.hasPrefix("0.9"))
        #expect(text.contains("match"))
        #expect(text.contains("Shevchenko ↔ Шевченко: surname, transliteration, 1.00"))
        #expect(text.contains("Oleksandr ↔ Олександр: given"))
        #expect(text.contains("Петрович: patronymic, only in candidate"))
    }

    @Test func koreanExplanationText() {
        let text = matcher.score("Kim Jong-un", "김정은").explanationText
        #expect(text == "1.00 match: Kim ↔ 김: surname, romanization, 1.00; Jong-un ↔ 정은: given, romanization, 1.00")
    }

    @Test func explanationListsCandidateOnlyAndQueryOnlyTokens() {
        let s = matcher.score("Ivan Ivanovich Petrov Kuznetsov", "Ivan Petrov")
        #expect(s.explanation.contains { $0.kind == .unmatchedQuery && $0.query == "Kuznetsov" })
    }

    @Test func normalizedOverloadAgreesWithStrings() {
        let n = NameNormalizer()
        let a = n.normalize("Kim Jong-un"), b = n.normalize("김정은")
        #expect(matcher.similarity(a, b) == matcher.score("Kim Jong-un", "김정은").score)
    }
}

@Suite("Evidence")
struct EvidenceTests {
    let matcher = NameMatcher()
    let n = NameNormalizer()

    @Test func sameDateOfBirthRaisesDifferentLowers() {
        let a = n.normalize("Ivan Petrov"), b = n.normalize("Иван Петрович Петров")
        let base = matcher.score(a, b).score
        let same = matcher.score(a, b, queryEvidence: MatchEvidence(dateOfBirth: "1990-04-01"),
                                 candidateEvidence: MatchEvidence(dateOfBirth: "1990-04-01"))
        let diff = matcher.score(a, b, queryEvidence: MatchEvidence(dateOfBirth: "1990-04-01"),
                                 candidateEvidence: MatchEvidence(dateOfBirth: "1971-11-20"))
        #expect(same.score > base)
        #expect(diff.score < base)
        #expect(!diff.isMatch)
        #expect(same.explanationText.contains("same date of birth"))
    }

    @Test func serviceNumberAndUnit() {
        let a = n.normalize("Kim Young-jae"), b = n.normalize("김용재")
        let base = matcher.score(a, b).score
        let sn = matcher.score(a, b, queryEvidence: MatchEvidence(serviceNumber: "12-345 678", unit: "3rd Bn"),
                               candidateEvidence: MatchEvidence(serviceNumber: "12345678", unit: "3rd bn."))
        #expect(sn.score > base)
        #expect(sn.evidenceNotes == ["same service number", "same unit"])
        let other = matcher.score(a, b, queryEvidence: MatchEvidence(serviceNumber: "1"),
                                  candidateEvidence: MatchEvidence(serviceNumber: "2"))
        #expect(other.score < base)
    }

    @Test func noEvidenceLeavesTheScore() {
        let a = n.normalize("Ivan Petrov"), b = n.normalize("Иван Петров")
        let s = matcher.score(a, b, queryEvidence: MatchEvidence(), candidateEvidence: MatchEvidence(dateOfBirth: "1990"))
        #expect(abs(s.score - matcher.score(a, b).score) < 1e-9)
    }
}
