import BureauCore
import BureauStore
@testable import BureauWeb
import Foundation
import Testing
import Vapor
import VaporTesting

extension WebSuite {
    /// Bad input gets a clear error naming the field, the right status, and changes nothing.
    @Suite struct BadInputTests {
        struct Case: CustomTestStringConvertible, Sendable {
            var name: String
            var json: String
            var status: HTTPStatus
            var code: String
            var field: String?
            var testDescription: String { name }
        }

        static let cases: [Case] = [
            Case(name: "malformed JSON", json: #"{"powerDependedOn": {"power": "PRK"#, status: .badRequest,
                 code: "malformed_json"),
            Case(name: "unknown field", json: Fixtures.registration(extra: #", "nickname": "Sniper""#),
                 status: .badRequest, code: "unknown_field", field: "nickname"),
            Case(name: "unknown nested field",
                 json: Fixtures.registration().replacingOccurrences(of: #""place": "Kursk region""#,
                                                                    with: #""place": "Kursk region", "weather": "snow""#),
                 status: .badRequest, code: "unknown_field", field: "capture.weather"),
            Case(name: "wrong type", json: Fixtures.registration().replacingOccurrences(of: #""languages": ["ko"]"#,
                                                                                       with: #""languages": "ko""#),
                 status: .badRequest, code: "wrong_type", field: "languages"),
            Case(name: "missing capture", json: #"{"powerDependedOn": {"power": "PRK"}, "claims": [], "capturedAt": "2025-01-09T10:30:00Z"}"#,
                 status: .badRequest, code: "required", field: "capture"),
            Case(name: "impossible date", json: Fixtures.registration(capturedAt: "2025-02-30T10:00:00Z"),
                 status: .badRequest, code: "invalid_value", field: "capturedAt"),
            Case(name: "born after capture", json: Fixtures.registration(born: "2025-06-01"),
                 status: .unprocessableEntity, code: "born_after_capture", field: "claims[0].dateOfBirth"),
            Case(name: "capture in the future", json: Fixtures.registration(capturedAt: "2031-01-09T10:30:00Z"),
                 status: .unprocessableEntity, code: "event_in_future", field: "capturedAt"),
            Case(name: "bad Power code", json: Fixtures.registration(power: "Korea"),
                 status: .badRequest, code: "invalid_country", field: "powerDependedOn.power"),
            Case(name: "unknown source", json: Fixtures.registration().replacingOccurrences(of: "self_declared", with: "rumour"),
                 status: .badRequest, code: "invalid_value", field: "claims[0].source"),
            Case(name: "not an object", json: "[1, 2, 3]", status: .badRequest, code: "wrong_type"),
            // Input hygiene (issue 9): lengths in scalars and bytes, hidden characters in names,
            // implausible dates, JSON that parsers read differently.
            Case(name: "one letter and 100,000 combining marks",
                 json: Fixtures.registration(surname: "A" + String(repeating: "\u{0301}", count: 100_000)),
                 status: .badRequest, code: "too_long", field: "claims[0].surname"),
            Case(name: "right-to-left override in a name", json: Fixtures.registration(surname: "\u{202E}kim"),
                 status: .badRequest, code: "bidi_control", field: "claims[0].surname"),
            Case(name: "bidi isolate in a name", json: Fixtures.registration(firstNames: "\u{2067}정호\u{2069}"),
                 status: .badRequest, code: "bidi_control", field: "claims[0].firstNames"),
            Case(name: "a name of combining marks only", json: Fixtures.registration(surname: "\u{0301}\u{0308}"),
                 status: .badRequest, code: "name_invisible", field: "claims[0].surname"),
            Case(name: "a name of zero-width characters only", json: Fixtures.registration(surname: "\u{200B}\u{2060}"),
                 status: .badRequest, code: "name_invisible", field: "claims[0].surname"),
            Case(name: "a control character in a name", json: Fixtures.registration(surname: "Kim\\u0007"),
                 status: .badRequest, code: "control_characters", field: "claims[0].surname"),
            Case(name: "born before 1900", json: Fixtures.registration(born: "1850"),
                 status: .unprocessableEntity, code: "implausible_date", field: "claims[0].dateOfBirth"),
            Case(name: "captured before 1900", json: Fixtures.registration(capturedAt: "1899-12-31T10:30:00Z"),
                 status: .unprocessableEntity, code: "implausible_date", field: "capturedAt"),
            Case(name: "a key given twice",
                 json: Fixtures.registration().replacingOccurrences(of: #""languages": ["ko"]"#,
                                                                    with: #""languages": ["ko"], "languages": ["ru"]"#),
                 status: .badRequest, code: "duplicate_key", field: "languages"),
            Case(name: "a key given twice, once escaped",
                 json: Fixtures.registration().replacingOccurrences(of: #""place": "Kursk region""#,
                                                                    with: #""place": "Kursk region", "pl\u0061ce": "Sumy""#),
                 status: .badRequest, code: "duplicate_key", field: "capture.place"),
            Case(name: "a trailing comma in an object",
                 json: Fixtures.registration().replacingOccurrences(of: #""wounds": ["broken leg"]}"#,
                                                                    with: #""wounds": ["broken leg"],}"#),
                 status: .badRequest, code: "trailing_comma", field: "capture"),
            Case(name: "a trailing comma in an array",
                 json: Fixtures.registration().replacingOccurrences(of: #""languages": ["ko"]"#, with: #""languages": ["ko",]"#),
                 status: .badRequest, code: "trailing_comma", field: "languages"),
        ]

        @Test(arguments: cases)
        func registrationIsRefusedAndNothingIsWritten(_ example: Case) async throws {
            try await withBureau { bureau in
                let token = try await bureau.signedIn(.registrar)
                let auditBefore = try await bureau.auditCount()
                let response = try await bureau.send(.POST, "api/v1/prisoners", token: token, json: example.json)
                #expect(response.status == example.status, "\(response.body.string)")
                #expect(response.errorCode == example.code)
                #expect(response.errorField == example.field)
                #expect(try response.content.get(String.self, at: "error", "message").isEmpty == false)
                #expect(try await bureau.prisonerCount() == 0)
                #expect(try await bureau.auditCount() == auditBefore)
            }
        }

        @Test func duplicateServiceNumberOfTheSamePowerConflicts() async throws {
            try await withBureau { bureau in
                let token = try await bureau.signedIn(.registrar)
                let first = try await bureau.send(.POST, "api/v1/prisoners", token: token,
                                                  json: Fixtures.registration(serviceNumber: "KPA-1001"))
                #expect(first.status == .created)
                let auditBefore = try await bureau.auditCount()
                let second = try await bureau.send(.POST, "api/v1/prisoners", token: token,
                                                   json: Fixtures.registration(surname: "리", serviceNumber: "KPA-1001"))
                #expect(second.status == .conflict)
                #expect(second.errorCode == "duplicate_service_number")
                #expect(second.errorField == "serviceNumber")
                #expect(try await bureau.prisonerCount() == 1)
                #expect(try await bureau.auditCount() == auditBefore)
                // Another Power may use the same number.
                let other = try await bureau.send(.POST, "api/v1/prisoners", token: token,
                                                  json: Fixtures.registration(serviceNumber: "KPA-1001", power: "RUS"))
                #expect(other.status == .created)
            }
        }

        @Test func anEventBeforeTheCaptureIsRefused() async throws {
            try await withBureau { bureau in
                let token = try await bureau.signedIn(.registrar)
                let created = try await bureau.send(.POST, "api/v1/prisoners", token: token, json: Fixtures.registration())
                let id = try created.content.get(String.self, at: "id")
                let response = try await bureau.send(.POST, "api/v1/prisoners/\(id)/events", token: token, json: """
                    {"kind": "custody_move", "occurredAt": "2025-01-08T08:00:00Z", "data": {"facility": "Camp 1", "facilityType": "camp"}}
                    """)
                #expect(response.status == .unprocessableEntity)
                #expect(response.errorCode == "event_before_capture")
                #expect(response.errorField == "occurredAt")
                let timeline = try await bureau.send(.GET, "api/v1/prisoners/\(id)/timeline", token: token)
                #expect(timeline.each([], "kind") == ["capture"])
            }
        }

        @Test func oversizedBodyIs413() async throws {
            try await withBureau { bureau in
                let token = try await bureau.signedIn(.registrar)
                let huge = Fixtures.registration(extra: #", "unit": "\#(String(repeating: "x", count: 300_000))""#)
                var headers = HTTPHeaders()
                headers.bearerAuthorization = BearerAuthorization(token: token)
                headers.contentType = .json
                // Over a real socket: the limit applies while the body streams in.
                let response = try await bureau.app.testing(method: .running(hostname: "127.0.0.1", port: Ports.free()))
                    .sendRequest(.POST, "api/v1/prisoners", headers: headers, body: ByteBuffer(string: huge))
                #expect(response.status == .payloadTooLarge)
                #expect(response.errorCode == "body_too_large")
                #expect(try await bureau.prisonerCount() == 0)
            }
        }

        @Test func unknownPrisonerIs404AndAMalformedIdToo() async throws {
            try await withBureau { bureau in
                let token = try await bureau.signedIn(.registrar)
                let missing = try await bureau.send(.GET, "api/v1/prisoners/\(UUID().uuidString)", token: token)
                #expect(missing.status == .notFound)
                #expect(missing.errorCode == "prisoner_not_found")
                let malformed = try await bureau.send(.GET, "api/v1/prisoners/not-a-uuid", token: token)
                #expect(malformed.status == .notFound)
            }
        }

        @Test func badQueryParametersNameTheParameter() async throws {
            try await withBureau { bureau in
                let token = try await bureau.signedIn(.registrar)
                let response = try await bureau.send(.GET, "api/v1/prisoners?page=0", token: token)
                #expect(response.status == .badRequest)
                #expect(response.errorField == "page")
                let status = try await bureau.send(.GET, "api/v1/prisoners?status=free", token: token)
                #expect(status.errorField == "status")
            }
        }

        @Test func wrongContentTypeIs415() async throws {
            try await withBureau { bureau in
                let token = try await bureau.signedIn(.registrar)
                var headers = HTTPHeaders()
                headers.bearerAuthorization = BearerAuthorization(token: token)
                headers.contentType = .plainText
                let response = try await bureau.app.testing().sendRequest(.POST, "api/v1/prisoners", headers: headers,
                                                                          body: ByteBuffer(string: "hello"))
                #expect(response.status == .unsupportedMediaType)
            }
        }
    }
}
