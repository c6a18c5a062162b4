import BureauCore
import BureauStore
@testable import BureauWeb
import Fluent
import Foundation
import Testing
import Vapor

extension WebSuite {
    /// `bureau audit checkpoint | verify --checkpoint | prove | check-proof | public-key`, run as the built
    /// executable, against the rewrites of issue 10 done on the same database.
    @Suite struct AuditLogCLITests {
        /// The database the CLI uses, opened in-process for the forger.
        func direct(_ directory: URL, _ environment: [String: String], _ body: (any Database) async throws -> Void) async throws {
            let app = try await Application.make(.testing)
            let choice = environment["DATABASE_URL"].map(BureauConfig.DatabaseChoice.postgres)
                ?? .sqliteFile(directory.appendingPathComponent("bureau.sqlite").path)
            do {
                try await configure(app, config: BureauConfig(database: choice, dataDirectory: directory, port: 0, bcryptCost: 4))
                app.logger.logLevel = .warning
                try await body(app.db)
            } catch {
                try? await app.asyncShutdown()
                throw error
            }
            try await app.asyncShutdown()
        }

        func temporaryDirectory() throws -> URL {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bureau-cli-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            return directory
        }

        @Test func proofsCheckOfflineAndEveryRewriteFailsVerification() async throws {
            let binary = try CLI.binary()
            let directory = try temporaryDirectory()
            let elsewhere = try temporaryDirectory()
            defer {
                try? FileManager.default.removeItem(at: directory)
                try? FileManager.default.removeItem(at: elsewhere)
            }
            var env = ["BUREAU_DATA_DIR": directory.path, "BUREAU_BCRYPT_COST": "4"]
            if TestDatabase.isPostgres, let url = ProcessInfo.processInfo.environment["DATABASE_URL"] {
                env["DATABASE_URL"] = url
                try await withBureau { _ in }  // an empty, migrated schema
            }
            func run(_ arguments: [String]) throws -> CLI.Result { try CLI.run(binary, arguments, environment: env) }
            let file = { (name: String) in directory.appendingPathComponent(name).path }

            #expect(try run(["demo", "load"]).status == 0)
            let checkpoint = try run(["audit", "checkpoint", "--output", file("checkpoint")])
            #expect(checkpoint.status == 0, "\(checkpoint.output)")
            let note = try String(contentsOfFile: file("checkpoint"), encoding: .utf8)
            let printed = try run(["audit", "public-key"]).output
            let vkey = printed.split(separator: "\n").map(String.init).first { (try? NoteVerifier(vkey: $0)) != nil } ?? printed
            let verifier = try #require(try? NoteVerifier(vkey: vkey), "public-key printed: \(printed)")
            #expect(try Checkpoint.verify(note, log: verifier).checkpoint.origin == verifier.name)

            // An inclusion proof for a registration, checked on "another machine": the proof and the key only.
            var registration: Int64 = 0
            try await direct(directory, env) { db in
                registration = try await AuditModel.query(on: db).filter(\.$action == "prisoner.create").first()!.id!
            }
            let proved = try run(["audit", "prove", "--entry", String(registration), "--checkpoint", file("checkpoint"),
                                  "--output", file("proof")])
            #expect(proved.status == 0, "\(proved.output)")
            let proof = try String(contentsOfFile: file("proof"), encoding: .utf8)
            #expect(proof.hasPrefix("c2sp.org/tlog-proof@v1\nextra "))
            let copy = elsewhere.appendingPathComponent("registration.tlog-proof")
            try proof.write(to: copy, atomically: true, encoding: .utf8)
            let offline = ["BUREAU_DATA_DIR": elsewhere.path]
            let checked = try CLI.run(binary, ["audit", "check-proof", copy.path, "--public-key", vkey], environment: offline)
            #expect(checked.status == 0, "\(checked.output)")
            #expect(checked.output.contains("proof valid: entry \(registration) (prisoner.create"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path) == ["registration.tlog-proof"],
                    "no database, no key file: nothing but the proof")
            // One byte changed in the path, or in the entry, and the proof fails.
            let lines = proof.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            var entry = try AuditChain.decodeCanonical(Data(base64Encoded: String(lines[1].dropFirst(6)))!)
            entry.actor = String(entry.actor.dropLast()) + "x"
            var alteredEntry = lines
            alteredEntry[1] = "extra " + AuditChain.canonicalEncoding(of: entry).base64EncodedString()
            var alteredPath = lines
            alteredPath[3] = String(alteredPath[3].first == "A" ? "B" : "A") + alteredPath[3].dropFirst()
            for altered in [alteredEntry, alteredPath] {
                try altered.joined(separator: "\n").write(to: copy, atomically: true, encoding: .utf8)
                let failed = try CLI.run(binary, ["audit", "check-proof", copy.path, "--public-key", vkey], environment: offline)
                #expect(failed.status == 1)
                #expect(failed.output.contains("proof INVALID"))
            }

            // An untouched log that grew since the checkpoint is an extension of it.
            let grown = try run(["audit", "verify", "--checkpoint", file("checkpoint")])
            #expect(grown.status == 0, "\(grown.output)")
            #expect(grown.output.contains("append-only extension of checkpoint size"))

            var snapshot: [AuditEntry] = []
            try await direct(directory, env) { snapshot = try await AuditLogForger.entries($0) }
            for attack in AuditLogForger.attacks {
                let taken = snapshot
                try await direct(directory, env) { db in try await AuditLogForger.rewrite(db) { _ in taken } }
                #expect(try run(["audit", "checkpoint", "--output", file("before")]).status == 0)
                let size = try Checkpoint.verify(try String(contentsOfFile: file("before"), encoding: .utf8), log: verifier).checkpoint.size
                try await direct(directory, env) { try await attack.run($0) }
                let verdict = try run(["audit", "verify", "--checkpoint", file("before")])
                #expect(verdict.status == 1, "\(attack.name) went unnoticed: \(verdict.output)")
                #expect(verdict.output.contains(attack.expected), "\(attack.name): \(verdict.output)")
                #expect(verdict.output.contains("checkpoint size \(size)"), "\(attack.name): \(verdict.output)")
            }
            // The forger can sign his new history with the same key: only the witnesses' old checkpoints expose it.
            #expect(try run(["audit", "checkpoint", "--output", file("forged")]).status == 0)
            #expect(try run(["audit", "verify", "--checkpoint", file("forged")]).status == 0)
            #expect(try run(["audit", "verify", "--checkpoint", file("checkpoint")]).status == 1)
        }
    }
}
