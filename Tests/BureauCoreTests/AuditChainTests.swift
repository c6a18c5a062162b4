import BureauCore
import Foundation
import Testing

@Suite struct AuditChainTests {
    static func chain(_ count: Int) -> [AuditEntry] {
        var entries: [AuditEntry] = []
        for index in 0..<count {
            let record = AuditRecord(actor: "officer\(index % 3)", role: "registrar", action: "prisoner.read",
                                     entity: "prisoner", entityID: "id-\(index)", purpose: index % 2 == 0 ? "tracing" : nil)
            entries.append(AuditChain.append(record, after: entries.last, atMillis: 1_736_400_000_000 + Int64(index)))
        }
        return entries
    }

    @Test func intactChainVerifies() {
        let entries = Self.chain(10)
        #expect(AuditChain.verify(entries, after: nil) == .intact(count: 10, head: entries[9].hash))
        #expect(entries[0].previousHash == AuditChain.genesis)
        #expect(entries.map(\.sequence) == Array(1...10))
    }

    @Test func editedEntryIsNamed() {
        var entries = Self.chain(10)
        entries[4].actor = "someone.else"
        #expect(AuditChain.verify(entries, after: nil) == .broken(sequence: 5, reason: "content does not match its hash: the entry was altered"))
    }

    @Test func editedEntryWithRecomputedHashBreaksTheNextLink() {
        var entries = Self.chain(10)
        entries[4].purpose = "covering up"
        entries[4].hash = AuditChain.hash(of: entries[4])
        guard case .broken(let sequence, _) = AuditChain.verify(entries, after: nil) else {
            Issue.record("tampering went unnoticed")
            return
        }
        #expect(sequence == 6)
    }

    @Test func deletedEntryIsNamed() {
        var entries = Self.chain(10)
        entries.remove(at: 3)
        guard case .broken(let sequence, let reason) = AuditChain.verify(entries, after: nil) else {
            Issue.record("deletion went unnoticed")
            return
        }
        #expect(sequence == 5)
        #expect(reason.contains("missing"))
    }

    @Test func reorderedEntriesAreNamed() {
        var entries = Self.chain(10)
        entries.swapAt(2, 3)
        guard case .broken(let sequence, _) = AuditChain.verify(entries, after: nil) else {
            Issue.record("reordering went unnoticed")
            return
        }
        #expect(sequence == 4)
    }

    @Test func absentAndEmptyFieldsHashDifferently() {
        let a = AuditChain.append(AuditRecord(actor: "a", role: "r", action: "x", entity: "e", purpose: nil), after: nil, atMillis: 1)
        let b = AuditChain.append(AuditRecord(actor: "a", role: "r", action: "x", entity: "e", purpose: ""), after: nil, atMillis: 1)
        #expect(a.hash != b.hash)
    }

    @Test func verificationContinuesAcrossPages() {
        let entries = Self.chain(10)
        let first = AuditChain.verify(Array(entries[0..<5]), after: nil)
        let second = AuditChain.verify(Array(entries[5...]), after: entries[4])
        #expect(first == .intact(count: 5, head: entries[4].hash))
        #expect(second == .intact(count: 5, head: entries[9].hash))
    }
}
