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
    }
}
