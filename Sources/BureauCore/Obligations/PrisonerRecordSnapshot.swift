import Foundation

/// Everything the obligations engine reads about one prisoner: the record, his timeline (all
/// entries, corrections included — the engine applies `Timeline.effective`) and his identity claims.
public struct PrisonerRecordSnapshot: Sendable, Hashable {
    public var prisoner: Prisoner
    public var timeline: [TimelineEvent]
    public var claims: [IdentityClaim]

    public init(prisoner: Prisoner, timeline: [TimelineEvent], claims: [IdentityClaim] = []) {
        self.prisoner = prisoner
        self.timeline = timeline
        self.claims = claims
    }
}
