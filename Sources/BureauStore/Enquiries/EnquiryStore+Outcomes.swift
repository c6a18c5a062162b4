import BureauCore
import Fluent
import Foundation

extension EnquiryStore {
    /// Records what was found. A positive result is checked against the prisoner's record and waits
    /// for a second officer.
    public func recordOutcome(_ id: UUID, result: EnquiryOutcome.Result, note: String?,
                              by principal: Principal) async throws -> EnquiryFile {
        try await context.require(principal, .traceEnquiries, action: "enquiry.outcome", entity: "enquiry", entityID: id.uuidString)
        let now = context.clock.now()
        let outcomeID = context.newID()
        let (cipher, policy) = (context.cipher, context.policy)
        let audit = record(principal, "enquiry.outcome", id: id, detail: "result=\(result.code.rawValue)"
                           + (result.prisonerID.map { " prisoner=\($0.uuidString)" } ?? ""))
        return try await context.audited(audit) { tx in
            let enquiry = try await Self.load(id, on: tx)
            if let prisonerID = result.prisonerID {
                try EnquiryReply.check(result, against: try await RecordSnapshots.one(prisonerID, on: tx, cipher: cipher))
            }
            let updated = try EnquiryWorkflow.record(result, note: note, on: enquiry, id: outcomeID, by: principal.username, at: now)
            try await Self.save(updated, on: tx)
            return try await Self.file(updated, at: now, policy: policy, on: tx)
        }
    }

    /// A second officer confirms a positive outcome (never the one who recorded it).
    public func confirm(_ id: UUID, by principal: Principal) async throws -> EnquiryFile {
        try await context.require(principal, .traceEnquiries, action: "enquiry.confirm", entity: "enquiry", entityID: id.uuidString)
        let now = context.clock.now()
        let policy = context.policy
        return try await context.audited(record(principal, "enquiry.confirm", id: id)) { tx in
            let updated = try EnquiryWorkflow.confirm(try await Self.load(id, on: tx), by: principal.username, at: now)
            try await Self.save(updated, on: tx)
            return try await Self.file(updated, at: now, policy: policy, on: tx)
        }
    }

    /// Issues the answer to the current outcome: its content is built here from the prisoner's record
    /// (only what `EnquiryReply` can hold), `letter` writes it in the enquirer's language, and it is queued
    /// for the next signed outbox batch to the CTA (or the Protecting Power that asked).
    public func answer(_ id: UUID, by principal: Principal,
                       letter: @escaping @Sendable (Enquiry, EnquiryReply) -> String) async throws -> (EnquiryFile, EnquiryAnswer) {
        try await context.require(principal, .traceEnquiries, action: "enquiry.answer", entity: "enquiry", entityID: id.uuidString)
        let now = context.clock.now()
        let answerID = context.newID()
        let (cipher, policy) = (context.cipher, context.policy)
        return try await context.audited(record(principal, "enquiry.answer", id: id, detail: "answer=\(answerID.uuidString)")) { tx in
            var enquiry = try await Self.load(id, on: tx)
            try EnquiryWorkflow.checkAnswerable(enquiry)
            guard let outcome = enquiry.outcome else { throw StoreError.corrupt(EnquiriesTable.schema, id.uuidString) }
            let snapshot = try await outcome.result.prisonerID.asyncMap { try await RecordSnapshots.one($0, on: tx, cipher: cipher) }
            let reply = try EnquiryReply.build(for: enquiry, outcome: outcome, record: snapshot, at: now)
            let answer = EnquiryAnswer(id: answerID, outcomeID: outcome.id, recipient: enquiry.enquirer.answerRecipient,
                                       language: enquiry.language, content: reply, letter: letter(enquiry, reply),
                                       issuedBy: principal.username, issuedAt: now)
            enquiry.answers.append(answer)
            try await Self.save(enquiry, on: tx)
            try await DispositionRow<EnquiryAnswersTable>(
                id: answer.id, prisonerID: outcome.result.prisonerID, parentID: enquiry.id, kind: answer.recipient.rawValue,
                status: OutboundNotice.Status.pending.rawValue, at: now, recordedBy: principal.username, recordedAt: now,
                payload: try DispositionCoding.json(answer)).create(on: tx)
            return (try await Self.file(enquiry, at: now, policy: policy, on: tx), answer)
        }
    }

    /// "Not him": the candidate is ruled out and never raised again for this enquiry.
    public func ruleOut(_ id: UUID, prisonerID: UUID, by principal: Principal) async throws -> EnquiryFile {
        try await context.require(principal, .traceEnquiries, action: "enquiry.ruleout", entity: "enquiry", entityID: id.uuidString)
        let now = context.clock.now()
        let policy = context.policy
        let audit = record(principal, "enquiry.ruleout", id: id, detail: "prisoner=\(prisonerID.uuidString)")
        return try await context.audited(audit) { tx in
            let updated = EnquiryWorkflow.ruleOut(prisonerID, on: try await Self.load(id, on: tx))
            try await Self.save(updated, on: tx)
            return try await Self.file(updated, at: now, policy: policy, on: tx)
        }
    }

    /// Hands the enquiry to another tracing officer (who must hold an account with that role).
    public func assign(_ id: UUID, to officer: String, by principal: Principal) async throws -> EnquiryFile {
        try await context.require(principal, .traceEnquiries, action: "enquiry.assign", entity: "enquiry", entityID: id.uuidString)
        let now = context.clock.now()
        let policy = context.policy
        return try await context.audited(record(principal, "enquiry.assign", id: id, detail: "to=\(officer)")) { tx in
            guard let user = try await UserModel.query(on: tx).filter(\.$username == officer).first(),
                  let role = Role(rawValue: user.role), AccessPolicy.allows(role, .traceEnquiries) else {
                throw DomainError.unprocessable("assignedTo", "no tracing officer with that user name", code: "unknown_officer")
            }
            let updated = try EnquiryWorkflow.assign(try await Self.load(id, on: tx), to: officer, at: now)
            try await Self.save(updated, on: tx)
            return try await Self.file(updated, at: now, policy: policy, on: tx)
        }
    }

    /// Matches again against the registry as it is now (after new registrations or a corrected spelling).
    public func rematch(_ id: UUID, by principal: Principal) async throws -> EnquiryFile {
        try await context.require(principal, .traceEnquiries, action: "enquiry.match", entity: "enquiry", entityID: id.uuidString)
        let now = context.clock.now()
        let policy = context.policy
        try await context.names.ensureLoaded(from: context.db)
        let matcher = self.matcher
        return try await context.audited(record(principal, "enquiry.match", id: id)) { tx in
            var enquiry = try await Self.load(id, on: tx)
            enquiry.candidates = matcher.candidates(for: enquiry.person)
            try await Self.save(enquiry, on: tx)
            return try await Self.file(enquiry, at: now, policy: policy, on: tx)
        }
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
