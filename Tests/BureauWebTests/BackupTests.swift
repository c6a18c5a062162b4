import BureauCore
@testable import BureauStore
@testable import BureauWeb
import Crypto
import Fluent
import Foundation
import Glibc
import NIOConcurrencyHelpers
import SQLKit
import Testing
import Vapor

/// Runs `body` against a Bureau whose database survives the test's own connections: an SQLite file in a
/// temporary data folder, or the suite's PostgreSQL database (reset first). Backups need a real file.
func withFileBureau(adjust: (inout BureauConfig) -> Void = { _ in }, _ body: (TestBureau) async throws -> Void) async throws {
    let clock = TestClock(Date())
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bureau-backup-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let app = try await Application.make(.testing)
    do {
        let database: BureauConfig.DatabaseChoice = TestDatabase.isPostgres
            ? TestDatabase.choice : .sqliteFile(directory.appendingPathComponent("bureau.sqlite").path)
        var config = BureauConfig(database: database, dataDirectory: directory, port: 0, bcryptCost: 4)
        adjust(&config)
        try await configure(app, config: config, clock: clock.clock)
        app.logger.logLevel = .warning
        if TestDatabase.isPostgres { try await resetPostgres(app) }
        try await app.autoMigrate()
        try await body(TestBureau(app: app, clock: clock, dataDirectory: directory))
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
    try await app.asyncShutdown()
}

/// Somewhere else to restore into: a fresh data folder, and a fresh SQLite file or PostgreSQL database
/// in the same cluster (dropped by `cleanup`).
struct RestoreTarget {
    var directory: URL
    var database: BureauConfig.DatabaseChoice
    var postgresName: String?

    static func make(_ app: Application) async throws -> RestoreTarget {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bureau-restored-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        guard case .postgres(let url) = TestDatabase.choice else {
            return RestoreTarget(directory: directory, database: .sqliteFile(directory.appendingPathComponent("bureau.sqlite").path))
        }
        let name = "bureau_restored_" + UUID().uuidString.prefix(8).lowercased()
        try await (app.db as! any SQLDatabase).raw("CREATE DATABASE \(ident: name)").run()
        return RestoreTarget(directory: directory, database: .postgres(try PostgresTools.url(url, database: name)), postgresName: name)
    }

    /// Runs `body` with a fresh target, dropped afterwards (while the app still runs).
    static func with(_ app: Application, _ body: (RestoreTarget) async throws -> Void) async throws {
        let target = try await make(app)
        do {
            try await body(target)
        } catch {
            await target.cleanup(app)
            throw error
        }
        await target.cleanup(app)
    }

    func cleanup(_ app: Application) async {
        try? FileManager.default.removeItem(at: directory)
        if let postgresName {
            try? await (app.db as! any SQLDatabase).raw("DROP DATABASE \(ident: postgresName) WITH (FORCE)").run()
        }
    }

    /// The files in the data folder, with their contents: "writes nothing" is checked against this.
    func snapshot() throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            files[name] = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path) ?? Data()
        }
        return files
    }
}

extension WebSuite {
    @Suite struct BackupTests {
        static let registrar = Principal(username: "drill.registrar", role: .registrar)
        static let investigator = Principal(username: "drill.investigator", role: .investigator)
        static let legal = Principal(username: "drill.legal", role: .legalOfficer)

        static func registration(_ n: Int) -> Registration {
            Registration(powerDependedOn: PowerAllegiance(power: "PRK"), languages: ["ko"],
                         claims: [ClaimDraft(surname: "김", firstNames: "정호\(n)", dateOfBirth: PartialDate(year: 1990 + n % 10),
                                             source: .selfDeclared, isAssessed: true)],
                         capturedAt: Date(timeIntervalSince1970: 1_736_400_000), capture: Capture(place: "Kursk region"))
        }

