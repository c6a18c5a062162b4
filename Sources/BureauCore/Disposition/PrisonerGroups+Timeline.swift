import Foundation

extension PrisonerGroups {
    /// Where each prisoner is held now and who holds a representative's mandate, read from the timeline:
    /// the newest custody move not replaced by a correction and not followed by his leaving custody
    /// (release, repatriation, death, escape); each election linked to a group (`GC3-79-rep`), ended by
    /// the first end of mandate recorded after it.
    public static func current(prisoners: [Prisoner], events: [TimelineEvent]) -> (placements: [Placement],
                                                                                  representatives: [GroupRepresentative]) {
        let replaced = Set(events.compactMap(\.supersedes))
        let live = events.filter { !replaced.contains($0.id) }.sorted { ($0.occurredAt, $0.recordedAt) < ($1.occurredAt, $1.recordedAt) }
        var byPrisoner: [UUID: [TimelineEvent]] = [:]
        for event in live { byPrisoner[event.prisonerID, default: []].append(event) }
        var placements: [Placement] = []
        var representatives: [GroupRepresentative] = []
        for prisoner in prisoners {
            let timeline = byPrisoner[prisoner.id] ?? []
            var placement: Placement?
            for event in timeline {
                switch event.payload {
                case .custodyMove(let move):
                    placement = move.leftAt == nil ? Placement(prisoner: prisoner, facility: move.facility, section: move.section?.trimmedOrNil) : nil
                case .release, .repatriation, .death, .escape:
                    placement = nil
                case .representativeElection(let election):
                    let end = timeline.first { later in
                        guard later.occurredAt >= event.occurredAt, later.id != event.id else { return false }
                        if case .representativeMandateEnd = later.payload { return true }
                        return false
                    }
                    if let elected = GroupRepresentative(election: election, prisonerID: prisoner.id, at: event.occurredAt,
                                                         endedAt: end?.occurredAt) {
                        representatives.append(elected)
                    }
                default:
                    break
                }
            }
            if let placement { placements.append(placement) }
        }
        return (placements, representatives)
    }
}
