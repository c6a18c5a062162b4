import Foundation

/// One dated entry in a prisoner's timeline.
///
/// Entries are never edited: a correction is a new entry whose `supersedes` names the
/// entry it replaces. Obligations (GC III clocks) are derived from the effective timeline.
public struct TimelineEvent: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var prisonerID: UUID
    public var occurredAt: Date
    public var recordedAt: Date
    public var recordedBy: String
    public var supersedes: UUID?
    public var payload: EventPayload

    public init(id: UUID, prisonerID: UUID, occurredAt: Date, recordedAt: Date, recordedBy: String,
                supersedes: UUID? = nil, payload: EventPayload) {
        self.id = id
        self.prisonerID = prisonerID
        self.occurredAt = occurredAt
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
        self.supersedes = supersedes
        self.payload = payload
    }

    public var kind: EventKind { payload.kind }
}

public enum EventKind: String, Sendable, Codable, CaseIterable {
    case capture
    case custodyMove = "custody_move"
    case medical
    case document
    case effects
    case money
    case interview
    // Convention clocks (issue 4): triggers and fulfilments of GC III obligations.
    case captureCard = "capture_card"
    case notification
    case correspondence
    case censorship
    case correspondenceForms = "correspondence_forms"
    case transferOrder = "transfer_order"
    case transferNotice = "transfer_notice"
    case transferList = "transfer_list"
    case medicalClearance = "medical_clearance"
    case certificateRequest = "certificate_request"
    case seriousInjury = "serious_injury"
    case mmcExamination = "mmc_examination"
    case mmcDecision = "mmc_decision"
    case death
    case deathCertificate = "death_certificate"
    case officialInquiry = "official_inquiry"
    case escape
    case recapture
    case release
    case repatriation
    case repatriationHold = "repatriation_hold"
    case disciplinaryAward = "disciplinary_award"
    case punishmentExecution = "punishment_execution"
    case confinement
    case judicialCharge = "judicial_charge"
    case trialSchedule = "trial_schedule"
    case judgment
    case visitRequest = "visit_request"
    case visit
    case visitRefusal = "visit_refusal"
    case representativeElection = "representative_election"
    case representativeMandateEnd = "representative_mandate_end"
    case languageAssessment = "language_assessment"
    case moneyRegistration = "money_registration"
    case waiver
}

/// The content of a timeline entry; the case names the kind.
public enum EventPayload: Sendable, Hashable {
    case capture(Capture)
    case custodyMove(CustodyMove)
    case medical(MedicalEntry)
    case document(HeldDocument)
    case effects(EffectsSeizure)
    case money(MoneySeizure)
    case interview(Interview)
    case captureCard(CaptureCardEntry)
    case notification(NotificationEntry)
    case correspondence(CorrespondenceItem)
    case censorship(CensorshipEntry)
    case correspondenceForms(CorrespondenceForms)
    case transferOrder(TransferOrder)
    case transferNotice(TransferNotice)
    case transferList(TransferList)
    case medicalClearance(MedicalClearance)
    case certificateRequest(CertificateRequest)
    case seriousInjury(SeriousInjury)
    case mmcExamination(MMCExamination)
    case mmcDecision(MMCDecision)
    case death(DeathEntry)
    case deathCertificate(DeathCertificate)
    case officialInquiry(OfficialInquiry)
    case escape(EscapeEntry)
    case recapture(RecaptureEntry)
    case release(ReleaseEntry)
    case repatriation(RepatriationEntry)
    case repatriationHold(RepatriationHold)
    case disciplinaryAward(DisciplinaryAward)
    case punishmentExecution(PunishmentExecution)
    case confinement(ConfinementEntry)
    case judicialCharge(JudicialCharge)
    case trialSchedule(TrialSchedule)
    case judgment(JudgmentEntry)
    case visitRequest(VisitRequest)
    case visit(VisitEntry)
    case visitRefusal(VisitRefusal)
    case representativeElection(RepresentativeElection)
    case representativeMandateEnd(RepresentativeMandateEnd)
    case languageAssessment(LanguageAssessment)
    case moneyRegistration(MoneyRegistration)
    case waiver(ObligationWaiver)

