import BureauCore
import BureauStore
import Vapor

/// `/prisoners/{id}`: identity claims side by side in their scripts, and the timeline.
struct PrisonerDetailPage {
    struct Field: Encodable {
        var key: String
        var value: String
    }

    struct ClaimCard: Encodable {
        var id: String = ""
        /// Replaced by a corrected claim (issue 8): kept on record, marked.
        var superseded: Bool = false
        var canCorrect: Bool = false
        var name: String
        var script: String
        var assessed: Bool
        var sourceKey: String
        var confidenceKey: String
        var authenticityKey: String?
        var fields: [Field]
        var refusedKeys: [String]
        var recorded: String
        var hasRefused: Bool { !refusedKeys.isEmpty }

        private enum CodingKeys: String, CodingKey {
            case name, script, assessed, sourceKey, confidenceKey, authenticityKey, fields, refusedKeys, recorded, hasRefused
            case id, superseded, canCorrect
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(script, forKey: .script)
            try container.encode(assessed, forKey: .assessed)
            try container.encode(sourceKey, forKey: .sourceKey)
            try container.encode(confidenceKey, forKey: .confidenceKey)
            try container.encodeIfPresent(authenticityKey, forKey: .authenticityKey)
            try container.encode(fields, forKey: .fields)
            try container.encode(refusedKeys, forKey: .refusedKeys)
            try container.encode(recorded, forKey: .recorded)
            try container.encode(hasRefused, forKey: .hasRefused)
            try container.encode(id, forKey: .id)
            try container.encode(superseded, forKey: .superseded)
            try container.encode(canCorrect, forKey: .canCorrect)
        }
    }

    struct Row: Encodable {
        var id: String
        var date: String
        var kindKey: String
        var kind: String
        var fields: [Field]
        var superseded: Bool
        var correction: Bool
        var redacted: Bool
        var recordedBy: String
        var canCorrect: Bool
        /// Guard 10: an Art. 22(3) override awaiting a second approver, confirmed from here.
        var clearanceID: String = ""
        var canConfirm: Bool = false
        /// Voided as made in error (issue 8): struck through, owes nothing.
        var voided: Bool = false
        var canVoid: Bool = false
    }

    struct Model: Encodable {
        var id: String
        var number: String
        var name: String
        var statusKey: String
        var power: String
        var powerContested: Bool
        var powerRationale: String
        var forces: String
        var unit: String
        var languages: String
        var canStateIdentity: Bool
        var answersOnlyInWriting: Bool
        var claims: [ClaimCard]
        var timeline: [Row]
        var withheldKeys: [String]
        var canAddClaim: Bool
        var eventKinds: [Field]
        var hasEventKinds: Bool
        var hasWithheld: Bool
        var cannotStateIdentity: Bool
        /// Art. 122(7): enquiries whose outcome names him, with their answers (for roles that read enquiries).
        var enquiries: [EnquiryLine]
        var hasEnquiries: Bool
        var corrections: PrisonerCorrections
        var dossier: PrisonerDossierSection
        /// Guard 8: release requests and breaches about him, for those who may read them.
        var releases: [ReleaseRow] = []
        var breaches: [ReleaseRow] = []
        var hasReleases: Bool = false
        var showReleases: Bool = false
        var canRequestRelease: Bool = false
    }

    struct EnquiryLine: Encodable {
        var id: String
        var names: String
        var enquirer: String
        var resultKey: String
        var statusKey: String
        var answered: String
    }

    struct ReleaseRow: Encodable {
        var date: String
        var mediumKey: String
        var description: String
        var requester: String
        var stateKey: String
        var featureKeys: [String]
        var reasoning: String
        var id: String = ""
        var canAssess: Bool = false
        var canDecide: Bool = false
        var canClose: Bool = false
    }

    func show(_ request: Request) async throws -> Response {
        try await render(request)
    }

