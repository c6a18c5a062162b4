/// Romanization knowledge for matching Hangul against Latin (Revised Romanization, McCune–Reischauer and the
/// conventional spellings people use: Lee, Park, Choi, Young, Sung …) and against Cyrillic (the Kontsevich system
/// and the Russian press conventions: Ким Чен Ын, Ким Ир Сен, Цой). Each syllable gets a set of alternative
/// spellings built from per-jamo alternatives plus whole-syllable exceptions; `KoreanAlignment` then finds the
/// cheapest way to spell a romanized string as a sequence of syllables.
struct KoreanSpellingTable: Sendable {
    /// All alternative spellings, as byte ranges `bytes[starts[k]..<starts[k+1]]`.
    let starts: [Int32]
    let bytes: [UInt8]
    /// Alternatives per jamo, as ranges of `k` (initials 0..<19, vowels 19..<40, vowels after silent ㅇ 40..<61,
    /// finals 61..<89), and whole-syllable exceptions.
    let groups: [Range<Int32>]
    let extraGroup: [Int16]          // per syllable: index into `extraRanges`, or -1
    let extraRanges: [Range<Int32>]
    let groupMin: [UInt8], groupMax: [UInt8]

    static let vowelBase = 19, nullVowelBase = 40, finalBase = 61

    init(initials: [[String]], vowels: [[String]], finals: [[String]], nullInitialVowels: [Int: [String]],
         extras: [String: [String]]) {
        var starts: [Int32] = []
        var bytes: [UInt8] = []
        func add(_ list: [String]) -> Range<Int32> {
            let lo = Int32(starts.count)
            for x in list {
                starts.append(Int32(bytes.count))
                bytes.append(contentsOf: Array(x.utf8))
            }
            return lo..<Int32(starts.count)
        }
        var groups: [Range<Int32>] = []
        var gmin: [UInt8] = [], gmax: [UInt8] = []
        let all: [[String]] = initials + vowels + (0..<21).map { nullInitialVowels[$0] ?? vowels[$0] } + finals
        for list in all {
            groups.append(add(list))
            gmin.append(UInt8(list.map(\.utf8.count).min() ?? 0))
            gmax.append(UInt8(list.map(\.utf8.count).max() ?? 0))
        }
        var extraGroup = [Int16](repeating: -1, count: 11172)
        var extraRanges: [Range<Int32>] = []
        for (k, v) in extras.sorted(by: { $0.key < $1.key }) {
            guard let syl = Hangul.index(Character(k)) else { continue }
            extraGroup[Int(syl)] = Int16(extraRanges.count)
            extraRanges.append(add(v))
        }
        starts.append(Int32(bytes.count))
        self.starts = starts
        self.bytes = bytes
        self.groups = groups
        self.groupMin = gmin
        self.groupMax = gmax
        self.extraGroup = extraGroup
        self.extraRanges = extraRanges
    }

    @inline(__always) func initialGroup(_ s: UInt16) -> Int { Hangul.initial(s) }
    @inline(__always) func vowelGroup(_ s: UInt16) -> Int {
        (Hangul.initial(s) == Hangul.ieung ? Self.nullVowelBase : Self.vowelBase) + Hangul.vowel(s)
    }
    @inline(__always) func finalGroup(_ s: UInt16) -> Int { Self.finalBase + Hangul.final(s) }

    /// Shortest and longest spelling of a syllable.
    func lengthBounds(_ s: UInt16) -> (Int, Int) {
        let g = [initialGroup(s), vowelGroup(s), finalGroup(s)]
        var lo = g.reduce(0) { $0 + Int(groupMin[$1]) }, hi = g.reduce(0) { $0 + Int(groupMax[$1]) }
        let e = extraGroup[Int(s)]
        if e >= 0 {
            for k in extraRanges[Int(e)] {
                let len = Int(starts[Int(k) + 1] - starts[Int(k)])
                lo = min(lo, len); hi = max(hi, len)
            }
        }
        return (lo, hi)
    }

    func strings(_ r: Range<Int32>) -> [String] {
        r.map { k in String(decoding: bytes[Int(starts[Int(k)])..<Int(starts[Int(k) + 1])], as: UTF8.self) }
    }

    /// The alternative spellings of one syllable (for explanations, surname look-up and tests).
    func spellings(_ s: UInt16) -> [String] {
        var out: [String] = []
        var seen = Set<String>()
        let e = extraGroup[Int(s)]
        if e >= 0 { for x in strings(extraRanges[Int(e)]) where seen.insert(x).inserted { out.append(x) } }
        for i in strings(groups[initialGroup(s)]) {
            for v in strings(groups[vowelGroup(s)]) {
                for f in strings(groups[finalGroup(s)]) where seen.insert(i + v + f).inserted { out.append(i + v + f) }
            }
        }
        return out
    }