        /// A prisoner with a sealed interview and a sealed will statement.
        static func sealedRecords(_ bureau: TestBureau) async throws -> UUID {
            let file = try await bureau.services.registry.register(registration(0), by: registrar)
            let id = file.prisoner.id
            _ = try await bureau.services.registry.addEvent(
                .interview(Interview(purpose: .intake, language: "ko",
                                     interpreter: .init(name: "Anna Pak", affiliation: "ICRC-contracted interpreter"),
                                     mode: .oral, noCoercionAttested: true, content: "drill interview: served in the 11th corps")),
                occurredAt: Date(timeIntervalSince1970: 1_736_500_000), supersedes: nil, to: id, by: investigator)
            _ = try await bureau.services.disposition.recordWillStatement(
                WillStatement(id: UUID(), prisonerID: id, statedAt: Date(timeIntervalSince1970: 1_736_600_000),
                              question: "Where do you want to go?", answer: .thirdState("KOR"), ownWords: "drill will: 대한민국",
                              translation: "drill will: South Korea", language: "ko",
                              interpreter: .init(name: "Anna Pak", affiliation: "ICRC-contracted interpreter"), witnesses: [],
                              privateInterview: true, mode: .written, recordedBy: "", recordedAt: Date()),
                for: id, by: legal)
            return id
        }

        /// The restore drill (issue 13): eight writers register while the backup runs; the backup verifies;
        /// restored elsewhere, every registration acknowledged before the backup started is there, the audit
        /// log verifies and extends the signed checkpoint, and the sealed records open with the restored key.
        @Test(.timeLimit(.minutes(5))) func restoreDrillUnderEightWriters() async throws {
            try await withFileBureau { bureau in
                let app = bureau.app
                let sealedPrisoner = try await Self.sealedRecords(bureau)
                for n in 1...40 { _ = try await bureau.services.registry.register(Self.registration(n), by: Self.registrar) }
                _ = try await bureau.services.auditCheckpoints().make(by: AuditCommand.principal)
                let identity = Curve25519.KeyAgreement.PrivateKey()
                let file = bureau.dataDirectory.appendingPathComponent("drill.bak")

                let acknowledged = NIOLockedValueBox<[(UUID, Date)]>([])
                let stop = NIOLockedValueBox(false)
                let backupStarted = NIOLockedValueBox(Date.distantFuture)
                let registry = bureau.services.registry
                let made = try await withThrowingTaskGroup(of: Backups.Made?.self) { group in
                    for writer in 0..<8 {
                        group.addTask {
                            var n = 1000 * (writer + 1)
                            while !stop.withLockedValue({ $0 }) {
                                let file = try await registry.register(Self.registration(n), by: Self.registrar)
                                acknowledged.withLockedValue { $0.append((file.prisoner.id, Date())) }
                                n += 1
                            }
                            return nil
                        }
                    }
                    group.addTask {
                        // The backup starts once the writers are well under way.
                        while acknowledged.withLockedValue({ $0.count }) < 24 { try await Task.sleep(for: .milliseconds(20)) }
                        defer { stop.withLockedValue { $0 = true } }
                        backupStarted.withLockedValue { $0 = Date() }
                        return try await Backups.make(app, output: file, recipient: identity.publicKey)
                    }
                    var made: Backups.Made?
                    for try await result in group { if let result { made = result } }
                    return made!
                }
                let started = backupStarted.withLockedValue { $0 }
                let before = acknowledged.withLockedValue { $0 }.filter { $0.1 < started }.map(\.0)
                let total = acknowledged.withLockedValue { $0.count }
                #expect(before.count >= 8, "the writers registered before the backup started (\(before.count) of \(total))")
                #expect(made.manifest.parts.map(\.name).contains(FieldCipher.fileName))
                #expect(made.manifest.checkpoint != nil)

                let checked = try await Backups.verify(app, file: file, identity: identity)
                #expect(checked.verification.intact)
                #expect(checked.checkpointSize != nil)

                try await RestoreTarget.with(app) { target in
                let restored = try await Backups.restore(app, file: file, identity: identity, dataDirectory: target.directory,
                                                         database: target.database, force: false)
                #expect(restored.verification.intact)
                for name in [FieldCipher.fileName, LogSigner.fileName] {
                    #expect(KeyFile.mode(atPath: target.directory.appendingPathComponent(name).path) == 0o600)
                }
                let cipher = try FieldCipher.loadOrCreate(at: target.directory.appendingPathComponent(FieldCipher.fileName))
                try await Backups.withDatabase(app, target.database) { db in
                    let present = Set(try await PrisonerModel.query(on: db).all().compactMap(\.id))
                    let missing = before.filter { !present.contains($0) }
                    #expect(missing.isEmpty, "\(missing.count) of \(before.count) acknowledged registrations are missing")
                    #expect(present.contains(sealedPrisoner))
                    let events = try await EventModel.query(on: db).filter(\.$prisoner.$id == sealedPrisoner).all()
                    let interview = try #require(events.first { $0.sealed != nil })
                    #expect(try cipher.open(interview.sealed!, context: interview.id!.uuidString).contains("11th corps"))
                    let wills = try await DispositionStore.willStatements(of: sealedPrisoner, on: db, cipher: cipher)
                    #expect(wills.first?.ownWords == "drill will: 대한민국")
                }
                // A second restore over the now non-empty registry is refused without --force.
                await #expect(throws: Backups.Failure.self) {
                    try await Backups.restore(app, file: file, identity: identity, dataDirectory: target.directory,
                                              database: target.database, force: false)
                }
                let forced = try await Backups.restore(app, file: file, identity: identity, dataDirectory: target.directory,
                                                       database: target.database, force: true)
                #expect(forced.verification.intact)
                }
            }
        }

