import BureauCore
import BureauStore
@testable import BureauWeb
import Foundation
import Testing
import Vapor

extension WebSuite {
    /// A real headless Chromium: a liaison officer opens an exchange, pastes the counterpart's list in
    /// Cyrillic and Latin, sees our Hangul and Cyrillic records ranked with explanations, and confirms one.
    @Suite struct DispositionBrowserTests {
        @Test(.timeLimit(.minutes(2))) func aCounterpartListMatchesHangulAndCyrillicRecordsInTheBrowser() async throws {
            try await withBureau { bureau in
                let registrar = try await bureau.signedIn(.registrar)
                let ri = try await bureau.register(DispositionFixtures.ri, token: registrar)
                let petrov = try await bureau.register(DispositionFixtures.petrov, token: registrar)
                try await bureau.makeUser("li.bondar", .liaisonOfficer)
                let port = try await Ports.startServer(bureau.app)
                let site = "http://127.0.0.1:\(port)"
                let browser = try await WebDriver.start(client: bureau.app.client, language: "en")
                do {
                    try await browser.go(site + "/exchanges")
                    try await browser.type("#username", "li.bondar")
                    try await browser.type("#password", TestBureau.password)
                    try await browser.click("#sign-in")
                    try await browser.waitForURL { $0 == site + "/exchanges" }
                    #expect(try await browser.text("header nav").contains("Exchanges"))

                    try await browser.type("#counterpart", "RUS")
                    try await browser.click("#new-exchange-submit")
                    try await browser.waitForURL { $0.hasPrefix(site + "/exchanges/") }
                    _ = try await browser.script("document.getElementById('csv').value = arguments[0]",
                                                 ["ФИО;Дата рождения\nРи Чхоль Хо;1999\nPetrov Ivan Sergeevich;1994-03-02\n"])
                    try await browser.click("#import-submit")
                    try await browser.wait("the counterpart list") {
                        ((try? await browser.text("body")) ?? "").contains("Petrov Ivan Sergeevich")
                    }
                    let rows = try await browser.script("""
                        return Array.from(document.querySelectorAll('#counterpart-list tbody tr')).map(function (row) {
                          var first = row.querySelector('ol.candidates li a');
                          return first ? first.getAttribute('href') : '';
                        })
                        """) as? [String]
                    #expect(rows == ["/prisoners/\(ri)", "/prisoners/\(petrov)"])
                    let list = try await browser.text("#counterpart-list")
                    #expect(list.contains("리 철호"), "the Cyrillic line finds the Hangul record")
                    #expect(list.contains("Петров Иван Сергеевич"), "the Latin line finds the Cyrillic record")
                    try? await browser.screenshot(to: "/tmp/bureau-browser-exchange.png")

                    try await browser.click("#counterpart-list tbody tr:first-child ol.candidates li button")
                    try await browser.wait("the confirmation") {
                        ((try? await browser.text("#counterpart-list")) ?? "").contains("Reviewed by li.bondar")
                    }
                } catch {
                    try? await browser.screenshot(to: "/tmp/bureau-browser-exchange-failure.png")
                    await browser.quit()
                    await bureau.app.server.shutdown()
                    throw error
                }
                await browser.quit()
                await bureau.app.server.shutdown()
                #expect(try await bureau.rows(CounterpartEntriesTable.self) == 2)
            }
        }
    }
}
