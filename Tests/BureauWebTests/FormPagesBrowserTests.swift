import BureauCore
import BureauStore
@testable import BureauWeb
import Foundation
import Testing
import Vapor

extension WebSuite {
    /// The new forms in a real Chromium, in Ukrainian, at 1366 and 390 px: screenshots kept under
    /// `.build/screenshots/` and the page width measured: nothing may scroll sideways at either width
    /// (every page is measured by `AccessibilityBrowserTests`).
    @Suite struct FormPagesBrowserTests {
        @Test(.timeLimit(.minutes(3))) func theNewFormsInTheBrowser() async throws {
            try await withBureau { bureau in
                let registrar = try await bureau.signedIn(.registrar)
                let petrov = try await bureau.register(DispositionFixtures.petrov, token: registrar)
                try await bureau.makeUser("co.tkachenko", .campOfficer)
                let port = try await Ports.startServer(bureau.app)
                let site = "http://127.0.0.1:\(port)"
                let browser = try await WebDriver.start(client: bureau.app.client, language: "uk")
                let folder = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
                    .appendingPathComponent(".build/screenshots")
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                do {
                    try await browser.go(site + "/prisoners/\(petrov)/exit-checklist/edit")
                    try await browser.type("#username", "co.tkachenko")
                    try await browser.type("#password", TestBureau.password)
                    try await browser.click("#sign-in")
                    try await browser.waitForURL { $0.hasSuffix("/exit-checklist/edit") }
                    for width in [1366, 390] {
                        try await browser.resize(width: width, height: 900)
                        try await browser.go(site + "/prisoners/\(petrov)/exit-checklist/edit")
                        let measured = try await browser.widths()
                        print("exit checklist at \(width) px: scrollWidth \(measured.scroll), innerWidth \(measured.inner)")
                        #expect(measured.scroll <= measured.inner, "\(width) px: \(measured.scroll) > \(measured.inner)")
                        try await browser.screenshot(to: folder.appendingPathComponent("exit-checklist-\(width).png").path)
                    }
                    try await browser.resize(width: 1366, height: 900)
                    try await browser.click("input[name=finalStatementIssued]")
                    try await browser.click("input[name=valuablesResolved]")
                    try await browser.click("button.primary")
                    try await browser.wait("the confirmation") {
                        ((try? await browser.text("body")) ?? "").contains("Збережено.")
                    }
                    #expect(try await browser.currentURL() == site + "/prisoners/\(petrov)?saved=1")
                    try await browser.screenshot(to: folder.appendingPathComponent("prisoner-saved-1366.png").path)
                } catch {
                    try? await browser.screenshot(to: folder.appendingPathComponent("form-pages-failure.png").path)
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