    public var kind: EventKind {
        switch self {
        case .capture: return .capture
        case .custodyMove: return .custodyMove
        case .medical: return .medical
        case .document: return .document
        case .effects: return .effects
        case .money: return .money
        case .interview: return .interview
        case .captureCard: return .captureCard
        case .notification: return .notification
        case .correspondence: return .correspondence
        case .censorship: return .censorship
        case .correspondenceForms: return .correspondenceForms
        case .transferOrder: return .transferOrder
        case .transferNotice: return .transferNotice
        case .transferList: return .transferList
        case .medicalClearance: return .medicalClearance
        case .certificateRequest: return .certificateRequest
        case .seriousInjury: return .seriousInjury
        case .mmcExamination: return .mmcExamination
        case .mmcDecision: return .mmcDecision
        case .death: return .death
        case .deathCertificate: return .deathCertificate
        case .officialInquiry: return .officialInquiry
        case .escape: return .escape
        case .recapture: return .recapture
        case .release: return .release
        case .repatriation: return .repatriation
        case .repatriationHold: return .repatriationHold
        case .disciplinaryAward: return .disciplinaryAward
        case .punishmentExecution: return .punishmentExecution
        case .confinement: return .confinement
        case .judicialCharge: return .judicialCharge
        case .trialSchedule: return .trialSchedule
        case .judgment: return .judgment
        case .visitRequest: return .visitRequest
        case .visit: return .visit
        case .visitRefusal: return .visitRefusal
        case .representativeElection: return .representativeElection
        case .representativeMandateEnd: return .representativeMandateEnd
        case .languageAssessment: return .languageAssessment
        case .moneyRegistration: return .moneyRegistration
        case .waiver: return .waiver
        }
    }
}

