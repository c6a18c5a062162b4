import BureauCore
import Fluent
import Foundation

/// Correct and void (issue 8, item 4). A correction supersedes a registered value with a reason; the
/// old value stays on record (the prisoner's page shows the history). A voiding takes a prisoner or an
/// entry made in error out of the clocks and the default lists once a second officer confirms it.
extension RegistryStore {
    /// Corrects the status, the Power he depends on, or his unit. `value` is the new value as text
    /// (a status key, an ISO alpha-3 code, a unit's name).
    @discardableResult
    public func correct(_ field: RecordCorrection.Field, to value: String, reason: String, of prisonerID: UUID,
                        by principal: Principal) async throws -> RecordCorrection {
        try await context.require(principal, .correctRegistration, action: "prisoner.correct", entity: "prisoner",
                                  entityID: prisonerID.uuidString)
        let reason = try Self.checkReason(reason)
        let value = value.trimmingCharacters(in: .whitespacesAndNewlines)
        switch field {
        case .status:
            guard ProtectedStatus(rawValue: value) != nil else {
                // Well-formed but not a value of this field: the request is understood, its content refused (422).
                throw DomainError.unprocessable("value", "is not one of the offered choices", code: "invalid_choice")
            }
        case .power:
            guard ClaimRules.isAlpha3(value) else {
                throw DomainError.unprocessable("value", "use a three-letter ISO code (PRK, RUS, UKR)", code: "invalid_country")
            }
        case .unit:
            if !value.isEmpty { try TextRules.checkName(value, field: "value", limit: 200) }
        case .claim:
            throw DomainError.invalid("field", "correct a claim with the claim form", code: "invalid_choice")
        }
        let now = context.clock.now()
        let id = context.newID()
        let record = AuditRecord(actor: principal.username, role: principal.role.rawValue, action: "prisoner.correct",
                                 entity: "prisoner", entityID: prisonerID.uuidString,
                                 detail: "correction=\(id.uuidString) field=\(field.rawValue)")
        let correction = try await context.audited(record) { tx in
            let model = try await Self.load(prisonerID, on: tx)
            try Self.refuseVoided(model)
            let before: String?
            let after: String? = value.isEmpty ? nil : (field == .power ? value.uppercased() : value)
            switch field {
            case .status:
                before = model.status
                model.status = value
            case .power:
                before = model.power
                model.power = value.uppercased()
            case .unit, .claim:
                before = model.unit
                model.unit = after
            }
            guard before != after else {
                throw DomainError.invalid("value", "is the value already recorded", code: "correction_unchanged")
            }
            try await model.update(on: tx)
            let correction = RecordCorrection(id: id, prisonerID: prisonerID, field: field, before: before, after: after,
                                              reason: reason, recordedBy: principal.username, recordedAt: now)
            try await CorrectionModel(correction).create(on: tx)
            return correction
        }
        if field == .unit { context.names.setUnit(correction.after, of: prisonerID) }
        return correction
    }

