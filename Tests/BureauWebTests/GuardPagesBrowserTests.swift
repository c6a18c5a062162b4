import BureauCore
import BureauStore
@testable import BureauWeb
import Foundation
import Testing
import Vapor

extension WebDriver {
    /// Signs the browser in as a staff member whose session the test already holds (the second factor of
    /// legal officers and approvers was entered when it was made): the session cookie, as after sign-in.
    func signIn(_ site: String, token: String) async throws {
        try await go(site + "/login")
        _ = try await Self.send(client, .DELETE, "\(base)/session/\(session)/cookie")
        _ = try await Self.send(client, .POST, "\(base)/session/\(session)/cookie",
                                ["cookie": ["name": SessionMiddleware.cookieName, "value": token, "path": "/"]])
    }

    /// Sets a field's value as the user's choice would (date-time inputs take no typed text headless).
    func set(_ css: String, _ value: String) async throws {
        _ = try await script("document.querySelector(arguments[0]).value = arguments[1]", [css, value])
    }

    /// The visible text of every element `css` matches, joined by newlines.
    func texts(_ css: String) async throws -> String {
        try await script("return Array.from(document.querySelectorAll(arguments[0])).map(e => e.innerText).join('\\n')", [css])
            as? String ?? ""
    }
}

extension WebSuite {
    /// Issue 14 in a real Chromium, in Ukrainian, at 1366 and 390 px: a media release request recorded,
    /// assessed, refused while he is identifiable and approved by a second person after blurring and voice
    /// alteration (guard 8); the groups page flagging a group without a representative and the custody-move
    /// form stopped by the Art. 22(3) warning (guard 10). Nothing may scroll sideways; the labels carry no
    /// English, ISO code or id; screenshots are kept under `.build/screenshots/`.
    @Suite struct GuardPagesBrowserTests {
        /// Latin words, three-letter codes and UUIDs: none belongs in a Ukrainian label.
        static func foreign(_ text: String) -> [String] {
            // The name of the digest algorithm is no English word.
            // Nor is an internment number (UA-2026-000001, in the prisoner page's heading) a label.
            let text = text.replacingOccurrences(of: "SHA-256", with: "")
                .replacingOccurrences(of: #"UA-\d{4}-\d+"#, with: "", options: .regularExpression)
            // Roman numerals name the Conventions (Женевська конвенція III).
            let patterns = [#"(?![IVX]+\b)\b[A-Za-z]{2,}"#, #"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-"#]
            return patterns.flatMap { pattern in
                (try? NSRegularExpression(pattern: pattern)).map { regex in
                    regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
                        Range($0.range, in: text).map { String(text[$0]) }
                    }
                } ?? []
            }
        }

        static let labels = "main h1, main h2, main th, main label, main legend, main button, main .notice, main .error, #placement-warning p"

        // guard: 8 10
        @Test(.timeLimit(.minutes(4))) func theGuardPagesInUkrainian() async throws {
            try await withBureau { bureau in
                let staff = try await DispositionStaff.signIn(bureau)
                let (ri, _, _, _) = try await PlacementGuardTests.camp(bureau, staff)
                try await bureau.expect("api/v1/prisoners/\(ri)/risk-assessments", token: staff.legal,
                    json: DispositionFixtures.risk(destination: "PRK", transit: ["RUS"], outcome: "serious_risk",
                                                   findings: "Повідомлено про переслідування родини."), .created)
                let port = try await Ports.startServer(bureau.app)
                let site = "http://127.0.0.1:\(port)"
                let browser = try await WebDriver.start(client: bureau.app.client, language: "uk")
                let folder = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
                    .appendingPathComponent(".build/screenshots")
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)

                /// At both widths: no sideways scroll, Ukrainian labels, a screenshot.
                func look(_ name: String) async throws {
                    for width in [1366, 390] {
                        try await browser.resize(width: width, height: 900)
                        let measured = try await browser.widths()
                        print("\(name) at \(width) px: scrollWidth \(measured.scroll), innerWidth \(measured.inner)")
                        #expect(measured.scroll <= measured.inner, "\(name) scrolls sideways at \(width) px")
                        try await browser.screenshot(to: folder.appendingPathComponent("guards-\(name)-\(width).png").path)
                    }
                    try await browser.resize(width: 1366, height: 900)
                    #expect(try await browser.script("return document.documentElement.lang") as? String == "uk")
                    let labels = try await browser.texts(Self.labels)
                    let foreign = Self.foreign(labels)
                    #expect(foreign.isEmpty, "\(name): \(foreign) in \(labels)")
                }

                func release(_ description: String, digest: String, measures: [String]) async throws {
                    try await browser.go(site + "/prisoners/\(ri)/media-releases/new")
                    try await browser.waitForLanguage("uk")
                    try await browser.type("#description", description)
                    try await browser.type("#digest", digest)
                    try await browser.type("#requester", "Пресслужба Генерального штабу")
                    try await browser.type("#purpose", "Документальний фільм про іноземних військових")
                    // Everything identifiable and his risk assessments cited are the form's defaults.
                    for measure in measures { try await browser.click("input[name='measures[]'][value=\(measure)]") }
                    try await browser.type("#familyRisk", "Переслідування родини вдома")
                    try await look("release-new" + (measures.isEmpty ? "" : "-masked"))
                    try await browser.click("button.primary")
                    try await browser.waitForURL { !$0.hasSuffix("/new") && $0.lowercased().contains("/prisoners/\(ri.lowercased())") }
                }

                func decide(_ step: String, approve: Bool, reasoning: String) async throws {
                    let form = "form[action$='/\(step)']"
                    if approve {
                        _ = try await browser.script("document.querySelector(arguments[0] + ' select[name=approve]').value = 'yes'", [form])
                    }
                    try await browser.type("\(form) input[name=reasoning]", reasoning)
                    try await browser.click("\(form) button")
                    try await browser.wait("the \(step) recorded") {
                        let ready = try await browser.script("return document.readyState") as? String == "complete"
                        let rows = try await browser.texts("#releases")
                        return ready && rows.contains(reasoning)
                    }
                }

                do {
                    // Guard 8, the legal officer: the raw interview, face and voice identifiable.
                    try await browser.signIn(site, token: staff.legal)
                    try await release("Інтерв'ю в пункті збору, 4 хв", digest: String(repeating: "0a", count: 32), measures: [])
                    // Approval is refused while his face and voice identify him: a page in Ukrainian naming Art. 13.
                    _ = try await browser.script("document.querySelector(\"form[action$='/assessment'] select[name=approve]\").value = 'yes'")
                    try await browser.type("form[action$='/assessment'] input[name=reasoning]", "Суспільний інтерес")
                    try await browser.click("form[action$='/assessment'] button")
                    try await browser.wait("the refusal page") { (try? await browser.text("main")).map { $0.contains("13") } == true }
                    let refusal = try await browser.text("main")
                    #expect(refusal.contains("ст. 13"), "\(refusal)")
                    try await look("release-refused-identifiable")
                    try await browser.go(site + "/prisoners/\(ri)")
                    try await browser.waitForLanguage("uk")
                    try await decide("assessment", approve: false, reasoning: "Обличчя і голос його впізнають")
                    // The approver refuses it: it is identifiable.
                    try await browser.signIn(site, token: staff.approverA)
                    try await browser.go(site + "/prisoners/\(ri)")
                    try await decide("decision", approve: false, reasoning: "Його можна впізнати")
                    #expect(try await browser.texts("#releases").contains("відхилено (ст. 13(2))"))
                    // Blurred and voice altered: assessed, then approved by a second person.
                    try await browser.signIn(site, token: staff.legal)
                    try await release("Інтерв'ю після розмиття обличчя", digest: String(repeating: "1b", count: 32),
                                      measures: ["blurring", "voice_alteration", "names_removed", "unit_removed", "tattoos_masked"])
                    try await decide("assessment", approve: true, reasoning: "Нічого його не впізнає")
                    try await browser.signIn(site, token: staff.approverB)
                    try await browser.go(site + "/prisoners/\(ri)")
                    try await decide("decision", approve: true, reasoning: "Розмито, голос змінено")
                    #expect(try await browser.texts("#releases").contains("схвалено"))
                    try await look("prisoner-releases")

                    // Guard 10: the groups of Camp 1, neither with a representative.
                    try await browser.go(site + "/groups")
                    try await browser.waitForLanguage("uk")
                    let groups = try await browser.texts("#groups")
                    #expect(groups.contains("не має обраної довіреної особи"))
                    #expect(try await browser.script("return document.querySelectorAll('#groups tr.status-overdue').length") as? Int == 2)
                    try await look("groups")

                    // The camp officer moves Ri among Russian soldiers: stopped, with the ways forward.
                    try await browser.signIn(site, token: staff.camp)
                    try await browser.go(site + "/prisoners/\(ri)/events/new?kind=custody_move")
                    try await browser.waitForLanguage("uk")
                    try await browser.set("#occurredAt", "2025-03-01T10:00")
                    try await browser.type("#facility", "Camp 1")
                    try await browser.type("#section", "A")
                    try await browser.click("button.primary")
                    try await browser.wait("the Art. 22(3) warning") {
                        (try? await browser.text("#placement-warning")) != nil
                    }
                    let warning = try await browser.text("#placement-warning")
                    #expect(warning.contains("Ст. 22(3) Женевської конвенції III"))
                    #expect(warning.contains("ніхто не має його громадянства й мови"))
                    #expect(try await browser.script("return document.querySelector('#facility').value") as? String == "Camp 1")
                    #expect(try await browser.text(".error").contains("Переміщення не записано"))
                    try await look("custody-move-warning")
                } catch {
                    try? await browser.screenshot(to: folder.appendingPathComponent("guards-failure.png").path)
                    await browser.quit()
                    await bureau.app.server.shutdown()
                    throw error
                }
                await browser.quit()
                await bureau.app.server.shutdown()
            }
        }
    }
}
