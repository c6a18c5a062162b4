import BureauCore
import BureauStore
import Foundation
import Vapor

/// One obligation in the API: the engine's fields plus who it concerns.
struct ObligationDTO: Content {
    var id: String
    var rule: RuleID
    var article: String
    var duty: String
    var dutyKey: String
    var owedTo: [Addressee]
    var prisonerID: UUID
    var internmentNumber: String?
    var prisonerName: String?
    var triggerEventID: UUID?
    var triggerKind: EventKind?
    var triggeredAt: Date
    var dueAt: Date
    /// `treaty` (fixed by the Convention) or `policy` (the Bureau's setting where it says "without delay").
    var deadlineBasis: DeadlineBasis
    var deadlineRule: String
    var fulfilledBy: [EventKind]
    var facility: String?
    var facilityTimeZone: String?
    var barsUntil: Date?
    var status: ObligationStatus
    var state: ObligationState

    init(_ obligation: Obligation, label: ObligationStore.PrisonerLabel?) {
        id = obligation.id
        rule = obligation.rule
        article = obligation.article
        duty = obligation.duty
        dutyKey = obligation.dutyKey
        owedTo = obligation.owedTo
        prisonerID = obligation.prisonerID
        internmentNumber = label?.internmentNumber
        prisonerName = label?.name
        triggerEventID = obligation.triggerEventID
        triggerKind = obligation.triggerKind
        triggeredAt = obligation.triggeredAt
        dueAt = obligation.dueAt
        deadlineBasis = obligation.deadlineBasis
        deadlineRule = obligation.deadlineRule
        fulfilledBy = obligation.fulfilledBy
        facility = obligation.facility
        facilityTimeZone = obligation.facilityTimeZone
        barsUntil = obligation.barsUntil
        status = obligation.status
        state = obligation.state
    }
}

/// `GET /api/v1/obligations` and `GET /api/v1/prisoners/{id}/obligations`.
struct ObligationListDTO: Content {
    var derivedAt: Date
    var total: Int
    /// Per rule ID, per status: how many (see `ObligationStore.RegistryObligations.counts`).
    var counts: [String: [String: Int]]
    var items: [ObligationDTO]

    init(_ obligations: [Obligation], counts: [RuleID: [ObligationStatus: Int]], labels: [UUID: ObligationStore.PrisonerLabel],
         derivedAt: Date) {
        self.derivedAt = derivedAt
        total = obligations.count
        var table: [String: [String: Int]] = [:]
        for (rule, statuses) in counts {
            table[rule.rawValue] = Dictionary(uniqueKeysWithValues: statuses.map { ($0.key.rawValue, $0.value) })
        }
        self.counts = table
        items = obligations.map { ObligationDTO($0, label: labels[$0.prisonerID]) }
    }
}

/// `POST /api/v1/outbox/{id}/sent`.
struct NoticeSentInput: Codable {
    var channel: String
    var reference: String?
}

/// `POST /api/v1/outbox/{id}/acknowledgement`.
struct NoticeAcknowledgementInput: Codable {
    var reference: String
    var receivedAt: Date?
}

struct OutboundNoticeDTO: Content {
    var notice: OutboundNotice

    func encode(to encoder: any Encoder) throws { try notice.encode(to: encoder) }
    init(from decoder: any Decoder) throws { notice = try OutboundNotice(from: decoder) }
    init(_ notice: OutboundNotice) { self.notice = notice }
}

struct PublicKeyDTO: Content {
    var algorithm: String
    var publicKey: String
}
