import BureauCore
import BureauStore
@testable import BureauWeb
import Foundation
import Testing
import Vapor
import VaporTesting

extension WebSuite {
    /// Guard 8 through the pages: every write of the API has its form, in the officer's language.
    @Suite struct MediaReleaseFormTests {
        @Test func aLegalOfficerAndAnApproverDecideAReleaseThroughThePages() async throws {
            try await withBureau { bureau in
                let registrar = try await bureau.signedIn(.registrar, name: "rg.form")
                let ri = try await bureau.register(DispositionFixtures.ri, token: registrar)
                let legal = try await FormSession.signIn(bureau, .legalOfficer, name: "lo.form")
                let approver = try await FormSession.signIn(bureau, .approver, name: "ap.form")

                let form = try await legal.get(bureau, "/prisoners/\(ri)/media-releases/new", language: "uk")
                #expect(form.status == .ok)
                #expect(form.body.string.contains("Запит на оприлюднення матеріалу"))
                #expect(form.body.string.contains("розмиття обличчя"))

                // A bad digest comes back on the form, in Ukrainian, and nothing is stored.
                let fields: [(String, String)] = [
                    ("medium", "video"), ("description", "Interview video"), ("requester", "Press office"),
                    ("purpose", "Documentary"), ("identifiable[]", "face"), ("identifiable[]", "voice"),
                    ("familyRisk", "Reprisals against his family"),
                ]
                let bad = try await legal.post(bureau, "/prisoners/\(ri)/media-releases", fields + [("digest", "xyz")], language: "uk")
                #expect(bad.status == .badRequest)
                #expect(bad.body.string.contains("64 шістнадцяткові цифри"))
                #expect(try await bureau.rows(MediaReleasesTable.self) == 0)

                let filed = try await legal.post(bureau, "/prisoners/\(ri)/media-releases",
                                                 fields + [("digest", String(repeating: "c3", count: 32)),
                                                           ("measures[]", "blurring"), ("measures[]", "voice_alteration")])
                #expect(filed.status == .seeOther)
                let page = try await legal.get(bureau, "/prisoners/\(ri)", language: "uk")
                #expect(page.body.string.contains("Interview video"))
                #expect(page.body.string.contains("подано"))
                let releaseID = try #require(page.body.string.range(of: #"/media-releases/([0-9A-F-]{36})/assessment"#,
                                                                     options: .regularExpression)
                    .map { String(page.body.string[$0].dropFirst("/media-releases/".count).prefix(36)) })

                #expect(try await legal.post(bureau, "/media-releases/\(releaseID)/assessment",
                                             [("approve", "yes"), ("reasoning", "Nothing identifies him")]).status == .seeOther)
                #expect(try await approver.post(bureau, "/media-releases/\(releaseID)/decision",
                                                [("approve", "yes"), ("reasoning", "Masked")]).status == .seeOther)
                let decided = try await approver.get(bureau, "/prisoners/\(ri)", language: "ru")
                #expect(decided.body.string.contains("одобрен"))

                // A breach recorded and closed through the forms.
                #expect(try await legal.post(bureau, "/prisoners/\(ri)/media-breaches", [
                    ("medium", "video"), ("description", "Leaked clip"), ("digest", String(repeating: "d4", count: 32)),
                    ("publishedIn", "Telegram"), ("publishedAt", "2026-01-02T10:00"),
                ]).status == .seeOther)
                let dashboard = try await legal.get(bureau, "/obligations", language: "en")
                #expect(dashboard.body.string.contains("Leaked clip"))
                let withBreach = try await legal.get(bureau, "/prisoners/\(ri)")
                let breachID = try #require(withBreach.body.string.range(of: #"/media-breaches/[0-9A-F-]{36}/close"#,
                                                                         options: .regularExpression)
                    .map { String(withBreach.body.string[$0].dropFirst("/media-breaches/".count).prefix(36)) })
                #expect(try await legal.post(bureau, "/media-breaches/\(breachID)/close", [("note", "Take-down requested")])
                    .status == .seeOther)
                #expect(!(try await legal.get(bureau, "/obligations").body.string.contains("Leaked clip")))
            }
        }
    }
}
