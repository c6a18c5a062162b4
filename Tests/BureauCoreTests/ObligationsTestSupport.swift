import BureauCore
import Foundation
import Testing

/// Pinned times, fixed ids and a prisoner timeline builder for the Convention-clock tests.
///
/// Scenario markers: a line `// covers: <rule ID> <scenario>…` right above a test says which
/// conformance scenarios it covers (notYetDue, due, overdue, lastMoment, late, recurring, other).
/// `ConformanceDocumentTests` reads them to write `docs/conformance.md`.
enum Clocks {
    /// 2025-01-09T10:00:00Z: the capture in Kursk region (gc3.md §1).
    static let captured = Date(timeIntervalSince1970: 1_736_416_800)
    static let second: TimeInterval = 1
    static let minute: TimeInterval = 60
    static let hour: TimeInterval = 3600
    static let day: TimeInterval = 86_400

    static func id(_ n: Int) -> UUID {
        UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", n))!
    }

    static let prisonerID = id(1)
    static let captureID = id(10)

    static func iso(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text)!
    }

    /// Calendar months in UTC, as the engine counts them.
    static func months(_ n: Int, after date: Date) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(byAdding: .month, value: n, to: date)!
    }
}

/// A prisoner and his timeline, built entry by entry; every entry is checked by `TimelineRules`
/// as the store would, so a test cannot rest on an impossible timeline.
struct ClockRecord {
    var prisoner: Prisoner
    var events: [TimelineEvent] = []
    var policy = ObligationPolicy()
    private var counter = 100

    init(languages: [String] = ["ko"], power: String = "PRK", capturedAt: Date = Clocks.captured,
         registeredAfter: TimeInterval = 2 * Clocks.hour) {
        prisoner = Prisoner(id: Clocks.prisonerID, internmentNumber: "UA-2025-0001",
                            powerDependedOn: PowerAllegiance(power: power), languages: languages,
                            registeredAt: capturedAt + registeredAfter, registeredBy: "registrar")
        add(.capture(Capture(place: "Kursk region", wounds: ["broken leg"])), at: capturedAt, id: Clocks.captureID)
    }

    /// Records an entry and returns its id (`Clocks.id(101)`, `102`, … unless given).
    @discardableResult
    mutating func add(_ payload: EventPayload, at date: Date, id eventID: UUID? = nil, supersedes: UUID? = nil,
                      sourceLocation: SourceLocation = #_sourceLocation) -> UUID {
        counter += 1
        let event = TimelineEvent(id: eventID ?? Clocks.id(counter), prisonerID: prisoner.id, occurredAt: date,
                                  recordedAt: date, recordedBy: "officer", supersedes: supersedes, payload: payload)
        do {
            try TimelineRules.validate(event, existing: events, claims: [], now: date)
            try Obligations.validateFulfilment(event, record: snapshot, at: date, policy: policy)
        } catch {
            Issue.record("fixture entry refused: \(error)", sourceLocation: sourceLocation)
        }
        events.append(event)
        return event.id
    }

    var snapshot: PrisonerRecordSnapshot {
        PrisonerRecordSnapshot(prisoner: prisoner, timeline: events)
    }

    func obligations(at now: Date) -> [Obligation] {
        Obligations.derive(for: snapshot, at: now, policy: policy)
    }

    func obligations(_ rule: RuleID, at now: Date) -> [Obligation] {
        obligations(at: now).filter { $0.rule == rule }
    }

    /// The one obligation of `rule` started by `trigger` (and owed to `owedTo`, of duty `key`), if any.
    func obligation(_ rule: RuleID, trigger: UUID?, owedTo: Addressee? = nil, key: String? = nil,
                    triggeredAt: Date? = nil, at now: Date,
                    sourceLocation: SourceLocation = #_sourceLocation) -> Obligation? {
        let matches = obligations(rule, at: now).filter { obligation in
            obligation.triggerEventID == trigger
                && (triggeredAt.map { obligation.triggeredAt == $0 } ?? true)
                && (owedTo.map { obligation.owedTo.contains($0) } ?? true)
                && (key.map { obligation.dutyKey.hasSuffix(".\($0)") } ?? true)
        }
        #expect(matches.count <= 1, "more than one \(rule.rawValue) obligation matches", sourceLocation: sourceLocation)
        return matches.first
    }

    /// Checks the clock a case officer sees: the deadline, and the state just before the due-soon
    /// window, at its start, one second before the deadline, at the deadline and one second after.
    func expectClock(_ rule: RuleID, trigger: UUID?, owedTo: Addressee? = nil, key: String? = nil,
                     triggeredAt: Date? = nil, dueAt expected: Date, basis: DeadlineBasis,
                     sourceLocation: SourceLocation = #_sourceLocation) {
        let window = policy.dueSoonWindow
        let checks: [(TimeInterval, ObligationStatus)] = [
            (-window - 1, .notYetDue), (-window, .due), (-1, .due), (0, .due), (1, .overdue), (30 * Clocks.day, .overdue),
        ]
        for (offset, status) in checks {
            let now = expected + offset
            let found = obligation(rule, trigger: trigger, owedTo: owedTo, key: key, triggeredAt: triggeredAt, at: now,
                                   sourceLocation: sourceLocation)
            #expect(found?.dueAt == expected, "due time seen at deadline \(offset >= 0 ? "+" : "")\(offset) s",
                    sourceLocation: sourceLocation)
            #expect(found?.status == status, "state at deadline \(offset >= 0 ? "+" : "")\(offset) s",
                    sourceLocation: sourceLocation)
            #expect(found?.deadlineBasis == basis, sourceLocation: sourceLocation)
        }
    }

    /// Checks that `by` fulfils the obligation, on time or late, as seen `viewedAfter` later.
    func expectFulfilled(_ rule: RuleID, trigger: UUID?, owedTo: Addressee? = nil, key: String? = nil,
                         triggeredAt: Date? = nil, by fulfilment: UUID, at instant: Date, late: Bool, viewedAfter: TimeInterval = Clocks.day,
                         sourceLocation: SourceLocation = #_sourceLocation) {
        let found = obligation(rule, trigger: trigger, owedTo: owedTo, key: key, triggeredAt: triggeredAt,
                               at: instant + viewedAfter, sourceLocation: sourceLocation)
        #expect(found?.state == .fulfilled(by: fulfilment, at: instant, late: late), sourceLocation: sourceLocation)
    }
}
