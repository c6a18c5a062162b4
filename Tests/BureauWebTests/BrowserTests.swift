import BureauCore
import BureauStore
@testable import BureauWeb
import Foundation
import Testing
import Vapor

extension WebSuite {
    /// A real headless Chromium signs in, registers a prisoner with a Hangul and a Cyrillic name,
    /// finds both on his page, and switches the interface language.
    @Suite struct BrowserTests {
        @Test(.timeLimit(.minutes(2))) func registerAPrisonerInTwoScriptsAndSwitchLanguage() async throws {
            try await withBureau { bureau in
                try await bureau.makeUser("registrar.kyiv", .registrar)
                let port = try await Ports.startServer(bureau.app)
                let site = "http://127.0.0.1:\(port)"
                let browser = try await WebDriver.start(client: bureau.app.client)
                do {
                    try await browser.go(site + "/prisoners")
                    #expect(try await browser.currentURL().hasPrefix(site + "/login"))
                    try await browser.type("#username", "registrar.kyiv")
                    try await browser.type("#password", TestBureau.password)
                    try await browser.click("#sign-in")
                    try await browser.waitForURL { $0 == site + "/prisoners" }

                    try await browser.go(site + "/prisoners/new")
                    try await browser.type("#surname1", "김")
                    try await browser.type("#firstNames1", "정호")
                    try await browser.type("#dateOfBirth1", "1999")
                    try await browser.type("#surname2", "Ким")
                    try await browser.type("#firstNames2", "Чон Хо")
                    try await browser.type("#power", "PRK")
                    try await browser.type("#languages", "ko")
                    try await browser.type("#capturePlace", "Kursk region")
                    // datetime-local takes keystrokes in the browser's locale format; set the value directly.
                    _ = try await browser.script("document.getElementById('capturedAt').value = arguments[0]",
                                                 ["2025-01-09T10:30"])
                    try await browser.click("#register-submit")
                    try await browser.waitForURL { $0.hasPrefix(site + "/prisoners/") && !$0.hasSuffix("/new") }

                    let claims = try await browser.text("#claims")
                    #expect(claims.contains("김 정호"))
                    #expect(claims.contains("Ким Чон Хо"))
                    #expect(try await browser.text("#assessed-name") == "김 정호")
                    let hangulWidth = try await browser.script(
                        "return document.querySelector('[data-script=hangul] .name').getBoundingClientRect().width") as? Double
                    #expect((hangulWidth ?? 0) > 20, "Hangul glyphs rendered with a width")
                    try? await browser.screenshot(to: "/tmp/bureau-browser-prisoner.png")

                    #expect(try await browser.script("return document.documentElement.lang") as? String == "uk")
                    try await browser.click("button[data-lang=en]")
                    try await browser.waitForLanguage("en")
                    #expect(try await browser.text("#timeline thead").contains("Date and time"))
                    #expect(try await browser.text("#claims").contains("김 정호"), "names are never transliterated for display")
                    try await browser.click("button[data-lang=ru]")
                    try await browser.waitForLanguage("ru")
                    #expect(try await browser.text("header nav").contains("Реестр"))

                    // The choice is kept on the account: a fresh visit stays in Russian.
                    try await browser.go(site + "/prisoners")
                    try await browser.waitForLanguage("ru")
                    #expect(try await browser.text("h1") == "Реестр военнопленных")
                    #expect(try await browser.text("table").contains("김 정호"))
                } catch {
                    try? await browser.screenshot(to: "/tmp/bureau-browser-failure.png")
                    await browser.quit()
                    await bureau.app.server.shutdown()
                    throw error
                }
                await browser.quit()
                await bureau.app.server.shutdown()
                #expect(try await bureau.prisonerCount() == 1)
            }
        }
    
        /// An approver signs in for the first time, is taken to the enrolment page, adds the secret to
        /// "his phone" (the test computes the code), keeps the recovery codes, signs out, and signs in
        /// again with the password and the code of the moment.
        @Test(.timeLimit(.minutes(2))) func anApproverEnrolsAndSignsInWithACode() async throws {
            try await withBureau { bureau in
                let hash = try await bureau.app.password.async.hash(TestBureau.password)
                _ = try await bureau.services.users.create(username: "ap.shevchenko", passwordHash: hash, role: .approver,
                                                           by: .console)
                let port = try await Ports.startServer(bureau.app)
                let site = "http://127.0.0.1:\(port)"
                let browser = try await WebDriver.start(client: bureau.app.client, language: "en")
                do {
                    try await browser.go(site + "/cases")
                    try await browser.type("#username", "ap.shevchenko")
                    try await browser.type("#password", TestBureau.password)
                    try await browser.click("#sign-in")
                    try await browser.waitForURL { $0 == site + "/second-factor" }
                    try await browser.go(site + "/cases")
                    try await browser.waitForURL { $0 == site + "/second-factor" }

                    let secretText = try await browser.text("#totp-secret")
                    #expect(try await browser.text("#totp-uri").hasPrefix("otpauth://totp/Bureau%3Aap.shevchenko?secret="))
                    let secret = try #require(Base32.decode(secretText))
                    let totp = TOTP(secret: secret)
                    try await browser.type("#code", totp.code(at: bureau.clock.now))
                    try await browser.click("#totp-confirm")
                    try await browser.wait("recovery codes") { (try? await browser.text("#recovery-codes")) != nil }
                    let codes = try await browser.text("#recovery-codes").split(whereSeparator: \.isNewline)
                    #expect(codes.count == 10)

                    try await browser.click("form[action='/logout'] button")
                    try await browser.waitForURL { $0.hasPrefix(site + "/login") }
                    try await browser.go(site + "/login")
                    try await browser.type("#username", "ap.shevchenko")
                    try await browser.type("#password", TestBureau.password)
                    try await browser.type("#code", totp.code(atStep: TOTP.step(at: bureau.clock.now) + 1))
                    try await browser.click("#sign-in")
                    try await browser.waitForURL { $0 == site + "/prisoners" }
                    try await browser.go(site + "/cases")
                    #expect(try await browser.currentURL() == site + "/cases")
                } catch {
                    try? await browser.screenshot(to: "/tmp/bureau-browser-totp-failure.png")
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