        /// One changed byte, or the wrong identity: verify and restore fail with a clear error, and the
        /// restore target is left exactly as it was.
        @Test(.timeLimit(.minutes(3))) func alteredBackupOrWrongIdentityFailsAndWritesNothing() async throws {
            try await withFileBureau { bureau in
                let app = bureau.app
                _ = try await Self.sealedRecords(bureau)
                let identity = Curve25519.KeyAgreement.PrivateKey()
                let file = bureau.dataDirectory.appendingPathComponent("good.bak")
                _ = try await Backups.make(app, output: file, recipient: identity.publicKey)
                var bytes = try Data(contentsOf: file)
                let altered = bureau.dataDirectory.appendingPathComponent("altered.bak")
                bytes[bytes.count / 2] ^= 0x01
                try bytes.write(to: altered)

                try await RestoreTarget.with(app) { target in
                let before = try target.snapshot()
                do {
                    _ = try await Backups.verify(app, file: altered, identity: identity)
                    Issue.record("an altered backup verified")
                } catch {
                    #expect("\(error)".contains("damaged or was altered"), "\(error)")
                }
                do {
                    _ = try await Backups.restore(app, file: altered, identity: identity, dataDirectory: target.directory,
                                                  database: target.database, force: true)
                    Issue.record("an altered backup was restored")
                } catch {
                    #expect("\(error)".contains("damaged or was altered"), "\(error)")
                }
                let stranger = Curve25519.KeyAgreement.PrivateKey()
                for attempt in 0..<2 {
                    do {
                        if attempt == 0 {
                            _ = try await Backups.verify(app, file: file, identity: stranger)
                        } else {
                            _ = try await Backups.restore(app, file: file, identity: stranger, dataDirectory: target.directory,
                                                          database: target.database, force: true)
                        }
                        Issue.record("the wrong identity opened the backup")
                    } catch {
                        #expect("\(error)".contains("wrong identity"), "\(error)")
                    }
                }
                #expect(try target.snapshot() == before, "nothing written into the target folder")
                if TestDatabase.isPostgres {
                    let holds = try await Backups.withDatabase(app, target.database) { db in
                        try await (db as! any SQLDatabase).raw("SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'")
                            .first()!.decode(column: "n", as: Int.self)
                    }
                    #expect(holds == 0, "no tables created in the target database")
                }
                // The good backup still verifies.
                #expect(try await Backups.verify(app, file: file, identity: identity).verification.intact)
                }
            }
        }

