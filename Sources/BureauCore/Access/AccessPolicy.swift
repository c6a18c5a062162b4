/// What a role may do. Kept as data so the matrix can be printed and reviewed by a legal officer:
/// every route of the API and every page names one permission, and nothing else decides who may call it.
public enum Permission: String, Sendable, Codable, CaseIterable {
    case readRegistry = "read_registry"
    case registerPrisoner = "register_prisoner"
    case recordClaim = "record_claim"
    /// Record at least one kind of timeline entry (`AccessPolicy.writableEventKinds`).
    case recordEvent = "record_event"
    case readAudit = "read_audit"
    case manageUsers = "manage_users"
    /// Take a will statement (those who conduct interviews).
    case recordWill = "record_will"
    /// Read will statements: derived from `FieldClass.will`.
    case readWill = "read_will"
    /// Record non-refoulement risk and Art. 12 assessments.
    case assessRisk = "assess_risk"
    /// Record an Art. 110 / Annex I eligibility decision.
    case decideEligibility = "decide_eligibility"
    /// Record the Art. 66 statement and valuables checked at the hand-over.
    case recordExitChecklist = "record_exit_checklist"
    /// Deal with other parties: register parties, log consultations, open cases and exchanges, import lists.
    case liaise
    case readExchanges = "read_exchanges"
    /// Take part in moving a case (each transition's own rule is `DispositionWorkflow`'s).
    case moveCase = "move_case"
    case requestOverride = "request_override"
    case confirmOverride = "confirm_override"
    /// Record a hand-over and the reconciliation after a crossing.
    case recordHandover = "record_handover"
    /// Send Art. 122 notices: the outbox (derived from who may record a notification).
    case operateOutbox = "operate_outbox"
    /// Read enquiries (Art. 122(7)) and their answers, and see them on a prisoner's record.
    case readEnquiries = "read_enquiries"
    /// Record, match, confirm (four eyes: never one's own outcome) and answer enquiries; import bulk lists.
    case traceEnquiries = "trace_enquiries"
    /// Record a media release request on behalf of whoever asks, assess it against Art. 13, record
    /// and close breaches (guard 8; the press office holds no Bureau role and reads no case data).
    case requestRelease = "request_release"
    /// Approve or refuse a release request: the second person of guard 8.
    case decideRelease = "decide_release"
    /// Read release requests and breaches: derived from who may read the risk class, since a request
    /// may cite his risk assessments and the risk to his family.
    case readReleases = "read_releases"
    /// Record a prisoner's consent to being held apart from his group or forces (Art. 22(3), guard 10):
    /// derived from who may record a custody move, and the legal officer.
    case recordPlacementConsent = "record_placement_consent"
    /// Correct what was registered (status, Power, unit) with a reason: those who register.
    case correctRegistration = "correct_registration"
    /// Request or confirm voiding a prisoner or an entry made in error; the confirmer is never the
    /// one who asked (four eyes, checked by the store).
    case voidRecord = "void_record"
}

public struct AccessPolicy: Sendable {
    public static func permissions(of role: Role) -> Set<Permission> {
        var granted: Set<Permission>
        switch role {
        case .registrar: granted = [.readRegistry, .registerPrisoner, .recordClaim, .correctRegistration, .voidRecord]
        case .medicalOfficer: granted = [.readRegistry, .decideEligibility]
        case .campOfficer: granted = [.readRegistry, .recordExitChecklist, .moveCase, .recordHandover]
        case .legalOfficer:
            granted = [.readRegistry, .recordWill, .assessRisk, .recordExitChecklist, .liaise, .readExchanges, .moveCase,
                       .requestOverride, .recordHandover, .readEnquiries, .requestRelease, .correctRegistration, .voidRecord]
        case .approver:
            granted = [.readRegistry, .readExchanges, .moveCase, .requestOverride, .confirmOverride, .decideRelease, .voidRecord]
        case .liaisonOfficer: granted = [.readRegistry, .liaise, .readExchanges, .moveCase, .recordHandover, .readEnquiries]
        case .icrcDelegate: granted = [.readRegistry]
        case .investigator: granted = [.readRegistry, .recordClaim, .recordWill]
        case .tracingOfficer: granted = [.readRegistry, .readEnquiries, .traceEnquiries]
        case .auditor: granted = [.readAudit]
        case .administrator: granted = [.manageUsers]
        }
        if !writableEventKinds(of: role).isEmpty { granted.insert(.recordEvent) }
        if canRecord(role, .notification) { granted.insert(.operateOutbox) }
        if canRead(role, .will) { granted.insert(.readWill) }
        if canRecord(role, .custodyMove) || role == .legalOfficer { granted.insert(.recordPlacementConsent) }
        if canRead(role, .risk) && !granted.isDisjoint(with: [.requestRelease, .decideRelease]) { granted.insert(.readReleases) }
        return granted
    }

    /// Every role holding `permission`: what a route guard lets through.
    public static func roles(with permission: Permission) -> Set<Role> {
        Set(Role.allCases.filter { allows($0, permission) })
    }

    public static func readableClasses(of role: Role) -> Set<FieldClass> {
        switch role {
        case .registrar: return [.core, .effects]
        case .medicalOfficer: return [.core, .health]
        case .campOfficer: return [.core, .effects]
        case .legalOfficer: return Set(FieldClass.allCases)
        case .approver: return [.core, .health, .will, .risk]
        case .liaisonOfficer: return [.core]
        case .icrcDelegate: return [.core, .health]
        case .investigator: return [.core, .interviews]
        case .tracingOfficer: return [.core]
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
