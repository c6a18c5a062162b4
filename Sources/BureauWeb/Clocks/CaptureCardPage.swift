import BureauCore
import BureauStore
import Vapor

/// `/prisoners/{id}/capture-card`: the Art. 70 card (Annex IV B), prefilled and printable at
/// 15 × 10.5 cm in the prisoner's language beside Ukrainian, and the buttons that record it offered,
/// written, declined or forwarded (each fulfils GC3-70-card).
struct CaptureCardPage {
    struct Item: Encodable {
        var number: String
        /// Labels in the card's languages, the prisoner's first.
        var labels: [Label]
        var value: String
        var romanized: String
        var script: String
    }

    struct Label: Encodable {
        var lang: String
        var text: String
    }

    struct HistoryRow: Encodable {
        var date: String
        var actionKey: String
        var detail: String
    }

    struct Model: Encodable {
        var id: String
        var number: String
        var name: String
        var languages: [String]
        var title: [Label]
        var front: [Label]
        var block: [Label]
        var items: [Item]
        var history: [HistoryRow]
        var hasHistory: Bool
        var obligations: [ObligationRow]
        var hasObligations: Bool
        var canRecord: Bool
        var actions: [FormOption]
        var cardLanguage: String
    }

    static let actionKinds = CaptureCardEntry.Action.allCases

    func show(_ request: Request) async throws -> Response {
        let model = try await model(request)
        return try await request.renderPage("capture-card", titleKey: "card.title", model: model)
    }

    func model(_ request: Request) async throws -> Model {
        let user = try request.requireUser()
        let id = try request.prisonerID()
        let file = try await request.bureau.registry.file(of: id, by: user.principal, purpose: request.statedPurpose)
        let obligations = try await request.obligations.forPrisoner(id, by: user.principal, purpose: request.statedPurpose)
        let language = request.language
        let zone = request.bureau.config.timeZone
        let now = request.bureau.context.clock.now()
        let card = CaptureCardContent.build(prisoner: file.prisoner, claims: file.claims,
                                            timeline: file.timeline.map(\.event), at: now,
                                            romanize: CardRomanization.romanize)
        let languages = card.languages
        func labels(_ key: String) -> [Label] { languages.map { Label(lang: $0, text: CaptureCardLabels.text(key, $0)) } }
        func name(_ value: CaptureCardContent.CardName?) -> (String, String, String) {
            guard let value else { return ("", "", "") }
            let roman = value.romanized.flatMap { $0 == value.asWritten ? nil : $0 } ?? ""
            return (value.asWritten, roman, value.script.rawValue)
        }
        func item(_ number: String, _ value: String?, roman: String = "", script: String = "") -> Item {
            Item(number: number, labels: labels(number), value: value ?? "", romanized: roman, script: script)
        }
        func day(_ date: Date?) -> String? {
            date.map { DateText.day($0, timeZone: zone) }
        }
        let surname = name(card.surname), first = name(card.firstNames), father = name(card.fatherFirstName)
        let health = languages.map { CaptureCardLabels.text(card.health.rawValue, $0) }.joined(separator: " / ")
        let origin = [day(card.capturedOn), card.comingFrom].compactMap { $0 }.joined(separator: " · ")
        let address = [card.internmentNumber, card.presentFacility].compactMap { $0 }.joined(separator: ", ")
        let items = [
            item("1", card.powerDependedOn),
            item("2", surname.0, roman: surname.1, script: surname.2),
            item("3", first.0, roman: first.1, script: first.2),
            item("4", father.0, roman: father.1, script: father.2),
            item("5", card.dateOfBirth?.description), item("6", card.placeOfBirth), item("7", card.rank),
            item("8", card.serviceNumber), item("9", card.nextOfKinAddress), item("10", origin), item("11", health),
            item("12", address), item("13", day(card.date)), item("14", ""),
        ]
        let history = file.timeline.compactMap { entry -> HistoryRow? in
            guard case .captureCard(let step) = entry.event.payload, entry.supersededBy == nil else { return nil }
            let detail = [step.language, step.forwardedTo?.map(\.rawValue).joined(separator: ", "), step.note]
                .compactMap { $0?.trimmedOrNil }.joined(separator: " · ")
            return HistoryRow(date: DateText.format(entry.event.occurredAt, language: language, timeZone: zone),
                              actionKey: "card.action.\(step.action.rawValue)", detail: detail)
        }.reversed()
        let rows = obligations.obligations.filter { $0.rule == .captureCard }.reversed()
            .map { ObligationRow($0, label: obligations.prisoner, language: language, zone: zone) }
        return Model(
            id: id.uuidString, number: file.prisoner.internmentNumber, name: file.assessedClaim?.displayName ?? "—",
            languages: languages, title: labels("title"), front: labels("front"), block: labels("block"), items: items,
            history: Array(history), hasHistory: !history.isEmpty, obligations: rows, hasObligations: !rows.isEmpty,
            canRecord: AccessPolicy.canRecord(user.account.role, .captureCard),
            actions: Self.actionKinds.map { .init(value: $0.rawValue, key: "card.action.\($0.rawValue)") },
            cardLanguage: languages.first ?? "uk")
    }

    struct Form: Content {
        var action: String?
        var occurredAt: String?
        var language: String?
        var note: String?
    }

    /// `POST /prisoners/{id}/capture-card`: records one step of the card on the timeline.
    func record(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let id = try request.prisonerID()
        let form = try request.content.decode(Form.self)
        let reader = FormReader(timeZone: request.bureau.config.timeZone)
        do {
            guard let action = try reader.choice(form.action, CaptureCardEntry.Action.self, field: "action") else {
                throw DomainError.invalid("action", "is required", code: "required")
            }
            let occurredAt = try reader.dateTime(form.occurredAt, field: "occurredAt", required: false)
                ?? request.bureau.context.clock.now()
            let entry = CaptureCardEntry(action: action,
                                         forwardedTo: action == .forwarded ? [.centralTracingAgency, .family] : nil,
                                         language: action == .written ? form.language?.trimmedOrNil?.lowercased() : nil,
                                         note: form.note?.trimmedOrNil)
            _ = try await request.bureau.registry.addEvent(.captureCard(entry), occurredAt: occurredAt, supersedes: nil,
                                                           to: id, by: user.principal)
            return request.redirect(to: "/prisoners/\(id.uuidString)/capture-card?saved=1", redirectType: .normal)
        } catch let error as DomainError where ![.forbidden, .notFound].contains(error.kind) {
            return try await request.renderPage("capture-card", titleKey: "card.title", model: try await model(request),
                                                error: request.message(for: error), status: error.kind.status)
        }
    }
}

extension DateText {
    /// A calendar day as printed on a card (ISO, unambiguous in every language).
    static func day(_ date: Date, timeZone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: date)
    }
}