        /// Field-key rotation over 10,000 sealed interviews (plus a will statement and a TOTP secret),
        /// stopped halfway as a kill would, then resumed: every value opens with the new key alone.
        @Test(.timeLimit(.minutes(5))) func fieldKeyRotationResumesAfterAnInterruption() async throws {
            try await withFileBureau { bureau in
                let app = bureau.app
                let prisoner = try await Self.sealedRecords(bureau)
                let admin = try await bureau.makeUser("rotation.admin", .administrator)  // enrolled: a sealed TOTP secret
                let cipher = app.bureau.context.cipher
                try await app.db.transaction { tx in
                    for n in 0..<10_000 {
                        let event = TimelineEvent(id: UUID(), prisonerID: prisoner, occurredAt: Date(timeIntervalSince1970: 1_736_500_000),
                                                  recordedAt: Date(), recordedBy: "drill.investigator", supersedes: nil,
                                                  payload: .interview(Interview(purpose: .intake, language: "ko", mode: .oral,
                                                                                noCoercionAttested: true, content: "sealed entry \(n)")))
                        try await EventStorage.model(for: event, cipher: cipher).create(on: tx)
                    }
                }
                let oldKey = try KeyFile.read(bureau.dataDirectory.appendingPathComponent(FieldCipher.fileName))
                let rotation = FieldKeyRotation(directory: bureau.dataDirectory, context: app.bureau.context,
                                                principal: RotateFieldKeyCommand.principal, batchSize: 500)
                guard case .stopped(let halfway) = try await rotation.run(maxBatches: 10) else {
                    Issue.record("the rotation did not stop after 10 batches")
                    return
                }
                #expect(halfway == 5000)
                let oldURL = bureau.dataDirectory.appendingPathComponent(FieldCipher.oldFileName)
                #expect(try KeyFile.read(oldURL) == oldKey, "the old key is kept until the rotation is done")
                // Meanwhile a restarted server reads every value, re-sealed or not.
                let interim = try FieldCipher.loadOrCreate(at: bureau.dataDirectory.appendingPathComponent(FieldCipher.fileName))
                #expect(interim.isRotating)
                let mixed = try await EventModel.query(on: app.db).filter(\.$sealed != nil).all()
                #expect(try mixed.allSatisfy { try interim.open($0.sealed!, context: $0.id!.uuidString).hasPrefix("sealed entry")
                    || $0.$prisoner.id == prisoner })

