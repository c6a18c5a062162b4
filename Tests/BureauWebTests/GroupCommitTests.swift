import BureauCore
import BureauStore
@testable import BureauWeb
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

extension WebSuite {
    /// Issue 11: the audit writer commits concurrent requests in groups; a write stays atomic with its entry.
    @Suite struct GroupCommitTests {
        struct Refused: Error {}

        /// Many writes and reads at once, every third write failing after it has inserted its row: the failures
        /// leave neither their row nor their entry, everything else is stored, and the chain and tree verify.
        @Test func aFailingWriteTakesOnlyItsOwnRowAndEntryWithIt() async throws {
            try await withBureau { bureau in
                let context = bureau.services.context
                let before = try await AuditModel.query(on: bureau.app.db).count()
                let outcomes = try await withThrowingTaskGroup(of: (Int, Bool).self) { group in
                    for n in 0..<60 {
                        group.addTask {
                            let record = AuditRecord(actor: "group\(n)", role: "registrar", action: n % 2 == 0 ? "test.write" : "test.read",
                                                     entity: "setup", entityID: "\(n)")
                            if n % 2 == 1 {
                                let count = try await context.auditedRead(record) { db in
                                    try await SetupTokenModel.query(on: db).count()
                                }
                                return (n, count >= 0)
                            }
                            do {
                                try await context.audited(record) { tx in
                                    try await SetupTokenModel(tokenHash: "hash-\(n)", expiresAt: Date()).create(on: tx)
                                    if n % 3 == 0 { throw Refused() }
                                }
                                return (n, true)
                            } catch is Refused {
                                return (n, false)
                            }
                        }
                    }
                    var all: [Int: Bool] = [:]
                    for try await (n, ok) in group { all[n] = ok }
                    return all
                }
                let db = bureau.app.db
                let stored = Set(try await SetupTokenModel.query(on: db).all().map(\.tokenHash))
                let expectedWrites = Set((0..<60).filter { $0 % 2 == 0 && $0 % 3 != 0 }.map { "hash-\($0)" })
                #expect(stored == expectedWrites)
                let entries = try await AuditModel.query(on: db).filter(\.$id > Int64(before)).all()
                let actors = Set(entries.map(\.actor))
                for n in 0..<60 {
                    #expect(actors.contains("group\(n)") == outcomes[n], "entry of job \(n)")
                }
                #expect(entries.count == outcomes.values.filter { $0 }.count)
                let result = try await AuditLog.verify(on: db, against: nil)
                #expect(result.intact, "\(result.problems)")
                #expect(try await AuditTree.root(size: result.size, on: db) == result.root)
            }
        }

        /// Through the API: concurrent reads of one prisoner each leave their entry, and each response comes
        /// only after it (the entries exist as soon as the responses do).
        @Test func concurrentReadsEachLeaveTheirTraceBeforeTheirResponse() async throws {
            try await withBureau { bureau in
                let token = try await bureau.signedIn(.registrar)
                let created = try await bureau.send(.POST, "api/v1/prisoners", token: token,
                                                    json: Fixtures.registration(firstNames: "정호"))
                let id = try created.content.get(String.self, at: "id")
                let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                    for _ in 0..<24 {
                        group.addTask { try await bureau.send(.GET, "api/v1/prisoners/\(id)", token: token).status }
                    }
                    return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
                }
                #expect(statuses.allSatisfy { $0 == .ok })
                let reads = try await AuditModel.query(on: bureau.app.db).filter(\.$action == "prisoner.read")
                    .filter(\.$entityID == id).count()
                #expect(reads == 24)
                let result = try await AuditLog.verify(on: bureau.app.db, against: nil)
                #expect(result.intact, "\(result.problems)")
            }
        }
    }
}
