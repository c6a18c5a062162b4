import BureauCore
import Fluent
import Foundation

extension DispositionStore {
    /// Registers a state or organisation, with the roles it plays for given prisoners.
    public func createParty(_ party: Party, roles: [PartyRoleAssignment],
                            by principal: Principal) async throws -> (Party, [PartyRoleAssignment]) {
        try await require(principal, .liaise, action: "party.create", entity: "party")
        let now = context.clock.now()
        var party = party
        party.id = context.newID()
        party.stateCode = party.stateCode?.uppercased()
        try DispositionRules.validate(party)
        let assignments = roles.map { role in
            PartyRoleAssignment(partyID: party.id, prisonerID: role.prisonerID, role: role.role,
                                contested: role.contested, rationale: role.rationale?.trimmedOrNil)
        }
        for assignment in assignments { try DispositionRules.validate(assignment) }
        let audit = record(principal, "party.create", entity: "party", id: party.id,
                           detail: "roles=\(assignments.count)")
        let ids = assignments.map { _ in context.newID() }
        return try await context.audited(audit) { [party] tx in
            try await DispositionRow<PartiesTable>(
                id: party.id, prisonerID: nil, kind: party.kind.rawValue, status: party.stateCode ?? "", at: now,
                recordedBy: principal.username, recordedAt: now, payload: try DispositionCoding.json(party)).create(on: tx)
            for (id, assignment) in zip(ids, assignments) {
                _ = try await RegistryStore.load(assignment.prisonerID, on: tx)
                try await DispositionRow<PartyRolesTable>(
                    id: id, prisonerID: assignment.prisonerID, parentID: party.id, kind: assignment.role.rawValue, at: now,
                    recordedBy: principal.username, recordedAt: now,
                    payload: try DispositionCoding.json(assignment)).create(on: tx)
            }
            return (party, assignments)
        }
    }

    /// Logs an appeal, request, note or reply. Guard 12 is enforced here: an outbound message that
    /// reveals a prisoner's will never goes to the Power he depends on or the forces he served with.
    public func recordConsultation(_ consultation: Consultation, by principal: Principal) async throws -> Consultation {
        try await require(principal, .liaise, action: "consultation.create", entity: "consultation")
        let now = context.clock.now()
        var consultation = consultation
        consultation.id = context.newID()
        consultation.recordedBy = principal.username
        consultation.recordedAt = now
        let cipher = context.cipher
        let audit = record(principal, "consultation.create", entity: "consultation", id: consultation.id,
                           detail: "party=\(consultation.partyID.uuidString)"
                               + " prisoners=\(consultation.prisonerIDs.count) cases=\(consultation.caseIDs.count)")
        return try await context.audited(audit) { [consultation] tx in
            guard let partyRow = try await DispositionRow<PartiesTable>.find(consultation.partyID, on: tx) else {
                throw DomainError(.notFound, code: "party_not_found", "no party with that id", field: "partyID")
            }
            let party = try partyRow.decode(Party.self)
            var facts: [DispositionFacts] = []
            for prisonerID in consultation.prisonerIDs {
                facts.append(try await Self.facts(of: prisonerID, on: tx, cipher: cipher))
            }
            for caseID in consultation.caseIDs {
                if try await DispositionRow<CasesTable>.find(caseID, on: tx) == nil {
                    throw DomainError(.notFound, code: "case_not_found", "no case with id \(caseID.uuidString)", field: "caseIDs")
                }
            }
            try DispositionRules.validate(consultation, party: party, factsByPrisoner: facts, now: now)
            try await DispositionRow<ConsultationsTable>(
                id: consultation.id, prisonerID: nil, parentID: party.id, kind: consultation.kind.rawValue,
                status: consultation.direction.rawValue, at: consultation.date, recordedBy: principal.username,
                recordedAt: now, payload: try DispositionCoding.json(consultation)).create(on: tx)
            return consultation
        }
    }
}

extension DispositionStore {
    /// The parties a consultation about this prisoner may be logged with: every registered party but
    /// those whose only link to him is a role this reader may not know (`NeedToKnow`). Not audited: it
    /// names states and organisations, no restricted content.
    public func parties(for prisonerID: UUID, by principal: Principal) async throws -> [Party] {
        try await require(principal, .liaise, action: "party.list", entity: "prisoner", entityID: prisonerID)
        let facts = try await Self.facts(of: prisonerID, on: context.db, cipher: context.cipher)
        return NeedToKnow(principal.role).visible(facts.parties, roles: facts.partyRoles)
    }
}
