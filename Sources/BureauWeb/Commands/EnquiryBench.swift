import BureauCore
import BureauStore
import Foundation
import Vapor

/// `bureau bench enquiries [--registry N] [--lines M]`: a registry of N prisoners (Hangul, Cyrillic and
/// Latin names) in an in-memory SQLite database, then a CTA list of M enquiries as CSV, half of them
/// for registered men spelt in another script, imported through `EnquiryStore.importList` (parse,
/// match every line against the live name index off the write lock, write all in one audited
/// transaction). Prints the wall-clock time of each step.
public enum EnquiryBench {
    public static func run(_ arguments: [String]) async -> Int32 {
        var registrySize = 2_000
        var lines = 1_000
        var index = 0
        while index < arguments.count {
            guard index + 1 < arguments.count, let value = Int(arguments[index + 1]), value > 0 else {
                print("usage: bureau bench enquiries [--registry N] [--lines M]")
                return 2
            }
            switch arguments[index] {
            case "--registry": registrySize = value
            case "--lines": lines = value
            default:
                print("usage: bureau bench enquiries [--registry N] [--lines M]")
                return 2
            }
            index += 2
        }
        do {
            try await bench(registrySize: registrySize, lines: lines)
            return 0
        } catch {
            print("bench failed: \(error)")
            return 1
        }
    }

    static let surnames = [("Kim", "김", "Ким"), ("Ri", "리", "Ли"), ("Pak", "박", "Пак"), ("Choe", "최", "Цой"), ("Jong", "정", "Чон")]
    static let given = [("Chol-ho", "철호", "Чхоль Хо"), ("Jong-su", "종수", "Чон Су"), ("Myong-il", "명일", "Мён Иль"),
                        ("Song-min", "성민", "Сон Мин"), ("Yong-nam", "영남", "Ён Нам"), ("Kwang-jin", "광진", "Кван Джин")]
    static let slavic = ["Петренко", "Коваленко", "Шевченко", "Бондаренко", "Ткаченко", "Кравченко", "Олійник", "Мельник"]
    static let slavicGiven = ["Олег", "Іван", "Петро", "Андрій", "Сергій", "Микола", "Василь", "Юрій"]

    /// CPU seconds of the process (every thread): on a shared machine the wall time measures the neighbours too.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    static func bench(registrySize: Int, lines: Int) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bureau-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let app = try await Application.make(.testing)
        app.logger.logLevel = .error
        do {
            let config = BureauConfig(database: .sqliteMemory, dataDirectory: directory, port: 0, bcryptCost: 4,
                                      secureCookies: true, timeZone: TimeZone(identifier: "Europe/Kyiv")!)
            try await configure(app, config: config)
            try await app.autoMigrate()
            let registrar = Principal(username: "bench.registrar", role: .registrar)
            let tracer = Principal(username: "bench.tracer", role: .tracingOfficer)
            var clock = DispatchTime.now()
            func lap() -> Double {
                let now = DispatchTime.now()
                defer { clock = now }
                return Double(now.uptimeNanoseconds - clock.uptimeNanoseconds) / 1e9
            }
            let captured = Date(timeIntervalSince1970: 1_736_400_000)
            for n in 0..<registrySize {
                let korean = n % 2 == 0
                let claim: ClaimDraft
                if korean {
                    let s = surnames[n % surnames.count], g = given[(n / surnames.count) % given.count]
                    claim = ClaimDraft(surname: s.1, firstNames: g.1 + "\(n)", dateOfBirth: PartialDate(year: 1980 + n % 25),
                                       source: .selfDeclared, isAssessed: true)
                } else {
                    claim = ClaimDraft(surname: slavic[n % slavic.count] + "\(n)", firstNames: slavicGiven[(n / 8) % 8],
                                       dateOfBirth: PartialDate(year: 1970 + n % 30), source: .document, isAssessed: true)
                }
                let registration = Registration(powerDependedOn: PowerAllegiance(power: korean ? "PRK" : "RUS"), languages: [],
                                                claims: [claim], capturedAt: captured, capture: Capture(place: "front"))
                _ = try await app.bureau.registry.register(registration, by: registrar)
            }
            let registered = lap()
            var csv = "name;father's name;date of birth;reference\n"
            for line in 0..<lines {
                let n = (line * 7) % registrySize
                if line % 2 == 0 && n % 2 == 0 {
                    // A registered Korean, spelt in Latin or Cyrillic.
                    let s = surnames[n % surnames.count], g = given[(n / surnames.count) % given.count]
                    csv += line % 4 == 0 ? "\(s.0) \(g.0)\(n)" : "\(s.2) \(g.2)\(n)"
                    csv += ";;\(1980 + n % 25);B-\(line)\n"
                } else {
                    csv += "\(slavic[line % slavic.count]) \(slavicGiven[line % 8]) \(line);Іван;19\(70 + line % 30);B-\(line)\n"
                }
            }
            let header = EnquiryStore.ListHeader(enquirer: Enquirer(kind: .centralTracingAgency, name: "ICRC Central Tracing Agency",
                                                                    channel: .bulkList), language: "en", receivedAt: Date())
            // Warm the index (the server loads it once, at the first search).
            try await app.bureau.context.names.ensureLoaded(from: app.db)
            _ = lap()
            let cpuBefore = cpuSeconds()
            let progress = try await app.bureau.enquiries.importList(Data(csv.utf8), encoding: .auto, header: header, by: tracer)
            let imported = lap()
            let importCPU = cpuSeconds() - cpuBefore
            print("registry: \(registrySize) prisoners registered in \(String(format: "%.1f", registered)) s")
            print("list: \(progress.total) enquiries, state \(progress.state.rawValue), \(progress.withCandidates) with candidates")
            print("import (parse + match + write, one transaction): \(String(format: "%.2f", imported)) s"
                  + " (matching and write, measured inside the job: \(String(format: "%.2f", progress.seconds ?? 0)) s;"
                  + " \(String(format: "%.2f", importCPU)) s CPU, all threads)")
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
