import BureauCore
import BureauStore
import Vapor

extension BureauServices {
    /// Enquiries about prisoners (Art. 122(7)).
    public var enquiries: EnquiryStore { EnquiryStore(context: context) }
}

/// `POST /api/v1/enquiries`.
struct EnquiryInput: Codable {
    var enquirer: Enquirer
    var person: PersonSought
    var language: String
    var receivedAt: Date
    var assignedTo: String?
    var note: String?

    var draft: EnquiryStore.Draft {
        EnquiryStore.Draft(enquirer: enquirer, person: person, language: language, receivedAt: receivedAt,
                           assignedTo: assignedTo, note: note)
    }
}

/// `POST /api/v1/enquiries/{id}/outcome`.
struct OutcomeInput: Codable {
    var result: EnquiryOutcome.Result.Code
    var prisonerID: UUID?
    var question: String?
    var note: String?
}

struct RuleOutInput: Codable { var prisonerID: UUID }
struct AssignInput: Codable { var assignedTo: String }

struct EnquiryCandidateDTO: Content {
    var prisonerID: UUID
    var internmentNumber: String
    var name: String
    var matchedName: String
    var queryName: String
    var score: Double
    var explanation: String
    var reasons: [MatchReason]

    init(_ candidate: EnquiryCandidate, labels: [UUID: ObligationStore.PrisonerLabel]) {
        prisonerID = candidate.prisonerID
        internmentNumber = labels[candidate.prisonerID]?.internmentNumber ?? ""
        name = labels[candidate.prisonerID]?.name ?? ""
        matchedName = candidate.matchedName
        queryName = candidate.queryName
        score = candidate.score
        explanation = candidate.explanation
        reasons = candidate.reasons
    }
}

struct EnquiryDTO: Content {
    var id: UUID
    var status: EnquiryStatus
    var enquirer: Enquirer
    var person: PersonSought
    var language: String
    var receivedAt: Date
    var dueAt: Date
    var clock: ObligationStatus
    var assignedTo: String?
    var recordedBy: String
    var listLine: Int?
    var note: String?
    var answeredAt: Date?
    var candidates: [EnquiryCandidateDTO]
    var ruledOut: [UUID]
    var outcome: EnquiryOutcome?
    var outcomes: [EnquiryOutcome]
    var answers: [EnquiryAnswer]
    /// Standing enquiry: registrations and claims since its answer that match it.
    var raised: [EnquiryCandidateDTO]

    init(_ file: EnquiryStore.EnquiryFile) {
        let e = file.enquiry
        id = e.id
        status = e.status
        enquirer = e.enquirer
        person = e.person
        language = e.language
        receivedAt = e.receivedAt
        dueAt = file.clock.dueAt
        clock = file.clock.status
        assignedTo = e.assignedTo
        recordedBy = e.recordedBy
        listLine = e.listLine
        note = e.note
        answeredAt = e.answeredAt
        candidates = e.candidates.map { EnquiryCandidateDTO($0, labels: file.prisoners) }
        ruledOut = e.ruledOut
        outcome = e.outcome
        outcomes = e.outcomes
        answers = e.answers
        raised = file.raised.map { EnquiryCandidateDTO($0, labels: file.prisoners) }
    }
}

struct EnquirySummaryDTO: Content {
    var id: UUID
    var status: EnquiryStatus
    var enquirerKind: Enquirer.Kind
    var enquirerName: String
    var reference: String?
    var names: [String]
    var receivedAt: Date
    var dueAt: Date
    var clock: ObligationStatus
    var assignedTo: String?
    var candidates: Int
    var listLine: Int?

    init(_ summary: EnquiryStore.Summary) {
        let e = summary.enquiry
        id = e.id
        status = e.status
        enquirerKind = e.enquirer.kind
        enquirerName = e.enquirer.name
        reference = e.enquirer.reference
        names = e.person.names
        receivedAt = e.receivedAt
        dueAt = summary.clock.dueAt
        clock = summary.clock.status
        assignedTo = e.assignedTo
        candidates = e.candidates.count
        listLine = e.listLine
    }
}

struct EnquiryListProgressDTO: Content {
    var id: UUID
    var state: EnquiryListJobs.State
    var total: Int
    var matched: Int
    var withCandidates: Int
    var encoding: String
    var startedAt: Date
    var finishedAt: Date?
    var seconds: Double?
    var failure: String?

    init(_ p: EnquiryListJobs.Progress) {
        id = p.id
        state = p.state
        total = p.total
        matched = p.matched
        withCandidates = p.withCandidates
        encoding = p.encoding
        startedAt = p.startedAt
        finishedAt = p.finishedAt
        seconds = p.seconds
        failure = p.failure
    }
}

/// Filters shared by the list page and `GET /api/v1/enquiries`.
enum EnquiryFilterQuery {
    static func parse(_ request: Request) throws -> EnquiryStore.Filter {
        func text(_ name: String) -> String? { (try? request.query.get(String.self, at: name))?.trimmedOrNil }
        func choice<T: RawRepresentable & CaseIterable>(_ name: String, _ type: T.Type) throws -> T? where T.RawValue == String {
            guard let raw = text(name) else { return nil }
            guard let value = T(rawValue: raw) else {
                throw DomainError.invalid(name, "one of " + T.allCases.map(\.rawValue).joined(separator: ", "), code: "invalid_choice")
            }
            return value
        }
        var listID: UUID?
        if let raw = text("list") {
            guard let id = UUID(uuidString: raw) else { throw DomainError.invalid("list", "not a list id", code: "invalid_value") }
            listID = id
        }
        return EnquiryStore.Filter(status: try choice("status", EnquiryStatus.self), clock: try choice("clock", ObligationStatus.self),
                                   enquirerKind: try choice("enquirer", Enquirer.Kind.self), assignedTo: text("assignedTo"),
                                   listID: listID, text: text("q").map { String($0.prefix(100)) })
    }
}
