/// Staff roles (design.md). A role decides which routes a user may call and which classes of
/// data he may read; the administrator manages accounts and sees no case data.
public enum Role: String, Sendable, Codable, CaseIterable {
    case registrar
    case medicalOfficer = "medical_officer"
    case campOfficer = "camp_officer"
    case legalOfficer = "legal_officer"
    case approver
    case liaisonOfficer = "liaison_officer"
    /// External and scoped: reads core identity and health for visits and tracing.
    case icrcDelegate = "icrc_delegate"
    case investigator
    /// Art. 122(7): records, matches and answers enquiries about prisoners; reads core identity.
    case tracingOfficer = "tracing_officer"
    case auditor
    case administrator
}