    static let latin = KoreanSpellingTable(
        initials: [["k", "g"], ["kk", "gg", "k", "g"], ["n"], ["d", "t"], ["tt", "dd", "t"], ["r", "l", "n"], ["m"],
                   ["b", "p"], ["pp", "bb", "p"], ["s", "sh"], ["ss", "s"], [""], ["j", "ch"], ["jj", "tch", "ch", "j"],
                   ["ch", "c", "j"], ["k", "kh"], ["t", "th"], ["p", "ph"], ["h"]],
        vowels: [["a", "ah"], ["ae", "ai", "e", "ea"], ["ya"], ["yae", "ye"], ["eo", "o", "u", "uh", "oh", "ou"], ["e", "ae"],
                 ["yeo", "yo", "yu", "ye", "yeu", "you"], ["ye", "e"], ["o", "oh", "oo"], ["wa"], ["wae", "we"],
                 ["oe", "oi", "we", "oy"], ["yo"], ["u", "oo", "ou"], ["wo", "weo", "wu"], ["we"], ["wi", "wee", "ui"],
                 ["yu", "yoo", "you"], ["eu", "u", "ue", "uh", "y"], ["ui", "eui", "ee", "i", "ei"], ["i", "ee", "y"]],
        finals: [[""], ["k", "g", "ck"], ["k"], ["k"], ["n", "nn"], ["n"], ["n"], ["t", "d"], ["l", "r", "ll"], ["k"], ["m"], ["l"],
                 ["l"], ["l"], ["p"], ["l"], ["m"], ["p", "b"], ["p"], ["t", "s"], ["t", "s"], ["ng"], ["t"], ["t"],
                 ["k"], ["t"], ["p"], ["t"]],
        nullInitialVowels: [13: ["u", "oo", "woo", "wu", "ou"], 20: ["i", "yi", "ee", "y"], 18: ["eu", "u", "ue"],
                            4: ["eo", "o", "u", "uh", "oh"], 8: ["o", "oh"]],
        extras: ["이": ["lee", "yi", "rhee", "rhie", "ri", "li", "ee", "i", "e"], "임": ["lim", "rim", "im", "yim"],
                 "류": ["ryu", "yoo", "yu", "you", "lyu", "rhyu", "ryoo"], "유": ["yoo", "yu", "you", "ryu"],
                 "노": ["noh", "roh", "no", "ro"], "나": ["na", "ra"], "라": ["ra", "la", "na"], "여": ["yeo", "yuh", "yeu", "yo", "yu"],
                 "박": ["park", "pak", "bak", "bahk", "pahk"], "허": ["heo", "hur", "huh", "her", "ho"],
                 "우": ["woo", "wu", "u", "oo"], "엄": ["eom", "um", "uhm", "om"], "량": ["ryang", "yang"],
                 "양": ["yang", "ryang"], "려": ["ryeo", "yeo", "yu"], "림": ["lim", "rim", "im"], "리": ["ri", "lee", "li", "yi"],
                 "최": ["choi", "choe", "chwe", "choy"], "문": ["moon", "mun"], "신": ["shin", "sin", "sheen"],
                 "선": ["sun", "seon", "son"], "김": ["kim", "gim"], "곽": ["kwak", "gwak"], "백": ["baek", "paek", "paik", "baik", "back", "beak"],
                 "배": ["bae", "pae", "bai"], "채": ["chae", "chai", "che"], "구": ["koo", "ku", "gu", "goo"],
                 // Older spellings that put the w first (Kyung-wha, Chang-whan).
                 "화": ["wha"], "환": ["whan"], "황": ["hwang", "whang"], "회": ["whe", "hoi"], "휘": ["whi"]])

    static let cyrillic = KoreanSpellingTable(
        initials: [["k", "g"], ["kk", "k"], ["n"], ["t", "d"], ["tt", "t"], ["r", "l"], ["m"], ["p", "b"], ["pp", "p"],
                   ["s", "sh"], ["ss", "s"], [""], ["ch", "chzh", "dzh", "zh"], ["chch", "ch"], ["chkh", "ch", "ts"],
                   ["kkh", "kh", "k"], ["tkh", "t"], ["pkh", "p"], ["kh", "h", "g"]],
        vowels: [["a"], ["e"], ["ya"], ["yae", "ye", "e"], ["o", "e", "yo"], ["e"], ["yo", "e", "ye"], ["ye", "e"], ["o"],
                 ["va", "wa"], ["ve"], ["ve", "oe", "e"], ["yo"], ["u"], ["vo"], ["ve"], ["vi"], ["yu"], ["y", "u"],
                 ["yi", "y", "i"], ["i", "y"]],
        finals: [[""], ["k"], ["k"], ["k"], ["n"], ["n"], ["n"], ["t"], ["l", "r"], ["k"], ["m"], ["l"], ["l"], ["l"],
                 ["p"], ["l"], ["m"], ["p"], ["p"], ["t", "s"], ["t"], ["n", "ng", "n|"], ["t"], ["t"], ["k"], ["t"], ["p"], ["t"]],
        nullInitialVowels: [:],
        extras: ["이": ["li", "i", "ri", "yi"], "최": ["tsoy", "tsoi", "choy", "choi", "chkhve", "chve"],
                 "박": ["pak", "park"], "정": ["chon", "chen", "chzhon", "chung", "jong"], "성": ["son", "sen", "song"],
                 "전": ["chon", "chen"], "류": ["ryu", "yu", "lyu"], "유": ["yu", "ryu"], "노": ["no", "ro"],
                 "임": ["im", "lim", "rim"], "일": ["ir", "il"], "은": ["yn", "un", "eun"], "신": ["sin", "shin"],
                 "조": ["cho", "chzho", "jo"], "주": ["chu", "chzhu", "ju"], "장": ["chan", "chzhan", "jang", "chang"],
                 "백": ["pek", "pak", "baek"], "배": ["pe", "pae"], "채": ["chkhe", "che", "chae"], "권": ["kvon", "kon"],
                 "곽": ["kvak"], "황": ["khvan", "hvan", "hwang"], "현": ["khyon", "khen", "hyon", "hyun"],
                 "한": ["khan", "han"], "홍": ["khon", "hon", "hong"], "허": ["kho", "ho"], "하": ["kha", "ha"],
                 "희": ["khi", "hi", "khy"], "혜": ["khe", "hye", "khye"], "김": ["kim"], "강": ["kan", "kang"]])

}
