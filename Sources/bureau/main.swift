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
