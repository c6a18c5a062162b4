import BureauCore
import BureauStore
import Foundation

/// An obligation as a table row of the dashboard and the prisoner's obligations tab.
struct ObligationRow: Encodable {
    var id: String
    var prisonerID: String
    var number: String
    var name: String
    var rule: String
    /// The rule by its name in the page language (the catalogue id stays in a tooltip).
    var ruleLabel: String
    var article: String
    var dutyKey: String
    var owedToKeys: [String]
    var due: String
    /// `basis.treaty` or `basis.policy`: the screen tells a Convention deadline from a Bureau setting.
    var basis: String
    var basisKey: String
    /// How the deadline is computed (English, from the engine; shown as a tooltip).
    var deadlineRule: String
    var status: String
    var statusKey: String
    var closedOn: String
    var late: Bool
    var waiverReason: String
    var facility: String
    var actionHref: String
    var actionKey: String

    init(_ obligation: Obligation, label: ObligationStore.PrisonerLabel?, language: String, zone: TimeZone,
         outbox: Bool = true, catalog: Catalog? = nil) {
        let local = obligation.facilityTimeZone.flatMap(TimeZone.init(identifier:)) ?? zone
        id = obligation.id
        prisonerID = obligation.prisonerID.uuidString
        number = label?.internmentNumber ?? ""
        name = label?.name ?? ""
        rule = obligation.rule.rawValue
        ruleLabel = catalog.map { RuleCount.label(obligation.rule, catalog: $0, language: language) } ?? rule
        article = obligation.article
        dutyKey = obligation.dutyKey
        owedToKeys = obligation.owedTo.map { "addressee.\($0.rawValue)" }
        due = DateText.format(obligation.dueAt, language: language, timeZone: local)
        basis = obligation.deadlineBasis.rawValue
        basisKey = "basis.\(obligation.deadlineBasis.rawValue)"
        deadlineRule = obligation.deadlineRule
        status = obligation.status.rawValue
        statusKey = "ostatus.\(obligation.status.rawValue)"
        closedOn = ""
        late = false
        waiverReason = ""
        switch obligation.state {
        case .fulfilled(_, let at, let wasLate):
            closedOn = DateText.format(at, language: language, timeZone: local)
            late = wasLate
        case .waived(let reason, let approver, _):
            waiverReason = "\(reason) (\(approver))"
        default:
            break
        }
        facility = obligation.facility ?? ""
        let action = Self.action(for: obligation, outbox: outbox)
        actionHref = action.0
        actionKey = action.1
    }

    /// Where the entry that fulfils the obligation is recorded (the outbox only for those who operate it).
    static func action(for obligation: Obligation, outbox: Bool) -> (String, String) {
        let prisoner = "/prisoners/\(obligation.prisonerID.uuidString)"
        if obligation.rule == .captureCard { return ("\(prisoner)/capture-card", "obligations.action.card") }
        if outbox, obligation.fulfilledBy.contains(.notification) { return ("/outbox", "obligations.action.outbox") }
        if let kind = obligation.fulfilledBy.first(where: { EventPage.supportedKinds.contains($0) }) {
            return ("\(prisoner)/events/new?kind=\(kind.rawValue)", "event.\(kind.rawValue)")
        }
        return ("\(prisoner)/obligations", "obligations.action.record")
    }
}

/// One line of the counts-per-rule summary.
struct RuleCount: Encodable {
    var rule: String
    var label: String
    var article: String
    var overdue: Int
    var due: Int
    var open: Int
    var closed: Int

    /// A rule by its name and article in the page language: "Картка про взяття в полон (ст. 70)".
    static func label(_ rule: RuleID, catalog: Catalog, language: String) -> String {
        "\(catalog.text("rulename.\(rule.rawValue)", language)) (\(catalog.text("obligations.art", language)) \(RuleCatalogue.rule(rule).article))"
    }

    static func table(_ counts: [RuleID: [ObligationStatus: Int]], catalog: Catalog, language: String) -> [RuleCount] {
        counts.keys.sorted().map { rule in
            let row = counts[rule] ?? [:]
            return RuleCount(rule: rule.rawValue, label: label(rule, catalog: catalog, language: language), article: RuleCatalogue.rule(rule).article, overdue: row[.overdue] ?? 0,
                             due: row[.due] ?? 0, open: row[.notYetDue] ?? 0,
                             closed: (row[.fulfilled] ?? 0) + (row[.waived] ?? 0))
        }
    }
}
