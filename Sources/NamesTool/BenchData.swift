import NameMatching

/// Synthetic name parts for `bureau bench names`: Russian/Ukrainian Cyrillic, their Latin romanizations, and Korean
/// Hangul (common surnames and given-name syllables). Generated names are deterministic (fixed seed).
enum BenchData {
    static let maleGiven = ["Александр", "Алексей", "Андрей", "Антон", "Артём", "Борис", "Вадим", "Валерий", "Василий",
                            "Виктор", "Виталий", "Владимир", "Владислав", "Геннадий", "Георгий", "Григорий", "Денис",
                            "Дмитрий", "Евгений", "Егор", "Иван", "Игорь", "Илья", "Кирилл", "Константин", "Леонид",
                            "Максим", "Михаил", "Никита", "Николай", "Олег", "Павел", "Пётр", "Роман", "Сергей",
                            "Станислав", "Степан", "Тарас", "Фёдор", "Юрий", "Ярослав", "Олександр", "Андрій", "Микола",
                            "Василь", "Дмитро", "Юрій", "Богдан", "Остап", "Тимофій"]
    static let patronymicRoots = ["Александр", "Алексе", "Андре", "Антон", "Борис", "Василь", "Виктор", "Владимир",
                                  "Геннадь", "Григорь", "Дмитри", "Евгень", "Иван", "Игор", "Михайл", "Николае",
                                  "Олег", "Павл", "Петр", "Сергее", "Степан", "Фёдор", "Юрь"]
    static let surnameRoots = ["Иван", "Смирн", "Кузнец", "Поп", "Василь", "Петр", "Сокол", "Михайл", "Новик", "Фёдор",
                               "Мороз", "Волк", "Алексе", "Лебед", "Семён", "Егор", "Павл", "Козл", "Степан", "Никола",
                               "Орл", "Андре", "Макар", "Никит", "Захар", "Зайц", "Солов", "Борис", "Яковл", "Григор",
                               "Роман", "Воробь", "Серге", "Кузьмин", "Фрол", "Александр", "Дмитри", "Королёв", "Гусев",
                               "Киселёв", "Ильин", "Максим", "Поляк", "Сорокин", "Виноград", "Ковал", "Белов", "Медвед",
                               "Антон", "Тарас", "Жук", "Горбач", "Шевч", "Бондар", "Ткач", "Кравч", "Олійн", "Мельн",
                               "Бойк", "Ковальч", "Савч", "Руд", "Марч", "Лис", "Клим", "Павлюк", "Гриц", "Остап",
                               "Довж", "Кир", "Зінч", "Литвин", "Гончар", "Швед", "Дуб", "Черн", "Сав", "Гнат", "Пономар",
                               "Карп", "Юрч", "Мирон", "Федорч", "Нестер", "Прокоп", "Демч", "Тимош", "Гуц", "Луц"]
    /// Seed of the synthetic registry (the same names at every size and in every run).
    static let seed: UInt64 = 20_261_127

    static let surnameEndings = ["ов", "ев", "ин", "ский", "енко", "чук", "юк", "ович", "ук", "ик", "ецкий", "ко"]

    static let hangulSurnames = Array("김김김김김이이이이박박박최최정정강조윤장임한오서신권황안송류전홍고문양손배백허남심노")
    static let hangulGiven = Array("민서지현수준영우진호은성재동하경상철정용원혜희연석태훈유윤승아미선주종병기광대명창형규")

    /// A deterministic random generator (SplitMix64).
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func pick<T>(_ a: [T]) -> T { a[int(a.count)] }
    }

    /// One synthetic registry name: 45% Cyrillic, 30% Latin (romanized Cyrillic), 25% Hangul.
    static func name(_ r: inout Random) -> String {
        let kind = r.int(100)
        if kind < 25 {
            var s = String(r.pick(hangulSurnames))
            s.append(r.pick(hangulGiven))
            s.append(r.pick(hangulGiven))
            return s
        }
        let given = r.pick(maleGiven)
        let surname = r.pick(surnameRoots) + r.pick(surnameEndings)
        let patronymic = r.pick(patronymicRoots) + (r.int(2) == 0 ? "ович" : "евич")
        let cyr: String
        switch r.int(3) {
        case 0: cyr = "\(surname) \(given) \(patronymic)"
        case 1: cyr = "\(given) \(surname)"
        default: cyr = "\(given) \(patronymic) \(surname)"
        }
        if kind < 70 { return cyr }
        let ukr = cyr.unicodeScalars.contains { [0x456, 0x457, 0x454, 0x491, 0x406, 0x407, 0x404, 0x490].contains($0.value) }
        return CyrillicTransliteration.romanize("\(given) \(surname)", ukrainian: ukr)
    }

    /// A query for a registry name: its romanization (Cyrillic), Revised Romanization with a hyphen (Hangul), or
    /// the name in another word order (Latin).
    static func query(for name: String) -> String {
        let scalars = name.unicodeScalars
        if let f = scalars.first, f.value >= 0xAC00 && f.value <= 0xD7A3 {
            let syl = scalars.map { UInt16($0.value - 0xAC00) }
            let sur = Hangul.revisedRomanization([syl[0]])
            let given = syl.dropFirst().map { Hangul.revisedRomanization([$0]) }.joined(separator: "-")
            return sur.prefix(1).uppercased() + sur.dropFirst() + " " + given.prefix(1).uppercased() + given.dropFirst()
        }
        if scalars.contains(where: { $0.value >= 0x400 && $0.value <= 0x4FF }) {
            let ukr = scalars.contains { [0x456, 0x457, 0x454, 0x491, 0x406, 0x407, 0x404, 0x490].contains($0.value) }
            return CyrillicTransliteration.romanize(name, ukrainian: ukr)
        }
        return name.split(separator: " ").reversed().joined(separator: " ")
    }
}