    /// The record; `error` when a form on it was refused (a voiding confirmed by the one who asked).
    func render(_ request: Request, error: String? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let user = try request.requireUser()
        let file = try await request.bureau.registry.file(of: try request.prisonerID(), by: user.principal,
                                                          purpose: request.statedPurpose)
        let language = request.language
        let zone = request.bureau.config.timeZone
        let catalog = request.bureau.catalog
        let prisoner = file.prisoner
        let writable = AccessPolicy.writableEventKinds(of: user.account.role)
        // People are named by their full name where the account has one.
        let names = try await request.bureau.users.displayNames()
        let corrections = PrisonerCorrections(file, user: user, request: request, names: names)
        let claims = file.claims.map { claim in
            ClaimCard(id: claim.id.uuidString, superseded: corrections.supersededClaims.contains(claim.id),
                      canCorrect: corrections.canCorrectClaims && !corrections.supersededClaims.contains(claim.id),
                      name: claim.displayName.isEmpty ? "—" : claim.displayName, script: claim.script.rawValue,
                      assessed: claim.isAssessed, sourceKey: "source.\(claim.source.rawValue)",
                      confidenceKey: "confidence.\(claim.confidence.rawValue)",
                      authenticityKey: claim.documentAuthenticity.map { "authenticity.\($0.rawValue)" },
                      fields: Self.fields(of: claim, language: language), refusedKeys: claim.refusedItems.sorted().map { "item.\($0.rawValue)" },
                      recorded: "\(names[claim.recordedBy] ?? claim.recordedBy), \(DateText.format(claim.recordedAt, language: language, timeZone: zone))")
        }
        var dated = file.timeline.map { entry in
            (entry.event.occurredAt, Row(id: entry.event.id.uuidString,
                date: DateText.format(entry.event.occurredAt, language: language, timeZone: zone),
                kindKey: "event.\(entry.event.kind.rawValue)", kind: entry.event.kind.rawValue,
                fields: TimelineText.fields(entry.event.payload, catalog: catalog, language: language, timeZone: zone),
                superseded: entry.supersededBy != nil, correction: entry.event.supersedes != nil,
                redacted: entry.redacted, recordedBy: names[entry.event.recordedBy] ?? entry.event.recordedBy,
                canCorrect: entry.supersededBy == nil && writable.contains(entry.event.kind)
                    && EventPage.supportedKinds.contains(entry.event.kind) && !corrections.voidedEvents.contains(entry.event.id),
                voided: corrections.voidedEvents.contains(entry.event.id),
                canVoid: corrections.canVoid && !entry.redacted && !corrections.voidedEvents.contains(entry.event.id)))
        }
        // Art. 22(3): his consents and overrides stand on the timeline beside the moves they allow.
        let clearances = try await request.bureau.placements.clearances(of: prisoner.id, by: user.principal)
        dated += clearances.map { clearance in
            (clearance.recordedAt, Self.row(clearance, role: user.account.role, username: user.account.username, names: names,
                                            text: { catalog.text($0, language) },
                                            date: { DateText.format($0, language: language, timeZone: zone) }))
        }
        let rows = dated.enumerated().sorted { ($0.element.0, $0.offset) > ($1.element.0, $1.offset) }.map(\.element.1)
        let enquiries = try await request.bureau.enquiries.enquiries(about: prisoner.id, by: user.principal).map { enquiry in
            EnquiryLine(id: enquiry.id.uuidString, names: enquiry.person.names.joined(separator: " / "),
                        enquirer: enquiry.enquirer.name, resultKey: "eresult.\(enquiry.outcome?.result.code.rawValue ?? "")",
                        statusKey: "estatus.\(enquiry.status.rawValue)",
                        answered: enquiry.answeredAt.map { DateText.format($0, language: language, timeZone: zone) } ?? "")
        }
        var model = Model(
            id: prisoner.id.uuidString, number: prisoner.internmentNumber,
            name: file.assessedClaim?.displayName ?? "—", statusKey: "status.\(prisoner.status.rawValue)",
            power: prisoner.powerDependedOn.power, powerContested: prisoner.powerDependedOn.contested,
            powerRationale: prisoner.powerDependedOn.rationale ?? "", forces: prisoner.forcesServedWith ?? "",
            unit: prisoner.unit ?? "", languages: prisoner.languages.joined(separator: ", "),
            canStateIdentity: prisoner.canStateIdentity, answersOnlyInWriting: prisoner.answersOnlyInWriting,
            claims: claims, timeline: rows, withheldKeys: file.withheld.sorted { $0.rawValue < $1.rawValue }.map { "class.\($0.rawValue)" },
            canAddClaim: AccessPolicy.allows(user.account.role, .recordClaim),
            eventKinds: EventPage.supportedKinds.filter { writable.contains($0) && $0 != .capture }
                .map { Field(key: "event.\($0.rawValue)", value: $0.rawValue) },
            hasEventKinds: EventPage.supportedKinds.contains { writable.contains($0) && $0 != .capture }, hasWithheld: !file.withheld.isEmpty,
            cannotStateIdentity: !prisoner.canStateIdentity, enquiries: enquiries, hasEnquiries: !enquiries.isEmpty,
            corrections: corrections,
            dossier: PrisonerDossierSection(try await request.bureau.disposition.dossier(of: prisoner.id, by: user.principal,
                                                                                      purpose: request.statedPurpose),
                                            request: request, names: names))
        if AccessPolicy.allows(user.account.role, .readReleases) {
            let store = request.bureau.mediaReleases
            model.showReleases = true
            let role = user.account.role
            model.canRequestRelease = AccessPolicy.allows(role, .requestRelease)
            model.releases = try await store.releases(of: prisoner.id, by: user.principal).reversed().map { release in
                ReleaseRow(date: DateText.format(release.recordedAt, language: language, timeZone: zone),
                           mediumKey: "mediamedium.\(release.medium.rawValue)", description: release.description,
                           requester: release.requester, stateKey: "releasestate.\(release.state.rawValue)",
                           featureKeys: release.remainingIdentifiable.sorted().map { "mediafeature.\($0.rawValue)" },
                           reasoning: (release.decision ?? release.assessment)?.reasoning ?? "", id: release.id.uuidString,
                           canAssess: release.state == .requested && AccessPolicy.allows(role, .requestRelease),
                           canDecide: release.state == .assessed && AccessPolicy.allows(role, .decideRelease))
            }
            model.breaches = try await store.breaches(of: prisoner.id, by: user.principal).reversed().map { breach in
                ReleaseRow(date: DateText.format(breach.publishedAt, language: language, timeZone: zone),
                           mediumKey: "mediamedium.\(breach.medium.rawValue)", description: breach.description,
                           requester: breach.publishedIn, stateKey: breach.isOpen ? "releasestate.breach" : "releasestate.breach_closed",
                           featureKeys: [], reasoning: breach.closingNote ?? "", id: breach.id.uuidString,
                           canClose: breach.isOpen && AccessPolicy.allows(role, .requestRelease))
            }
        }
        model.hasReleases = !model.releases.isEmpty || !model.breaches.isEmpty
        return try await request.renderPage("prisoner", titleKey: "prisoner.title", model: model, error: error, status: status)
    }