                guard case .finished = try await rotation.run() else {
                    Issue.record("the resumed rotation did not finish")
                    return
                }
                #expect(!FileManager.default.fileExists(atPath: oldURL.path))
                let newKey = try KeyFile.read(bureau.dataDirectory.appendingPathComponent(FieldCipher.fileName))
                #expect(newKey != oldKey)
                let fresh = FieldCipher(key: SymmetricKey(data: newKey))
                let old = FieldCipher(key: SymmetricKey(data: oldKey))
                let events = try await EventModel.query(on: app.db).filter(\.$sealed != nil).all()
                #expect(events.count == 10_001)
                var readable = 0
                for event in events {
                    let text = try fresh.open(event.sealed!, context: event.id!.uuidString)
                    #expect(!old.isSealedWithCurrentKey(event.sealed!, context: event.id!.uuidString))
                    if text.hasPrefix("sealed entry") { readable += 1 }
                }
                #expect(readable == 10_000)
                #expect(try await DispositionStore.willStatements(of: prisoner, on: app.db, cipher: fresh).count == 1)
                let user = try #require(try await UserModel.find(admin.id, on: app.db))
                #expect(try fresh.open(user.totpSecret!, context: UserStore.sealContext(admin.id)).count > 0)
                let actions = try await AuditModel.query(on: app.db).filter(\.$action ~~ ["keys.field.rotate.start",
                    "keys.field.rotate.resume", "keys.field.rotate.finish"]).sort(\.$id).all().map(\.action)
                #expect(actions == ["keys.field.rotate.start", "keys.field.rotate.resume", "keys.field.rotate.finish"])
                #expect(try await AuditLog.verify(on: app.db, against: nil).intact)
            }
        }

        /// The same with a real kill: `bureau keys rotate-field` as a subprocess, killed with SIGKILL once it has
        /// re-sealed a few batches, then run again to the end.
        @Test(.timeLimit(.minutes(5))) func rotateFieldCommandKilledWithSigkillResumes() async throws {
            try await withFileBureau { bureau in
                let app = bureau.app
                let prisoner = try await Self.sealedRecords(bureau)
                let cipher = app.bureau.context.cipher
                try await app.db.transaction { tx in
                    for n in 0..<10_000 {
                        let event = TimelineEvent(id: UUID(), prisonerID: prisoner, occurredAt: Date(timeIntervalSince1970: 1_736_500_000),
                                                  recordedAt: Date(), recordedBy: "drill.investigator", supersedes: nil,
                                                  payload: .interview(Interview(purpose: .intake, language: "uk", mode: .oral,
                                                                                noCoercionAttested: true, content: "sealed entry \(n)")))
                        try await EventStorage.model(for: event, cipher: cipher).create(on: tx)
                    }
                }
                var env = ["BUREAU_DATA_DIR": bureau.dataDirectory.path, "BUREAU_BCRYPT_COST": "4"]
                if TestDatabase.isPostgres, let url = ProcessInfo.processInfo.environment["DATABASE_URL"] { env["DATABASE_URL"] = url }
                let process = Process()
                process.executableURL = try CLI.binary()
                process.arguments = ["keys", "rotate-field", "--batch", "100"]
                var full = ProcessInfo.processInfo.environment
                full.removeValue(forKey: "DATABASE_URL")
                full.merge(env) { $1 }
                process.environment = full
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                var resealed: Int64 = 0
                for _ in 0..<1200 where resealed < 2000 && process.isRunning {
                    try await Task.sleep(for: .milliseconds(25))
                    resealed = (try? await FieldKeyRotationModel.query(on: app.db).all().map(\.resealed).reduce(0, +)) ?? resealed
                }
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                #expect(process.terminationReason == .uncaughtSignal, "the rotation finished before it was killed")
                #expect(resealed >= 2000 && resealed < 10_000, "killed after \(resealed) values")
                let oldURL = bureau.dataDirectory.appendingPathComponent(FieldCipher.oldFileName)
                #expect(FileManager.default.fileExists(atPath: oldURL.path))

                let resumed = try CLI.run(try CLI.binary(), ["keys", "rotate-field", "--batch", "100"], environment: env)
                #expect(resumed.status == 0, "\(resumed.output)")
                #expect(resumed.output.contains("field key rotated"))
                #expect(!FileManager.default.fileExists(atPath: oldURL.path))
                let fresh = FieldCipher(key: try FieldCipher.readKey(at: bureau.dataDirectory.appendingPathComponent(FieldCipher.fileName)))
                let events = try await EventModel.query(on: app.db).filter(\.$sealed != nil).all()
                #expect(events.count == 10_001)
                #expect(events.allSatisfy { fresh.isSealedWithCurrentKey($0.sealed!, context: $0.id!.uuidString) })
                #expect(try await DispositionStore.willStatements(of: prisoner, on: app.db, cipher: fresh).count == 1)
                #expect(try await AuditLog.verify(on: app.db, against: nil).intact)
            }
        }

        /// The administrator's page shows the age of the last good backup, and warns (in every language)
        /// when there is none or it is more than a day old.
        @Test func administratorSeesTheAgeOfTheLastBackup() async throws {
            try await withFileBureau { bureau in
                let session = try await FormSession.signIn(bureau, .administrator, name: "backup.admin")
                let warnings = ["uk": "старша за 24 години", "en": "more than 24 hours old", "ru": "больше 24 часов"]
                for (language, warning) in warnings {
                    let page = try await session.get(bureau, "/users", language: language)
                    #expect(page.status == .ok)
                    #expect(page.body.string.contains(warning), "\(language): \(page.body.string)")
                    #expect(page.body.string.contains("id=\"backup-stale\""))
                }
                let identity = Curve25519.KeyAgreement.PrivateKey()
                _ = try await Backups.make(bureau.app, output: bureau.dataDirectory.appendingPathComponent("now.bak"),
                                           recipient: identity.publicKey)
                // Sessions end after 30 idle minutes: sign in again after each jump of the clock.
                bureau.clock.advance(3 * 3600 + 60)
                let later = try await FormSession.signIn(bureau, .administrator, name: "backup.admin2")
                let fresh = try await later.get(bureau, "/users", language: "uk")
                #expect(!fresh.body.string.contains("id=\"backup-stale\""))
                #expect(fresh.body.string.contains("<span id=\"backup-age\">3</span> год тому"), "\(fresh.body.string)")
                bureau.clock.advance(22 * 3600)
                let next = try await FormSession.signIn(bureau, .administrator, name: "backup.admin3")
                let stale = try await next.get(bureau, "/users", language: "en")
                #expect(stale.body.string.contains("id=\"backup-stale\""))
                #expect(stale.body.string.contains("<span id=\"backup-age\">25</span> hours ago"))
            }
        }

        /// With `BUREAU_BACKUP_DIR` and `BUREAU_BACKUP_RECIPIENT` set, the server writes a backup at once (none
        /// is recent) into the folder, one the offline identity verifies.
        @Test(.timeLimit(.minutes(2))) func scheduledBackupIsWrittenToTheFolder() async throws {
            let identity = Curve25519.KeyAgreement.PrivateKey()
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bureau-scheduled-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            try await withFileBureau(adjust: {
                $0.backupDirectory = folder
                $0.backupRecipient = BackupKeys.recipientText(identity.publicKey)
            }) { bureau in
                let timer = try #require(try BackupTimer(app: bureau.app))
                defer { timer.shutdown(bureau.app) }
                var files: [String] = []
                for _ in 0..<300 where files.isEmpty {
                    try await Task.sleep(for: .milliseconds(100))
                    if try await BackupRunModel.lastFinished(on: bureau.app.db) != nil {
                        files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".bak") }
                    }
                }
                let name = try #require(files.first, "no scheduled backup was written")
                #expect(name.hasPrefix("bureau-") && name.hasSuffix("Z.bak"))
                let checked = try await Backups.verify(bureau.app, file: folder.appendingPathComponent(name), identity: identity)
                #expect(checked.verification.intact)
                let run = try #require(try await BackupRunModel.query(on: bureau.app.db).first())
                #expect(run.trigger == "scheduled")
            }
            #expect(throws: BureauConfig.Invalid.self) { try BureauConfig.load(["BUREAU_BACKUP_DIR": "/tmp/x"]) }
        }

        /// Key custody: a key file readable by others stops every command, naming the file and the fix.
        @Test func keyFileReadableByOthersIsRefused() async throws {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bureau-keys-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: directory) }
            let key = directory.appendingPathComponent(FieldCipher.fileName)
            _ = try FieldCipher.loadOrCreate(at: key)
            #expect(KeyFile.mode(atPath: key.path) == 0o600)
            chmod(key.path, 0o640)
            #expect(throws: KeyFile.TooOpen.self) { try FieldCipher.loadOrCreate(at: key) }
            let result = try CLI.run(try CLI.binary(), ["migrate"],
                                     environment: ["BUREAU_DATA_DIR": directory.path, "BUREAU_BCRYPT_COST": "4"])
            #expect(result.status == 1)
            #expect(result.output.contains("is readable by group or others"), "\(result.output)")
            #expect(result.output.contains("chmod 600"))
        }

        /// The operator's commands end to end: keygen, backup, verify (0, then 1 for an altered file), restore.
        @Test(.timeLimit(.minutes(3))) func backupCommandsExitCodes() async throws {
            let binary = try CLI.binary()
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bureau-backup-cli-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            var env = ["BUREAU_DATA_DIR": directory.appendingPathComponent("data").path, "BUREAU_BCRYPT_COST": "4"]
            if TestDatabase.isPostgres, let url = ProcessInfo.processInfo.environment["DATABASE_URL"] {
                env["DATABASE_URL"] = url
                try await withBureau { _ in }
            }
            let key = directory.appendingPathComponent("backup-key").path
            let keygen = try CLI.run(binary, ["backup", "keygen", "--output", key], environment: env)
            #expect(keygen.status == 0, "\(keygen.output)")
            #expect(KeyFile.mode(atPath: key) == 0o600)
            let pub = try String(contentsOfFile: key + ".pub", encoding: .utf8)
            #expect(pub.hasPrefix(BackupKeys.recipientPrefix))
            #expect(try CLI.run(binary, ["demo", "load"], environment: env).status == 0)
            let file = directory.appendingPathComponent("b.bak").path
            let made = try CLI.run(binary, ["backup", "--output", file, "--recipient", key + ".pub"], environment: env)
            #expect(made.status == 0, "\(made.output)")
            let verified = try CLI.run(binary, ["backup", "verify", file, "--identity", key], environment: env)
            #expect(verified.status == 0, "\(verified.output)")
            #expect(verified.output.contains("audit log intact"))
            var bytes = try Data(contentsOf: URL(fileURLWithPath: file))
            bytes[bytes.count - 10] ^= 0x80
            try bytes.write(to: URL(fileURLWithPath: file + ".altered"))
            let failed = try CLI.run(binary, ["backup", "verify", file + ".altered", "--identity", key], environment: env)
            #expect(failed.status == 1)
            #expect(failed.output.contains("damaged or was altered"), "\(failed.output)")
            let refused = try CLI.run(binary, ["restore", file, "--identity", key], environment: env)
            #expect(refused.status == 1)
            #expect(refused.output.contains("not empty"), "\(refused.output)")
            if !TestDatabase.isPostgres {
                let elsewhere = directory.appendingPathComponent("elsewhere").path
                let restored = try CLI.run(binary, ["restore", file, "--identity", key, "--data-dir", elsewhere], environment: env)
                #expect(restored.status == 0, "\(restored.output)")
                #expect(FileManager.default.fileExists(atPath: elsewhere + "/bureau-field.key"))
            }
        }
    }
}
