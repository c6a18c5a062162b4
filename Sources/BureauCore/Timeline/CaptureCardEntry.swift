import Foundation

/// One step in the life of an Art. 70 capture card (Annex IV B).
///
/// Offering the card, the prisoner writing it or declining it all fulfil GC3-70-card: the duty is
/// to *enable* him to write. A written card must then be forwarded as rapidly as possible.
public struct CaptureCardEntry: Sendable, Hashable, Codable {
    public enum Action: String, Sendable, Codable, CaseIterable {
        case offered, written, declined, forwarded
    }

    public var action: Action
    /// For `forwarded`: the `written` entry whose card was sent on. Nil means the newest written card.
    public var cardEventID: UUID?
    /// For `forwarded`: where it went (CTA and/or family).
    public var forwardedTo: [Addressee]?
    /// BCP 47 code of the language he wrote in.
    public var language: String?
    public var note: String?

    public init(action: Action, cardEventID: UUID? = nil, forwardedTo: [Addressee]? = nil,
                language: String? = nil, note: String? = nil) {
        self.action = action
        self.cardEventID = cardEventID
        self.forwardedTo = forwardedTo
        self.language = language
        self.note = note
    }
}
