import BureauCore
import Foundation

extension EnquiryStore {
    /// What the whole list shares: who sent it, how, in which language answers go, when it came.
    public struct ListHeader: Sendable {
        public var enquirer: Enquirer
        public var language: String
        public var receivedAt: Date

        public init(enquirer: Enquirer, language: String, receivedAt: Date) {
            self.enquirer = enquirer
            self.language = language
            self.receivedAt = receivedAt
        }
    }

    /// Starts importing a list of enquiries (CSV, UTF-8 or Windows-1251). A broken file is refused at once
    /// naming line and column, and nothing is written. Otherwise every line is matched against the live
    /// name index in the background, off the write lock, with progress in `context.enquiryLists`; then all
    /// enquiries are written in one audited transaction. Returns the progress at the start and the task
    /// that finishes the job.
    public func startList(_ data: Data, encoding: CounterpartListImport.TextEncoding, header: ListHeader,
                          by principal: Principal) async throws -> (EnquiryListJobs.Progress, Task<EnquiryListJobs.Progress, Never>) {
        try await context.require(principal, .traceEnquiries, action: "enquiry.import", entity: "enquiry_list")
        let now = context.clock.now()
        let parsed = try EnquiryListImport.parse(data, encoding: encoding)
        let listID = context.newID()
        var enquiries: [Enquiry] = []
        for line in parsed.lines {
            var enquirer = header.enquirer
            enquirer.reference = line.reference ?? header.enquirer.reference
            enquirer.channel = .bulkList
            let draft = Draft(enquirer: enquirer, person: line.person, language: line.language ?? header.language,
                              receivedAt: header.receivedAt, note: line.note)
            let enquiry = Self.enquiry(from: draft, id: context.newID(), listLine: line.line, by: principal.username, at: now)
            do {
                try EnquiryWorkflow.validate(enquiry, now: now)
            } catch {
                throw DomainError(error.kind, code: error.code, error.message, field: "line \(line.line)")
            }
            enquiries.append(enquiry)
        }
        let progress = EnquiryListJobs.Progress(id: listID, total: enquiries.count, matched: 0, state: .matching,
                                                createdBy: principal.username, startedAt: now, finishedAt: nil, seconds: nil,
                                                encoding: parsed.encoding.rawValue, withCandidates: 0, failure: nil)
        let jobs = context.enquiryLists
        jobs.start(progress)
        let store = self
        let task = Task { [enquiries] in
            let started = DispatchTime.now()
            do {
                try await store.finishList(listID, enquiries: enquiries, by: principal)
            } catch {
                jobs.update(listID) {
                    $0.state = .failed
                    $0.failure = (error as? DomainError)?.message ?? "the list could not be written"
                }
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
            jobs.update(listID) {
                $0.seconds = seconds
                $0.finishedAt = store.context.clock.now()
            }
            return jobs.progress(listID)!
        }
        return (progress, task)
    }

    /// Imports a list and waits for it (the command line and the benchmark).
    public func importList(_ data: Data, encoding: CounterpartListImport.TextEncoding, header: ListHeader,
                           by principal: Principal) async throws -> EnquiryListJobs.Progress {
        try await startList(data, encoding: encoding, header: header, by: principal).1.value
    }

    func finishList(_ listID: UUID, enquiries: [Enquiry], by principal: Principal) async throws {
        let jobs = context.enquiryLists
        try await context.names.ensureLoaded(from: context.db)
        let matcher = self.matcher
        // Matching is pure CPU work over the in-memory index: spread over the cores, no transaction open.
        let chunks = stride(from: 0, to: enquiries.count, by: 50).map { Array(enquiries[$0..<min($0 + 50, enquiries.count)]) }
        let matched = await withTaskGroup(of: [Enquiry].self) { group in
            for chunk in chunks {
                group.addTask {
                    chunk.map { enquiry in
                        var enquiry = enquiry
                        enquiry.candidates = matcher.candidates(for: enquiry.person)
                        jobs.update(listID) {
                            $0.matched += 1
                            if !enquiry.candidates.isEmpty { $0.withCandidates += 1 }
                        }
                        return enquiry
                    }
                }
            }
            var all: [Enquiry] = []
            for await part in group { all += part }
            return all.sorted { ($0.listLine ?? 0) < ($1.listLine ?? 0) }
        }
        jobs.update(listID) { $0.state = .writing }
        let audit = AuditRecord(actor: principal.username, role: principal.role.rawValue, action: "enquiry.import",
                                entity: "enquiry_list", entityID: listID.uuidString, detail: "lines=\(matched.count)")
        try await context.audited(audit) { tx in
            for enquiry in matched { try await Self.row(enquiry, listID: listID).create(on: tx) }
        }
        jobs.update(listID) { $0.state = .done }
    }
}
