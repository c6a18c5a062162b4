import BureauCore
import Foundation
import Testing

/// Writes and checks `docs/conformance.md`: every rule of the catalogue, its article, duty and
/// deadline, and the tests that cover it, read from the `// covers: <rule> <scenario>…` markers.
///
/// Regenerate with `BUREAU_WRITE_CONFORMANCE=1 swift test --filter ConformanceDocumentTests`.
enum Conformance {
    struct Marker: Hashable {
        var rule: String
        var scenarios: [String]
        var suite: String
        var test: String
        var title: String?
    }

    /// Every rule needs these; a rule with a recurring trigger also needs `recurring`.
    static let required = ["notYetDue", "due", "overdue", "lastMoment", "late"]
    static let known = required + ["recurring", "other"]
    static let labels = [
        "notYetDue": "not yet due", "due": "due", "overdue": "overdue", "lastMoment": "fulfilled on the last moment",
        "late": "fulfilled late", "recurring": "trigger recurring", "other": "other behaviour",
    ]

    static var testsDirectory: URL {
        URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
    }

    static var documentURL: URL {
        testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs").appendingPathComponent("conformance.md")
    }

    static func markers() throws -> (markers: [Marker], dangling: [String]) {
        let files = try FileManager.default.contentsOfDirectory(atPath: testsDirectory.path)
            .filter { $0.hasSuffix(".swift") }.sorted()
        var markers: [Marker] = []
        var dangling: [String] = []
        for file in files {
            let text = try String(contentsOf: testsDirectory.appendingPathComponent(file), encoding: .utf8)
            var suite = file.replacingOccurrences(of: ".swift", with: "")
            var pending: [(String, [String])] = []
            var title: String?
            for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
                let line = raw.trimmingCharacters(in: .whitespaces)
                if let range = line.range(of: "struct "), line.hasPrefix("@Suite") || line.hasPrefix("struct ") {
                    suite = String(line[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" })
                } else if line.hasPrefix("// covers:") {
                    let words = line.dropFirst("// covers:".count).split(separator: " ").map(String.init)
                    if let rule = words.first { pending.append((rule, Array(words.dropFirst()))) }
                } else if line.hasPrefix("@Test") {
                    title = line.split(separator: "\"", omittingEmptySubsequences: false).dropFirst().first.map(String.init)
                } else if line.hasPrefix("func "), !pending.isEmpty {
                    let name = String(line.dropFirst(5).prefix { $0.isLetter || $0.isNumber || $0 == "_" })
                    for (rule, scenarios) in pending {
                        markers.append(Marker(rule: rule, scenarios: scenarios, suite: suite, test: name, title: title))
                    }
                    pending = []
                    title = nil
                } else if line.hasPrefix("func ") {
                    title = nil
                }
            }
            dangling += pending.map { "\(file): \($0.0)" }
        }
        return (markers, dangling)
    }

    static func missing(_ markers: [Marker]) -> [String] {
        RuleCatalogue.all.flatMap { rule -> [String] in
            let covered = Set(markers.filter { $0.rule == rule.id.rawValue }.flatMap(\.scenarios))
            let needed = required + (rule.recurring ? ["recurring"] : [])
            return needed.filter { !covered.contains($0) }.map { "\(rule.id.rawValue): \($0)" }
        }
    }

    /// The twelve guards of gc3.md §7, as the document lists them.
    static let guards: [(number: Int, severity: String, articles: String, rule: String)] = [
        (1, "enforce", "109–110", "Medical repatriation never linked to exchange, quota or reciprocity; an eligible prisoner cannot be held for exchange"),
        (2, "enforce", "12, 118; non-refoulement", "No departure without a current will statement taken through a recorded interpreter, a non-refoulement risk assessment of destination and transit, and an Art. 12 assessment for a third state; a documented risk blocks the route"),
        (3, "enforce", "109(3)", "No medical repatriation during hostilities against his will"),
        (4, "warn", "6, 7", "Waivers cannot remove Convention rights; agreement clauses worsening prisoners' position are flagged"),
        (5, "enforce", "17", "Interviews need his language and a named interpreter"),
        (6, "enforce", "see Rules", "The Convention clocks: every deadline above is an obligation with its clock"),
        (7, "enforce", "66, 119, 122", "Every custody change is notified; closing needs the Art. 66 statement and valuables resolved"),
        (8, "enforce", "13(2)", "No public release of identifiable images or voice without legal sign-off: a media release request is assessed by a legal officer and decided by a second person, refused while anything identifiable remains; a release without an approved request is recorded as a breach"),
        (9, "warn", "4, 10, 17, 18", "No identity document, a false or third-party document, a contested Power, no Protecting Power (route via the CTA)"),
        (10, "warn", "22(3), 79", "Groups by nationality, language and forces derived from the registry; separation from the prisoners of his own forces or his group needs his recorded consent or a reason confirmed by two, and a custody move that would separate him is not recorded (409, the filled-in form kept) until one is; each group without an elected representative is flagged (elections: GC3-79-rep)"),
        (11, "enforce", "118, 119(5); AP I 85(4)(b)", "After the cessation of hostilities every prisoner without an Art. 119(5) hold is on the repatriation plan"),
        (12, "enforce", "data protection", "His asylum or third-state wish is the most restricted field; disclosure to any state needs DPO and legal approval"),
    ]

    /// The web tests hold the HTTP, page and browser tests of a guard (a custody move stopped by Art. 22(3)).
    static var webTestsDirectory: URL {
        testsDirectory.deletingLastPathComponent().appendingPathComponent("BureauWebTests")
    }

    /// `// guard: <n>` markers above `@Test func` lines, in the core and the web tests: (guard, Suite.test).
    static func guardMarkers() throws -> [(Int, String)] {
        var found: [(Int, String)] = []
        for directory in [testsDirectory, webTestsDirectory] {
            found += try guardMarkers(in: directory)
        }
        return found
    }

    static func guardMarkers(in directory: URL) throws -> [(Int, String)] {
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".swift") }.sorted()
        var found: [(Int, String)] = []
        for file in files {
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            let suite = file.replacingOccurrences(of: ".swift", with: "")
            var pending: [Int] = []
            for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
                let line = raw.trimmingCharacters(in: .whitespaces)
                if line.hasPrefix("// guard:") {
                    pending += line.dropFirst("// guard:".count).split(separator: " ").compactMap { Int($0) }
                } else if !pending.isEmpty, line.hasPrefix("@Test"), let range = line.range(of: "func ") {
                    let name = String(line[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" })
                    found += pending.map { ($0, "\(suite).\(name)") }
                    pending = []
                }
            }
        }
        return found
    }

