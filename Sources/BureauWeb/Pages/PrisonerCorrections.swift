import BureauCore
import BureauStore
import Vapor

/// What the prisoner's page shows of corrections and voidings (issue 8, item 4): the history of
/// every corrected value with its reason, voidings awaiting a second officer, and whether the whole
/// registration is void.
struct PrisonerCorrections: Encodable {
    struct HistoryLine: Encodable {
        var date: String
        var fieldKey: String
        var before: String
        var after: String
        var reason: String
        var by: String
    }

    struct VoidLine: Encodable {
        var id: String
        var date: String
        /// `void.registration` or the voided entry's kind.
        var whatKey: String
        var reason: String
        var requestedBy: String
        var confirmedBy: String
        var confirmed: Bool
        var canConfirm: Bool
    }

    var voided: Bool
    var voidedOn: String
    var history: [HistoryLine]
    var hasHistory: Bool
    var voidings: [VoidLine]
    var hasVoidings: Bool
    var canCorrect: Bool
    var canVoid: Bool
    var canCorrectClaims: Bool
    /// Entries voided (their rows are struck through) and claims corrected (marked superseded).
    var voidedEvents: Set<UUID>
    var supersededClaims: Set<UUID>

    private enum CodingKeys: String, CodingKey {
        case voided, voidedOn, history, hasHistory, voidings, hasVoidings, canCorrect, canVoid, canCorrectClaims
    }

    init(_ file: PrisonerFile, user: CurrentUser, request: Request, names: [String: String]) {
        let language = request.language
        let zone = request.bureau.config.timeZone
        let catalog = request.bureau.catalog
        let role = user.account.role
        func date(_ value: Date) -> String { DateText.format(value, language: language, timeZone: zone) }
        func person(_ username: String) -> String { names[username] ?? username }
        let claimNames = Dictionary(file.claims.map { ($0.id.uuidString, $0.displayName) }, uniquingKeysWith: { a, _ in a })
        func value(_ field: RecordCorrection.Field, _ text: String?) -> String {
            guard let text else { return "—" }
            switch field {
            case .status: return catalog.text("status.\(text)", language)
            case .claim: return claimNames[text].flatMap { $0.isEmpty ? nil : $0 } ?? "—"
            case .power, .unit: return text
            }
        }
        voided = file.voidedAt != nil
        voidedOn = file.voidedAt.map(date) ?? ""
        history = file.corrections.reversed().map {
            HistoryLine(date: date($0.recordedAt), fieldKey: "correct.field.\($0.field.rawValue)", before: value($0.field, $0.before),
                        after: value($0.field, $0.after), reason: $0.reason, by: person($0.recordedBy))
        }
        hasHistory = !history.isEmpty
        let mayVoid = AccessPolicy.allows(role, .voidRecord)
        voidings = file.voidings.reversed().map {
            VoidLine(id: $0.id.uuidString, date: date($0.requestedAt),
                     whatKey: $0.eventKind.map { "event.\($0.rawValue)" } ?? "void.registration", reason: $0.reason,
                     requestedBy: person($0.requestedBy), confirmedBy: $0.confirmedBy.map(person) ?? "",
                     confirmed: $0.isConfirmed,
                     canConfirm: !$0.isConfirmed && mayVoid && $0.requestedBy != user.account.username)
        }
        hasVoidings = !voidings.isEmpty
        canCorrect = !voided && AccessPolicy.allows(role, .correctRegistration)
        canVoid = !voided && mayVoid
        canCorrectClaims = !voided && AccessPolicy.allows(role, .recordClaim)
        voidedEvents = Set(file.voidings.filter(\.isConfirmed).compactMap(\.eventID))
        supersededClaims = Set(file.corrections.filter { $0.field == .claim }.compactMap { $0.before.flatMap(UUID.init(uuidString:)) })
    }
}
