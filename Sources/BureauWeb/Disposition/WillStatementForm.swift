import BureauCore
import BureauStore
import Vapor

/// `/prisoners/{id}/will-statement-form?lang=ko`: the printable form for the will interview, in the
/// prisoner's language (Korean, Russian, Ukrainian or English). It is a document for him, not interface
/// text, so its words live here rather than in the UI catalogues.
struct WillStatementForm {
    static let languages = ["ko", "ru", "uk", "en"]
    static let languageNames = ["ko": "한국어", "ru": "Русский", "uk": "Українська", "en": "English"]

    struct Model: Encodable {
        var lang: String
        var t: [String: String]
        var number: String
        var name: String
        var prisonerID: String
        var choices: [Choice]
    }

    struct Choice: Encodable {
        var code: String
        var label: String
        var current: Bool
    }

    func show(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let requested = (try? request.query.get(String.self, at: "lang"))?.lowercased() ?? "ko"
        guard let text = Self.text[requested] else {
            throw DomainError.invalid("lang", "one of ko, ru, uk, en", code: "invalid_choice")
        }
        let file = try await request.bureau.registry.file(of: try request.prisonerID(), by: user.principal,
                                                          purpose: "will statement form")
        let model = Model(lang: requested, t: text, number: file.prisoner.internmentNumber,
                          name: file.assessedClaim?.displayName ?? "", prisonerID: file.prisoner.id.uuidString,
                          choices: Self.languages.map { Choice(code: $0, label: Self.languageNames[$0]!, current: $0 == requested) })
        let view = try await request.view.render("will-form", model)
        let response = try await view.encodeResponse(for: request)
        response.headers.replaceOrAdd(name: .contentLanguage, value: requested)
        return response
    }

    static let keys = ["title", "confidential", "intro", "prisoner", "number", "date", "question", "home", "stay", "third",
                       "undecided", "ownWords", "language", "interpreter", "witnesses", "icrc", "private", "mode", "yes", "no",
                       "signature", "interpreterSignature", "recorder"]

