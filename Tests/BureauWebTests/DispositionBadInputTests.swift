import BureauCore
import BureauStore
@testable import BureauWeb
import Foundation
import Testing
import Vapor
import VaporTesting

extension WebSuite {
    /// Refusals of issue 5: each with a clear error, and nothing written.
    @Suite struct DispositionBadInputTests {
        @Test func aTransitionTheStateMachineDoesNotAllowIsRefused() async throws {
            try await withBureau { bureau in
                let staff = try await DispositionStaff.signIn(bureau)
                let petrov = try await bureau.register(DispositionFixtures.petrov, token: staff.registrar)
                let opened = try await bureau.expect("api/v1/cases", token: staff.legal, json: """
                    {"prisonerID": "\(petrov)", "kind": "release_other"}
                    """, .created)
                let id = try opened.content.get(String.self, at: "id")
                let audits = try await bureau.auditCount()
                let skip = try await bureau.expect("api/v1/cases/\(id)/transitions", token: staff.legal, json: """
                    {"to": "executed", "handover": {"at": "2026-11-27T09:00:00Z", "place": "Camp 1", "receivingParty": "UKR",
                     "icrcPresent": false}}
                    """, .unprocessableEntity)
                #expect(skip.errorCode == "illegal_transition")
                #expect(skip.errorField == "state")
                let unknown = try await bureau.expect("api/v1/cases/\(id)/transitions", token: staff.legal,
                                                      json: #"{"to": "approved", "by": "someone"}"#, .badRequest)
                #expect(unknown.errorCode == "unknown_field")
                let bogus = try await bureau.expect("api/v1/cases/\(id)/transitions", token: staff.legal,
                                                    json: #"{"to": "teleported"}"#, .badRequest)
                #expect(bogus.errorField == "to")
                let shown = try await bureau.expect(.GET, "api/v1/cases/\(id)", token: staff.legal, .ok)
                #expect(try shown.content.get(String.self, at: "state") == "draft")
                #expect(try await bureau.auditCount() == audits + 1, "only the read is audited")
            }
        }

        @Test func aWillStatementNeedsALanguageAndAnInterpreter() async throws {
            try await withBureau { bureau in
                let staff = try await DispositionStaff.signIn(bureau)
                let ri = try await bureau.register(DispositionFixtures.ri, token: staff.registrar)
                let audits = try await bureau.auditCount()
                let noLanguage = try await bureau.expect("api/v1/prisoners/\(ri)/will-statements", token: staff.legal,
                    json: DispositionFixtures.will(answer: #"{"kind": "stay"}"#, words: "여기 남고 싶습니다.",
                                                   translation: "I want to stay.", language: ""), .badRequest)
                #expect(noLanguage.errorField == "language")
                let noInterpreter = try await bureau.expect("api/v1/prisoners/\(ri)/will-statements", token: staff.legal,
                    json: DispositionFixtures.will(answer: #"{"kind": "stay"}"#, words: "여기 남고 싶습니다.",
                                                   translation: "I want to stay.", interpreter: nil), .unprocessableEntity)
                #expect(noInterpreter.errorCode == "interpreter_required")
                #expect(noInterpreter.errorField == "interpreter")
                let registrar = try await bureau.expect("api/v1/prisoners/\(ri)/will-statements", token: staff.registrar,
                    json: DispositionFixtures.will(answer: #"{"kind": "stay"}"#, words: "여기", translation: "Here"), .forbidden)
                #expect(registrar.errorCode == "forbidden")
                #expect(try await bureau.rows(WillStatementsTable.self) == 0)
                #expect(try await bureau.auditCount() == audits + 1, "only the refused role is audited")
            }
        }

        @Test func willStatementsAreSealedAndReadOnlyByLegalOfficersAndApprovers() async throws {
            try await withBureau { bureau in
                let staff = try await DispositionStaff.signIn(bureau)
                let ri = try await bureau.register(DispositionFixtures.ri, token: staff.registrar)
                let words = "대한민국으로 가고 싶습니다."
                try await bureau.expect("api/v1/prisoners/\(ri)/will-statements", token: staff.investigator,
                    json: DispositionFixtures.will(answer: #"{"kind": "third_state", "state": "KOR"}"#, words: words,
                                                   translation: "I want to go to South Korea."), .created)
                let row = try #require(try await DispositionRow<WillStatementsTable>.query(on: bureau.app.db).first())
                #expect(!row.payload.contains("KOR") && !row.payload.contains(words))
                #expect(row.sealed?.hasPrefix("v1:") == true)
                let read = try await bureau.send(.GET, "api/v1/prisoners/\(ri)/will-statements", token: staff.approverA,
                                                 headers: [("X-Bureau-Purpose", "approval of case")])
                #expect(read.status == .ok)
                #expect(read.each([], "ownWords") == [words])
                let audit = try #require(try await bureau.lastAudit())
                #expect(audit.action == "will.read")
                #expect(audit.purpose == "approval of case")
                for token in [staff.investigator, staff.registrar, staff.liaison, staff.camp] {
                    try await bureau.expect(.GET, "api/v1/prisoners/\(ri)/will-statements", token: token, .forbidden)
                }
            }
        }

        @Test func aWillIsNeverDisclosedToThePowerOfOrigin() async throws {
            try await withBureau { bureau in
                let staff = try await DispositionStaff.signIn(bureau)
                let ri = try await bureau.register(DispositionFixtures.ri, token: staff.registrar)
                let dprk = try await bureau.expect("api/v1/parties", token: staff.liaison, json: """
                    {"name": "DPRK", "kind": "state", "stateCode": "PRK", "roles": [{"prisonerID": "\(ri)", "role": "power_depended_on"}]}
                    """, .created)
                let id = try dprk.content.get(String.self, at: "party", "id")
                let refused = try await bureau.expect("api/v1/consultations", token: staff.liaison, json: """
                    {"partyID": "\(id)", "direction": "outbound", "kind": "note", "date": "2026-11-22T10:00:00Z",
                     "channel": "icrc", "summary": "He asks for the ROK", "prisonerIDs": ["\(ri)"], "disclosesWill": true,
                     "disclosureApproval": {"dataProtectionOfficer": "dpo.lysenko", "legalOfficer": "lo.kovalenko",
                                            "reason": "asked", "approvedAt": "2026-11-22T09:00:00Z"}}
                    """, .unprocessableEntity)
                #expect(refused.errorCode == "will_disclosure_forbidden")
                #expect(try await bureau.rows(ConsultationsTable.self) == 0)
            }
        }

        @Test func aCounterpartListWithBrokenEncodingOrAMissingColumnIsRefused() async throws {
            try await withBureau { bureau in
                let staff = try await DispositionStaff.signIn(bureau)
                let exchange = try await bureau.expect("api/v1/exchanges", token: staff.liaison,
                                                       json: #"{"counterpart": "RUS"}"#, .created)
                let id = try exchange.content.get(String.self, at: "id")
                var bytes = Array("ФИО;Звание\nИванов Иван;рядовой\nПетров ".utf8)
                bytes += [0xD0, 0x28]  // a broken UTF-8 sequence on line 3, column 8
                bytes += Array(";сержант\n".utf8)
                let broken = try await bureau.sendCSV(Data(bytes), to: "api/v1/exchanges/\(id)/counterpart-list", token: staff.liaison)
                #expect(broken.status == .badRequest, "\(broken.body.string)")
                #expect(broken.errorCode == "invalid_encoding")
                #expect(broken.errorField == "line 3, column 8")
                let missing = try await bureau.sendCSV(Data("rank,note\nprivate,x\n".utf8),
                                                       to: "api/v1/exchanges/\(id)/counterpart-list", token: staff.liaison)
                #expect(missing.status == .badRequest)
                #expect(missing.errorCode == "missing_column")
                #expect(missing.errorField == "line 1")
                // An escape code inside a cell (a terminal or spreadsheet trick) is refused where it is.
                let escaped = try await bureau.sendCSV(Data("ФИО;Звание\nИванов Иван;рядовой\nПетров;сер\u{1B}жант\n".utf8),
                                                       to: "api/v1/exchanges/\(id)/counterpart-list", token: staff.liaison)
                #expect(escaped.status == .badRequest)
                #expect(escaped.errorCode == "control_characters")
                #expect(escaped.errorField == "line 3, column 2")
                #expect(try await bureau.rows(CounterpartEntriesTable.self) == 0)
            }
        }
    }
}

extension TestBureau {
    func sendCSV(_ data: Data, to path: String, token: String) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = BearerAuthorization(token: token)
        headers.contentType = HTTPMediaType(type: "text", subType: "csv")
        return try await app.testing().sendRequest(.POST, path, headers: headers, body: ByteBuffer(data: data))
    }
}
