/// Latin orthographies whose letters mean something else than in the English-like core of `Skeleton`, rewritten
/// before the skeleton is taken: Hungarian (`sz` = с, `s` = ш, `cs` = ч, `zs` = ж, `gy`/`ty`/`ny` = дь/ть/нь:
/// `Szergej Lavrov`, `Csajkovszkij`, `Vlagyimir Putyin`) and the Lithuanian and Latvian nominative endings
/// (`Lavrovas`, `Lavrovs`, `Tolstojus`, `Čaikovskis` = Лавров, Толстой, Чайковский) and the Czech feminine `-ová`
/// added to a Russian woman's surname (`Cvetajevová` = Цветаева).
enum Orthography {
    @inline(__always)
    private static func has(_ w: [UInt8], _ lit: StaticString) -> Bool {
        let n = lit.utf8CodeUnitCount
        guard w.count >= n else { return false }
        let p = lit.utf8Start
        outer: for start in 0...(w.count - n) {
            for k in 0..<n where w[start + k] != p[k] { continue outer }
            return true
        }
        return false
    }

    /// Whether the Latin words of a name are written in Hungarian orthography: `cs` occurs, or `zs` begins a word or
    /// stands between vowels, or `sz` occurs without any sign of Polish, where `sz` is ш (`w`, `cz`, `rz`, `ie`,
    /// an adjectival `-ski/-ska/-sky` ending). `gy` alone is no sign: Korean writes it (Gyeong), English too (Georgy).
    static func isHungarian(_ words: [[UInt8]]) -> Bool {
        var hungarian = false, sz = false, polish = false
        let vowels = "aeiou".utf8
        for w in words {
            if has(w, "cs") { hungarian = true }
            for k in w.indices.dropLast() where w[k] == UInt8(ascii: "z") && w[k + 1] == UInt8(ascii: "s") {
                let before = k == 0 || vowels.contains(w[k - 1])
                let after = k + 2 < w.count && vowels.contains(w[k + 2])
                if (k == 0 || before) && after { hungarian = true }
            }
            if has(w, "sz") { sz = true }
            if w.contains(UInt8(ascii: "w")) || has(w, "cz") || has(w, "rz") || has(w, "ie") { polish = true }
            if w.count >= 4, w[w.count - 3] == UInt8(ascii: "s"), w[w.count - 2] == UInt8(ascii: "k"),
               "aiy".utf8.contains(w[w.count - 1]) { polish = true }
        }
        return hungarian || (sz && !polish)
    }

    /// Rewrites a Hungarian word in the English-like spelling the skeleton reads (`Hruscsov` → `hrushchov`).
    static func fromHungarian(_ w: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(w.count + 4)
        let n = w.count
        var k = 0
        while k < n {
            let c = w[k], next: UInt8 = k + 1 < n ? w[k + 1] : 0
            switch (c, next) {
            case (UInt8(ascii: "s"), UInt8(ascii: "z")): out.append(UInt8(ascii: "s")); k += 2
            case (UInt8(ascii: "c"), UInt8(ascii: "s")): out += Array("ch".utf8); k += 2
            case (UInt8(ascii: "z"), UInt8(ascii: "s")): out += Array("zh".utf8); k += 2
            case (UInt8(ascii: "s"), _): out += Array("sh".utf8); k += 1
            case (UInt8(ascii: "c"), _): out += Array("ts".utf8); k += 1
            // gy, ty, ny, ly are one palatal consonant (Vlagyimir, Putyin, Nyikita); the y is not a vowel.
            case (UInt8(ascii: "g"), UInt8(ascii: "y")): out.append(UInt8(ascii: "d")); k += 2
            case (UInt8(ascii: "t"), UInt8(ascii: "y")), (UInt8(ascii: "n"), UInt8(ascii: "y")), (UInt8(ascii: "l"), UInt8(ascii: "y")):
                out.append(c); k += 2
            default: out.append(c); k += 1
            }
        }
        return out
    }

    /// Drops a Lithuanian or Latvian nominative ending from a Latin word when what remains is a Russian-type
    /// stem: `-ovas/-evas/-inas/-ynas` and `-ovs/-evs/-ins/-yns` (surnames), `-jus/-js` after a vowel
    /// (Tolstojus, Sergejs), `-skis/-ckis` (Čaikovskis = Чайковский), `-lis` (Gogolis = Гоголь); and the Czech
    /// `-ová` after a Russian feminine `-ova/-eva` (Šarapovová).
    static func balticStem(_ w: [UInt8]) -> [UInt8] {
        let n = w.count
        guard n >= 5 else { return w }
        func ends(_ lit: StaticString) -> Bool {
            let m = lit.utf8CodeUnitCount
            guard n >= m else { return false }
            let p = lit.utf8Start
            for k in 0..<m where w[n - m + k] != p[k] { return false }
            return true
        }
        for suffix: StaticString in ["ovas", "evas", "inas", "ynas", "ovs", "evs", "ins", "yns"] where ends(suffix) {
            return Array(w.dropLast(suffix.utf8CodeUnitCount == 4 ? 2 : 1))
        }
        if ends("jus") && n >= 6 && "aeiou".utf8.contains(w[n - 4]) { return Array(w.dropLast(2)) }
        if ends("js") && "aeiou".utf8.contains(w[n - 3]) { return Array(w.dropLast(1)) }
        if ends("skis") || ends("ckis") { return Array(w.dropLast(1)) }
        // Czech and Slovak add -ová to a foreign woman's surname: Cvetajevová = Цветаева, Šarapovová = Шарапова.
        if n >= 7 && (ends("ovova") || ends("evova")) { return Array(w.prefix(n - 3)) + [UInt8(ascii: "a")] }
        if ends("lis") && n >= 6 && "aeiouy".utf8.contains(w[n - 4]) { return Array(w.dropLast(2)) }
        return w
    }

    /// Whether Cyrillic words are Belarusian: `ў`, or `і` together with `ы`, `э` or `ё` (Ukrainian has none of them).
    static func isBelarusian(_ words: [[UInt32]]) -> Bool {
        var i = false, hard = false
        for w in words {
            for c in w {
                if c == 0x45E { return true }
                if c == 0x456 { i = true }
                if c == 0x44B || c == 0x44D || c == 0x451 { hard = true }
            }
        }
        return i && hard
    }

    /// Undoes Belarusian цеканне and дзеканне before a soft vowel or `ь`, where Russian writes т and д
    /// (`Ціханоўскі` = Тихановский, `Дзмітрый` = Дмитрий, `Кацярына` = Катерина).
    static func fromBelarusian(_ w: [UInt32]) -> [UInt32] {
        func soft(_ c: UInt32) -> Bool {
            c == 0x456 || c == 0x435 || c == 0x44F || c == 0x44E || c == 0x451 || c == 0x44C
        }
        var out: [UInt32] = []
        out.reserveCapacity(w.count)
        var k = 0
        while k < w.count {
            let c = w[k]
            if c == 0x446, k + 1 < w.count, soft(w[k + 1]) {                       // ц → т
                out.append(0x442); k += 1
            } else if c == 0x434, k + 2 < w.count, w[k + 1] == 0x437, soft(w[k + 2]) || w[k + 2] == 0x43C {
                out.append(0x434); k += 2                                            // дз → д (also дзм: Дзмітрый)
            } else {
                out.append(c); k += 1
            }
        }
        return out
    }
}
