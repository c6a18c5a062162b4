import Foundation

/// GC3-118-repat: release and repatriation without delay after the cessation of active hostilities.
extension RuleContext {
    func repatriationDrafts() -> [ObligationDraft] {
        guard let cessation = policy.cessationOfHostilities, cessation <= now, let capture else { return [] }
        let start = max(cessation, capture.occurredAt)
        let done = first(from: start) { $0.kind == .repatriation || $0.kind == .release }
        var draft = ObligationDraft(
            rule: .repatriation, key: "repatriate", trigger: nil,
            anchor: prisoner.id.uuidString.lowercased(), triggeredAt: start,
            dueAt: start + policy.repatriationAfterCessation, basis: .policy,
            deadlineRule: UTCTime.policy(policy.repatriationAfterCessation, "repatriationAfterCessation")
                + " after the cessation of active hostilities; Art. 118 \"without delay\"",
            duty: "Release and repatriate him (after his will and a non-refoulement assessment are recorded)",
            owedTo: [.prisoner, .powerDependedOn], fulfilledBy: [.repatriation, .release],
            fulfilment: done.map(Fulfilment.init), lapsesOutOfCustody: true)
        // Art. 119(5): a hold for pending proceedings or a sentence being served sets the duty aside
        // until an acquittal in that case.
        let hold = events(.repatriationHold).last { hold in
            let data = hold.payload.repatriationHoldData!
            return !events.contains { event in
                guard event.occurredAt > hold.occurredAt, let judgment = event.payload.judgmentData else { return false }
                return judgment.caseReference == data.caseReference && judgment.outcome == .acquitted
            }
        }
        if let hold, let data = hold.payload.repatriationHoldData {
            draft.exemption = .waived(reason: "Art. 119(5) hold (case \(data.caseReference)): \(data.reason)",
                                      approver: data.approver, by: hold.id)
        }
        return [draft]
    }
}
