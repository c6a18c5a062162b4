import BureauCore
import BureauStore
@testable import BureauWeb
import Foundation
import Testing
import Vapor
import VaporTesting

extension WebSuite {
    /// Issue 14, "Done when", guard 8 through the HTTP API: the press office asks to publish a video of
    /// a prisoner's interview; it is refused with the article while his face and voice identify him,
    /// approved by two after blurring and voice alteration with no name shown; a second video published
    /// without a request is recorded as a breach and shows on the legal officer's dashboard.
    @Suite struct MediaReleaseStoryTests {
        static let rawVideo = String(repeating: "0a", count: 32)
        static let editedVideo = String(repeating: "1b", count: 32)
        static let secondVideo = String(repeating: "2c", count: 32)

        static func video(_ digest: String, measures: [String], riskID: String) -> String {
            """
            {"medium": "video", "description": "Interview at the collection point, 4 min", "digest": "\(digest)",
             "requester": "Press office of the General Staff", "purpose": "Documentary on foreign fighters",
             "identifiable": ["face", "voice", "name"], "measures": [\(measures.map { "\"\($0)\"" }.joined(separator: ", "))],
             "prisonerConsents": true, "riskAssessmentIds": ["\(riskID)"],
             "familyRisk": "FAMILY-RISK-MARKER reprisals against his family at home"}
            """
        }

