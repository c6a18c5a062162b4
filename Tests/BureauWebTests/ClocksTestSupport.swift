import BureauCore
import BureauStore
@testable import BureauWeb
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// A prisoner captured ten days before the test clock, at a camp for nine: his capture card
/// (due 7 days after the camp arrival) is two days overdue.
struct ClocksFixture {
    let id: String
    let captureID: String
    let registrar: String

    static func make(_ bureau: TestBureau, registrar: String? = nil, name: String = "정호",
                     facility: String = "Camp 1") async throws -> ClocksFixture {
        let token: String
        if let registrar { token = registrar } else { token = try await bureau.signedIn(.registrar) }
        let captured = bureau.clock.now.addingTimeInterval(-10 * 86_400)
        let created = try await bureau.send(.POST, "api/v1/prisoners", token: token,
                                            json: Fixtures.registration(firstNames: name, capturedAt: ClocksFixture.iso(captured)))
        #expect(created.status == .created, "\(created.body.string)")
        let id = try created.content.get(String.self, at: "id")
        let arrival = captured.addingTimeInterval(86_400)
        let move = try await bureau.send(.POST, "api/v1/prisoners/\(id)/events", token: token, json: """
            {"kind": "custody_move", "occurredAt": "\(iso(arrival))",
             "data": {"facility": "\(facility)", "facilityType": "camp", "timeZone": "Europe/Kyiv"}}
            """)
        #expect(move.status == .created, "\(move.body.string)")
        let timeline = try await bureau.send(.GET, "api/v1/prisoners/\(id)/timeline", token: token)
        let captureID = timeline.each([], "id").first ?? ""
        return ClocksFixture(id: id, captureID: captureID, registrar: token)
    }

    static func iso(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }
}

extension TestingHTTPResponse {
    /// The `items` of an obligation list.
    var obligationItems: [[String: Any]] { (value(["items"]) as? [[String: Any]]) ?? [] }
}

extension TestBureau {
    func eventCount() async throws -> Int { try await EventModel.query(on: app.db).count() }
    func noticeCount() async throws -> Int { try await NoticeModel.query(on: app.db).count() }
}
