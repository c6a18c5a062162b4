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
    case auditor
    case administrator
}

/// Classes of registry data with different readers (gc3.md §5: minimisation, field-level access).
public enum FieldClass: String, Sendable, Codable, CaseIterable {
    /// Art. 17 identity, capture, custody, documents.
    case core
    case health
    case interviews
    /// Will statements and asylum wishes: the most restricted.
    case will
    case effects
}

/// What a role may do. Kept as data so the matrix can be printed and reviewed by a legal officer.
public enum Permission: String, Sendable, Codable, CaseIterable {
    case readRegistry = "read_registry"
    case registerPrisoner = "register_prisoner"
    case recordClaim = "record_claim"
    case readAudit = "read_audit"
    case manageUsers = "manage_users"
}

public struct AccessPolicy: Sendable {
    public static func permissions(of role: Role) -> Set<Permission> {
        switch role {
        case .registrar: return [.readRegistry, .registerPrisoner, .recordClaim]
        case .medicalOfficer, .campOfficer, .legalOfficer, .approver, .liaisonOfficer, .icrcDelegate:
            return [.readRegistry]
        case .investigator: return [.readRegistry, .recordClaim]
        case .auditor: return [.readAudit]
        case .administrator: return [.manageUsers]
        }
    }

    public static func readableClasses(of role: Role) -> Set<FieldClass> {
        switch role {
        case .registrar: return [.core, .effects]
        case .medicalOfficer: return [.core, .health]
        case .campOfficer: return [.core, .effects]
        case .legalOfficer: return [.core, .health, .interviews, .will, .effects]
        case .approver: return [.core, .health, .will]
        case .liaisonOfficer: return [.core]
        case .icrcDelegate: return [.core, .health]
        case .investigator: return [.core, .interviews]
        case .auditor, .administrator: return []
        }
    }

    /// Which timeline entries a role may record. Interviews are recorded only by those who conduct them.
    public static func writableEventKinds(of role: Role) -> Set<EventKind> {
        switch role {
        case .registrar: return [.capture, .custodyMove, .document, .effects, .money, .languageAssessment, .moneyRegistration]
        case .medicalOfficer: return medicalKinds.union([.medical])
        case .campOfficer: return campKinds.union([.custodyMove, .effects, .money])
        case .investigator: return [.interview, .document]
        case .legalOfficer: return legalKinds.union([.interview])
        case .liaisonOfficer: return liaisonKinds
        case .approver: return [.waiver]
        default: return []
        }
    }

    /// Correspondence, transfers, custody changes, visits and representatives: the camp's daily record.
    static let campKinds: Set<EventKind> = [
        .captureCard, .correspondence, .censorship, .correspondenceForms, .transferOrder, .transferNotice,
        .transferList, .escape, .recapture, .release, .repatriation, .death, .visitRequest, .visit,
        .representativeElection, .representativeMandateEnd, .moneyRegistration, .languageAssessment,
        .disciplinaryAward, .punishmentExecution, .confinement,
    ]
    /// Health: clearances, certificates, Mixed Medical Commissions, deaths and their certificates.
    static let medicalKinds: Set<EventKind> = [
        .medicalClearance, .certificateRequest, .seriousInjury, .mmcExamination, .mmcDecision, .death,
        .deathCertificate,
    ]
    /// Notices to the CTA and the Protecting Power (the outbox records them when sent), and visits.
    static let liaisonKinds: Set<EventKind> = [.notification, .visitRequest, .visit]
    /// Discipline, judicial steps, holds, inquiries, refusals of visits and waivers.
    static let legalKinds: Set<EventKind> = [
        .disciplinaryAward, .punishmentExecution, .confinement, .judicialCharge, .trialSchedule, .judgment,
        .repatriationHold, .officialInquiry, .visitRefusal, .waiver, .notification,
    ]

    public static func allows(_ role: Role, _ permission: Permission) -> Bool {
        permissions(of: role).contains(permission)
    }

    public static func canRead(_ role: Role, _ fieldClass: FieldClass) -> Bool {
        readableClasses(of: role).contains(fieldClass)
    }

    public static func canRecord(_ role: Role, _ kind: EventKind) -> Bool {
        writableEventKinds(of: role).contains(kind)
    }
}
