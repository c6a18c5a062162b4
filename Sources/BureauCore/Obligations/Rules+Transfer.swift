import Foundation

/// GC3-46-list, GC3-47-sick, GC3-48-notice: duties before a transfer's departure. A cancelled order
/// (a correction with `cancelled: true`) owes nothing.
extension RuleContext {
    private var transferOrders: [(event: TimelineEvent, order: TransferOrder)] {
        events.compactMap { event in
            guard let order = event.payload.transferOrderData, order.cancelled != true else { return nil }
            return (event, order)
        }
    }

    private func reference(to order: TimelineEvent, _ extract: @escaping (EventPayload) -> UUID?) -> Fulfilment? {
        events.first { refers(extract($0.payload), to: order) }.map(Fulfilment.init)
    }

    func transferListDrafts() -> [ObligationDraft] {
        transferOrders.map { event, order in
            ObligationDraft(
                rule: .transferList, key: "list", trigger: event, dueAt: order.plannedDeparture, basis: .treaty,
                deadlineRule: "before departure (Art. 46)",
                duty: "Complete list of the prisoners transferred to \(order.destination), before departure",
                owedTo: [.bureau], fulfilledBy: [.transferList],
                fulfilment: reference(to: event) { $0.transferListData?.transferEventID }, lapsesOutOfCustody: true)
        }
    }

    func transferOfSickDrafts() -> [ObligationDraft] {
        transferOrders.compactMap { event, order in
            guard isSick(at: min(now, order.plannedDeparture)) else { return nil }
            return ObligationDraft(
                rule: .transferOfSick, key: "clearance", trigger: event, dueAt: order.plannedDeparture, basis: .treaty,
                deadlineRule: "before departure (Art. 47)",
                duty: "Medical clearance (or an imperative safety ground) for moving a sick or wounded prisoner",
                owedTo: [.prisoner], fulfilledBy: [.medicalClearance],
                fulfilment: reference(to: event) { $0.medicalClearanceData?.transferEventID }, lapsesOutOfCustody: true)
        }
    }

    func transferNoticeDrafts() -> [ObligationDraft] {
        transferOrders.map { event, order in
            ObligationDraft(
                rule: .transferNotice, key: "notice", trigger: event,
                dueAt: order.plannedDeparture - policy.transferNoticeLead, basis: .policy,
                deadlineRule: UTCTime.policy(policy.transferNoticeLead, "transferNoticeLead")
                    + " before departure; Art. 48 \"in time to pack and inform his next of kin\"",
                duty: "Official notice of departure and new postal address (\(order.destination))",
                owedTo: [.prisoner], fulfilledBy: [.transferNotice],
                fulfilment: reference(to: event) { $0.transferNoticeData?.transferEventID }, lapsesOutOfCustody: true)
        }
    }
}