    static let text: [String: [String: String]] = [
        "ko": [
            "title": "포로 상태 종료 시 희망 진술서",
            "confidential": "기밀 — 제한 기록. 법률 및 개인정보 보호 승인 없이 어떤 국가에도 제공할 수 없음.",
            "intro": "이 진술서는 귀하가 포로 상태에서 벗어날 때 어디로 가기를 원하는지 기록합니다. 자신의 말로, 글로 쓰거나 표시를 하여 답할 수 있습니다. 누구도 귀하에게 강요하거나 압력을 가할 수 없습니다(제3제네바협약 제7조, 제17조). 귀하는 국제적십자위원회 대표와 비공개로 이야기할 수 있습니다.",
            "prisoner": "포로", "number": "억류 번호", "date": "일시",
            "question": "포로 상태에서 벗어나면 어디로 가기를 원합니까?",
            "home": "본국으로 돌아가기", "stay": "이 나라에 남기", "third": "다른 나라로 가기:", "undecided": "아직 결정하지 않았음",
            "ownWords": "본인의 말로:", "language": "면담 언어", "interpreter": "통역인 (성명, 소속)",
            "witnesses": "입회인 (성명, 소속)", "icrc": "국제적십자위원회 대표 입회",
            "private": "억류국 직원 없이 비공개로 진술함", "mode": "진술 방식: 구두 / 서면 / 서명 / 표시",
            "yes": "예", "no": "아니요", "signature": "포로의 서명 또는 표시", "interpreterSignature": "통역인 서명",
            "recorder": "기록자 (성명, 서명)",
        ],
        "ru": [
            "title": "Заявление о желаемом по окончании плена",
            "confidential": "КОНФИДЕНЦИАЛЬНО — запись ограниченного доступа. Не передаётся ни одному государству без одобрения юриста и ответственного за защиту данных.",
            "intro": "Это заявление фиксирует, куда вы хотите отправиться по окончании плена. Вы можете ответить своими словами, письменно или поставив знак. Никто не вправе принуждать вас или оказывать на вас давление (III Женевская конвенция, ст. 7, 17). Вы можете поговорить наедине с делегатом Международного комитета Красного Креста.",
            "prisoner": "Военнопленный", "number": "Номер интернирования", "date": "Дата и время",
            "question": "Куда вы хотите отправиться по окончании плена?",
            "home": "Вернуться на родину", "stay": "Остаться в этой стране", "third": "Уехать в другую страну:",
            "undecided": "Я ещё не решил", "ownWords": "Своими словами:", "language": "Язык беседы",
            "interpreter": "Переводчик (имя, организация)", "witnesses": "Свидетели (имя, организация)",
            "icrc": "Присутствовал делегат МККК", "private": "Беседа наедине, без персонала держащей в плену державы",
            "mode": "Форма: устно / письменно / с подписью / знаком", "yes": "да", "no": "нет",
            "signature": "Подпись или знак военнопленного", "interpreterSignature": "Подпись переводчика",
            "recorder": "Записал (имя, подпись)",
        ],
        "uk": [
            "title": "Заява про бажане після закінчення полону",
            "confidential": "КОНФІДЕНЦІЙНО — запис обмеженого доступу. Не передається жодній державі без схвалення юриста та відповідального за захист даних.",
            "intro": "Ця заява фіксує, куди ви хочете вирушити після закінчення полону. Ви можете відповісти своїми словами, письмово або поставивши знак. Ніхто не має права примушувати вас чи тиснути на вас (III Женевська конвенція, ст. 7, 17). Ви можете поговорити наодинці з делегатом Міжнародного комітету Червоного Хреста.",
            "prisoner": "Військовополонений", "number": "Номер інтернування", "date": "Дата і час",
            "question": "Куди ви хочете вирушити після закінчення полону?",
            "home": "Повернутися на батьківщину", "stay": "Залишитися в цій країні", "third": "Виїхати до іншої країни:",
            "undecided": "Я ще не вирішив", "ownWords": "Своїми словами:", "language": "Мова співбесіди",
            "interpreter": "Перекладач (ім'я, організація)", "witnesses": "Свідки (ім'я, організація)",
            "icrc": "Був присутній делегат МКЧХ", "private": "Співбесіда наодинці, без персоналу держави, що тримає в полоні",
            "mode": "Форма: усно / письмово / з підписом / знаком", "yes": "так", "no": "ні",
            "signature": "Підпис або знак військовополоненого", "interpreterSignature": "Підпис перекладача",
            "recorder": "Записав (ім'я, підпис)",
        ],
        "en": [
            "title": "Statement of wishes on leaving captivity",
            "confidential": "CONFIDENTIAL — restricted record. Never shown to any State without legal and data-protection approval.",
            "intro": "This statement records where you want to go when you leave captivity. You may answer in your own words, in writing, or by making a mark. Nobody may force or pressure you (Third Geneva Convention, Arts. 7 and 17). You may speak in private with a delegate of the International Committee of the Red Cross.",
            "prisoner": "Prisoner", "number": "Internment number", "date": "Date and time",
            "question": "Where do you want to go when you leave captivity?",
            "home": "Return to my home country", "stay": "Stay in this country", "third": "Go to another country:",
            "undecided": "I have not decided", "ownWords": "In your own words:", "language": "Language of the interview",
            "interpreter": "Interpreter (name, employer)", "witnesses": "Witnesses (name, organisation)",
            "icrc": "ICRC delegate present", "private": "Heard in private, without detaining-power staff",
            "mode": "Form: oral / written / signed / mark", "yes": "yes", "no": "no",
            "signature": "Signature or mark of the prisoner", "interpreterSignature": "Signature of the interpreter",
            "recorder": "Recorded by (name, signature)",
        ],
    ]
}