    /// Replaces an identity claim (its rank, a misread name, a wrong number) with a corrected one: the
    /// new claim is recorded as any claim is, the old stays on record as superseded, with the reason.
    @discardableResult
    public func correctClaim(_ claimID: UUID, with draft: ClaimDraft, reason: String, of prisonerID: UUID,
                             by principal: Principal) async throws -> IdentityClaim {
        try await context.require(principal, .recordClaim, action: "claim.correct", entity: "prisoner",
                                  entityID: prisonerID.uuidString)
        let reason = try Self.checkReason(reason)
        let now = context.clock.now()
        let claim = draft.claim(id: context.newID(), prisonerID: prisonerID, by: principal.username, at: now)
        let correctionID = context.newID()
        let record = AuditRecord(actor: principal.username, role: principal.role.rawValue, action: "claim.correct",
                                 entity: "prisoner", entityID: prisonerID.uuidString,
                                 detail: "claim=\(claim.id.uuidString) supersedes=\(claimID.uuidString)")
        let saved = try await context.audited(record) { tx in
            let prisoner = try await Self.load(prisonerID, on: tx)
            try Self.refuseVoided(prisoner)
            guard let old = try await ClaimModel.find(claimID, on: tx), old.$prisoner.id == prisonerID else {
                throw DomainError(.notFound, code: "claim_not_found", "no such claim of this prisoner")
            }
            if try await CorrectionModel.query(on: tx).filter(\.$field == RecordCorrection.Field.claim.rawValue)
                .filter(\.$before == claimID.uuidString).count() > 0 {
                throw DomainError(.conflict, code: "claim_superseded", "this claim was corrected already: correct the newer one")
            }
            try ClaimRules.validate(draft, field: "claim", capturedAt: prisoner.capturedAt, now: now)
            try await Self.checkServiceNumbers([claim], power: prisoner.power, prisonerID: prisonerID, on: tx)
            var stored = claim
            // The correction takes the old claim's place as the assessed identity when the old one was.
            stored.isAssessed = claim.isAssessed || old.isAssessed
            if stored.isAssessed {
                try await ClaimModel.query(on: tx).filter(\.$prisoner.$id == prisonerID).set(\.$isAssessed, to: false).update()
            }
            try await ClaimModel(stored).create(on: tx)
            try await CorrectionModel(RecordCorrection(id: correctionID, prisonerID: prisonerID, field: .claim,
                                                       before: claimID.uuidString, after: stored.id.uuidString, reason: reason,
                                                       recordedBy: principal.username, recordedAt: now)).create(on: tx)
            return stored
        }
        context.names.insert([saved])
        return saved
    }

    /// Corrections of a prisoner's registration, oldest first (read with his file).
    public func corrections(of prisonerID: UUID, on db: (any Database)? = nil) async throws -> [RecordCorrection] {
        try await CorrectionModel.query(on: db ?? context.db).filter(\.$prisonerID == prisonerID).sort(\.$recordedAt).all()
            .map { try $0.domain() }
    }

    // MARK: Voiding (four eyes)

    /// Asks for a prisoner (`eventID` nil) or one of his entries to be voided. It counts only once a
    /// different officer confirms.
    @discardableResult
    public func requestVoid(of prisonerID: UUID, eventID: UUID?, reason: String, by principal: Principal) async throws -> Voiding {
        try await context.require(principal, .voidRecord, action: "void.request", entity: "prisoner",
                                  entityID: prisonerID.uuidString)
        let reason = try Self.checkReason(reason)
        let now = context.clock.now()
        let id = context.newID()
        let record = AuditRecord(actor: principal.username, role: principal.role.rawValue, action: "void.request",
                                 entity: "prisoner", entityID: prisonerID.uuidString,
                                 detail: "voiding=\(id.uuidString)" + (eventID.map { " event=\($0.uuidString)" } ?? ""))
        let classes = AccessPolicy.readableClasses(of: principal.role)
        return try await context.audited(record) { tx in
            let prisoner = try await Self.load(prisonerID, on: tx)
            try Self.refuseVoided(prisoner)
            var kind: EventKind?
            if let eventID {
                guard let event = try await EventModel.find(eventID, on: tx), event.$prisoner.id == prisonerID,
                      let eventKind = EventKind(rawValue: event.kind), classes.contains(eventKind.fieldClass) else {
                    throw DomainError(.notFound, code: "event_not_found", "no such entry of this prisoner")
                }
                guard event.voidedAt == nil else {
                    throw DomainError(.conflict, code: "already_voided", "this entry is voided already")
                }
                kind = eventKind
            }
            let open = VoidingModel.query(on: tx).filter(\.$prisonerID == prisonerID).filter(\.$confirmedAt == nil)
            if let eventID { open.filter(\.$eventID == eventID) } else { open.filter(\.$eventID == nil) }
            if try await open.count() > 0 {
                throw DomainError(.conflict, code: "void_pending", "a voiding of this record awaits confirmation already")
            }
            let voiding = Voiding(id: id, prisonerID: prisonerID, eventID: eventID, eventKind: kind, reason: reason,
                                  requestedBy: principal.username, requestedAt: now)
            try await VoidingModel(voiding).create(on: tx)
            return voiding
        }
    }