    static func row(_ clearance: PlacementClearance, role: Role, username: String, names: [String: String], text: (String) -> String,
                    date: (Date) -> String) -> Row {
        var fields = [Field(key: "field.facility", value: clearance.facility)]
        if let section = clearance.section { fields.append(Field(key: "field.section", value: section)) }
        if !clearance.text.isEmpty {
            fields.append(Field(key: clearance.kind == .consent ? "placement.statement" : "placement.reason", value: clearance.text))
        }
        if clearance.kind == .override {
            let status = clearance.confirmedBy.map { "\(text("placement.confirmed")): \(names[$0] ?? $0), \(clearance.confirmedAt.map(date) ?? "")" }
                ?? text("placement.awaiting")
            fields.append(Field(key: "field.status", value: status))
        }
        return Row(id: clearance.id.uuidString, date: date(clearance.recordedAt), kindKey: "placement.kind.\(clearance.kind.rawValue)",
                   kind: "placement_\(clearance.kind.rawValue)", fields: fields, superseded: false, correction: false, redacted: false,
                   recordedBy: names[clearance.recordedBy] ?? clearance.recordedBy, canCorrect: false, clearanceID: clearance.id.uuidString,
                   canConfirm: clearance.awaitsConfirmation && AccessPolicy.allows(role, .confirmOverride)
                       && clearance.recordedBy != username)
    }

    static func fields(of claim: IdentityClaim, language: String) -> [Field] {
        var fields: [Field] = []
        func add(_ key: String, _ value: String?) {
            if let value, !value.isEmpty { fields.append(Field(key: key, value: value)) }
        }
        add("field.surname", claim.surname)
        add("field.firstNames", claim.firstNames)
        add("field.fatherName", claim.fatherName)
        add("field.dateOfBirth", claim.dateOfBirth?.description)
        add("field.placeOfBirth", claim.placeOfBirth)
        add("field.rank", claim.rank)
        add("field.serviceNumber", claim.serviceNumber)
        add("field.nationality", claim.nationality.map { PlaceNames.country($0, language: language) })
        add("field.note", claim.note)
        return fields
    }
}
