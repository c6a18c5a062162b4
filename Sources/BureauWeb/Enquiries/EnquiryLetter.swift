import BureauCore
import Foundation

/// The answer to an enquiry as a letter in the enquirer's language (Korean, Ukrainian, Russian or
/// English). It is a document for the family, not interface text, so its words live here beside the
/// other printed documents (`WillStatementForm`), not in the UI catalogues. It says only what the
/// `EnquiryReply` holds.
struct EnquiryLetter {
    let timeZone: TimeZone

    func text(_ enquiry: Enquiry, _ reply: EnquiryReply) -> String {
        let t = Self.text[enquiry.language] ?? Self.text["en"]!
        let language = Self.text[enquiry.language] == nil ? "en" : enquiry.language
        func date(_ value: Date?) -> String { value.map { format($0, language) } ?? "—" }
        let name = [reply.surname, reply.firstNames].compactMap { $0 }.joined(separator: " ")
        var lines: [String] = [t["bureau"]!, date(reply.asOf), "", t["title"]!]
        if let reference = reply.enquirerReference { lines.append("\(t["reference"]!): \(reference)") }
        lines.append("\(t["sought"]!): \(reply.names.joined(separator: " / "))")
        lines.append("")
        let body: String
        switch reply.result {
        case .held: body = t["held"]!.replacingOccurrences(of: "{since}", with: date(reply.heldSince))
        case .diedInCaptivity:
            body = t["died"]!.replacingOccurrences(of: "{date}", with: date(reply.diedAt))
                .replacingOccurrences(of: "{place}", with: reply.placeOfDeath ?? "—")
        case .released:
            if reply.repatriated == true, let state = reply.repatriatedTo {
                body = t["repatriated"]!.replacingOccurrences(of: "{date}", with: date(reply.releasedAt))
                    .replacingOccurrences(of: "{state}", with: Self.state(state, language))
            } else {
                body = t["released"]!.replacingOccurrences(of: "{date}", with: date(reply.releasedAt))
            }
        case .noRecord: body = t["noRecord"]!
        case .needsMoreInformation: body = t["moreInformation"]!.replacingOccurrences(of: "{question}", with: reply.question ?? "")
        }
        lines.append(body.replacingOccurrences(of: "{name}", with: name))
        if reply.result == .held || reply.result == .diedInCaptivity || reply.result == .released {
            lines.append("")
            let items: [(String, String?)] = [
                ("surname", reply.surname), ("firstNames", reply.firstNames), ("fatherName", reply.fatherName),
                ("dateOfBirth", reply.dateOfBirth?.description), ("placeOfBirth", reply.placeOfBirth), ("rank", reply.rank),
                ("serviceNumber", reply.serviceNumber), ("internmentNumber", reply.internmentNumber),
                ("address", reply.correspondenceAddress),
            ]
            for (key, value) in items { if let value { lines.append("\(t[key]!): \(value)") } }
        }
        lines.append("")
        lines.append(t["closing"]!)
        return lines.joined(separator: "\n")
    }

