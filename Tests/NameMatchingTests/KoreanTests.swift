import Testing
@testable import NameMatching

@Suite("Korean names")
struct KoreanTests {
    let matcher = NameMatcher()

    @Test func jamoArithmetic() {
        let s = Hangul.index("김")!
        #expect(Hangul.initial(s) == 0)   // ㄱ
        #expect(Hangul.vowel(s) == 20)    // ㅣ
        #expect(Hangul.final(s) == 16)    // ㅁ
        #expect(Hangul.compose(0, 20, 16) == s)
        #expect(Hangul.revisedRomanization(Hangul.indices("김정은")) == "gimjeongeun")
    }

    @Test(arguments: [("리", "이"), ("류", "유"), ("로", "노"), ("림", "임"), ("녀", "여"), ("라", "나"), ("량", "양")])
    func initialSoundLaw(north: String, south: String) {
        #expect(Hangul.initialSoundLaw(Hangul.index(Character(north))!) == Hangul.index(Character(south))!)
    }

    @Test func surnameSplitIncludingCompoundSurnames() {
        let n = NameNormalizer()
        let (s1, g1) = NameMatcher.hangulSplit(n.normalize("김정은"))
        #expect(s1.count == 1 && g1.count == 2)
        let (s2, g2) = NameMatcher.hangulSplit(n.normalize("남궁민수"))
        #expect(s2.count == 2 && g2.count == 2 && Hangul.string(s2) == "남궁")
        let (s3, g3) = NameMatcher.hangulSplit(n.normalize("선우 용녀"))
        #expect(s3.count == 2 && g3.count == 2)
    }

    // Revised Romanization (2000).
    @Test(arguments: [("Gim Jeongeun", "김정은"), ("Bak Jiseong", "박지성"), ("Yi Myeongbak", "이명박"), ("Ban Gimun", "반기문")])
    func revisedRomanization(latin: String, hangul: String) {
        #expect(matcher.score(latin, hangul).isMatch, "\(latin) ↔ \(hangul)")
    }

    // McCune–Reischauer, with breves and aspiration apostrophes.
    @Test(arguments: [("Kim Chŏng-ŭn", "김정은"), ("Pak Chi-sŏng", "박지성"), ("Ch'oe Ch'ung-hŏn", "최충헌"),
                      ("Kim Il-sŏng", "김일성"), ("Yi Myŏng-bak", "이명박")])
    func mcCuneReischauer(latin: String, hangul: String) {
        #expect(matcher.score(latin, hangul).isMatch, "\(latin) ↔ \(hangul)")
    }

    // Conventional spellings people use.
    @Test(arguments: [("Kim Jong-un", "김정은"), ("Kim Jong Un", "김정은"), ("Park Ji-sung", "박지성"),
                      ("Lee Myung-bak", "이명박"), ("Ban Ki-moon", "반기문"), ("Choi Kyung-ju", "최경주"),
                      ("Rhee Syng-man", "이승만"), ("Roh Moo-hyun", "노무현"), ("Yoon Suk-yeol", "윤석열")])
    func conventionalSpellings(latin: String, hangul: String) {
        #expect(matcher.score(latin, hangul).isMatch, "\(latin) ↔ \(hangul)")
    }

    // Kontsevich Cyrillic and Russian press usage.
    @Test(arguments: [("Ким Чен Ын", "김정은"), ("Ким Ир Сен", "김일성"), ("Ким Чен Ир", "김정일"), ("Пак Чи Сон", "박지성"),
                      ("Ли Мён Бак", "이명박"), ("Пан Ги Мун", "반기문"), ("Мун Чжэ Ин", "문재인"), ("Ли Соль Чжу", "이설주")])
    func kontsevichCyrillic(cyrillic: String, hangul: String) {
        #expect(matcher.score(cyrillic, hangul).isMatch, "\(cyrillic) ↔ \(hangul)")
    }

