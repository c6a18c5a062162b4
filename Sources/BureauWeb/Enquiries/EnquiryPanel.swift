import BureauCore
import BureauStore
import Vapor

/// The Art. 122(7) part of the dashboard: the clock per state, the ageing view (unanswered
/// enquiries by age band), and standing enquiries a new registration or claim now matches.
struct EnquiryPanel: Encodable {
    struct Band: Encodable {
        var band: String
        var count: Int
    }

    struct Raised: Encodable {
        var id: String
        var names: String
        var assignedTo: String
        var matches: [String]
    }

    var overdue: Int
    var due: Int
    var notYetDue: Int
    var answered: Int
    var standing: Int
    var ageing: [Band]
    var raised: [Raised]
    var hasRaised: Bool
    var attention: [EnquiryPages.Row]
    var hasAttention: Bool

    static func load(_ request: Request, user: CurrentUser) async throws -> EnquiryPanel? {
        guard AccessPolicy.allows(user.account.role, .readEnquiries) else { return nil }
        let board = try await request.bureau.enquiries.dashboard(by: user.principal)
        let text = EnquiryText(request: request)
        let raised = board.raised.map { enquiry, matches in
            Raised(id: enquiry.id.uuidString, names: enquiry.person.names.joined(separator: " / "),
                   assignedTo: enquiry.assignedTo ?? "",
                   matches: matches.map { match in
                       let label = board.prisoners[match.prisonerID].map { "\($0.internmentNumber) · \($0.name)" } ?? match.matchedName
                       return "\(label) (\(EnquiryText.score(match.score)))"
                   })
        }
        return EnquiryPanel(overdue: board.counts[.overdue] ?? 0, due: board.counts[.due] ?? 0,
                            notYetDue: board.counts[.notYetDue] ?? 0, answered: board.counts[.fulfilled] ?? 0,
                            standing: board.standing,
                            ageing: board.ageing.map { Band(band: $0.band.rawValue, count: $0.count) },
                            raised: raised, hasRaised: !raised.isEmpty,
                            attention: board.attention.prefix(50).map { EnquiryPages.row($0, text) },
                            hasAttention: !board.attention.isEmpty)
    }
}
