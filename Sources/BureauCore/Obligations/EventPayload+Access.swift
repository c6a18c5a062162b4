/// Typed access to a payload's data, for the rules: `event.payload.transferOrderData?.plannedDeparture`.
extension EventPayload {
    var captureData: Capture? {
        if case .capture(let value) = self { return value }
        return nil
    }

    var custodyMoveData: CustodyMove? {
        if case .custodyMove(let value) = self { return value }
        return nil
    }

    var medicalData: MedicalEntry? {
        if case .medical(let value) = self { return value }
        return nil
    }

    var documentData: HeldDocument? {
        if case .document(let value) = self { return value }
        return nil
    }

    var effectsData: EffectsSeizure? {
        if case .effects(let value) = self { return value }
        return nil
    }

    var moneyData: MoneySeizure? {
        if case .money(let value) = self { return value }
        return nil
    }

    var interviewData: Interview? {
        if case .interview(let value) = self { return value }
        return nil
    }

    var captureCardData: CaptureCardEntry? {
        if case .captureCard(let value) = self { return value }
        return nil
    }

    var notificationData: NotificationEntry? {
        if case .notification(let value) = self { return value }
        return nil
    }

    var correspondenceData: CorrespondenceItem? {
        if case .correspondence(let value) = self { return value }
        return nil
    }

    var censorshipData: CensorshipEntry? {
        if case .censorship(let value) = self { return value }
        return nil
    }

    var correspondenceFormsData: CorrespondenceForms? {
        if case .correspondenceForms(let value) = self { return value }
        return nil
    }

    var transferOrderData: TransferOrder? {
        if case .transferOrder(let value) = self { return value }
        return nil
    }

    var transferNoticeData: TransferNotice? {
        if case .transferNotice(let value) = self { return value }
        return nil
    }

    var transferListData: TransferList? {
        if case .transferList(let value) = self { return value }
        return nil
    }

    var medicalClearanceData: MedicalClearance? {
        if case .medicalClearance(let value) = self { return value }
        return nil
    }

    var certificateRequestData: CertificateRequest? {
        if case .certificateRequest(let value) = self { return value }
        return nil
    }

    var seriousInjuryData: SeriousInjury? {
        if case .seriousInjury(let value) = self { return value }
        return nil
    }

    var mmcExaminationData: MMCExamination? {
        if case .mmcExamination(let value) = self { return value }
        return nil
    }

    var mmcDecisionData: MMCDecision? {
        if case .mmcDecision(let value) = self { return value }
        return nil
    }

    var deathData: DeathEntry? {
        if case .death(let value) = self { return value }
        return nil
    }

    var deathCertificateData: DeathCertificate? {
        if case .deathCertificate(let value) = self { return value }
        return nil
    }

    var officialInquiryData: OfficialInquiry? {
        if case .officialInquiry(let value) = self { return value }
        return nil
    }

    var escapeData: EscapeEntry? {
        if case .escape(let value) = self { return value }
        return nil
    }

    var recaptureData: RecaptureEntry? {
        if case .recapture(let value) = self { return value }
        return nil
    }

    var releaseData: ReleaseEntry? {
        if case .release(let value) = self { return value }
        return nil
    }

    var repatriationData: RepatriationEntry? {
        if case .repatriation(let value) = self { return value }
        return nil
    }

    var repatriationHoldData: RepatriationHold? {
        if case .repatriationHold(let value) = self { return value }
        return nil
    }

    var disciplinaryAwardData: DisciplinaryAward? {
        if case .disciplinaryAward(let value) = self { return value }
        return nil
    }

    var punishmentExecutionData: PunishmentExecution? {
        if case .punishmentExecution(let value) = self { return value }
        return nil
    }

    var confinementData: ConfinementEntry? {
        if case .confinement(let value) = self { return value }
        return nil
    }

    var judicialChargeData: JudicialCharge? {
        if case .judicialCharge(let value) = self { return value }
        return nil
    }

    var trialScheduleData: TrialSchedule? {
        if case .trialSchedule(let value) = self { return value }
        return nil
    }

    var judgmentData: JudgmentEntry? {
        if case .judgment(let value) = self { return value }
        return nil
    }

    var visitRequestData: VisitRequest? {
        if case .visitRequest(let value) = self { return value }
        return nil
    }

    var visitData: VisitEntry? {
        if case .visit(let value) = self { return value }
        return nil
    }

    var visitRefusalData: VisitRefusal? {
        if case .visitRefusal(let value) = self { return value }
        return nil
    }

    var representativeElectionData: RepresentativeElection? {
        if case .representativeElection(let value) = self { return value }
        return nil
    }

    var representativeMandateEndData: RepresentativeMandateEnd? {
        if case .representativeMandateEnd(let value) = self { return value }
        return nil
    }

    var languageAssessmentData: LanguageAssessment? {
        if case .languageAssessment(let value) = self { return value }
        return nil
    }

    var moneyRegistrationData: MoneyRegistration? {
        if case .moneyRegistration(let value) = self { return value }
        return nil
    }

    var waiverData: ObligationWaiver? {
        if case .waiver(let value) = self { return value }
        return nil
    }
}
