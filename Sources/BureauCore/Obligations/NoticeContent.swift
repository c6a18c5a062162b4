import Foundation

/// What an outbound notice may say, built from an obligation met by a notification (Arts. 122, 104,
/// 107, 119, 121): the Art. 17 core identity from the assessed claim (refused items left out), his
/// internment number and the Power he depends on, and the few facts of the event the recipient needs.
/// Nothing restricted (interviews, will, asylum wishes, destinations of transfers out of custody) is ever
/// included; health facts only in the weekly health report and the certificate duplicate.
public struct NoticeContent: Sendable, Hashable, Codable {
    public var obligationID: String
    public var rule: RuleID
    public var subject: NotificationEntry.Subject
    public var recipient: Addressee
    public var prisonerID: UUID
    /// The entry the notice is about (use as `concerningEventID` when recording it sent).
    public var concerningEventID: UUID?
    public var internmentNumber: String
    public var powerDependedOn: String
    public var surname: String?
    public var firstNames: String?
    public var rank: String?
    public var dateOfBirth: PartialDate?
    public var serviceNumber: String?
    /// When the event happened.
    public var occurredAt: Date?
    /// Where: the facility arrived at, the place of recapture or death; the place of detention for trials.
    public var place: String?
    /// Judicial notices (Arts. 104, 107): the case, the court and the trial date.
    public var caseReference: String?
    public var court: String?
    public var trialAt: Date?
    public var charges: [String]?
    /// Weekly health report and certificate duplicate only: the medical summary.
    public var healthSummary: String?

    /// The content of the notice that fulfils `obligation`, or nil when no notification fulfils it.
    public static func build(for obligation: Obligation, record: PrisonerRecordSnapshot) -> NoticeContent? {
        guard let subject = obligation.noticeSubject, let recipient = obligation.owedTo.first else { return nil }
        let events = Timeline.effective(record.timeline)
        let claim = record.claims.filter { $0.prisonerID == record.prisoner.id && $0.isAssessed }
            .max { $0.recordedAt < $1.recordedAt }
        let refused = claim?.refusedItems ?? []
        func core<T>(_ value: T?, _ item: CoreIdentityItem) -> T? { refused.contains(item) ? nil : value }
        let trigger = obligation.triggerEventID.flatMap { id in events.first { $0.id == id } }
        var content = NoticeContent(
            obligationID: obligation.id, rule: obligation.rule, subject: subject, recipient: recipient,
            prisonerID: record.prisoner.id, concerningEventID: trigger?.id,
            internmentNumber: record.prisoner.internmentNumber, powerDependedOn: record.prisoner.powerDependedOn.power,
            surname: core(claim?.surname, .surname), firstNames: core(claim?.firstNames, .firstNames),
            rank: core(claim?.rank, .rank), dateOfBirth: core(claim?.dateOfBirth, .dateOfBirth),
            serviceNumber: core(claim?.serviceNumber, .serviceNumber), occurredAt: trigger?.occurredAt)
        guard let trigger else { return content }
        let facility = events.last { $0.kind == .custodyMove && $0.occurredAt <= trigger.occurredAt }?
            .payload.custodyMoveData?.facility
        switch trigger.payload {
        case .custodyMove(let move): content.place = move.facility
        case .recapture(let recapture): content.place = recapture.place
        case .death(let death): content.place = death.place
        case .capture: content.place = facility
        case .medical(let entry):
            if subject == .healthReport || subject == .certificateDuplicate { content.healthSummary = entry.summary }
        case .notification:
            // A weekly report chained on the previous one: the latest medical summary.
            if subject == .healthReport {
                content.healthSummary = events.last { $0.occurredAt <= trigger.occurredAt && $0.payload.medicalData?.summary != nil }?
                    .payload.medicalData?.summary
            }
        case .trialSchedule(let trial):
            content.place = facility
            content.caseReference = trial.caseReference
            content.court = "\(trial.court), \(trial.place)"
            content.trialAt = trial.trialAt
            content.charges = events.last { $0.payload.judicialChargeData?.caseReference == trial.caseReference }?
                .payload.judicialChargeData?.charges
        case .judgment(let judgment):
            content.place = facility
            content.caseReference = judgment.caseReference
        case .repatriationHold(let hold):
            content.caseReference = hold.caseReference
        default:
            break
        }
        return content
    }

    public init(obligationID: String, rule: RuleID, subject: NotificationEntry.Subject, recipient: Addressee,
                prisonerID: UUID, concerningEventID: UUID?, internmentNumber: String, powerDependedOn: String,
                surname: String? = nil, firstNames: String? = nil, rank: String? = nil, dateOfBirth: PartialDate? = nil,
                serviceNumber: String? = nil, occurredAt: Date? = nil, place: String? = nil,
                caseReference: String? = nil, court: String? = nil, trialAt: Date? = nil, charges: [String]? = nil,
                healthSummary: String? = nil) {
        self.obligationID = obligationID
        self.rule = rule
        self.subject = subject
        self.recipient = recipient
        self.prisonerID = prisonerID
        self.concerningEventID = concerningEventID
        self.internmentNumber = internmentNumber
        self.powerDependedOn = powerDependedOn
        self.surname = surname
        self.firstNames = firstNames
        self.rank = rank
        self.dateOfBirth = dateOfBirth
        self.serviceNumber = serviceNumber
        self.occurredAt = occurredAt
        self.place = place
        self.caseReference = caseReference
        self.court = court
        self.trialAt = trialAt
        self.charges = charges
        self.healthSummary = healthSummary
    }
}

extension Obligations {
    /// The notices owed and not yet sent (open obligations met by a notification), with their content:
    /// what the outbox should hold for this prisoner.
    public static func pendingNotices(for record: PrisonerRecordSnapshot, at now: Date,
                                      policy: ObligationPolicy = .standard) -> [NoticeContent] {
        // Sent but not yet received (Art. 104 counts receipt) is not pending: it is awaiting receipt.
        var sent: Set<String> = []
        for event in Timeline.effective(record.timeline) where event.occurredAt <= now {
            guard let notice = event.payload.notificationData, let about = notice.concerningEventID,
                  let target = Timeline.current(about, in: record.timeline) else { continue }
            sent.insert("\(notice.recipient.rawValue)|\(target.id)")
        }
        return derive(for: record, at: now, policy: policy)
            .filter { $0.status.isOpen }
            .compactMap { NoticeContent.build(for: $0, record: record) }
            .filter { content in
                guard let about = content.concerningEventID else { return true }
                return !sent.contains("\(content.recipient.rawValue)|\(about)")
            }
    }
}
