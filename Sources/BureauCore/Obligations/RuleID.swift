/// The GC III obligations Bureau derives, by their catalogue IDs (`shared/gc3.md` §2).
public enum RuleID: String, Sendable, Codable, CaseIterable, Comparable {
    case captureCard = "GC3-70-card"
    case initialNotification = "GC3-122-initial"
    case eventNotification = "GC3-122-events"
    case healthReport = "GC3-122-health"
    /// Art. 122(7): enquiries are clocked per enquiry, not per prisoner (`EnquiryClock`).
    case enquiry = "GC3-122-enquiry"
    case monthlyInspection = "GC3-31-monthly"
    case medicalCertificate = "GC3-30-cert"
    case correspondenceQuota = "GC3-71-quota"
    case censorship = "GC3-76-censor"
    case transferList = "GC3-46-list"
    case transferOfSick = "GC3-47-sick"
    case transferNotice = "GC3-48-notice"
    case interviewLanguage = "GC3-17-language"
    case moneyRegister = "GC3-18-money"
    case visits = "GC3-126-visits"
    case deathCertificate = "GC3-120-cert"
    case deathInquiry = "GC3-121-inquiry"
    case disciplinaryLimits = "GC3-90-limits"
    case preHearingConfinement = "GC3-95-prehearing"
    case preTrialConfinement = "GC3-103-pretrial"
    case trialNotice = "GC3-104-notice"
    case deathSentenceStay = "GC3-101-stay"
    case representativeElection = "GC3-79-rep"
    case mixedMedicalCommission = "GC3-112-MMC"
    case repatriation = "GC3-118-repat"
    case heldBack = "GC3-119-held"

    public static func < (lhs: Self, rhs: Self) -> Bool {
        guard let left = allCases.firstIndex(of: lhs), let right = allCases.firstIndex(of: rhs) else { return false }
        return left < right
    }
}