    static func describe(_ value: Any) -> String {
        switch value {
        case let interval as TimeInterval:
            if interval == 0 { return "0" }
            if interval >= 3 * 86_400, interval.truncatingRemainder(dividingBy: 86_400) == 0 {
                return "\(Int(interval / 86_400)) days"
            }
            return "\(Int(interval / 3600)) h"
        case let flag as Bool:
            return flag ? "true" : "false"
        case let powers as [String: String]:
            return powers.isEmpty ? "none (CTA only)" : powers.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
                .joined(separator: ", ")
        default:
            let text = "\(value)"
            return text == "nil" ? "unset" : text
        }
    }

    static func render(_ markers: [Marker], guardTests: [(Int, String)] = (try? guardMarkers()) ?? []) -> String {
        var out: [String] = []
        out.append("# GC III conformance: the Convention clocks, the legal guards and the tests that cover them")
        out.append("")
        out.append("Generated by `Tests/BureauCoreTests/ConformanceDocumentTests.swift` from `RuleCatalogue` and the")
        out.append("`// covers: <rule> <scenario>…` markers above the tests. Do not edit by hand; regenerate with")
        out.append("`BUREAU_WRITE_CONFORMANCE=1 swift test --filter ConformanceDocumentTests`. The suite fails when a rule")
        out.append("lacks a test for not yet due, due, overdue, fulfilled on the last moment or fulfilled late (and, for a")
        out.append("recurring trigger, the trigger recurring), or when this file is stale.")
        out.append("")
        out.append("States, at the instant obligations are derived for: **overdue** when now is strictly after the deadline;")
        out.append("**due** when not overdue and the deadline is within the due-soon window (48 h by default, ends included);")
        out.append("**not yet due** otherwise; **fulfilled** by an entry dated at or before now, **late** when dated after the")
        out.append("deadline (an entry exactly at the deadline is on time); **waived** by a waiver entry with reason and")
        out.append("approver. Deadlines are instants in UTC (days of 86,400 s, calendar months in UTC); screens show them in")
        out.append("the facility's time zone. *Treaty* deadlines come from the Convention; *policy* deadlines are settings")
        out.append("where it says \"immediately\", \"without delay\" or \"as soon as possible\".")
        out.append("")
        out.append("## Rules")
        out.append("")
        out.append("| Rule | Article | Duty | Deadline | Basis | Tests |")
        out.append("|---|---|---|---|---|---|")
        for rule in RuleCatalogue.all {
            let count = Set(markers.filter { $0.rule == rule.id.rawValue }.map { "\($0.suite).\($0.test)" }).count
            out.append("| [\(rule.id.rawValue)](#\(rule.id.rawValue.lowercased())) | \(rule.article) | \(rule.duty) | "
                       + "\(rule.deadline) | \(rule.bases.map(\.rawValue).joined(separator: ", ")) | \(count) |")
        }
        out.append("")
        out.append("## Policy settings (`ObligationPolicy`) and their defaults")
        out.append("")
        out.append("| Setting | Default | Rules |")
        out.append("|---|---|---|")
        for child in Mirror(reflecting: ObligationPolicy()).children {
            guard let label = child.label else { continue }
            let rules = RuleCatalogue.all.filter { $0.policySettings.contains(label) }.map(\.id.rawValue)
            let general = ["dueSoonWindow": "all: when an open obligation counts as due",
                           "protectingPowers": "all notices: adds the Protecting Power as a recipient"]
            out.append("| `\(label)` | \(describe(child.value)) | \(rules.isEmpty ? general[label] ?? "—" : rules.joined(separator: ", ")) |")
        }
        out.append("")
        out.append("## Legal guards (gc3.md §7)")
        out.append("")
        out.append("*Enforce* blocks; *warn* blocks until overridden with a reason and confirmed by a second person holding")
        out.append("the approver role. Tests carry a `// guard: <n>` marker above them.")
        out.append("")
        out.append("| Guard | Kind | GC III Arts. | Rule | Tests |")
        out.append("|---|---|---|---|---|")
        for item in guards {
            let tests = guardTests.filter { $0.0 == item.number }.map { "`\($0.1)`" }
            out.append("| \(item.number) | \(item.severity) | \(item.articles) | \(item.rule) | "
                       + "\(tests.isEmpty ? (item.number == 6 ? "see Rules" : "**missing**") : tests.joined(separator: "<br>")) |")
        }
        for rule in RuleCatalogue.all {
            out.append("")
            out.append("### \(rule.id.rawValue)")
            out.append("")
            out.append("Art. \(rule.article). \(rule.duty).")
            out.append("")
            out.append("- Trigger: \(rule.trigger)\(rule.recurring ? " (recurring)" : "").")
            out.append("- Deadline: \(rule.deadline) — \(rule.bases.map(\.rawValue).joined(separator: " and ")).")
            out.append("- Fulfilled by: \(rule.fulfilledBy.map { "`\($0.rawValue)`" }.joined(separator: ", ")).")
            if !rule.policySettings.isEmpty {
                out.append("- Policy settings: \(rule.policySettings.map { "`\($0)`" }.joined(separator: ", ")).")
            }
            out.append("- Visible to roles reading: `\(rule.fieldClass.rawValue)` data.")
            out.append("")
            out.append("| Scenario | Tests |")
            out.append("|---|---|")
            let mine = markers.filter { $0.rule == rule.id.rawValue }
            for scenario in known {
                let tests = mine.filter { $0.scenarios.contains(scenario) }
                guard !tests.isEmpty || required.contains(scenario) || (scenario == "recurring" && rule.recurring) else { continue }
                let names = tests.map { "`\($0.suite).\($0.test)`" + ($0.title.map { " — \($0)" } ?? "") }
                out.append("| \(labels[scenario]!) | \(names.isEmpty ? "**missing**" : names.joined(separator: "<br>")) |")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }
}

@Suite struct ConformanceDocumentTests {
    @Test("Every rule of the catalogue has tests for each required scenario")
    func everyRuleCovered() throws {
        let (markers, _) = try Conformance.markers()
        #expect(Conformance.missing(markers) == [])
    }

    @Test("Markers name known rules and scenarios, and each sits above a test")
    func markersAreWellFormed() throws {
        let (markers, dangling) = try Conformance.markers()
        let rules = Set(RuleID.allCases.map(\.rawValue))
        #expect(markers.filter { !rules.contains($0.rule) }.map(\.rule) == [])
        #expect(markers.flatMap(\.scenarios).filter { !Conformance.known.contains($0) } == [])
        #expect(markers.filter(\.scenarios.isEmpty).map(\.test) == [])
        #expect(dangling == [])
    }

    @Test("Every legal guard but the clocks (6) is listed with its tests")
    func everyGuardCovered() throws {
        let covered = Set(try Conformance.guardMarkers().map { $0.0 })
        #expect(Set(Conformance.guards.map { $0.number }).subtracting(covered) == [6])
    }

    @Test("docs/conformance.md is generated from the current catalogue and tests")
    func documentIsCurrent() throws {
        let (markers, _) = try Conformance.markers()
        let expected = Conformance.render(markers)
        if ProcessInfo.processInfo.environment["BUREAU_WRITE_CONFORMANCE"] == "1" {
            try FileManager.default.createDirectory(at: Conformance.documentURL.deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            try expected.write(to: Conformance.documentURL, atomically: true, encoding: .utf8)
        }
        let committed = try? String(contentsOf: Conformance.documentURL, encoding: .utf8)
        #expect(committed == expected,
                "docs/conformance.md is stale: run BUREAU_WRITE_CONFORMANCE=1 swift test --filter ConformanceDocumentTests")
    }
}
