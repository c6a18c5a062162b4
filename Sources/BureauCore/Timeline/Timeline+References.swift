import Foundation

extension Timeline {
    /// The entry in force that `id` names: `id` itself, or the newest correction that replaced it.
    /// Nil when no entry has that id. References survive corrections this way: a censorship entry
    /// naming a letter still names it after the letter's entry is corrected.
    public static func current(_ id: UUID, in events: [TimelineEvent]) -> TimelineEvent? {
        var byID: [UUID: TimelineEvent] = [:]
        var replacement: [UUID: TimelineEvent] = [:]
        for event in events {
            byID[event.id] = event
            if let old = event.supersedes { replacement[old] = event }
        }
        guard var event = byID[id] else { return nil }
        var seen: Set<UUID> = [event.id]
        while let next = replacement[event.id], seen.insert(next.id).inserted {
            event = next
        }
        return event
    }

    /// Every id an entry has had: its own and those of the entries it corrected, transitively.
    public static func lineage(of event: TimelineEvent, in events: [TimelineEvent]) -> Set<UUID> {
        var byID: [UUID: TimelineEvent] = [:]
        for entry in events { byID[entry.id] = entry }
        var ids: Set<UUID> = [event.id]
        var cursor = event.supersedes
        while let id = cursor, ids.insert(id).inserted {
            cursor = byID[id]?.supersedes
        }
        return ids
    }
}
