import Foundation

/// A group of a camp under Arts. 22(3) and 79: prisoners of one nationality, language and forces,
/// derived from the registry (the Power he depends on, his first recorded language, the forces he
/// served with). Korean-speaking soldiers of the DPRK serving in Russian units are one group
/// (`PRK` · `ko` · `RUS`), apart from Russian soldiers (`RUS` · `ru` · `RUS`).
public struct PrisonerGroup: Sendable, Hashable, Codable, Comparable {
    public struct Key: Sendable, Hashable, Codable, Comparable {
        public var nationality: String
        /// Primary BCP 47 subtag (`ko` for `ko-KP`); nil when no language is recorded.
        public var language: String?
        public var forces: String?

        public init(nationality: String, language: String?, forces: String?) {
            self.nationality = nationality.uppercased()
            self.language = language.map(Self.primary)
            self.forces = forces?.trimmedOrNil
        }

        public init(_ prisoner: Prisoner) {
            self.init(nationality: prisoner.powerDependedOn.power, language: prisoner.languages.first,
                      forces: prisoner.forcesServedWith)
        }

        /// A stable text form, used to link an election to its group: `PRK/ko/RUS`.
        public var code: String { "\(nationality)/\(language ?? "-")/\(forces ?? "-")" }

        public init?(code: String) {
            let parts = code.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 3, parts[0].count == 3 else { return nil }
            self.init(nationality: parts[0], language: parts[1] == "-" ? nil : parts[1], forces: parts[2] == "-" ? nil : parts[2])
        }

        static func primary(_ code: String) -> String {
            code.lowercased().split(separator: "-").first.map(String.init) ?? code.lowercased()
        }

        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.code < rhs.code }
    }

    public var facility: String
    public var key: Key
    public var members: [UUID]

    public init(facility: String, key: Key, members: [UUID]) {
        self.facility = facility
        self.key = key
        self.members = members
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.facility, lhs.key.code) < (rhs.facility, rhs.key.code)
    }
}

/// Where a prisoner is held now: facility and, within it, the section or compound.
public struct Placement: Sendable, Hashable, Codable {
    public var prisoner: Prisoner
    public var facility: String
    public var section: String?

    public init(prisoner: Prisoner, facility: String, section: String? = nil) {
        self.prisoner = prisoner
        self.facility = facility
        self.section = section
    }
}

/// Art. 79: a representative elected for a group of a camp.
public struct GroupRepresentative: Sendable, Hashable, Codable {
    public var facility: String
    /// The group he represents (`PrisonerGroup.Key.code`).
    public var group: String
    public var prisonerID: UUID
    public var electedAt: Date
    public var approved: Bool
    /// Set when his mandate ended without a successor.
    public var endedAt: Date?

    public init(facility: String, group: String, prisonerID: UUID, electedAt: Date, approved: Bool, endedAt: Date? = nil) {
        self.facility = facility
        self.group = group
        self.prisonerID = prisonerID
        self.electedAt = electedAt
        self.approved = approved
        self.endedAt = endedAt
    }
}

public enum PrisonerGroups {
    /// Art. 79(1): elections every six months.
    public static let mandate: TimeInterval = 182 * 86_400

    /// The groups of every facility, from where each prisoner is held.
    public static func derive(_ placements: [Placement]) -> [PrisonerGroup] {
        var members: [String: [PrisonerGroup.Key: [UUID]]] = [:]
        for placement in placements {
            members[placement.facility, default: [:]][PrisonerGroup.Key(placement.prisoner), default: []].append(placement.prisoner.id)
        }
        return members.flatMap { facility, groups in
            groups.map { PrisonerGroup(facility: facility, key: $0.key, members: $0.value) }
        }.sorted()
    }

    /// The group's current representative: elected for it within six months, approved, mandate not ended.
    public static func representative(of group: PrisonerGroup, among elected: [GroupRepresentative],
                                      at time: Date) -> GroupRepresentative? {
        elected.filter {
            $0.facility == group.facility && $0.group == group.key.code && $0.approved && $0.endedAt.map { $0 > time } != false
                && $0.electedAt <= time && time.timeIntervalSince($0.electedAt) < mandate
        }.max { $0.electedAt < $1.electedAt }
    }
}

// MARK: Guard 10 — Art. 22(3) grouping and separation; Art. 79 a representative for each group

extension LegalGuards {
    static let art10Separation = "GC III Art. 22(3)"
    static let art10Representative = "GC III Art. 79"

    /// Moving `placement.prisoner` into a facility section held by `occupants`. Warn guards: they stop
    /// the move until his consent is recorded or two people override them with a reason.
    public static func placement(_ placement: Placement, occupants: [Prisoner], consentRecorded: Bool,
                                 overrides: [GuardOverride] = []) -> [GuardResult] {
        let key = PrisonerGroup.Key(placement.prisoner)
        let others = occupants.filter { $0.id != placement.prisoner.id }
        var results: [GuardResult] = []
        let params = ["facility": [placement.facility, placement.section].compactMap { $0 }.joined(separator: " · ")]
        if let forces = key.forces, !others.isEmpty, !others.contains(where: { PrisonerGroup.Key($0).forces == forces }) {
            results.append(consentRecorded
                ? .pass(10, art10Separation, .warn, "guard.10.separation_consented")
                : .fail(10, art10Separation, .warn, "guard.10.separated_from_forces", params.merging(["forces": forces]) { a, _ in a }))
        }
        let ownGroup = others.contains {
            let other = PrisonerGroup.Key($0)
            return other.nationality == key.nationality && other.language == key.language
        }
        if !others.isEmpty && !ownGroup {
            results.append(consentRecorded
                ? .pass(10, art10Separation, .warn, "guard.10.separation_consented")
                : .fail(10, art10Separation, .warn, "guard.10.apart_from_group", params.merging(["group": key.code]) { a, _ in a }))
        }
        if results.isEmpty {
            results.append(.pass(10, art10Separation, .warn, "guard.10.with_own_group"))
        }
        return applyOverrides(results, overrides)
    }

    /// One line per group: flagged where no elected representative holds a current mandate.
    public static func representation(_ groups: [PrisonerGroup], elected: [GroupRepresentative], at time: Date) -> [GuardResult] {
        groups.map { group in
            let params = ["facility": group.facility, "group": group.key.code]
            return PrisonerGroups.representative(of: group, among: elected, at: time) == nil
                ? GuardResult.fail(10, art10Representative, .warn, "guard.10.group_without_representative", params)
                : GuardResult.pass(10, art10Representative, .warn, "guard.10.group_represented", params)
        }
    }
}

extension GroupRepresentative {
    /// The group representative a `GC3-79-rep` election on `prisonerID`'s timeline made; nil for an
    /// election not linked to a group.
    public init?(election: RepresentativeElection, prisonerID: UUID, at electedAt: Date, endedAt: Date? = nil) {
        guard let group = election.group?.trimmedOrNil else { return nil }
        self.init(facility: election.facility, group: group, prisonerID: prisonerID, electedAt: electedAt,
                  approved: election.approved, endedAt: endedAt)
    }
}
