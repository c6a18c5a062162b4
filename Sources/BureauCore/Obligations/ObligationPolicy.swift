import Foundation

/// The Bureau's settings for the deadlines the Convention leaves open ("without delay",
/// "immediately", "as soon as possible") and for what counts as "due soon".
///
/// Every default is documented here and in `docs/conformance.md`; an obligation whose deadline
/// comes from one of these says so (`deadlineBasis == .policy`).
public struct ObligationPolicy: Sendable, Hashable, Codable {
    public static let hour: TimeInterval = 3600
    public static let day: TimeInterval = 86_400

    /// An open obligation whose deadline is at most this far away is `due`. Default 48 h.
    public var dueSoonWindow: TimeInterval = 48 * hour
    /// GC3-70-card, Art. 70 "immediately upon capture": card offered within this of capture or
    /// recapture, unless a camp arrival restarts the treaty's 7-day clock first. Default 7 days.
    public var captureCardAfterCapture: TimeInterval = 7 * day
    /// GC3-70-card, "forwarded as rapidly as possible": written card forwarded within. Default 48 h.
    public var captureCardForwarding: TimeInterval = 48 * hour
    /// GC3-122-initial, "shortest possible period" + "immediately": capture to CTA/PP notice. Default 48 h
    /// (24 h from the capturing unit to the Bureau, 24 h onward).
    public var initialNotification: TimeInterval = 48 * hour
    /// GC3-122-events, transfer/hospital/release/repatriation/escape/recapture/death notices. Default 48 h.
    public var eventNotification: TimeInterval = 48 * hour
    /// GC3-30-cert: certificate issued after the prisoner's request. Default 7 days.
    public var certificateIssue: TimeInterval = 7 * day
    /// GC3-30-cert: duplicate of an issued certificate to the CTA. Default 72 h.
    public var certificateDuplicate: TimeInterval = 72 * hour
    /// GC3-76-censor, "as quickly as possible": censorship of each item. Default 72 h.
    public var censorship: TimeInterval = 72 * hour
    /// GC3-71-quota applies only when the Detaining Power limits correspondence. Default true.
    public var correspondenceIsLimited: Bool = true
    /// GC3-48-notice, "in time for him to pack and inform his next of kin": notice at least this long
    /// before the planned departure. Default 48 h.
    public var transferNoticeLead: TimeInterval = 48 * hour
    /// GC3-17-language: a language he understands established within this of capture (and in any case
    /// before the first interview). Default 24 h.
    public var languageAssessment: TimeInterval = 24 * hour
    /// GC3-18-money: the register entry is due at the seizure itself (treaty); a grace here makes the
    /// deadline a policy one. Default 0.
    public var moneyRegisterGrace: TimeInterval = 0
    /// GC3-126-visits: a requested ICRC/Protecting Power visit takes place within this. Default 7 days.
    public var visitGrant: TimeInterval = 7 * day
    /// GC3-120-cert, "as rapidly as possible": death certificate to the Bureau. Default 72 h.
    public var deathCertificate: TimeInterval = 72 * hour
    /// GC3-121-inquiry, "immediate": inquiry opened and Protecting Power told. Default 24 h.
    public var inquiryOpening: TimeInterval = 24 * hour
    /// GC3-101-stay, Art. 107 "as soon as possible": detailed communication received. Default 7 days.
    public var detailedCommunication: TimeInterval = 7 * day
    /// GC3-79-rep, election "on vacancy": a new representative elected within. Default 14 days.
    public var representativeVacancy: TimeInterval = 14 * day
    /// GC3-119-held: names of prisoners held back communicated within. Default 7 days.
    public var heldBackNotice: TimeInterval = 7 * day
    /// GC3-122-enquiry, Art. 122(7) sets no period: an enquiry is answered within this of receipt. Default 30 days.
    public var enquiryReply: TimeInterval = 30 * day
    /// GC3-122-enquiry: a standing enquiry (answered "no record") is raised on the dashboard when a new
    /// registration or claim matches it with at least this score, in percent. Default 80.
    public var enquiryMatchThreshold: Int = 80
    /// GC3-118-repat, "without delay after the cessation of active hostilities". Default 60 days
    /// (the 1953 Korean Armistice, Art. III(51)(a), allowed 60 days for direct repatriation).
    public var repatriationAfterCessation: TimeInterval = 60 * day
    /// GC3-118-repat: the date active hostilities ceased; nil (the default) while they continue.
    public var cessationOfHostilities: Date?
    /// Protecting Power (or Art. 10 substitute) per Power depended on, ISO alpha-3 → name. Empty by
    /// default (none appointed in Russia–Ukraine): notices then go to the CTA only.
    public var protectingPowers: [String: String] = [:]

