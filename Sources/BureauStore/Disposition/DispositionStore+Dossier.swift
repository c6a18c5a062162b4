import BureauCore
import Fluent
import Foundation

/// What a prisoner's page lists of his future (issue 8, item 5): his will statements, risk and
/// Art. 12 assessments, consultations and cases, each only to a reader whose role may read its class.
public struct PrisonerDossier: Sendable {
    public var willStatements: [WillStatement] = []
    public var riskAssessments: [RiskAssessment] = []
    public var article12Assessments: [Article12Assessment] = []
    public var consultations: [Consultation] = []
    /// The parties this reader may see, to name a consultation's counterpart.
    public var parties: [Party] = []
    public var cases: [DispositionCase] = []
}

extension DispositionStore {
    /// One prisoner's disposition records as this reader may see them. Audited as a read of the
    /// classes shown (a will statement is read here as surely as on its case).
    public func dossier(of prisonerID: UUID, by principal: Principal, purpose: String? = nil) async throws -> PrisonerDossier {
        try await require(principal, .readRegistry, action: "dossier.read", entity: "prisoner", entityID: prisonerID)
        let need = NeedToKnow(principal.role)
        let classes = AccessPolicy.readableClasses(of: principal.role).intersection([.will, .risk, .core])
        let audit = record(principal, "dossier.read", entity: "prisoner", id: prisonerID, purpose: purpose,
                           detail: "classes=" + classes.map(\.rawValue).sorted().joined(separator: ","))
        let cipher = context.cipher
        return try await context.audited(audit) { tx in
            let facts = try await Self.facts(of: prisonerID, on: tx, cipher: cipher)
            var dossier = PrisonerDossier()
            dossier.willStatements = need.visible(WillStatement.chronological(facts.willStatements))
            dossier.riskAssessments = need.visible(facts.riskAssessments)
            dossier.article12Assessments = need.visible(facts.article12Assessments)
            dossier.consultations = need.visible(facts.consultations)
            dossier.parties = need.visible(facts.parties, roles: facts.partyRoles)
            let cases = try await DispositionRow<CasesTable>.query(on: tx).filter(\.$prisonerID == prisonerID)
                .sort(\.$at, .descending).all().map { try $0.decode(DispositionCase.self) }
            dossier.cases = cases.filter { WillDisclosure.mayLearnOf($0, recipient: .staff(principal.role), facts: facts) }
            return dossier
        }
    }
}
