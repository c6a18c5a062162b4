import Foundation

/// A communication the Bureau sent about this prisoner (Arts. 104, 107, 120–122): the record that
/// fulfils a notification duty. The outbox records one of these when a notice is sent.
public struct NotificationEntry: Sendable, Hashable, Codable {
    public enum Subject: String, Sendable, Codable, CaseIterable {
        case initialRegistration = "initial_registration"
        case transfer
        case hospitalAdmission = "hospital_admission"
        case release
        case repatriation
        case escape
        case recapture
        case death
        /// Art. 122(6): the weekly report on a seriously ill or wounded prisoner.
        case healthReport = "health_report"
        /// Art. 30: duplicate of a medical certificate to the CTA.
        case certificateDuplicate = "certificate_duplicate"
        /// Art. 104: notice of judicial proceedings.
        case trialNotice = "trial_notice"
        /// Art. 107: detailed communication of a final conviction or a death sentence.
        case detailedCommunication = "detailed_communication"
        /// Art. 119(5): names of prisoners held back for criminal proceedings.
        case heldBack = "held_back"
        /// Art. 121: note of a death or serious injury under inquiry.
        case inquiry
        case other
    }

    public var subject: Subject
    public var recipient: Addressee
    /// The entry this notice is about (the transfer, the death, the trial…).
    public var concerningEventID: UUID?
    /// How it went: "ICRC portal", "diplomatic note", "hand delivery".
    public var channel: String?
    /// The recipient's or the outbox's reference.
    public var reference: String?
    /// When the recipient received it, where receipt is what counts (Art. 104: three weeks from receipt).
    public var receivedAt: Date?

    public init(subject: Subject, recipient: Addressee, concerningEventID: UUID? = nil, channel: String? = nil,
                reference: String? = nil, receivedAt: Date? = nil) {
        self.subject = subject
        self.recipient = recipient
        self.concerningEventID = concerningEventID
        self.channel = channel
        self.reference = reference
        self.receivedAt = receivedAt
    }
}
