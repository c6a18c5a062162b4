import BureauCore
import BureauStore
import Vapor

/// The prisoner page's lists of his future (issue 8, item 5): will statements, risk and Art. 12
/// assessments, consultations and cases, as `DispositionStore.dossier` lets this reader see them.
struct PrisonerDossierSection: Encodable {
    struct Line: Encodable {
        var date: String
        /// Catalogue keys shown in the page language.
        var keys: [String]
        var cells: [String]
        var note: String
        var link: String
    }

    var wills: [Line]
    var risks: [Line]
    var article12: [Line]
    var consultations: [Line]
    var cases: [Line]
    var any: Bool
    var hasWills: Bool { !wills.isEmpty }
    var hasRisks: Bool { !risks.isEmpty }
    var hasArticle12: Bool { !article12.isEmpty }
    var hasConsultations: Bool { !consultations.isEmpty }
    var hasCases: Bool { !cases.isEmpty }

    private enum CodingKeys: String, CodingKey {
        case wills, risks, article12, consultations, cases, any, hasWills, hasRisks, hasArticle12, hasConsultations, hasCases
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(wills, forKey: .wills)
        try container.encode(risks, forKey: .risks)
        try container.encode(article12, forKey: .article12)
        try container.encode(consultations, forKey: .consultations)
        try container.encode(cases, forKey: .cases)
        try container.encode(any, forKey: .any)
        try container.encode(hasWills, forKey: .hasWills)
        try container.encode(hasRisks, forKey: .hasRisks)
        try container.encode(hasArticle12, forKey: .hasArticle12)
        try container.encode(hasConsultations, forKey: .hasConsultations)
        try container.encode(hasCases, forKey: .hasCases)
    }

    init(_ dossier: PrisonerDossier, request: Request, names: [String: String]) {
        let text = DispositionText(request: request)
        func person(_ username: String) -> String { names[username] ?? username }
        wills = dossier.willStatements.reversed().map {
            Line(date: text.date($0.statedAt), keys: ["willmode.\($0.mode.rawValue)"], cells: [text.answer($0.answer), PlaceNames.language($0.language, language: text.language)],
                 note: "", link: "")
        }
        risks = dossier.riskAssessments.reversed().map {
            Line(date: text.date($0.assessedAt), keys: ["riskoutcome.\($0.outcome.rawValue)"],
                 cells: [PlaceNames.countries(in: $0.route.description, language: text.language), person($0.assessor)], note: $0.findings ?? "", link: "")
        }
        article12 = dossier.article12Assessments.reversed().map {
            Line(date: text.date($0.assessedAt), keys: [],
                 cells: [PlaceNames.country($0.receivingPower, language: text.language),
                         "\(text.text("case.willing")): \(text.text($0.willing ? "common.yes" : "common.no"))",
                         "\(text.text("case.able")): \(text.text($0.able ? "common.yes" : "common.no"))"],
                 note: $0.basis, link: "")
        }
        let parties = Dictionary(dossier.parties.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        consultations = dossier.consultations.reversed().map {
            Line(date: text.date($0.date), keys: ["consultation.\($0.direction.rawValue)", "consultation.\($0.kind.rawValue)"],
                 cells: [parties[$0.partyID] ?? "—"], note: $0.summary, link: "")
        }
        cases = dossier.cases.map {
            Line(date: text.date($0.createdAt), keys: ["casekind.\($0.kind.rawValue)", "casestate.\($0.state.rawValue)"],
                 cells: [], note: "", link: "/cases/\($0.id.uuidString)")
        }
        any = !(wills.isEmpty && risks.isEmpty && article12.isEmpty && consultations.isEmpty && cases.isEmpty)
    }
}
