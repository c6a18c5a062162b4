import BureauWeb
import Foundation
import Logging
import NamesTool
import Vapor

// Name matching needs no server or database: `bureau names score|search`, `bureau bench names`;
// `bureau bench enquiries` builds its own in-memory registry.
switch Array(CommandLine.arguments.dropFirst().prefix(2)) {
case let words where words.first == "names":
    exit(NamesTool.run(Array(CommandLine.arguments.dropFirst(2))))
case ["bench", "names"]:
    exit(NamesTool.bench(Array(CommandLine.arguments.dropFirst(3))))
case ["audit", "check-proof"]:
    // Offline: only the proof and the log's public key, never the database or the configuration.
    exit(AuditProofCheck.run(Array(CommandLine.arguments.dropFirst(3))))
case ["backup", "keygen"]:
    // Offline: a key pair needs no configuration, and the identity should be made away from the server.
    exit(BackupKeygen.run(Array(CommandLine.arguments.dropFirst(3))))
case ["bench", "backup"]:
    // Its own throwaway registry in a temporary folder, never the configured one.
    exit(await BackupBench.run(Array(CommandLine.arguments.dropFirst(3))))
case ["bench", "enquiries"]:
    exit(await EnquiryBench.run(Array(CommandLine.arguments.dropFirst(3))))
default:
    break
}

// `bureau serve [--demo]`, `migrate`, `user`, `audit`, `demo` run on Vapor's command system.
var arguments = CommandLine.arguments
let demo = arguments.contains("--demo")
arguments.removeAll { $0 == "--demo" }
let command = arguments.dropFirst().first ?? "serve"

// `bureau restore --data-dir DIR` restores into DIR: the configuration is read as if BUREAU_DATA_DIR named it.
if command == "restore", let flag = arguments.firstIndex(of: "--data-dir"), flag + 1 < arguments.count {
    setenv("BUREAU_DATA_DIR", arguments[flag + 1], 1)
}

// `bureau backup --output F --recipient P` is `backup create` (ConsoleKit takes `--output` for a subcommand name).
if command == "backup", arguments.count > 2, arguments[2].hasPrefix("--"), !["--help", "-h"].contains(arguments[2]) {
    arguments.insert("create", at: 2)
}

var environment = try Environment.detect(arguments: arguments)
try LoggingSystem.bootstrap(from: &environment)
let app = try await Application.make(environment)
var exitCode: Int32 = 0
do {
    let config = try BureauConfig.load()
    try await configure(app, config: config)
    Startup.registerCommands(app)
    if command == "serve" {
        try await Startup.prepareServe(app, demo: demo)
    }
    try await app.execute()
} catch {
    FileHandle.standardError.write(Data("bureau: \(error)\n".utf8))
    exitCode = 1
}
try await app.asyncShutdown()
exit(exitCode)
