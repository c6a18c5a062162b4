import BureauCore
import BureauStore
@testable import BureauWeb
import Foundation
import Testing
import Vapor
import VaporTesting

/// A registry with a distinctive marker in every restricted free-text field, planted through the
/// API by the officers who record each thing: the two soldiers of the seed story, one of whom asks
/// for a third state and faces a documented risk at home, the other seriously wounded.
///
/// The class of each marker is the class of the record it was written into, read from the one
/// class table (`DataClasses.swift`), so the leak test decides who may see it from the same table
/// the code redacts with.
struct LeakSeed {
    var ri: String
    var petrov: String
    /// Ri's transfer to the ROK, approved by two approvers and not yet handed over.
    var transfer: String
    /// Petrov's direct medical repatriation, a draft.
    var medicalCase: String
    var exchange: String
    /// An enquiry about Ri, answered "held": its pages, letter and API must carry nothing of his will or risk.
    var enquiry: String
    /// A media release request about Ri that cites his risk assessment (risk class, guard 8).
    var release: String
    /// An Art. 22(3) override for Ri, confirmed (guard 10); its reason is will class.
    var placementOverride: String
    /// The outbox's notices (their preview pages), health reports included.
    var notices: [String] = []
    /// Markers by the class of the record they were written into.
    var markers: [FieldClass: [String]]
    /// Words that are not free text but tell a restricted fact as plainly (a risk outcome, a medical
    /// category, the third state he asked for): checked in JSON, where no form lists them as choices.
    var tokens: [FieldClass: [String]]

    static func marker(_ fieldClass: FieldClass, _ field: String) -> String {
        "ZQ\(fieldClass.rawValue.uppercased())\(field.uppercased())Q"
    }

    static let thirdState = "KOR"