extension EventPayload: Codable {
    private enum CodingKeys: String, CodingKey { case kind, data }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(EventKind.self, forKey: .kind)
        self = try EventPayload.decode(kind: kind, from: container.superDecoder(forKey: .data))
    }

    /// Decodes the data of an entry whose kind is already known (the kind is a column in storage).
    public static func decode(kind: EventKind, from decoder: any Decoder) throws -> EventPayload {
        switch kind {
        case .capture: return .capture(try Capture(from: decoder))
        case .custodyMove: return .custodyMove(try CustodyMove(from: decoder))
        case .medical: return .medical(try MedicalEntry(from: decoder))
        case .document: return .document(try HeldDocument(from: decoder))
        case .effects: return .effects(try EffectsSeizure(from: decoder))
        case .money: return .money(try MoneySeizure(from: decoder))
        case .interview: return .interview(try Interview(from: decoder))
        case .captureCard: return .captureCard(try CaptureCardEntry(from: decoder))
        case .notification: return .notification(try NotificationEntry(from: decoder))
        case .correspondence: return .correspondence(try CorrespondenceItem(from: decoder))
        case .censorship: return .censorship(try CensorshipEntry(from: decoder))
        case .correspondenceForms: return .correspondenceForms(try CorrespondenceForms(from: decoder))
        case .transferOrder: return .transferOrder(try TransferOrder(from: decoder))
        case .transferNotice: return .transferNotice(try TransferNotice(from: decoder))
        case .transferList: return .transferList(try TransferList(from: decoder))
        case .medicalClearance: return .medicalClearance(try MedicalClearance(from: decoder))
        case .certificateRequest: return .certificateRequest(try CertificateRequest(from: decoder))
        case .seriousInjury: return .seriousInjury(try SeriousInjury(from: decoder))
        case .mmcExamination: return .mmcExamination(try MMCExamination(from: decoder))
        case .mmcDecision: return .mmcDecision(try MMCDecision(from: decoder))
        case .death: return .death(try DeathEntry(from: decoder))
        case .deathCertificate: return .deathCertificate(try DeathCertificate(from: decoder))
        case .officialInquiry: return .officialInquiry(try OfficialInquiry(from: decoder))
        case .escape: return .escape(try EscapeEntry(from: decoder))
        case .recapture: return .recapture(try RecaptureEntry(from: decoder))
        case .release: return .release(try ReleaseEntry(from: decoder))
        case .repatriation: return .repatriation(try RepatriationEntry(from: decoder))
        case .repatriationHold: return .repatriationHold(try RepatriationHold(from: decoder))
        case .disciplinaryAward: return .disciplinaryAward(try DisciplinaryAward(from: decoder))
        case .punishmentExecution: return .punishmentExecution(try PunishmentExecution(from: decoder))
        case .confinement: return .confinement(try ConfinementEntry(from: decoder))
        case .judicialCharge: return .judicialCharge(try JudicialCharge(from: decoder))
        case .trialSchedule: return .trialSchedule(try TrialSchedule(from: decoder))
        case .judgment: return .judgment(try JudgmentEntry(from: decoder))
        case .visitRequest: return .visitRequest(try VisitRequest(from: decoder))
        case .visit: return .visit(try VisitEntry(from: decoder))
        case .visitRefusal: return .visitRefusal(try VisitRefusal(from: decoder))
        case .representativeElection: return .representativeElection(try RepresentativeElection(from: decoder))
        case .representativeMandateEnd: return .representativeMandateEnd(try RepresentativeMandateEnd(from: decoder))
        case .languageAssessment: return .languageAssessment(try LanguageAssessment(from: decoder))
        case .moneyRegistration: return .moneyRegistration(try MoneyRegistration(from: decoder))
        case .waiver: return .waiver(try ObligationWaiver(from: decoder))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try encodeData(to: container.superEncoder(forKey: .data))
    }

    /// Encodes only the data, without the kind.
    public func encodeData(to encoder: any Encoder) throws {
        switch self {
        case .capture(let value): try value.encode(to: encoder)
        case .custodyMove(let value): try value.encode(to: encoder)
        case .medical(let value): try value.encode(to: encoder)
        case .document(let value): try value.encode(to: encoder)
        case .effects(let value): try value.encode(to: encoder)
        case .money(let value): try value.encode(to: encoder)
        case .interview(let value): try value.encode(to: encoder)
        case .captureCard(let value): try value.encode(to: encoder)
        case .notification(let value): try value.encode(to: encoder)
        case .correspondence(let value): try value.encode(to: encoder)
        case .censorship(let value): try value.encode(to: encoder)
        case .correspondenceForms(let value): try value.encode(to: encoder)
        case .transferOrder(let value): try value.encode(to: encoder)
        case .transferNotice(let value): try value.encode(to: encoder)
        case .transferList(let value): try value.encode(to: encoder)
        case .medicalClearance(let value): try value.encode(to: encoder)
        case .certificateRequest(let value): try value.encode(to: encoder)
        case .seriousInjury(let value): try value.encode(to: encoder)
        case .mmcExamination(let value): try value.encode(to: encoder)
        case .mmcDecision(let value): try value.encode(to: encoder)
        case .death(let value): try value.encode(to: encoder)
        case .deathCertificate(let value): try value.encode(to: encoder)
        case .officialInquiry(let value): try value.encode(to: encoder)
        case .escape(let value): try value.encode(to: encoder)
        case .recapture(let value): try value.encode(to: encoder)
        case .release(let value): try value.encode(to: encoder)
        case .repatriation(let value): try value.encode(to: encoder)
        case .repatriationHold(let value): try value.encode(to: encoder)
        case .disciplinaryAward(let value): try value.encode(to: encoder)
        case .punishmentExecution(let value): try value.encode(to: encoder)
        case .confinement(let value): try value.encode(to: encoder)
        case .judicialCharge(let value): try value.encode(to: encoder)
        case .trialSchedule(let value): try value.encode(to: encoder)
        case .judgment(let value): try value.encode(to: encoder)
        case .visitRequest(let value): try value.encode(to: encoder)
        case .visit(let value): try value.encode(to: encoder)
        case .visitRefusal(let value): try value.encode(to: encoder)
        case .representativeElection(let value): try value.encode(to: encoder)
        case .representativeMandateEnd(let value): try value.encode(to: encoder)
        case .languageAssessment(let value): try value.encode(to: encoder)
        case .moneyRegistration(let value): try value.encode(to: encoder)
        case .waiver(let value): try value.encode(to: encoder)
        }
    }
}
