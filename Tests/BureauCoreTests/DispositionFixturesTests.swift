import Foundation
import Testing
@testable import BureauCore

/// The demo registry of issue 5, pinned: two prisoners captured in the Kursk region.
/// "Ri" asks for the ROK and faces a documented serious risk in the DPRK; "Petrov" lost a hand
/// and asks to go home to Russia.
enum DispositionDemo {
    static func date(_ text: String) -> Date {
        try! Date(text + "T10:00:00Z", strategy: .iso8601)
    }

    static func id(_ n: Int) -> UUID { UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", n))! }

    static let capture = date("2025-01-09")
    static let now = date("2026-06-01")

    // Staff
    static let author = StaffMember("lo.kovalenko", roles: [.legalOfficer])
    static let liaison = StaffMember("li.bondar", roles: [.liaisonOfficer])
    static let approverA = StaffMember("ap.shevchenko", roles: [.approver])
    static let approverB = StaffMember("ap.melnyk", roles: [.approver])
    static let camp = StaffMember("co.tkachenko", roles: [.campOfficer])
    static let registrar = StaffMember("rg.savchenko", roles: [.registrar])

    // Parties
    static let ukraine = Party(id: id(901), name: "Ukraine", kind: .state, stateCode: "UKR")
    static let dprk = Party(id: id(902), name: "DPRK", kind: .state, stateCode: "PRK")
    static let russia = Party(id: id(903), name: "Russian Federation", kind: .state, stateCode: "RUS")
    static let rok = Party(id: id(904), name: "Republic of Korea", kind: .state, stateCode: "KOR")
    static let icrc = Party(id: id(905), name: "ICRC", kind: .organisation, isICRC: true)
    static let parties = [ukraine, dprk, russia, rok, icrc]

    // Prisoners
    static let ri = Prisoner(id: id(1), internmentNumber: "UA-2025-0001",
                             powerDependedOn: PowerAllegiance(power: "PRK", contested: true,
                                                              rationale: "KPA unit deployed by the DPRK; served in Russian uniform"),
                             forcesServedWith: "RUS", languages: ["ko"], answersOnlyInWriting: true,
                             registeredAt: capture, registeredBy: "rg.savchenko")
    static let petrov = Prisoner(id: id(2), internmentNumber: "UA-2025-0002",
                                 powerDependedOn: PowerAllegiance(power: "RUS"), forcesServedWith: "RUS",
                                 languages: ["ru"], registeredAt: capture, registeredBy: "rg.savchenko")

    static let independentInterpreter = Interview.Interpreter(name: "Anna Pak", affiliation: "ICRC-contracted interpreter")
    static let icrcDelegate = WillStatement.Witness(name: "M. Keller", affiliation: "ICRC", isICRCDelegate: true)

    static func will(_ prisoner: Prisoner, _ answer: WillAnswer, n: Int, at: Date = date("2026-05-10"),
                     language: String? = nil, interpreter: Interview.Interpreter? = independentInterpreter,
                     privateInterview: Bool = true, supersedes: UUID? = nil) -> WillStatement {
        WillStatement(id: id(n), prisonerID: prisoner.id, statedAt: at,
                      question: "Where do you want to go when you leave captivity?", answer: answer,
                      ownWords: answer == .returnHome ? "Хочу домой." : "대한민국으로 가고 싶습니다. 돌아가면 살아남지 못합니다.",
                      translation: answer == .returnHome ? "I want to go home." : "I want to go to South Korea. I would not survive a return.",
                      language: language ?? prisoner.languages[0], interpreter: interpreter,
                      witnesses: privateInterview ? [icrcDelegate] : [], privateInterview: privateInterview,
                      mode: .written, supersedes: supersedes, recordedBy: "lo.kovalenko", recordedAt: at)
    }

    static func risk(_ prisoner: Prisoner, _ route: Route, _ outcome: RiskAssessment.Outcome, n: Int,
                     at: Date = date("2026-05-12"), reviewer: String? = "lo.hrytsenko") -> RiskAssessment {
        RiskAssessment(id: id(n), prisonerID: prisoner.id, route: route,
                       risksConsidered: Set(RiskAssessment.Risk.allCases),
                       sources: ["OHCHR statement 13 May 2026", "defector testimony (Hankook Ilbo/DW)"],
                       findings: outcome == .seriousRisk ? "Capture treated as treason; family reprisals reported." : "No indication of risk.",
                       outcome: outcome, assessor: "lo.kovalenko", reviewer: reviewer, assessedAt: at)
    }

    static func article12(_ prisoner: Prisoner, _ power: String, n: Int, satisfied: Bool = true) -> Article12Assessment {
        Article12Assessment(id: id(n), prisonerID: prisoner.id, receivingPower: power, partyToConvention: true,
                            willing: satisfied, able: true, basis: "Note verbale of the ROK MFA, March 2025",
                            assessor: "lo.kovalenko", assessedAt: date("2026-05-20"))
    }

    static let done = ExitChecklist(finalStatementIssued: true, valuablesResolved: true)

    /// Ri's record: a third-party Russian ID, contested Power, wishes the ROK, serious risk at home.
    static func riFacts() -> DispositionFacts {
        DispositionFacts(
            prisoner: ri, capturedAt: capture,
            documents: [HeldDocument(documentType: "Russian military ID", issuer: "RUS", nameShown: "Ондар А. С.",
                                     authenticity: .thirdParty, custody: .evidence)],
            willStatements: [will(ri, .thirdState("KOR"), n: 101)],
            riskAssessments: [risk(ri, Route(destination: "PRK", transit: ["RUS"]), .seriousRisk, n: 111),
                              risk(ri, Route(destination: "KOR"), .noSeriousRisk, n: 112)],
            parties: parties,
            partyRoles: [
                PartyRoleAssignment(partyID: ukraine.id, prisonerID: ri.id, role: .detainingPower),
                PartyRoleAssignment(partyID: dprk.id, prisonerID: ri.id, role: .powerDependedOn, contested: true,
                                    rationale: "KPA deployment acknowledged April 2025"),
                PartyRoleAssignment(partyID: russia.id, prisonerID: ri.id, role: .forcesServedWith),
                PartyRoleAssignment(partyID: rok.id, prisonerID: ri.id, role: .thirdState),
                PartyRoleAssignment(partyID: icrc.id, prisonerID: ri.id, role: .icrc),
            ],
            exitChecklist: done)
    }

    /// Petrov's record: a genuine ID, seriously wounded, Art. 110(1)(3) obvious case, wishes to go home.
    static func petrovFacts() -> DispositionFacts {
        DispositionFacts(
            prisoner: petrov, capturedAt: date("2025-03-02"), seriouslyIll: true,
            documents: [HeldDocument(documentType: "Russian military ID", issuer: "RUS", nameShown: "Петров И. И.",
                                     authenticity: .genuine, custody: .withPrisoner)],
            willStatements: [will(petrov, .returnHome, n: 201)],
            riskAssessments: [risk(petrov, Route(destination: "RUS"), .noSeriousRisk, n: 211)],
            medicalEligibility: [MedicalRepatriationEligibility(
                id: id(221), prisonerID: petrov.id, category: .recoveredPermanentlyDiminished,
                annexIReference: "Annex I A.3(a): loss of a hand", obviousCase: true,
                decidedAt: date("2026-04-01"), decidedBy: "Dr. O. Lysenko")],
            parties: parties,
            partyRoles: [PartyRoleAssignment(partyID: russia.id, prisonerID: petrov.id, role: .powerDependedOn)],
            exitChecklist: done)
    }

    /// A plain prisoner who may be exchanged: wants to go home to Russia, no risk found.
    static func exchangeable(_ n: Int, capturedAt: Date, seriouslyIll: Bool = false) -> DispositionFacts {
        let prisoner = Prisoner(id: id(n), internmentNumber: "UA-2025-\(n)", powerDependedOn: PowerAllegiance(power: "RUS"),
                                forcesServedWith: "RUS", languages: ["ru"], registeredAt: capturedAt, registeredBy: "rg")
        return DispositionFacts(
            prisoner: prisoner, capturedAt: capturedAt, seriouslyIll: seriouslyIll,
            documents: [HeldDocument(documentType: "Military ID", authenticity: .genuine, custody: .withPrisoner)],
            willStatements: [will(prisoner, .returnHome, n: n * 10 + 1)],
            riskAssessments: [risk(prisoner, Route(destination: "RUS"), .noSeriousRisk, n: n * 10 + 2)],
            medicalEligibility: seriouslyIll ? [MedicalRepatriationEligibility(
                id: id(n * 10 + 3), prisonerID: prisoner.id, category: .noRecoveryWithinYear,
                commissionDecision: .notConfirmed, decidedAt: date("2026-04-01"), decidedBy: "MMC 2")] : [],
            parties: parties, exitChecklist: done)
    }

    static func keys(_ results: [GuardResult]) -> Set<String> { Set(results.blocking.map(\.key)) }

    static func refusal<T>(_ body: () throws(TransitionRefusal) -> T) -> TransitionRefusal? {
        do { _ = try body(); return nil } catch { return error }
    }

    static func domainError<T>(_ body: () throws(DomainError) -> T) -> DomainError? {
        do { _ = try body(); return nil } catch { return error }
    }
}

@Suite struct DispositionFixturesTests {
    @Test func demoFactsAreWellFormed() throws {
        let ri = DispositionDemo.riFacts()
        #expect(ri.originPowers == ["PRK", "RUS"])
        #expect(ri.powerDependedOnContested)
        #expect(ri.currentWill(at: DispositionDemo.now)?.answer == .thirdState("KOR"))
        #expect(DispositionDemo.petrovFacts().currentEligibility(at: DispositionDemo.now)?.eligibleForRepatriation == true)
    }
}
