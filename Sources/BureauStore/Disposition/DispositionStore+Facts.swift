import BureauCore
import Fluent
import Foundation

extension DispositionStore {
    /// Everything the legal guards read about one prisoner, loaded inside the caller's transaction.
    static func facts(of prisonerID: UUID, on db: any Database, cipher: FieldCipher) async throws -> DispositionFacts {
        let model = try await RegistryStore.load(prisonerID, on: db)
        var facts = DispositionFacts(prisoner: try model.domain())
        facts.read(timeline: try await EventStorage.events(of: prisonerID, on: db, cipher: cipher, reveal: false))
        facts.willStatements = try await willStatements(of: prisonerID, on: db, cipher: cipher)
        facts.riskAssessments = try await rows(RiskAssessmentsTable.self, of: prisonerID, on: db, as: RiskAssessment.self)
        facts.article12Assessments = try await rows(Article12Table.self, of: prisonerID, on: db, as: Article12Assessment.self)
        facts.medicalEligibility = try await rows(EligibilityTable.self, of: prisonerID, on: db,
                                                  as: MedicalRepatriationEligibility.self)
        facts.exitChecklist = try await rows(ExitChecklistTable.self, of: prisonerID, on: db, as: ExitChecklist.self).last
        facts.partyRoles = try await rows(PartyRolesTable.self, of: prisonerID, on: db, as: PartyRoleAssignment.self)
        facts.parties = try await DispositionRow<PartiesTable>.query(on: db).sort(\.$at).all().map { try $0.decode(Party.self) }
        facts.consultations = try await DispositionRow<ConsultationsTable>.query(on: db).sort(\.$at).all()
            .map { try $0.decode(Consultation.self) }
            .filter { $0.prisonerIDs.contains(prisonerID) }
        return facts
    }

    /// The facts for a case: the prisoner's, with the exchange agreement when the case belongs to one.
    static func facts(for dispositionCase: DispositionCase, on db: any Database,
                      cipher: FieldCipher) async throws -> DispositionFacts {
        var facts = try await facts(of: dispositionCase.prisonerID, on: db, cipher: cipher)
        if let exchangeID = dispositionCase.exchangeID {
            facts.exchangeAgreement = try await loadExchange(exchangeID, on: db).agreement
        }
        return facts
    }

    /// Consultations that concern a case or its prisoner, in date order.
    static func consultations(concerning dispositionCase: DispositionCase, on db: any Database) async throws -> [Consultation] {
        try await DispositionRow<ConsultationsTable>.query(on: db).sort(\.$at).all()
            .map { try $0.decode(Consultation.self) }
            .filter { $0.caseIDs.contains(dispositionCase.id) || $0.prisonerIDs.contains(dispositionCase.prisonerID) }
    }
}
