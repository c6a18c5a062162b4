import BureauCore
import Fluent
import Foundation

extension EnquiryStore {
    /// What the dashboard shows of Art. 122(7): the clock per state, unanswered enquiries by age,
    /// and standing enquiries a new registration or claim now matches.
    public struct Dashboard: Sendable {
        public var counts: [ObligationStatus: Int]
        public var ageing: [(band: EnquiryClock.AgeBand, count: Int)]
        public var standing: Int
        /// Standing enquiries raised by a new match, for this reader (his own, or all for a supervisor).
        public var raised: [(enquiry: Enquiry, matches: [EnquiryCandidate])]
        /// Overdue and due enquiries, oldest deadline first.
        public var attention: [Summary]
        public var prisoners: [UUID: ObligationStore.PrisonerLabel]
    }

    public func dashboard(by principal: Principal) async throws -> Dashboard {
        try await context.require(principal, .readEnquiries, action: "enquiry.dashboard", entity: "enquiry")
        let now = context.clock.now()
        let policy = context.policy
        let audit = record(principal, "enquiry.dashboard", id: nil)
        return try await context.audited(audit) { tx in
            let enquiries = try await DispositionRow<EnquiriesTable>.query(on: tx).sort(\.$at).all().map { try $0.decode(Enquiry.self) }
            var counts: [ObligationStatus: Int] = [:]
            var attention: [Summary] = []
            for enquiry in enquiries {
                let clock = EnquiryClock.obligation(for: enquiry, at: now, policy: policy)
                counts[clock.status, default: 0] += 1
                if clock.status == .overdue || clock.status == .due { attention.append(Summary(enquiry: enquiry, clock: clock)) }
            }
            let standing = enquiries.filter { $0.status == .standing }
            // A tracing officer is told of his own (and unassigned) enquiries; a supervisor reading them sees all.
            let mine = AccessPolicy.allows(principal.role, .traceEnquiries)
                ? standing.filter { $0.assignedTo == nil || $0.assignedTo == principal.username } : standing
            let matches = try await Self.standingMatches(mine, policy: policy, on: tx)
            let raised = mine.compactMap { enquiry -> (enquiry: Enquiry, matches: [EnquiryCandidate])? in
                matches[enquiry.id].map { (enquiry: enquiry, matches: $0) }
            }
            let ids = raised.flatMap { $0.1.map(\.prisonerID) }
            return Dashboard(counts: counts, ageing: EnquiryClock.ageing(enquiries, at: now), standing: standing.count,
                             raised: raised, attention: attention.sorted { $0.clock.dueAt < $1.clock.dueAt },
                             prisoners: try await Self.labels(ids, on: tx))
        }
    }

    /// For each standing enquiry, the prisoners whose claims recorded since its "no record" answer match it
    /// at or above the policy threshold, best first; ruled-out prisoners are left out. Derived on every
    /// read, never stored: a registration made by any path, even the command line, raises it.
    static func standingMatches(_ enquiries: [Enquiry], policy: ObligationPolicy,
                                on db: any Database) async throws -> [UUID: [EnquiryCandidate]] {
        let standing = enquiries.filter { $0.status == .standing }
        guard let earliest = standing.compactMap({ $0.answers.last?.issuedAt }).min() else { return [:] }
        let claims = try await ClaimModel.query(on: db).filter(\.$recordedAt > earliest).sort(\.$recordedAt).all()
            .map { try $0.domain() }
        guard !claims.isEmpty else { return [:] }
        var units: [UUID: String] = [:]
        for model in try await PrisonerModel.query(on: db).filter(\.$id ~~ Array(Set(claims.map(\.prisonerID)))).all() {
            if let id = model.id, let unit = model.unit { units[id] = unit }
        }
        let threshold = Double(policy.enquiryMatchThreshold) / 100
        var result: [UUID: [EnquiryCandidate]] = [:]
        for enquiry in standing {
            guard let since = enquiry.answers.last?.issuedAt else { continue }
            var best: [UUID: EnquiryCandidate] = [:]
            for claim in claims where claim.recordedAt > since && !enquiry.ruledOut.contains(claim.prisonerID) {
                guard let match = EnquiryMatcher.score(claim, unit: units[claim.prisonerID], against: enquiry.person,
                                                       threshold: threshold) else { continue }
                if match.score > (best[claim.prisonerID]?.score ?? -1) { best[claim.prisonerID] = match }
            }
            if !best.isEmpty { result[enquiry.id] = best.values.sorted { $0.score > $1.score } }
        }
        return result
    }
}