    static func plant(_ bureau: TestBureau, staff: DispositionStaff) async throws -> LeakSeed {
        var markers: [FieldClass: [String]] = [:]
        func mark(_ fieldClass: FieldClass, _ field: String) -> String {
            let value = marker(fieldClass, field)
            markers[fieldClass, default: []].append(value)
            return value
        }
        let ri = try await bureau.register(DispositionFixtures.ri, token: staff.registrar)
        let petrov = try await bureau.register(DispositionFixtures.petrov, token: staff.registrar)
        try await bureau.expect("api/v1/prisoners/\(ri)/events", token: staff.registrar,
                                json: DispositionFixtures.document("third_party", name: "Ондар А. С."), .created)

        // Health, interviews and effects: timeline entries of their own class.
        let admission = try await bureau.expect("api/v1/prisoners/\(petrov)/events", token: staff.medic, json: """
            {"kind": "medical", "occurredAt": "2025-02-15T08:00:00Z",
             "data": {"kind": "admission", "seriouslyIll": true, "summary": "\(mark(.health, "summary"))"}}
            """, .created)
        // A voiding of that entry awaiting a second officer: its reason speaks of his health (issue 8).
        try await bureau.expect("api/v1/prisoners/\(petrov)/voidings", token: staff.approverA, json: """
            {"reason": "\(mark(.health, "voidreason"))", "eventID": "\(try admission.content.get(String.self, at: "id"))"}
            """, .created)
        try await bureau.expect("api/v1/prisoners/\(ri)/events", token: staff.investigator, json: """
            {"kind": "interview", "occurredAt": "2025-01-15T10:00:00Z",
             "data": {"purpose": "intake", "language": "ko", "mode": "written", "noCoercionAttested": true,
                      "interpreter": {"name": "Anna Pak", "affiliation": "ICRC-contracted interpreter"},
                      "content": "\(mark(.interviews, "content"))"}}
            """, .created)
        try await bureau.expect("api/v1/prisoners/\(ri)/events", token: staff.registrar, json: """
            {"kind": "effects", "occurredAt": "2025-01-10T10:00:00Z",
             "data": {"items": [{"description": "\(mark(.effects, "item"))", "disposition": "kept"}],
                      "receiptNumber": "R-1"}}
            """, .created)

        // His will, in his own words.
        try await bureau.expect("api/v1/prisoners/\(ri)/will-statements", token: staff.investigator,
            json: DispositionFixtures.will(answer: #"{"kind": "third_state", "state": "\#(thirdState)"}"#,
                                           words: mark(.will, "words"), translation: mark(.will, "translation")),
            .created)
        try await bureau.expect("api/v1/prisoners/\(petrov)/will-statements", token: staff.legal,
            json: DispositionFixtures.will(answer: #"{"kind": "return_home"}"#, words: mark(.will, "home"),
                                           translation: "I want to go home.", language: "ru"), .created)

        // Risk at home, and the third state's readiness under Art. 12.
        let homeRisk = try await bureau.expect("api/v1/prisoners/\(ri)/risk-assessments", token: staff.legal,
            json: DispositionFixtures.risk(destination: "PRK", transit: ["RUS"], outcome: "serious_risk",
                                           findings: mark(.risk, "findings")), .created)
        let homeRiskID = try homeRisk.content.get(String.self, at: "id")
        try await bureau.expect("api/v1/prisoners/\(ri)/risk-assessments", token: staff.legal,
            json: DispositionFixtures.risk(destination: thirdState, outcome: "no_serious_risk",
                                           findings: mark(.risk, "clear")), .created)
        try await bureau.expect("api/v1/prisoners/\(petrov)/risk-assessments", token: staff.legal,
            json: DispositionFixtures.risk(destination: "RUS", outcome: "no_serious_risk",
                                           findings: mark(.risk, "home")), .created)
        try await bureau.expect("api/v1/prisoners/\(ri)/article12-assessments", token: staff.legal, json: """
            {"receivingPower": "\(thirdState)", "partyToConvention": true, "willing": true, "able": true,
             "basis": "\(mark(.risk, "basis"))", "assessedAt": "2026-11-26T10:00:00Z"}
            """, .created)

        // A release request citing the risk at home: the whole request is risk class (guard 8).
        let release = try await bureau.expect("api/v1/prisoners/\(ri)/media-releases", token: staff.legal, json: """
            {"medium": "video", "description": "\(mark(.risk, "releasedescription"))", "digest": "\(String(repeating: "ab", count: 32))",
             "requester": "\(mark(.risk, "requester"))", "purpose": "\(mark(.risk, "purpose"))", "identifiable": ["face"],
             "prisonerConsents": false, "prisonerViewNote": "\(mark(.risk, "view"))",
             "riskAssessmentIds": ["\(homeRiskID)"], "familyRisk": "\(mark(.risk, "familyrisk"))"}
            """, .created)
        let releaseID = try release.content.get(String.self, at: "request", "id")

        // Petrov lost a hand: eligible for direct repatriation.
        try await bureau.expect("api/v1/prisoners/\(petrov)/medical-eligibility", token: staff.medic, json: """
            {"category": "art110_1_1", "annexIReference": "\(mark(.health, "annex"))", "commissionDecision": "A",
             "decidedAt": "2026-11-10T10:00:00Z", "decidedBy": "\(mark(.health, "commission"))"}
            """, .created)

        // Parties; a consultation with the third state that discloses his wish.
        let third = try await bureau.expect("api/v1/parties", token: staff.liaison, json: """
            {"name": "Republic of Korea", "kind": "state", "stateCode": "\(thirdState)",
             "roles": [{"prisonerID": "\(ri)", "role": "third_state"}]}
            """, .created)
        let thirdID = try third.content.get(String.self, at: "party", "id")
        try await bureau.expect("api/v1/parties", token: staff.liaison, json: """
            {"name": "DPRK", "kind": "state", "stateCode": "PRK",
             "roles": [{"prisonerID": "\(ri)", "role": "power_depended_on", "contested": true,
                        "rationale": "KPA unit deployed by the DPRK"}]}
            """, .created)

        // An exchange with Russia that both are refused from, each with every reason.
        let exchange = try await bureau.expect("api/v1/exchanges", token: staff.liaison,
                                               json: #"{"counterpart": "RUS"}"#, .created)
        let exchangeID = try exchange.content.get(String.self, at: "id")

        // Ri's transfer to the third state, approved by two approvers.
        let opened = try await bureau.expect("api/v1/cases", token: staff.legal, json: """
            {"prisonerID": "\(ri)", "kind": "third_state_transfer", "route": {"destination": "\(thirdState)"},
             "receivingPower": "\(thirdState)"}
            """, .created)
        let transfer = try opened.content.get(String.self, at: "id")
        try await bureau.expect("api/v1/consultations", token: staff.liaison, json: """
            {"partyID": "\(thirdID)", "direction": "outbound", "kind": "request", "date": "2026-11-22T10:00:00Z",
             "channel": "diplomatic_note", "summary": "\(mark(.will, "consultation"))", "caseIDs": ["\(transfer)"],
             "prisonerIDs": ["\(ri)"], "disclosesWill": true,
             "disclosureApproval": {"dataProtectionOfficer": "dpo.lysenko", "legalOfficer": "lo.kovalenko",
                                    "reason": "Needed for the third state's acceptance", "approvedAt": "2026-11-22T09:00:00Z"}}
            """, .created)
        try await bureau.expect("api/v1/cases/\(transfer)/transitions", token: staff.legal,
                                json: #"{"to": "under_legal_review"}"#, .ok)
        for key in ["guard.9.no_identity_document", "guard.9.false_document", "guard.9.contested_power"] {
            try await bureau.expect("api/v1/cases/\(transfer)/overrides", token: staff.legal,
                                    json: #"{"key": "\#(key)", "reason": "Accepted for the hand-over"}"#, .created)
            try await bureau.expect("api/v1/cases/\(transfer)/overrides/confirm", token: staff.approverA,
                                    json: #"{"key": "\#(key)"}"#, .ok)
        }
        try await bureau.expect("api/v1/cases/\(transfer)/transitions", token: staff.approverA, json: #"{"to": "approved"}"#, .ok)
        try await bureau.expect("api/v1/cases/\(transfer)/transitions", token: staff.approverB, json: #"{"to": "approved"}"#, .ok)

        // Petrov's medical repatriation, a draft whose checklist speaks of his wounds and his wish.
        let medical = try await bureau.expect("api/v1/cases", token: staff.legal, json: """
            {"prisonerID": "\(petrov)", "kind": "direct_medical_repatriation", "route": {"destination": "RUS"},
             "receivingPower": "RUS"}
            """, .created)
        // Art. 22(3): Petrov in a section of Russian soldiers; Ri's consent to a section of his own, and an
        // override (confirmed by a second approver) to hold him with Petrov. Their words are will class.
        try await bureau.expect("api/v1/prisoners/\(petrov)/events", token: staff.registrar, json: """
            {"kind": "custody_move", "occurredAt": "2025-02-20T08:00:00Z",
             "data": {"facility": "Camp 5", "facilityType": "camp", "section": "R"}}
            """, .created)
        try await bureau.expect("api/v1/prisoners/\(ri)/placement-consents", token: staff.registrar, json: """
            {"facility": "Camp 5", "section": "K", "statement": "\(mark(.will, "placementconsent"))"}
            """, .created)
        let placementOverride = try await bureau.expect("api/v1/prisoners/\(ri)/placement-overrides", token: staff.legal, json: """
            {"facility": "Camp 5", "section": "R", "reason": "\(mark(.will, "placementreason"))"}
            """, .created)
        let placementOverrideID = try placementOverride.content.get(String.self, at: "id")
        try await bureau.expect("api/v1/placement-overrides/\(placementOverrideID)/confirm", token: staff.approverA, .ok)
        // An enquiry from the CTA about Ri, found, confirmed by a second officer and answered.
        let tracerA = try await bureau.signedIn(.tracingOfficer, name: "to.seed.a")
        let tracerB = try await bureau.signedIn(.tracingOfficer, name: "to.seed.b")
        let enquiry = try await bureau.expect("api/v1/enquiries", token: tracerA,
            json: EnquiryFixtures.enquiry(names: ["Ri Chol-ho"], born: "1999", language: "ko"), .created)
        let enquiryID = try enquiry.content.get(String.self, at: "id")
        try await bureau.expect("api/v1/enquiries/\(enquiryID)/outcome", token: tracerA,
                                json: #"{"result": "held", "prisonerID": "\#(ri)"}"#, .ok)
        try await bureau.expect("api/v1/enquiries/\(enquiryID)/confirm", token: tracerB, .ok)
        try await bureau.expect("api/v1/enquiries/\(enquiryID)/answer", token: tracerA, .created)
        let notices = try await NoticeOutbox(context: bureau.services.context)
            .list(status: nil, by: Principal(username: "seed", role: .liaisonOfficer)).map(\.id.uuidString)
        return LeakSeed(ri: ri, petrov: petrov, transfer: transfer,
                        medicalCase: try medical.content.get(String.self, at: "id"), exchange: exchangeID, enquiry: enquiryID, release: releaseID,
                        placementOverride: placementOverrideID, notices: notices, markers: markers,
                        tokens: [.risk: ["serious_risk", "no_serious_risk"], .health: ["art110_1_1"],
                                 .will: [thirdState]])
    }

    /// The ids a route's parameter is tried with: those of the records its path names.
    func candidates(after constant: String?) -> [String] {
        switch constant {
        case "prisoners": return [ri, petrov]
        case "cases": return [transfer, medicalCase]
        case "exchanges": return [exchange]
        case "enquiries": return [enquiry]
        case "media-releases": return [release]
        case "placement-overrides": return [placementOverride]
        case "outbox": return notices.isEmpty ? [ri] : notices
        default: return [ri]
        }
    }

    /// Every concrete path of a route, its parameters filled with the seeded ids.
    func paths(of route: Vapor.Route) -> [String] {
        var paths = [""]
        var previous: String?
        for component in route.path {
            switch component {
            case .constant(let text):
                paths = paths.map { "\($0)/\(text)" }
                previous = text
            case .parameter:
                let ids = candidates(after: previous)
                paths = paths.flatMap { path in ids.map { "\(path)/\($0)" } }
            case .anything, .catchall:
                paths = paths.map { "\($0)/\(ri)" }
            }
        }
        return paths.map { $0.isEmpty ? "/" : $0 }
    }
}