    public init() {}

    public static let standard = ObligationPolicy()

    private enum CodingKeys: String, CodingKey {
        case dueSoonWindow, captureCardAfterCapture, captureCardForwarding, initialNotification, eventNotification,
             certificateIssue, certificateDuplicate, censorship, correspondenceIsLimited, transferNoticeLead,
             languageAssessment, moneyRegisterGrace, visitGrant, deathCertificate, inquiryOpening,
             detailedCommunication, representativeVacancy, heldBackNotice, enquiryReply, enquiryMatchThreshold,
             repatriationAfterCessation,
             cessationOfHostilities, protectingPowers
    }

    /// Decodes a partial configuration: every setting left out keeps its default. Intervals are seconds.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func read<T: Decodable>(_ key: CodingKeys, _ value: inout T) throws {
            if let decoded = try container.decodeIfPresent(T.self, forKey: key) { value = decoded }
        }
        try read(.dueSoonWindow, &dueSoonWindow)
        try read(.captureCardAfterCapture, &captureCardAfterCapture)
        try read(.captureCardForwarding, &captureCardForwarding)
        try read(.initialNotification, &initialNotification)
        try read(.eventNotification, &eventNotification)
        try read(.certificateIssue, &certificateIssue)
        try read(.certificateDuplicate, &certificateDuplicate)
        try read(.censorship, &censorship)
        try read(.correspondenceIsLimited, &correspondenceIsLimited)
        try read(.transferNoticeLead, &transferNoticeLead)
        try read(.languageAssessment, &languageAssessment)
        try read(.moneyRegisterGrace, &moneyRegisterGrace)
        try read(.visitGrant, &visitGrant)
        try read(.deathCertificate, &deathCertificate)
        try read(.inquiryOpening, &inquiryOpening)
        try read(.detailedCommunication, &detailedCommunication)
        try read(.representativeVacancy, &representativeVacancy)
        try read(.heldBackNotice, &heldBackNotice)
        try read(.enquiryReply, &enquiryReply)
        try read(.enquiryMatchThreshold, &enquiryMatchThreshold)
        try read(.repatriationAfterCessation, &repatriationAfterCessation)
        cessationOfHostilities = try container.decodeIfPresent(Date.self, forKey: .cessationOfHostilities)
        try read(.protectingPowers, &protectingPowers)
    }

    /// Refuses settings that would make the clocks meaningless (negative intervals).
    public func validate() throws(DomainError) {
        let intervals: [(String, TimeInterval)] = [
            ("dueSoonWindow", dueSoonWindow), ("captureCardAfterCapture", captureCardAfterCapture),
            ("captureCardForwarding", captureCardForwarding), ("initialNotification", initialNotification),
            ("eventNotification", eventNotification), ("certificateIssue", certificateIssue),
            ("certificateDuplicate", certificateDuplicate), ("censorship", censorship),
            ("transferNoticeLead", transferNoticeLead), ("languageAssessment", languageAssessment),
            ("moneyRegisterGrace", moneyRegisterGrace), ("visitGrant", visitGrant),
            ("deathCertificate", deathCertificate), ("inquiryOpening", inquiryOpening),
            ("detailedCommunication", detailedCommunication), ("representativeVacancy", representativeVacancy),
            ("heldBackNotice", heldBackNotice), ("repatriationAfterCessation", repatriationAfterCessation),
            ("enquiryReply", enquiryReply),
        ]
        for (name, value) in intervals where !(value >= 0 && value.isFinite) {
            throw .invalid(name, "must be a non-negative number of seconds", code: "out_of_range")
        }
        if !(50...100).contains(enquiryMatchThreshold) {
            throw .invalid("enquiryMatchThreshold", "a percentage from 50 to 100", code: "out_of_range")
        }
        // Art. 70: policy may shorten the capture-card week, never lengthen it past the treaty's.
        if captureCardAfterCapture > 7 * ObligationPolicy.day {
            throw .invalid("captureCardAfterCapture", "Art. 70: at most 7 days", code: "out_of_range")
        }
        for power in protectingPowers.keys where !ClaimRules.isAlpha3(power) {
            throw .invalid("protectingPowers", "keys are ISO 3166-1 alpha-3 codes such as PRK or RUS", code: "invalid_country")
        }
    }

    /// Whether a Protecting Power is configured for the Power the prisoner depends on.
    public func hasProtectingPower(for power: String) -> Bool {
        protectingPowers[power.uppercased()] != nil
    }
}
