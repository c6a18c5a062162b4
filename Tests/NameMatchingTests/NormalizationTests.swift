import Testing
@testable import NameMatching

@Suite("Normalization")
struct NormalizationTests {
    let normalizer = NameNormalizer()

    @Test func detectsScriptPerToken() {
        let n = normalizer.normalize("Шевченко Oleksandr 김정은")
        #expect(n.tokens.map(\.script) == [.cyrillic, .latin, .hangul])
    }

    @Test func foldsFullwidthAndCase() {
        let n = normalizer.normalize("ＫＩＭ Ｊong")
        #expect(n.tokens.map(\.letters) == [Array("kim".utf8), Array("jong".utf8)])
    }

    @Test func foldsPrecomposedAndCombiningDiacritics() {
        let pre = normalizer.normalize("Chŏng Ševčenko")
        let comb = normalizer.normalize("Cho\u{306}ng S\u{30C}evc\u{30C}enko")
        #expect(pre.tokens.map(\.letters) == comb.tokens.map(\.letters))
        #expect(pre.tokens[0].letters == Array("cheong".utf8))
        #expect(pre.tokens[1].letters == Array("shevchenko".utf8))
    }

    @Test func repairsLatinHomoglyphsInsideCyrillicWord() {
        // "Шeвчeнкo" with Latin e and o.
        let mixed = normalizer.normalize("Ш\u{65}вч\u{65}нк\u{6F}")
        let clean = normalizer.normalize("Шевченко")
        #expect(mixed.tokens[0].script == .cyrillic)
        #expect(mixed.tokens[0].skeleton == clean.tokens[0].skeleton)
        #expect(mixed.tokens[0].letters == clean.tokens[0].letters)
    }

    @Test func repairsCyrillicHomoglyphsInsideLatinWord() {
        let mixed = normalizer.normalize("Petr\u{43E}v") // Cyrillic о
        #expect(mixed.tokens[0].script == .latin)
        #expect(mixed.tokens[0].letters == Array("petrov".utf8))
    }

    @Test func commaMarksSurnameFirst() {
        let n = normalizer.normalize("Shevchenko, Olexandr")
        #expect(n.commaOrder)
        #expect(n.tokens[0].role == .surname)
        #expect(n.tokens[1].role == .given)
    }

    @Test(arguments: [
        ("Шевченко Олександр Петрович", 2),
        ("Igor Pavlovich Potocki", 1),
        ("Ivanova Anna Sergeyevna", 2),
        ("Апостолов Павел Ильич", 2),
        ("Taras Hryhorovych Shevchenko", 1),
        ("Oleksandra Petrivna Koval", 1),
        ("Yvan Pavlovič Minaev", 1),
        ("Iwan Pawlowitsch Minajew", 1),
    ])
    func detectsPatronymics(name: String, index: Int) {
        let n = normalizer.normalize(name)
        #expect(n.tokens[index].role == .patronymic)
        #expect(n.tokens.filter { $0.role == .patronymic }.count == 1)
    }

    @Test func twoWordNamesHaveNoPatronymic() {
        let n = normalizer.normalize("Ivan Petrovich")
        #expect(!n.tokens.contains { $0.role == .patronymic })
    }

    @Test func detectsInitials() {
        let n = normalizer.normalize("A. S. Pushkin")
        #expect(n.tokens.map(\.role) == [.initial, .initial, .surname])
    }

    @Test func splitsHyphenatedParts() {
        let n = normalizer.normalize("Kim Jong-un")
        #expect(n.tokens.count == 3)
        #expect(n.tokens[2].hyphenated)
        #expect(n.words.count == 2)
    }

    @Test func composesConjoiningJamo() {
        let decomposed = "\u{1100}\u{1175}\u{11B7}\u{110C}\u{1165}\u{11BC}\u{110B}\u{1173}\u{11AB}" // 김정은
        let n = normalizer.normalize(decomposed)
        #expect(n.hangulSyllables == Hangul.indices("김정은"))
    }

    @Test func emptyAndPunctuationOnlyNamesAreEmpty() {
        #expect(normalizer.normalize("").isEmpty)
        #expect(normalizer.normalize("  ,.- ").isEmpty)
    }

    @Test func givenNameClassesSpanLanguages() {
        let forms = ["Олександр", "Александр", "Аляксандр", "Oleksandr", "Aleksandr", "Alexander", "Aliaksandr"]
        let symbols = Set(forms.map { normalizer.normalize($0).tokens[0].symbol })
        #expect(symbols.count == 1)
        #expect(symbols.first! >= 0)
        #expect(normalizer.normalize("Андрій").tokens[0].symbol != normalizer.normalize("Олександр").tokens[0].symbol)
    }
}
