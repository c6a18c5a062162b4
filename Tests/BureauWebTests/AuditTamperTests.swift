import BureauCore
import BureauStore
@testable import BureauWeb
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

extension WebSuite {
    /// Tampering directly in the database, as an insider with SQL access would.
    @Suite struct AuditTamperTests {
        /// Registers two prisoners and reads them, leaving a chain of a dozen entries.
        func busyRegistry(_ bureau: TestBureau) async throws {
            let token = try await bureau.signedIn(.registrar)
            for name in ["정호", "성민"] {
                let created = try await bureau.send(.POST, "api/v1/prisoners", token: token,
                                                    json: Fixtures.registration(firstNames: name))
                let id = try created.content.get(String.self, at: "id")
                _ = try await bureau.send(.GET, "api/v1/prisoners/\(id)", token: token)
            }
        }

        func sql(_ bureau: TestBureau) -> any SQLDatabase { bureau.app.db as! any SQLDatabase }

        @Test func writesAndReadsAreChainedAndVerify() async throws {
            try await withBureau { bureau in
                try await busyRegistry(bureau)
                let actions = try await AuditModel.query(on: bureau.app.db).sort(\.$id).all().map(\.action)
                #expect(actions.filter { $0 == "prisoner.create" }.count == 2)
                #expect(actions.filter { $0 == "prisoner.read" }.count == 2)
                guard case .intact(let count, _) = try await AuditLog.verify(on: bureau.app.db) else {
                    Issue.record("a clean chain did not verify")
                    return
                }
                #expect(count == actions.count)
                let auditor = try await bureau.signedIn(.auditor)
                let verdict = try await bureau.send(.GET, "api/v1/audit/verify", token: auditor)
                #expect(try verdict.content.get(Bool.self, at: "intact"))
                let listing = try await bureau.send(.GET, "api/v1/audit?limit=5", token: auditor)
                #expect(listing.each([], "action").first == "audit.read", "reading the trail is itself audited")
                #expect(listing.each([], "action").count == 5)
            }
        }

        @Test func anEditedRowIsNamed() async throws {
            try await withBureau { bureau in
                try await busyRegistry(bureau)
                try await sql(bureau).raw("UPDATE audit_events SET actor = 'nobody' WHERE seq = 4").run()
                #expect(try await AuditLog.verify(on: bureau.app.db)
                    == .broken(sequence: 4, reason: "content does not match its hash: the entry was altered"))
                // The auditor's page says so when asked to check.
                let auditor = try await bureau.signedIn(.auditor)
                let page = try await bureau.send(.GET, "audit?verify=1", token: auditor, headers: [("Accept-Language", "en")])
                #expect(page.body.string.contains("Hash chain broken at entry № 4"))
                let unchecked = try await bureau.send(.GET, "audit", token: auditor, headers: [("Accept-Language", "en")])
                #expect(unchecked.body.string.contains("Verify the hash chain"))
            }
        }

        @Test func aDeletedRowIsNamed() async throws {
            try await withBureau { bureau in
                try await busyRegistry(bureau)
                try await sql(bureau).raw("DELETE FROM audit_events WHERE seq = 3").run()
                guard case .broken(let sequence, _) = try await AuditLog.verify(on: bureau.app.db) else {
                    Issue.record("deletion went unnoticed")
                    return
                }
                #expect(sequence == 4)
            }
        }

        @Test func reorderedRowsAreNamed() async throws {
            try await withBureau { bureau in
                try await busyRegistry(bureau)
                let db = sql(bureau)
                // Swap the positions of entries 5 and 6.
                try await db.raw("UPDATE audit_events SET seq = -5 WHERE seq = 5").run()
                try await db.raw("UPDATE audit_events SET seq = 5 WHERE seq = 6").run()
                try await db.raw("UPDATE audit_events SET seq = 6 WHERE seq = -5").run()
                guard case .broken(let sequence, _) = try await AuditLog.verify(on: bureau.app.db) else {
                    Issue.record("reordering went unnoticed")
                    return
                }
                #expect(sequence == 5)
            }
        }

        /// The operator's tool: `bureau audit verify` exits 1 and names the entry.
        @Test func theCommandLineVerifierExitsOneOnTampering() async throws {
            let binary = try CLI.binary()
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bureau-cli-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            var environment = ["BUREAU_DATA_DIR": directory.path, "BUREAU_BCRYPT_COST": "4"]
            if TestDatabase.isPostgres, let url = ProcessInfo.processInfo.environment["DATABASE_URL"] {
                environment["DATABASE_URL"] = url
                try await withBureau { _ in }  // leaves an empty, migrated schema behind
            }
            let loaded = try CLI.run(binary, ["demo", "load"], environment: environment)
            #expect(loaded.status == 0, "\(loaded.output)")
            #expect(loaded.output.contains("loaded 48 demo prisoners"))
            let clean = try CLI.run(binary, ["audit", "verify"], environment: environment)
            #expect(clean.status == 0, "\(clean.output)")
            #expect(clean.output.contains("audit chain intact"))

            try CLI.tamper(environment: environment, sql: "UPDATE audit_events SET detail = 'edited' WHERE seq = 7")
            let broken = try CLI.run(binary, ["audit", "verify"], environment: environment)
            #expect(broken.status == 1)
            #expect(broken.output.contains("broken at entry 7"))
        }
    }
}

/// Runs the built `bureau` executable, as an operator would.
enum CLI {
    struct Result {
        var status: Int32
        var output: String
    }

    /// The `bureau` binary next to the test bundle; built by `swift build --build-tests` / `swift test`.
    static func binary() throws -> URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("bureau")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        for folder in [".build/debug", ".build/release"] {
            let candidate = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("\(folder)/bureau")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw CommandFailure("the bureau executable was not found next to the tests; run `swift build` first")
    }

    static func run(_ binary: URL, _ arguments: [String], environment: [String: String], input: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "DATABASE_URL")
        env.merge(environment) { $1 }
        process.environment = env
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        let stdin = Pipe()
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        while process.isRunning { usleep(10_000) }
        return Result(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }

    /// Edits the database behind Bureau's back with the database's own client.
    static func tamper(environment: [String: String], sql: String) throws {
        let process = Process()
        if let url = environment["DATABASE_URL"] {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
            // psql speaks libpq's URL dialect: sslmode, not postgres-nio's tlsmode.
            let libpq = url.replacingOccurrences(of: "tlsmode=", with: "sslmode=")
            process.arguments = [libpq, "-v", "ON_ERROR_STOP=1", "-c", sql]
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-c",
                                 "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(sys.argv[2]); c.commit()",
                                 environment["BUREAU_DATA_DIR"]! + "/bureau.sqlite", sql]
        }
        try process.run()
        while process.isRunning { usleep(10_000) }
        if process.terminationStatus != 0 { throw CommandFailure("tampering failed: \(sql)") }
    }
}
