import BureauCore
import Foundation

/// A notice of the outbox as the API and the CLI see it.
public struct OutboundNotice: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Codable, CaseIterable {
        case pending, sent, acknowledged
    }

    public var id: UUID
    public var prisonerID: UUID
    public var obligationID: String
    public var rule: RuleID
    public var subject: NotificationEntry.Subject
    public var recipient: Addressee
    public var concerningEventID: UUID?
    /// What the recipient receives: Art. 17 core data and the facts of the event, nothing restricted.
    public var content: NoticeContent
    public var createdAt: Date
    /// The deadline of the obligation the notice meets.
    public var dueAt: Date
    public var status: Status
    public var sentAt: Date?
    public var sentBy: String?
    public var channel: String?
    public var batchID: String?
    /// The notification entry recorded on the prisoner's timeline when it was sent.
    public var timelineEventID: UUID?
    public var acknowledgedAt: Date?
    public var acknowledgedBy: String?
    /// The recipient's reference, given with the acknowledgement.
    public var reference: String?
}

extension NoticeModel {
    func domain() throws -> OutboundNotice {
        guard let id, let rule = RuleID(rawValue: rule), let subject = NotificationEntry.Subject(rawValue: subject),
              let recipient = Addressee(rawValue: recipient), let status = OutboundNotice.Status(rawValue: status),
              let content = try? NoticeOutbox.decoder.decode(NoticeContent.self, from: Data(content.utf8)) else {
            throw StoreError.corrupt(Self.schema, self.id?.uuidString)
        }
        return OutboundNotice(id: id, prisonerID: $prisoner.id, obligationID: obligationID, rule: rule, subject: subject,
                              recipient: recipient, concerningEventID: concerningEventID, content: content,
                              createdAt: createdAt, dueAt: dueAt, status: status, sentAt: sentAt, sentBy: sentBy,
                              channel: channel, batchID: batchID, timelineEventID: timelineEventID,
                              acknowledgedAt: acknowledgedAt, acknowledgedBy: acknowledgedBy, reference: reference)
    }
}
