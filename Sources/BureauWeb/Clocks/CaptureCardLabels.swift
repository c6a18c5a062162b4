/// The printed labels of the Annex IV B capture card in the four languages a card is printed in
/// (the prisoner's: Korean, Russian, Ukrainian or English; and the Detaining Power's, Ukrainian).
/// Kept apart from the interface catalogue: Korean is a card language, not an interface language.
enum CaptureCardLabels {
    /// key → [ko, ru, uk, en]
    static let table: [String: [String]] = [
        "title": ["전쟁포로 통지 카드", "Карточка военнопленного о взятии в плен", "Картка військовополоненого про взяття в полон",
                  "Capture card for prisoner of war"],
        "front": ["전쟁포로 중앙 정보국 — 국제적십자위원회, 제네바 (우편 요금 면제)",
                  "Центральное агентство по делам военнопленных — МККК, Женева (бесплатно)",
                  "Центральне агентство у справах військовополонених — МКЧХ, Женева (безкоштовно)",
                  "Central Prisoners of War Agency — ICRC, Geneva (post free)"],
        "block": ["정자로 또박또박 쓰십시오", "Писать разборчиво, печатными буквами", "Писати розбірливо, друкованими літерами",
                  "Write legibly and in block letters"],
        "1": ["소속국", "Держава, от которой зависит военнопленный", "Держава, від якої залежить військовополонений",
              "Power on which the prisoner depends"],
        "2": ["성", "Фамилия", "Прізвище", "Name"],
        "3": ["이름", "Имена", "Імена", "First names (in full)"],
        "4": ["아버지 이름", "Имя отца", "Ім'я батька", "First name of father"],
        "5": ["생년월일", "Дата рождения", "Дата народження", "Date of birth"],
        "6": ["출생지", "Место рождения", "Місце народження", "Place of birth"],
        "7": ["계급", "Воинское звание", "Військове звання", "Rank"],
        "8": ["군번", "Личный номер", "Особистий номер", "Service number"],
        "9": ["최근친 주소", "Адрес ближайших родственников", "Адреса найближчих родичів", "Address of next of kin"],
        "10": ["포로가 된 날 / 이전 장소 (수용소, 병원)", "Взят в плен / прибыл из (лагерь, госпиталь)",
               "Взятий у полон / прибув з (табір, шпиталь)", "Taken prisoner on / coming from (camp, hospital)"],
        "11": ["건강 상태", "Состояние здоровья", "Стан здоров'я", "State of health"],
        "12": ["현재 주소 (포로 번호, 수용소)", "Нынешний адрес (номер военнопленного, лагерь)",
               "Теперішня адреса (номер військовополоненого, табір)", "Present address (prisoner of war number, camp)"],
        "13": ["날짜", "Дата", "Дата", "Date"],
        "14": ["서명", "Подпись", "Підпис", "Signature"],
        "good": ["양호", "хорошее", "добрий", "good"],
        "not_wounded": ["부상 없음", "не ранен", "не поранений", "not wounded"],
        "recovered": ["회복됨", "выздоровел", "одужав", "recovered"],
        "convalescent": ["회복 중", "выздоравливает", "одужує", "convalescent"],
        "sick": ["병중", "болен", "хворий", "sick"],
        "slightly_wounded": ["경상", "легко ранен", "легко поранений", "slightly wounded"],
        "seriously_wounded": ["중상", "тяжело ранен", "тяжко поранений", "seriously wounded"],
    ]

    static let languages = ["ko", "ru", "uk", "en"]

    static func text(_ key: String, _ language: String) -> String {
        let index = languages.firstIndex(of: language) ?? 3
        return table[key]?[index] ?? key
    }
}
