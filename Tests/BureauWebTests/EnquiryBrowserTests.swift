import BureauCore
import BureauStore
@testable import BureauWeb
import Foundation
import Testing
import Vapor

extension WebSuite {
    /// Issue 12, "Done when", through the pages in a real headless Chromium, in Ukrainian: a Latin enquiry
    /// finds the Hangul record with its explanation in Ukrainian, is confirmed by a second officer and
    /// answered in Korean; a Cyrillic enquiry answered "no record" is raised on the dashboard when he is
    /// registered; an unanswered one is overdue on day 31; a list of 1,000 enquiries is matched with progress.
    @Suite struct EnquiryBrowserTests {
        @Test(.timeLimit(.minutes(4))) func theTracingWorkflowInTheBrowser() async throws {
            try await withBureau { bureau in
                let registrar = try await bureau.signedIn(.registrar)
                let ri = try await bureau.register(DispositionFixtures.ri, token: registrar)
                try await bureau.makeUser("to.lysenko", .tracingOfficer)
                try await bureau.makeUser("to.hnatyuk", .tracingOfficer)
                let port = try await Ports.startServer(bureau.app)
                let site = "http://127.0.0.1:\(port)"
                let browser = try await WebDriver.start(client: bureau.app.client, language: "uk")
                do {
                    try await browser.signIn(site, "to.lysenko")
                    #expect(try await browser.text("header nav").contains("Запити"))
                    try await browser.go(site + "/enquiries/new")
                    _ = try await browser.script("document.getElementById('names').value = arguments[0]", ["Ri Chol-ho"])
                    try await browser.type("#dateOfBirth", "1999")
                    try await browser.type("#fatherName", "Ri Yong-su")
                    try await browser.type("#reference", "CTA-2026-0042")
                    _ = try await browser.script("document.getElementById('language').value = 'ko'")
                    try await browser.click("#save-enquiry")
                    try await browser.waitForURL { $0.hasPrefix(site + "/enquiries/") && !$0.hasSuffix("/new") }
                    let enquiryURL = try await browser.currentURL()
                    let first = try await browser.script(
                        "return document.querySelector('#candidates li a').getAttribute('href')") as? String
                    #expect(first == "/prisoners/\(ri)")
                    let explanation = try await browser.text("#candidates")
                    #expect(explanation.contains("리 철호"))
                    #expect(explanation.contains("латинізація корейського"), "the explanation is in the page language")
                    #expect(!explanation.contains("romanization") && !explanation.contains("match"))
                    try? await browser.screenshot(to: "/tmp/bureau-browser-enquiry.png")

                    // Held, by the first officer: he cannot confirm his own outcome.
                    try await browser.click("#candidates li form button.held")
                    try await browser.wait("the outcome") { ((try? await browser.text("#outcome")) ?? "").contains("у полоні") }
                    #expect(try await browser.script("return document.getElementById('confirm') === null") as? Bool == true)
                    #expect(try await browser.text("#outcome").contains("чекає підтвердження"))
                    try await browser.signOut(site)

                    // The second officer confirms and sends the answer; the letter is in Korean.
                    try await browser.signIn(site, "to.hnatyuk")
                    try await browser.go(enquiryURL)
                    try await browser.click("#confirm")
                    try await browser.wait("the confirmation") { ((try? await browser.text("#outcome")) ?? "").contains("to.hnatyuk") }
                    try await browser.click("#answer")
                    try await browser.wait("the answer") { ((try? await browser.text("#status")) ?? "").contains("відповідь надіслано") }
                    try await browser.click("#answers a.letter-link")
                    try await browser.wait("the letter") { ((try? await browser.text("#letter")) ?? "").contains("전쟁포로") }
                    let letter = try await browser.text("#letter")
                    #expect(letter.contains("리"))
                    #expect(letter.contains("CTA-2026-0042"))

                    // A Cyrillic enquiry for a man not yet registered: no record, answered, standing.
                    try await browser.go(site + "/enquiries/new")
                    _ = try await browser.script("document.getElementById('names').value = arguments[0]", ["Петренко Олег Викторович"])
                    try await browser.type("#dateOfBirth", "1990")
                    _ = try await browser.script("document.getElementById('language').value = 'ru'")
                    try await browser.click("#save-enquiry")
                    try await browser.waitForURL { $0.hasPrefix(site + "/enquiries/") && !$0.hasSuffix("/new") }
                    #expect(try await browser.text("#no-candidates").contains("немає"))
                    _ = try await browser.script("document.getElementById('result').value = 'no_record'")
                    try await browser.click("#record-outcome")
                    try await browser.wait("the outcome") { ((try? await browser.text("#outcome")) ?? "").contains("немає запису") }
                    try await browser.click("#answer")
                    try await browser.wait("standing") { ((try? await browser.text("#status")) ?? "").contains("відкритий для пошуку") }
                    try await browser.go(site + "/obligations")
                    #expect(try await browser.script("return document.getElementById('raised-enquiries') === null") as? Bool == true)

                    // He is registered: the dashboard of the officer who holds the enquiry raises it.
                    bureau.clock.advance(86_400)
                    _ = try await bureau.register(EnquiryFixtures.petrenko, token: try await bureau.token("registrar"))
                    try await browser.signIn(site, "to.hnatyuk")  // the session idled out while the clock moved
                    try await browser.go(site + "/obligations")
                    #expect(try await browser.text("#raised-enquiries").contains("Петренко"))

                    // An enquiry nobody answers is overdue on day 31.
                    try await browser.go(site + "/enquiries/new")
                    _ = try await browser.script("document.getElementById('names').value = arguments[0]", ["Kim Jong-ho"])
                    try await browser.click("#save-enquiry")
                    try await browser.waitForURL { $0.hasPrefix(site + "/enquiries/") && !$0.hasSuffix("/new") }
                    bureau.clock.advance(31 * 86_400)
                    try await browser.signIn(site, "to.hnatyuk")
                    try await browser.go(site + "/obligations")
                    #expect(try await browser.text("#enquiries-overdue") == "1")
                    try await browser.go(site + "/enquiries?clock=overdue")
                    #expect(try await browser.text("#enquiries").contains("Kim Jong-ho"))

                    // A list of 1,000 enquiries pasted as CSV, matched with progress.
                    var csv = "ПІБ;ім'я батька;дата народження;номер запиту\nRi Chol-ho / Ли Чхоль Хо;Ri Yong-su;1999;L-1\n"
                    for n in 2...1000 { csv += "Сидоренко Петро \(n);Іван;19\(70 + n % 30);L-\(n)\n" }
                    try await browser.go(site + "/enquiry-lists/new")
                    _ = try await browser.script("document.getElementById('csv').value = arguments[0]", [csv])
                    _ = try await browser.script("document.getElementById('language').value = 'ko'")
                    try await browser.click("#import-list")
                    try await browser.waitForURL { $0.hasPrefix(site + "/enquiry-lists/") && !$0.hasSuffix("/new") }
                    try await browser.wait("the list written", timeout: .seconds(60)) {
                        (try? await browser.script("return document.getElementById('list-done') !== null") as? Bool) == true
                    }
                    #expect(try await browser.text("#progress").contains("1000 / 1000"))
                    try await browser.click("#list-enquiries")
                    try await browser.waitForURL { $0.contains("/enquiries?list=") }
                    #expect(try await browser.script("return document.querySelectorAll('#enquiries tbody tr').length") as? Int == 1000)
                    try? await browser.screenshot(to: "/tmp/bureau-browser-enquiry-list.png")
                } catch {
                    try? await browser.screenshot(to: "/tmp/bureau-browser-enquiry-failure.png")
                    await browser.quit()
                    await bureau.app.server.shutdown()
                    throw error
                }
                await browser.quit()
                await bureau.app.server.shutdown()
                #expect(try await bureau.rows(EnquiriesTable.self) == 1003)
            }
        }
    }
}
