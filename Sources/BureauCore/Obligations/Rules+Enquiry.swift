import Foundation

/// GC3-122-enquiry, Art. 122(7): every enquiry is answered within the policy period (`enquiryReply`,
/// 30 days by default) of its receipt. The clock runs per enquiry, not per prisoner: the man sought
/// may not be in the registry at all. The first answer issued stops it, whatever it says (an answer
/// asking for more information is a reply too; a "no record" answer leaves the enquiry standing for
/// matching, with its clock met).
public struct EnquiryObligation: Sendable, Hashable {
    public var enquiryID: UUID
    public var receivedAt: Date
    public var dueAt: Date
    public var state: ObligationState

    public var status: ObligationStatus { state.status }
    public var rule: RuleID { .enquiry }
}

public enum EnquiryClock {
    public static func obligation(for enquiry: Enquiry, at now: Date, policy: ObligationPolicy = .standard) -> EnquiryObligation {
        let due = enquiry.receivedAt.addingTimeInterval(policy.enquiryReply)
        let state: ObligationState
        if let answer = enquiry.answers.first {
            state = .fulfilled(by: answer.id, at: answer.issuedAt, late: answer.issuedAt > due)
        } else if now > due {
            state = .overdue
        } else if due.timeIntervalSince(now) <= policy.dueSoonWindow {
            state = .due
        } else {
            state = .notYetDue
        }
        return EnquiryObligation(enquiryID: enquiry.id, receivedAt: enquiry.receivedAt, dueAt: due, state: state)
    }

    /// Age bands of the ageing view, in whole days since receipt: 0–7, 8–14, 15–30, 31–60, over 60.
    public enum AgeBand: String, Sendable, Codable, CaseIterable {
        case week = "0-7"
        case fortnight = "8-14"
        case month = "15-30"
        case twoMonths = "31-60"
        case older = "61+"

        public static func of(receivedAt: Date, now: Date) -> AgeBand {
            let days = Int(max(0, now.timeIntervalSince(receivedAt)) / ObligationPolicy.day)
            switch days {
            case ...7: return .week
            case ...14: return .fortnight
            case ...30: return .month
            case ...60: return .twoMonths
            default: return .older
            }
        }
    }

    /// Unanswered enquiries by age band (every band present, zero when empty).
    public static func ageing(_ enquiries: [Enquiry], at now: Date) -> [(band: AgeBand, count: Int)] {
        var counts: [AgeBand: Int] = [:]
        for enquiry in enquiries where enquiry.answers.isEmpty {
            counts[AgeBand.of(receivedAt: enquiry.receivedAt, now: now), default: 0] += 1
        }
        return AgeBand.allCases.map { band -> (band: AgeBand, count: Int) in (band: band, count: counts[band] ?? 0) }
    }
}