    /// The second officer confirms a requested voiding; never the one who asked.
    @discardableResult
    public func confirmVoid(_ voidingID: UUID, by principal: Principal) async throws -> Voiding {
        try await context.require(principal, .voidRecord, action: "void.confirm", entity: "voiding",
                                  entityID: voidingID.uuidString)
        let now = context.clock.now()
        let classes = AccessPolicy.readableClasses(of: principal.role)
        guard let found = try await VoidingModel.find(voidingID, on: context.db) else {
            throw DomainError(.notFound, code: "voiding_not_found", "no such voiding request")
        }
        let record = AuditRecord(actor: principal.username, role: principal.role.rawValue, action: "void.confirm",
                                 entity: "prisoner", entityID: found.prisonerID.uuidString,
                                 detail: "voiding=\(voidingID.uuidString)" + (found.eventID.map { " event=\($0.uuidString)" } ?? ""))
        let voided = try await context.audited(record) { tx in
            guard let model = try await VoidingModel.find(voidingID, on: tx) else {
                throw DomainError(.notFound, code: "voiding_not_found", "no such voiding request")
            }
            var voiding = try model.domain()
            // A reader who may not see the entry may not learn of its voiding either.
            guard classes.contains(voiding.dataClass) else {
                throw DomainError(.notFound, code: "voiding_not_found", "no such voiding request")
            }
            guard !voiding.isConfirmed else {
                throw DomainError(.conflict, code: "already_voided", "this voiding is confirmed already")
            }
            guard voiding.requestedBy != principal.username else {
                throw DomainError(.conflict, code: "four_eyes",
                                  "a voiding is confirmed by a second officer, not by the one who asked for it")
            }
            voiding.confirmedBy = principal.username
            voiding.confirmedAt = now
            model.confirmedBy = principal.username
            model.confirmedAt = now
            try await model.update(on: tx)
            // A notice not yet sent about a record made in error is no longer owed, and must not reach the
            // Central Tracing Agency: it leaves the outbox. Notices already sent stay as sent.
            let pending = NoticeModel.query(on: tx).filter(\.$status == OutboundNotice.Status.pending.rawValue)
            if let eventID = voiding.eventID {
                try await EventModel.query(on: tx).filter(\.$id == eventID).set(\.$voidedAt, to: now).update()
                try await pending.filter(\.$concerningEventID == eventID).delete()
            } else {
                let prisoner = try await Self.load(voiding.prisonerID, on: tx)
                prisoner.voidedAt = now
                try await prisoner.update(on: tx)
                try await pending.filter(\.$prisoner.$id == voiding.prisonerID).delete()
            }
            return voiding
        }
        return voided
    }

    /// The voidings of a prisoner's record this reader may learn of (by the class of what they void).
    public func voidings(of prisonerID: UUID, readableBy role: Role, on db: (any Database)? = nil) async throws -> [Voiding] {
        let need = NeedToKnow(role)
        return try await VoidingModel.query(on: db ?? context.db).filter(\.$prisonerID == prisonerID).sort(\.$requestedAt).all()
            .map { try $0.domain() }.filter { need.mayRead($0.dataClass) }
    }

    static func checkReason(_ reason: String) throws -> String {
        guard let text = reason.trimmedOrNil else {
            throw DomainError.invalid("reason", "say why the record is wrong", code: "required")
        }
        try TextRules.checkText(text, field: "reason", limit: RecordCorrection.reasonLimit)
        return text
    }

    static func refuseVoided(_ model: PrisonerModel) throws {
        if model.voidedAt != nil {
            throw DomainError(.conflict, code: "prisoner_voided", "this registration was voided as made in error")
        }
    }
}