    @Test func kontsevichHardSignMarksFinalIeung() {
        // Кontsevich writes final ㅇ before a vowel as нъ: Сонъу is 성우, not 선우.
        #expect(matcher.score("Ким Сонъу", "김성우").isMatch)
        #expect(!matcher.score("Ким Сонъу", "김선우").isMatch)
        #expect(CyrillicTransliteration.romanize("Объедков", ukrainian: false) == "Obedkov")
    }

    @Test func ukrainianCyrillicKorean() {
        #expect(matcher.score("Кім Чен Ин", "김정은").isMatch)
    }

    @Test func givenNameSyllablesMustAgree() {
        #expect(!matcher.score("Kim Jong-il", "김정은").isMatch)
        #expect(!matcher.score("Kim Jong-un", "김정일").isMatch)
        #expect(!matcher.score("김정일", "김정은").isMatch)
        #expect(!matcher.score("Ким Чен Ир", "김정은").isMatch)
    }

    @Test func northAndSouthSpellingsMeetThroughTheInitialSoundLaw() {
        #expect(matcher.score("리설주", "이설주").isMatch)
        #expect(matcher.score("Ri Sol-ju", "이설주").isMatch)
        #expect(matcher.score("류현진", "유현진").isMatch)
    }

    @Test func westernOrderIsAccepted() {
        #expect(matcher.score("Jong-un Kim", "김정은").isMatch)
    }

    @Test func hangulSpacingDoesNotMatter() {
        #expect(matcher.score("김 정은", "김정은").score == 1)
    }

    @Test func romanizedKoreanAcrossScripts() {
        #expect(matcher.score("Ким Чен Ын", "Kim Jong Un").isMatch)
        #expect(matcher.score("Kim Jong Un", "Kim Chŏng-ŭn").isMatch)
        #expect(!matcher.score("Kim Jong Un", "Kim Jong Il").isMatch)
    }

    @Test(arguments: [("Kim Jong Un", "Kim Chŏng-ŭn"), ("Kim Min-jun", "Kim Minjun"), ("Lee Seung-hoon", "Lee Seunghun"),
                      ("Ri Sol-ju", "Lee Seol-ju"), ("Lee Myung-bak", "Yi Myŏng-bak"), ("Roh Moo-hyun", "No Mu-hyeon"),
                      ("Park Geun-hye", "Pak Kun-hye"), ("Kim Jong-un", "Kim Jeong-eun")])
    func latinToLatinRomanizations(a: String, b: String) {
        #expect(matcher.score(a, b).isMatch, "\(a) ↔ \(b)")
    }

    /// Short syllable tokens must not make different given names look alike.
    @Test(arguments: [("Kim Min-jun", "Kim Min-jung"), ("Kim Min-jun", "Kim Min-ju"), ("Lee Ji-eun", "Lee Ji-yeon"),
                      ("Park Ji-min", "Park Ji-eun"), ("Kim Jong-un", "Kim Jong-il")])
    func latinToLatinDifferentGivenNames(a: String, b: String) {
        #expect(!matcher.score(a, b).isMatch, "\(a) ↔ \(b)")
    }

    @Test func koreanFamilyWithSlavicGivenNameStaysSlavic() {
        #expect(matcher.score("Виктор Цой", "Viktor Tsoi").score == 1)
        #expect(matcher.score("Ким Чен Ын", "Ким Чон Ын").isMatch)
    }

    @Test func spellingTablesHaveTheUsualForms() {
        let latin = KoreanSpellingTable.latinShared
        #expect(latin.spellings(Hangul.index("이")!).contains("lee"))
        #expect(latin.spellings(Hangul.index("박")!).contains("park"))
        #expect(latin.spellings(Hangul.index("정")!).contains("jeong"))
        #expect(latin.spellings(Hangul.index("정")!).contains("chung"))
        let cyr = KoreanSpellingTable.cyrillicShared
        #expect(cyr.spellings(Hangul.index("은")!).contains("yn"))
        #expect(cyr.spellings(Hangul.index("최")!).contains("tsoy"))
    }
}
