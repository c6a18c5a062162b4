import Foundation

/// What an answer to an enquiry may say (Arts. 122(4), 122(7) and 17): the outcome; for a prisoner
/// found, his Art. 17 identity from the assessed claim (items he refused left out), his father's name
/// and place of birth (Art. 122(4)), his internment number and the facts of his captivity: held since,
/// where to write to him; died, when and where; released or repatriated, when, and for a repatriation
/// the State he went home to.
///
/// Never his will, his risk, his health, interviews, or where he went when he left to a third State
/// (guard 12: a release records no destination, and this type has no field that could carry one).
public struct EnquiryReply: Sendable, Hashable, Codable {
    public var enquiryID: UUID
    public var enquirerReference: String?
    public var names: [String]
    public var result: EnquiryOutcome.Result.Code
    public var asOf: Date
    public var internmentNumber: String?
    public var surname: String?
    public var firstNames: String?
    public var fatherName: String?
    public var rank: String?
    public var dateOfBirth: PartialDate?
    public var placeOfBirth: String?
    public var serviceNumber: String?
    /// Held: in the Detaining Power's hands since (the capture).
    public var heldSince: Date?
    /// Held: the place of internment he may be written to (not a hospital: that is health data).
    public var correspondenceAddress: String?
    /// Died in captivity.
    public var diedAt: Date?
    public var placeOfDeath: String?
    /// Released or repatriated.
    public var releasedAt: Date?
    public var repatriated: Bool?
    /// Repatriation only: the State he was repatriated to (his own Power). Never set for a release.
    public var repatriatedTo: String?
    /// Needs more information: what the enquirer is asked for.
    public var question: String?

    /// The reply for the current outcome of `enquiry`; `record` is the prisoner's file for a positive outcome.
    public static func build(for enquiry: Enquiry, outcome: EnquiryOutcome, record: PrisonerRecordSnapshot?,
                             at now: Date) throws(DomainError) -> EnquiryReply {
        var reply = EnquiryReply(enquiryID: enquiry.id, enquirerReference: enquiry.enquirer.reference,
                                 names: enquiry.person.names, result: outcome.result.code, asOf: now)
        if case .needsMoreInformation(let question) = outcome.result { reply.question = question }
        guard outcome.result.isPositive else { return reply }
        guard let record else {
            throw DomainError(.notFound, code: "prisoner_not_found", "no prisoner with that id", field: "prisonerID")
        }
        let facts = try EnquiryFacts(record)
        try facts.check(outcome.result)
        let claim = record.claims.filter { $0.isAssessed }.max { $0.recordedAt < $1.recordedAt }
            ?? record.claims.max { $0.recordedAt < $1.recordedAt }
        let refused = claim?.refusedItems ?? []
        func core<T>(_ value: T?, _ item: CoreIdentityItem) -> T? { refused.contains(item) ? nil : value }
        reply.internmentNumber = record.prisoner.internmentNumber
        reply.surname = core(claim?.surname, .surname)
        reply.firstNames = core(claim?.firstNames, .firstNames)
        reply.rank = core(claim?.rank, .rank)
        reply.dateOfBirth = core(claim?.dateOfBirth, .dateOfBirth)
        reply.serviceNumber = core(claim?.serviceNumber, .serviceNumber)
        reply.fatherName = claim?.fatherName
        reply.placeOfBirth = claim?.placeOfBirth
        switch outcome.result {
        case .held:
            reply.heldSince = facts.capturedAt
            reply.correspondenceAddress = facts.internmentPlace
        case .diedInCaptivity:
            reply.diedAt = facts.death?.at
            reply.placeOfDeath = facts.death?.place
        case .released:
            reply.releasedAt = facts.end?.at
            reply.repatriated = facts.end?.repatriatedTo != nil
            reply.repatriatedTo = facts.end?.repatriatedTo
        case .noRecord, .needsMoreInformation:
            break
        }
        return reply
    }
}

/// The facts of a prisoner's captivity an answer may state, read from his effective timeline.
struct EnquiryFacts {
    var capturedAt: Date?
    var internmentPlace: String?
    var death: (at: Date, place: String)?
    /// The end of captivity by release or repatriation, when it is the last word of the timeline.
    var end: (at: Date, repatriatedTo: String?)?
    var escaped: Bool

    init(_ record: PrisonerRecordSnapshot) throws(DomainError) {
        escaped = false
        for event in Timeline.effective(record.timeline) {
            switch event.payload {
            case .capture:
                capturedAt = event.occurredAt
            case .custodyMove(let move):
                internmentPlace = move.facilityType == .hospital ? internmentPlace : move.facility
            case .death(let death):
                self.death = (event.occurredAt, death.place)
            case .release:
                end = (event.occurredAt, nil)
            case .repatriation(let entry):
                // Repatriation is to his own Power; anywhere else is told as a release (guard 12).
                let home = record.prisoner.powerDependedOn.power.uppercased()
                end = (event.occurredAt, entry.destinationState.uppercased() == home ? entry.destinationState.uppercased() : nil)
            case .escape:
                escaped = true
            case .recapture:
                escaped = false
                end = nil
            default:
                break
            }
        }
    }

    /// Refuses an outcome the prisoner's record contradicts (he cannot be "held" after his death).
    func check(_ result: EnquiryOutcome.Result) throws(DomainError) {
        let contradiction: String?
        switch result {
        case .held:
            contradiction = death != nil ? "his record shows his death"
                : end != nil ? "his record shows his release or repatriation"
                : escaped ? "his record shows an escape" : nil
        case .diedInCaptivity:
            contradiction = death == nil ? "his record shows no death" : nil
        case .released:
            contradiction = end == nil ? "his record shows no release or repatriation" : nil
        case .noRecord, .needsMoreInformation:
            contradiction = nil
        }
        if let contradiction {
            throw .unprocessable("result", contradiction, code: "outcome_contradicts_record")
        }
    }
}

extension EnquiryReply {
    /// Refuses a positive outcome his record contradicts: "held" after his death or release, "died" with
    /// no death recorded, "released" while he is still held.
    public static func check(_ result: EnquiryOutcome.Result, against record: PrisonerRecordSnapshot) throws(DomainError) {
        try EnquiryFacts(record).check(result)
    }
}
