import BureauCore
import BureauStore
import Foundation
import Vapor

/// `bureau bench seed --prisoners N [--ids FILE] [--names FILE]`: fills the configured database with N synthetic
/// prisoners (fictional names, deterministic) for `scripts/bench-server`, through the store in bulk (thousands a
/// second; one audit entry per batch). Writes the new ids and some surnames to the files the benchmark's wrk scripts
/// read. For throwaway data directories only (it adds fictional prisoners to whatever database is configured).
struct BenchSeedCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "prisoners", help: "how many prisoners (default 10000)")
        var prisoners: Int?
        @Option(name: "ids", help: "file to write the new prisoner ids to, one a line")
        var ids: String?
        @Option(name: "names", help: "file to write surnames to search for, one a line")
        var names: String?
    }

    var help: String { "Seeds synthetic prisoners for scripts/bench-server (throwaway databases only)" }

    static let roots = ["Иван", "Смирн", "Кузнец", "Поп", "Василь", "Петр", "Сокол", "Михайл", "Новик", "Фёдор", "Мороз",
                        "Волк", "Алексе", "Лебед", "Семён", "Егор", "Павл", "Козл", "Степан", "Никола", "Орл", "Андре",
                        "Макар", "Никит", "Захар", "Зайц", "Солов", "Борис", "Яковл", "Григор", "Роман", "Воробь",
                        "Серге", "Кузьмин", "Фрол", "Гусев", "Ильин", "Поляк", "Сорокин", "Виноград", "Ковал", "Белов",
                        "Медвед", "Тарас", "Жук", "Горбач", "Шевч", "Бондар", "Ткач", "Кравч", "Мельн", "Бойк", "Савч",
                        "Руд", "Марч", "Лис", "Клим", "Павлюк", "Гриц", "Остап", "Литвин", "Гончар", "Швед", "Дуб",
                        "Черн", "Гнат", "Пономар", "Карп", "Юрч", "Мирон", "Нестер", "Прокоп", "Демч", "Тимош", "Луц"]
    static let endings = ["ов", "ев", "ин", "ский", "енко", "чук", "юк", "ович", "ук", "ик", "ецкий", "ко"]
    static let given = ["Александр", "Алексей", "Андрей", "Антон", "Артём", "Борис", "Вадим", "Валерий", "Василий",
                        "Виктор", "Виталий", "Владимир", "Геннадий", "Георгий", "Григорий", "Денис", "Дмитрий",
                        "Евгений", "Егор", "Иван", "Игорь", "Илья", "Кирилл", "Леонид", "Максим", "Михаил", "Никита",
                        "Николай", "Олег", "Павел", "Пётр", "Роман", "Сергей", "Степан", "Фёдор", "Юрий", "Ярослав"]
    static let patronymics = ["Александрович", "Алексеевич", "Андреевич", "Борисович", "Викторович", "Владимирович",
                              "Иванович", "Игоревич", "Михайлович", "Николаевич", "Олегович", "Петрович", "Сергеевич"]

    func run(using context: CommandContext, signature: Signature) async throws {
        let total = signature.prisoners ?? 10_000
        guard total >= 1 else { throw CommandFailure("--prisoners must be at least 1") }
        let app = context.application
        try await app.autoMigrate()
        let registry = app.bureau.registry
        let principal = Principal(username: "bench.seed", role: .registrar)
        var random = SeededRandom(seed: 20_261_203)
        let base = Date().addingTimeInterval(-400 * 86_400)
        var ids: [String] = []
        var surnames: [String] = []
        let start = Date()
        var done = 0
        while done < total {
            let count = min(2000, total - done)
            var batch: [Registration] = []
            for index in done..<(done + count) {
                let surname = Self.roots[random.next(upTo: Self.roots.count)] + Self.endings[random.next(upTo: Self.endings.count)]
                if index % max(1, total / 2000) == 0 { surnames.append(surname) }
                let draft = ClaimDraft(surname: surname, firstNames: Self.given[random.next(upTo: Self.given.count)],
                                       fatherName: Self.patronymics[random.next(upTo: Self.patronymics.count)],
                                       dateOfBirth: PartialDate(year: 1970 + random.next(upTo: 35), month: 1 + random.next(upTo: 12),
                                                                day: 1 + random.next(upTo: 28)),
                                       nationality: "RUS", source: .selfDeclared, confidence: .high, isAssessed: true)
                batch.append(Registration(internmentNumber: String(format: "BENCH-%07d", index),
                                          powerDependedOn: PowerAllegiance(power: "RUS"),
                                          unit: "Motor rifle regiment \(100 + random.next(upTo: 900))", languages: ["ru"],
                                          sex: .male, claims: [draft],
                                          capturedAt: base.addingTimeInterval(Double(index) * 60),
                                          capture: Capture(place: "Donetsk region")))
            }
            ids += try await registry.benchSeed(batch, numberFrom: done, by: principal).map(\.uuidString)
            done += count
        }
        let seconds = Date().timeIntervalSince(start)
        if let path = signature.ids { try (ids.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8) }
        if let path = signature.names {
            try (surnames.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        }
        context.console.print(String(format: "seeded %d prisoners in %.1f s (%.0f/s)", total, seconds, Double(total) / seconds))
    }
}
