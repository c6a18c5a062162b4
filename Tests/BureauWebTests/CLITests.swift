@testable import BureauWeb
import Foundation
import Testing

extension WebSuite {
    /// The operator's commands, run as the built executable.
    @Suite struct CLITests {
        func environment(_ directory: URL) async throws -> [String: String] {
            var environment = ["BUREAU_DATA_DIR": directory.path, "BUREAU_BCRYPT_COST": "4"]
            if TestDatabase.isPostgres, let url = ProcessInfo.processInfo.environment["DATABASE_URL"] {
                environment["DATABASE_URL"] = url
                try await withBureau { _ in }  // an empty, migrated schema
            }
            return environment
        }

        @Test func userCreateReadsThePasswordFromStandardInput() async throws {
            let binary = try CLI.binary()
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bureau-cli-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let env = try await environment(directory)

            let migrated = try CLI.run(binary, ["migrate"], environment: env)
            #expect(migrated.status == 0, "\(migrated.output)")
            #expect(migrated.output.contains("migrations applied"))

            let short = try CLI.run(binary, ["user", "create", "--username", "clerk", "--role", "registrar"],
                                    environment: env, input: "short\n")
            #expect(short.status == 1)
            #expect(short.output.contains("at least 12 characters"))

            let unknownRole = try CLI.run(binary, ["user", "create", "--username", "clerk", "--role", "general"],
                                          environment: env, input: "a long passphrase\n")
            #expect(unknownRole.status == 1)
            #expect(unknownRole.output.contains("unknown role general"))

            let created = try CLI.run(binary, ["user", "create", "--username", "clerk", "--role", "registrar"],
                                      environment: env, input: "a long passphrase\n")
            #expect(created.status == 0, "\(created.output)")
            #expect(!created.output.contains("a long passphrase"), "the password is never echoed")
            let listed = try CLI.run(binary, ["user", "list"], environment: env)
            #expect(listed.output.contains("clerk\tregistrar"))

            let again = try CLI.run(binary, ["user", "create", "--username", "clerk", "--role", "auditor"],
                                    environment: env, input: "another long passphrase\n")
            #expect(again.status == 1)
            #expect(again.output.contains("taken"))
        }
    
        /// `serve --port P` prints a setup link with port P (not the default 8080), and the database
        /// and key files it creates are readable by their owner only.
        @Test(.timeLimit(.minutes(2))) func serveLinksTheAddressItListensOnAndKeepsItsFilesPrivate() async throws {
            let binary = try CLI.binary()
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bureau-serve-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let port = Ports.free()
            let log = directory.appendingPathComponent("out.log")
            FileManager.default.createFile(atPath: log.path, contents: nil)
            let process = Process()
            process.executableURL = binary
            process.arguments = ["serve", "--port", String(port)]
            var env = ProcessInfo.processInfo.environment
            env.removeValue(forKey: "DATABASE_URL")
            env["BUREAU_DATA_DIR"] = directory.path
            env["BUREAU_BCRYPT_COST"] = "4"
            process.environment = env
            let handle = try FileHandle(forWritingTo: log)
            process.standardOutput = handle
            process.standardError = handle
            try process.run()
            defer { if process.isRunning { process.terminate(); process.waitUntilExit() } }
            var output = ""
            for _ in 0..<600 where !output.contains("/setup/") {
                try await Task.sleep(for: .milliseconds(100))
                output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            }
            #expect(output.contains("http://127.0.0.1:\(port)/setup/"), "\(output)")
            #expect(!output.contains(":8080/"))
            for file in ["bureau.sqlite", "bureau-field.key"] {
                let attributes = try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent(file).path)
                #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600, "\(file) is private")
            }
        }
    }
}
