import Foundation

/// An Art. 122(5) notification a hand-over creates (guard 7). The store turns it into an outbox row.
public struct DispositionNotice: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case repatriation
        case transfer
        case release
        /// He was on an exchange list and did not cross (reconciliation).
        case remainsInCustody = "remains_in_custody"
    }

    public enum Recipient: Sendable, Hashable, Codable {
        /// The ICRC Central Tracing Agency (Art. 123), always.
        case centralTracingAgency
        case protectingPower(String)
    }

    public var kind: Kind
    public var prisonerID: UUID
    public var caseID: UUID?
    public var occurredAt: Date
    public var recipients: [Recipient]
    /// Where he went, unless withheld below.
    public var destination: String?
    /// Guard 12: states that must not learn the destination, because it reveals an asylum wish.
    /// The CTA forwards the notice to the Power of origin without it.
    public var destinationWithheldFrom: Set<String>

    public init(kind: Kind, prisonerID: UUID, caseID: UUID?, occurredAt: Date, recipients: [Recipient],
                destination: String?, destinationWithheldFrom: Set<String> = []) {
        self.kind = kind
        self.prisonerID = prisonerID
        self.caseID = caseID
        self.occurredAt = occurredAt
        self.recipients = recipients
        self.destination = destination
        self.destinationWithheldFrom = destinationWithheldFrom
    }

    public static func recipients(for facts: DispositionFacts) -> [Recipient] {
        var recipients: [Recipient] = [.centralTracingAgency]
        if let protecting = facts.conflict.protectingPowers[facts.prisoner.powerDependedOn.power.uppercased()] {
            recipients.append(.protectingPower(protecting))
        }
        return recipients
    }

    static func forExecution(of dispositionCase: DispositionCase, facts: DispositionFacts) -> [DispositionNotice] {
        guard let handover = dispositionCase.handover else { return [] }
        let kind: Kind
        switch dispositionCase.kind {
        case .exchange, .directMedicalRepatriation: kind = .repatriation
        case .neutralAccommodation, .thirdStateTransfer: kind = .transfer
        case .releaseEndOfHostilities: kind = dispositionCase.route == nil ? .release : .repatriation
        case .releaseOther: kind = .release
        }
        let revealing = dispositionCase.kind == .thirdStateTransfer
            || facts.currentWill(at: handover.at)?.answer.isAsylumWish == true
        return [DispositionNotice(kind: kind, prisonerID: dispositionCase.prisonerID, caseID: dispositionCase.id,
                                  occurredAt: handover.at, recipients: recipients(for: facts),
                                  destination: dispositionCase.route?.destination,
                                  destinationWithheldFrom: revealing ? facts.originPowers : [])]
    }
}