    func format(_ date: Date, _ language: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: ["ko": "ko_KR", "uk": "uk_UA", "ru": "ru_RU"][language] ?? "en_GB")
        formatter.timeZone = timeZone
        formatter.dateStyle = .long
        formatter.timeStyle = .none
        return formatter.string(from: date)
    }

    static func state(_ code: String, _ language: String) -> String {
        let names: [String: [String: String]] = [
            "PRK": ["ko": "조선민주주의인민공화국", "uk": "Корейської Народно-Демократичної Республіки",
                    "ru": "Корейскую Народно-Демократическую Республику", "en": "the Democratic People's Republic of Korea"],
            "RUS": ["ko": "러시아 연방", "uk": "Російської Федерації", "ru": "Российскую Федерацию", "en": "the Russian Federation"],
            "UKR": ["ko": "우크라이나", "uk": "України", "ru": "Украину", "en": "Ukraine"],
        ]
        return names[code.uppercased()]?[language] ?? code
    }

    static let text: [String: [String: String]] = [
        "ko": [
            "bureau": "전쟁포로 국가정보국 (제3제네바협약 제122조)", "title": "문의에 대한 회신",
            "reference": "귀측 참조번호", "sought": "찾는 사람",
            "held": "{name}은(는) {since}부터 전쟁포로로 억류되어 있습니다.",
            "died": "{name}이(가) {date} {place}에서 포로 상태로 사망하였음을 알려 드리게 되어 유감입니다.",
            "released": "{name}은(는) {date}에 포로 상태에서 석방되었습니다.",
            "repatriated": "{name}은(는) {date}에 {state}(으)로 송환되었습니다.",
            "noRecord": "제시된 정보와 일치하는 전쟁포로 기록이 없습니다. 문의는 계속 유효하며, 해당인이 등록되면 알려 드리겠습니다.",
            "moreInformation": "수색을 계속하기 위해 추가 정보가 필요합니다: {question}",
            "surname": "성", "firstNames": "이름", "fatherName": "아버지의 이름", "dateOfBirth": "생년월일", "placeOfBirth": "출생지",
            "rank": "계급", "serviceNumber": "군번", "internmentNumber": "전쟁포로 번호", "address": "서신 주소",
            "closing": "이 회신은 제3제네바협약 제122조 및 제17조가 허용하는 정보만을 담고 있습니다.",
        ],
        "uk": [
            "bureau": "Національне інформаційне бюро у справах військовополонених (ст. 122 III Женевської конвенції)",
            "title": "Відповідь на ваш запит", "reference": "Ваш номер", "sought": "Особа, яку розшукують",
            "held": "{name} перебуває в полоні як військовополонений з {since}.",
            "died": "З сумом повідомляємо, що {name} помер у полоні {date}, місце: {place}.",
            "released": "{name} звільнений з полону {date}.",
            "repatriated": "{name} репатрійований до {state} {date}.",
            "noRecord": "Бюро не має запису про військовополоненого з наданими даними. Запит залишається відкритим: якщо його буде зареєстровано, ми повідомимо.",
            "moreInformation": "Для продовження розшуку потрібні додаткові відомості: {question}",
            "surname": "Прізвище", "firstNames": "Ім'я", "fatherName": "Ім'я батька", "dateOfBirth": "Дата народження",
            "placeOfBirth": "Місце народження", "rank": "Звання", "serviceNumber": "Особовий номер",
            "internmentNumber": "Номер військовополоненого", "address": "Адреса для листування",
            "closing": "Ця відповідь містить лише відомості, які дозволяють статті 122 і 17 III Женевської конвенції.",
        ],
        "ru": [
            "bureau": "Национальное справочное бюро по делам военнопленных (ст. 122 III Женевской конвенции)",
            "title": "Ответ на ваш запрос", "reference": "Ваш номер", "sought": "Разыскиваемое лицо",
            "held": "{name} находится в плену как военнопленный с {since}.",
            "died": "С прискорбием сообщаем, что {name} умер в плену {date}, место: {place}.",
            "released": "{name} освобождён из плена {date}.",
            "repatriated": "{name} репатриирован в {state} {date}.",
            "noRecord": "У Бюро нет записи о военнопленном с указанными данными. Запрос остаётся открытым: если он будет зарегистрирован, мы сообщим.",
            "moreInformation": "Для продолжения розыска нужны дополнительные сведения: {question}",
            "surname": "Фамилия", "firstNames": "Имя", "fatherName": "Имя отца", "dateOfBirth": "Дата рождения",
            "placeOfBirth": "Место рождения", "rank": "Звание", "serviceNumber": "Личный номер",
            "internmentNumber": "Номер военнопленного", "address": "Адрес для переписки",
            "closing": "Этот ответ содержит только сведения, которые допускают статьи 122 и 17 III Женевской конвенции.",
        ],
        "en": [
            "bureau": "National Information Bureau for Prisoners of War (Third Geneva Convention, Art. 122)",
            "title": "Reply to your enquiry", "reference": "Your reference", "sought": "Person sought",
            "held": "{name} has been held as a prisoner of war since {since}.",
            "died": "We regret to inform you that {name} died in captivity on {date} at {place}.",
            "released": "{name} was released from captivity on {date}.",
            "repatriated": "{name} was repatriated to {state} on {date}.",
            "noRecord": "The Bureau has no record of a prisoner of war matching the particulars given. The enquiry remains open: if he is registered, you will be told.",
            "moreInformation": "To continue the search we need more information: {question}",
            "surname": "Surname", "firstNames": "First names", "fatherName": "Father's name", "dateOfBirth": "Date of birth",
            "placeOfBirth": "Place of birth", "rank": "Rank", "serviceNumber": "Service number",
            "internmentNumber": "Internment number", "address": "Address for correspondence",
            "closing": "This reply holds only what Articles 122 and 17 of the Third Geneva Convention allow.",
        ],
    ]
}
