import BureauCore
import BureauStore
import Vapor

/// Pages of lawful disposition: cases, exchanges and the printable will-statement form.
func dispositionPageRoutes(_ app: Application) throws {
    let readers = app.grouped(RoleMiddleware(.readRegistry))
    let cases = CasePages()
    readers.get("cases", use: cases.list)
    readers.get("cases", ":id", use: cases.show)
    app.grouped(RoleMiddleware(.moveCase)).post("cases", ":id", "transitions", use: cases.transition)

    let exchanges = ExchangePages()
    app.grouped(RoleMiddleware(.readExchanges)).get("exchanges", use: exchanges.list)
    app.grouped(RoleMiddleware(.readExchanges)).get("exchanges", ":id", use: exchanges.show)
    app.grouped(RoleMiddleware(.readExchanges))
        .get("exchanges", ":id", "counterpart-list.csv", use: ExchangeListExport().counterpartList)
    let liaison = app.grouped(RoleMiddleware(.liaise))
    liaison.post("exchanges", use: exchanges.create)
    liaison.post("exchanges", ":id", "matches", use: exchanges.confirm)
    liaison.post("exchanges", ":id", "counterpart-list", use: exchanges.importList)

    // The form is blank: anyone who interviews or prepares a case may print it.
    app.grouped(RoleMiddleware(.recordWill, .readWill))
        .get("prisoners", ":id", "will-statement-form", use: WillStatementForm().show)
    dispositionFormRoutes(app)
    exchangeFormRoutes(app)
}

/// Shared formatting of disposition values for pages.
struct DispositionText {
    let request: Request

    var language: String { request.language }

    func text(_ key: String) -> String { request.bureau.catalog.text(key, language) }

    func date(_ date: Date) -> String {
        DateText.format(date, language: language, timeZone: request.bureau.config.timeZone)
    }

    /// A guard sentence in the page language, with its parameters filled in.
    func guardMessage(_ result: GuardResult) -> String {
        var message = text(result.key)
        for (name, value) in result.parameters {
            message = message.replacingOccurrences(of: "{\(name)}", with: name == "group" ? group(value) : value)
        }
        return message
    }

    /// A camp group (`PRK/ko/…`, guard 10) in words: "КНДР · корейська · <forces as recorded>". A Power or
    /// language without a name of its own keeps its code.
    func group(_ code: String) -> String {
        guard let key = PrisonerGroup.Key(code: code) else { return code }
        let messages = request.bureau.catalog.messages[language] ?? [:]
        return [messages["nation.\(key.nationality)"] ?? key.nationality,
                key.language.map { messages["tongue.\($0)"] ?? $0 }, key.forces].compactMap { $0 }.joined(separator: " · ")
    }

    func answer(_ answer: WillAnswer) -> String {
        if case .thirdState(let state) = answer { return "\(text("answer.third_state")): \(PlaceNames.country(state, language: language))" }
        return text("answer.\(answer.code)")
    }
}

struct GuardRow: Encodable {
    var number: Int
    var article: String
    var status: String
    var statusKey: String
    var severityKey: String
    var message: String
    var key: String
    /// A failed warn guard may be overridden with a reason and a second approver's confirmation.
    var overridable: Bool
    /// An override requested and not yet confirmed by a second person.
    var awaitingConfirmation: Bool

    init(_ result: GuardResult, text: DispositionText) {
        number = result.guardNumber
        article = result.article
        status = result.status.rawValue
        statusKey = "guardstatus.\(result.status.rawValue)"
        severityKey = "severity.\(result.severity.rawValue)"
        message = text.guardMessage(result)
        key = result.key
        overridable = result.status == .failed && result.severity == .warn
        awaitingConfirmation = false
    }
}