        // guard: 8
        @Test func theInterviewVideoIsRefusedThenApprovedByTwoAndALeakIsABreach() async throws {
            try await withBureau { bureau in
                let staff = try await DispositionStaff.signIn(bureau)
                let ri = try await bureau.register(DispositionFixtures.ri, token: staff.registrar)
                let risk = try await bureau.expect("api/v1/prisoners/\(ri)/risk-assessments", token: staff.legal,
                    json: DispositionFixtures.risk(destination: "PRK", transit: ["RUS"], outcome: "serious_risk",
                                                   findings: "Family reprisals reported."), .created)
                let riskID = try risk.content.get(String.self, at: "id")

                // The press office asks; the legal officer records the request on its behalf.
                let raw = try await bureau.expect("api/v1/prisoners/\(ri)/media-releases", token: staff.legal,
                                                  json: Self.video(Self.rawVideo, measures: [], riskID: riskID), .created)
                let rawID = try raw.content.get(String.self, at: "request", "id")
                #expect(try raw.content.get(String.self, at: "state") == "requested")
                #expect(try raw.content.get([String].self, at: "remainingIdentifiable") == ["face", "voice", "name"])
                #expect(raw.body.string.contains("guard.8.consent_not_sufficient"))

                // Refusal is the default: neither the assessment nor the decision can approve it.
                let noAssent = try await bureau.expect("api/v1/media-releases/\(rawID)/assessment", token: staff.legal,
                                                       json: #"{"approve": true, "reasoning": "Newsworthy"}"#, .unprocessableEntity)
                #expect(noAssent.body.string.contains("Art. 13(2)"))
                try await bureau.expect("api/v1/media-releases/\(rawID)/assessment", token: staff.legal,
                                        json: #"{"approve": false, "reasoning": "Face and voice identify him"}"#, .ok)
                let blocked = try await bureau.expect("api/v1/media-releases/\(rawID)/decision", token: staff.approverA,
                                                      json: #"{"approve": true, "reasoning": "ok"}"#, .unprocessableEntity)
                #expect(try blocked.content.get(String.self, at: "error", "code") == "release_identifiable")
                let refused = try await bureau.expect("api/v1/media-releases/\(rawID)/decision", token: staff.approverA,
                                                      json: #"{"approve": false, "reasoning": "Identifiable"}"#, .ok)
                #expect(try refused.content.get(String.self, at: "state") == "refused")
                #expect(try refused.content.get(String.self, at: "request", "decision", "article") == "GC III Art. 13(2)")

                // Blurred, voice altered, no name shown: approved by two different people.
                let edited = try await bureau.expect("api/v1/prisoners/\(ri)/media-releases", token: staff.legal,
                    json: Self.video(Self.editedVideo, measures: ["blurring", "voice_alteration", "names_removed"], riskID: riskID),
                    .created)
                let editedID = try edited.content.get(String.self, at: "request", "id")
                #expect(try edited.content.get([String].self, at: "remainingIdentifiable") == [])
                try await bureau.expect("api/v1/media-releases/\(editedID)/decision", token: staff.approverA,
                                        json: #"{"approve": true, "reasoning": "Masked"}"#, .conflict)
                try await bureau.expect("api/v1/media-releases/\(editedID)/assessment", token: staff.legal,
                                        json: #"{"approve": true, "reasoning": "Nothing identifies him"}"#, .ok)
                try await bureau.expect("api/v1/media-releases/\(editedID)/decision", token: staff.legal,
                                        json: #"{"approve": true, "reasoning": "self"}"#, .forbidden)
                let approved = try await bureau.expect("api/v1/media-releases/\(editedID)/decision", token: staff.approverB,
                                                       json: #"{"approve": true, "reasoning": "Masked"}"#, .ok)
                #expect(try approved.content.get(String.self, at: "state") == "approved")
                #expect(try approved.content.get(String.self, at: "request", "assessment", "by") == "lo.kovalenko")
                #expect(try approved.content.get(String.self, at: "request", "decision", "by") == "ap.melnyk")

                // The approved material is no breach; a second video published without a request is.
                try await bureau.expect("api/v1/prisoners/\(ri)/media-breaches", token: staff.legal, json: """
                    {"medium": "video", "description": "Edited interview", "digest": "\(Self.editedVideo)",
                     "publishedIn": "Press office channel", "publishedAt": "2026-11-25T10:00:00Z"}
                    """, .conflict)
                let before = try await bureau.auditCount()
                try await bureau.expect("api/v1/prisoners/\(ri)/media-breaches", token: staff.legal, json: """
                    {"medium": "video", "description": "Second interview, face visible", "digest": "\(Self.secondVideo)",
                     "publishedIn": "Telegram channel", "publishedAt": "2026-11-26T10:00:00Z"}
                    """, .created)
                #expect(try await bureau.auditCount() == before + 1)
                let entry = try #require(try await bureau.lastAudit())
                #expect(entry.action == "breach.create")
                #expect(!(entry.detail ?? "").contains("Telegram"))

                let dashboard = try await bureau.send(.GET, "obligations", token: staff.legal, headers: [("Accept-Language", "uk")])
                #expect(dashboard.status == .ok)
                #expect(dashboard.body.string.contains("Second interview, face visible"))
                #expect(dashboard.body.string.contains("Порушення ст. 13"))
                let liaisonDashboard = try await bureau.send(.GET, "obligations", token: staff.liaison)
                #expect(!liaisonDashboard.body.string.contains("Second interview"))
                try await bureau.expect(.GET, "api/v1/media-breaches", token: staff.liaison, .forbidden)

                // His releases, with the risk they cite, are read by legal officer and approver only.
                let list = try await bureau.expect(.GET, "api/v1/prisoners/\(ri)/media-releases", token: staff.approverA, .ok)
                let listed = try JSONSerialization.jsonObject(with: Data(list.body.string.utf8)) as? [String: Any]
                #expect((listed?["releases"] as? [Any])?.count == 2)
                try await bureau.expect(.GET, "api/v1/prisoners/\(ri)/media-releases", token: staff.liaison, .forbidden)
                try await bureau.expect(.GET, "api/v1/prisoners/\(ri)/media-releases", token: staff.investigator, .forbidden)
            }
        }

        @Test func badInputChangesNothing() async throws {
            try await withBureau { bureau in
                let staff = try await DispositionStaff.signIn(bureau)
                let ri = try await bureau.register(DispositionFixtures.ri, token: staff.registrar)
                let rows = try await bureau.rows(MediaReleasesTable.self)
                let bad = try await bureau.expect("api/v1/prisoners/\(ri)/media-releases", token: staff.legal,
                                                  json: Self.video("abc", measures: [], riskID: UUID().uuidString), .badRequest)
                #expect(try bad.content.get(String.self, at: "error", "field") == "digest")
                try await bureau.expect("api/v1/prisoners/\(ri)/media-releases", token: staff.legal,
                                        json: Self.video(Self.rawVideo, measures: [], riskID: UUID().uuidString), .unprocessableEntity)
                try await bureau.expect("api/v1/prisoners/\(ri)/media-releases", token: staff.legal,
                                        json: #"{"medium": "hologram"}"#, .badRequest)
                try await bureau.expect("api/v1/prisoners/\(ri)/media-releases", token: staff.liaison,
                                        json: Self.video(Self.rawVideo, measures: [], riskID: UUID().uuidString), .forbidden)
                #expect(try await bureau.rows(MediaReleasesTable.self) == rows)
            }
        }
    }
}
