import BureauCore
import BureauStore
@testable import BureauWeb
import Foundation
import NIOConcurrencyHelpers
import Testing
import Vapor
import VaporTesting

/// The tracing officers and the registry of the enquiry stories.
struct EnquiryStaff {
    var registrar: String
    var tracerA: String
    var tracerB: String
    var investigator: String
    var legal: String
    var liaison: String

    static func signIn(_ bureau: TestBureau) async throws -> EnquiryStaff {
        EnquiryStaff(registrar: try await bureau.signedIn(.registrar, name: "rg.savchenko"),
                     tracerA: try await bureau.signedIn(.tracingOfficer, name: "to.lysenko"),
                     tracerB: try await bureau.signedIn(.tracingOfficer, name: "to.hnatyuk"),
                     investigator: try await bureau.signedIn(.investigator, name: "in.moroz"),
                     legal: try await bureau.signedIn(.legalOfficer, name: "lo.kovalenko"),
                     liaison: try await bureau.signedIn(.liaisonOfficer, name: "li.bondar"))
    }

    /// Signs everyone in again: sessions end after 30 idle minutes, and the stories move the clock by days.
    static func again(_ bureau: TestBureau) async throws -> EnquiryStaff {
        EnquiryStaff(registrar: try await bureau.token("rg.savchenko"), tracerA: try await bureau.token("to.lysenko"),
                     tracerB: try await bureau.token("to.hnatyuk"), investigator: try await bureau.token("in.moroz"),
                     legal: try await bureau.token("lo.kovalenko"), liaison: try await bureau.token("li.bondar"))
    }
}

enum EnquiryFixtures {
    static func enquiry(names: [String], born: String?, father: String? = nil, language: String,
                        receivedAt: String = "2026-11-27T09:00:00Z", reference: String = "CTA-2026-0042") -> String {
        let namesJSON = names.map { "\"\($0)\"" }.joined(separator: ", ")
        let bornField = born.map { #", "dateOfBirth": "\#($0)""# } ?? ""
        let fatherField = father.map { #", "fatherName": "\#($0)""# } ?? ""
        return """
        {"enquirer": {"kind": "cta", "name": "ICRC Central Tracing Agency", "channel": "cta_portal", "reference": "\(reference)"},
         "person": {"names": [\(namesJSON)]\(bornField)\(fatherField)},
         "language": "\(language)", "receivedAt": "\(receivedAt)"}
        """
    }

    /// A man not yet registered, sought in Cyrillic.
    static let petrenko = """
    {"powerDependedOn": {"power": "RUS"}, "forcesServedWith": "Armed Forces of the Russian Federation", "languages": ["ru"],
     "unit": "military unit 12345",
     "claims": [{"surname": "Петренко", "firstNames": "Олег", "fatherName": "Викторович", "dateOfBirth": "1990-06-12",
                 "source": "document", "isAssessed": true}],
     "capturedAt": "2026-11-28T06:00:00Z", "capture": {"place": "Zaporizhzhia oblast"}}
    """
}

extension WebSuite {
    /// Issue 12, "Done when", through the HTTP API.
    @Suite struct EnquiryStoryTests {
        @Test func anEnquiryFromTheCTAEndToEnd() async throws {
            try await withBureau { bureau in
                var staff = try await EnquiryStaff.signIn(bureau)
                let ri = try await bureau.register(DispositionFixtures.ri, token: staff.registrar)
                // His wish and the risk he faces are on file: neither may ever reach an answer (guard 12).
                try await bureau.expect("api/v1/prisoners/\(ri)/will-statements", token: staff.investigator,
                    json: DispositionFixtures.will(answer: #"{"kind": "third_state", "state": "KOR"}"#,
                                                   words: "대한민국으로 가고 싶습니다 WILLMARKER",
                                                   translation: "I want to go to South Korea WILLMARKER"), .created)
                try await bureau.expect("api/v1/prisoners/\(ri)/risk-assessments", token: staff.legal,
                    json: DispositionFixtures.risk(destination: "PRK", transit: ["RUS"], outcome: "serious_risk",
                                                   findings: "RISKMARKER family reprisals"), .created)

                // 1. The CTA asks in Latin letters; the Hangul record comes first, explained.
                let created = try await bureau.expect("api/v1/enquiries", token: staff.tracerA,
                    json: EnquiryFixtures.enquiry(names: ["Ri Chol-ho"], born: "1999", father: "Ri Yong-su", language: "ko"),
                    .created)
                let enquiry = try created.content.get(String.self, at: "id")
                #expect(try created.content.get(String.self, at: "candidates", 0, "prisonerID") == ri)
                #expect(try created.content.get(String.self, at: "candidates", 0, "matchedName") == "리 철호")
                #expect(try created.content.get(Double.self, at: "candidates", 0, "score") >= 0.8)
                let codes = created.each(["candidates", 0, "reasons"], "code")
                #expect(codes.contains("romanization"))
                #expect(codes.contains("same_birth_year"))
                #expect(try created.content.get(String.self, at: "clock") == "not_yet_due")

                // 2. Held, recorded by one officer; he may neither confirm it himself nor answer before the second.
                let held = try await bureau.expect("api/v1/enquiries/\(enquiry)/outcome", token: staff.tracerA,
                    json: #"{"result": "held", "prisonerID": "\#(ri)"}"#, .ok)
                #expect(try held.content.get(String.self, at: "status") == "awaiting_confirmation")
                let own = try await bureau.expect("api/v1/enquiries/\(enquiry)/confirm", token: staff.tracerA, .forbidden)
                #expect(own.errorCode == "same_officer")
                let early = try await bureau.expect("api/v1/enquiries/\(enquiry)/answer", token: staff.tracerA, .conflict)
                #expect(early.errorCode == "outcome_awaiting_confirmation")
                let confirmed = try await bureau.expect("api/v1/enquiries/\(enquiry)/confirm", token: staff.tracerB, .ok)
                #expect(try confirmed.content.get(String.self, at: "status") == "ready_to_answer")
                #expect(try confirmed.content.get(String.self, at: "outcome", "confirmedBy") == "to.hnatyuk")

                // 3. The answer, in Korean, with what Arts. 122 and 17 allow.
                let answer = try await bureau.expect("api/v1/enquiries/\(enquiry)/answer", token: staff.tracerA, .created)
                #expect(try answer.content.get(String.self, at: "language") == "ko")
                #expect(try answer.content.get(String.self, at: "recipient") == "cta")
                #expect(try answer.content.get(String.self, at: "content", "result") == "held")
                let letter = try answer.content.get(String.self, at: "letter")
                #expect(letter.contains("리"))
                #expect(letter.contains("전쟁포로로 억류"))
                #expect(letter.contains("CTA-2026-0042"))
                for secret in ["WILLMARKER", "RISKMARKER", "KOR", "대한민국", "reprisals", "third_state"] {
                    #expect(!answer.body.string.contains(secret), "the answer leaks \(secret)")
                }

                // It goes out in the next signed outbox batch, still without his wish or risk.
                let signer = try OutboxSigner.loadOrCreate(in: bureau.dataDirectory)
                let written = NIOLockedValueBox(Data())
                let result = try await NoticeOutbox(context: bureau.services.context)
                    .export(by: Principal(username: "li.bondar", role: .liaisonOfficer), signer: signer) { data in
                        written.withLockedValue { $0 = data }
                    }
                #expect(result.count >= 1)
                let file = written.withLockedValue { $0 }
                guard case .valid(let inner) = OutboxSigner.verify(file, expected: signer.publicKey) else {
                    Issue.record("the batch does not verify")
                    return
                }
                let decoder = JSONDecoder()
                decoder.dateDecodingStrategy = .iso8601
                let batch = try decoder.decode(OutboxBatch.self, from: inner)
                let sent = try #require(batch.answers?.first { $0.enquiryID.uuidString == enquiry })
                #expect(sent.content.result == .held)
                #expect(sent.language == "ko")
                let text = String(decoding: inner, as: UTF8.self)
                for secret in ["WILLMARKER", "RISKMARKER", "대한민국", "reprisals", "serious_risk", "third_state"] {
                    #expect(!text.contains(secret), "the batch leaks \(secret)")
                }
                // Sent once: the next batch does not carry it again.
                let again = try await NoticeOutbox(context: bureau.services.context)
                    .export(by: Principal(username: "li.bondar", role: .liaisonOfficer), signer: signer) { _ in }
                #expect(again.count == 0)

                // His record shows the enquiry about him to those who read enquiries.
                let page = try await bureau.send(.GET, "prisoners/\(ri)", token: staff.tracerB)
                #expect(page.body.string.contains("/enquiries/\(enquiry)"))

                // 4. A Cyrillic enquiry for a man not yet registered: no record; it stays standing.
                let sought = try await bureau.expect("api/v1/enquiries", token: staff.tracerA,
                    json: EnquiryFixtures.enquiry(names: ["Петренко Олег Викторович"], born: "1990", language: "ru",
                                                  reference: "CTA-2026-0043"), .created)
                let second = try sought.content.get(String.self, at: "id")
                #expect(sought.each(["candidates"], "prisonerID").isEmpty)
                try await bureau.expect("api/v1/enquiries/\(second)/outcome", token: staff.tracerA,
                                        json: #"{"result": "no_record"}"#, .ok)
                let noRecord = try await bureau.expect("api/v1/enquiries/\(second)/answer", token: staff.tracerA, .created)
                #expect(try noRecord.content.get(String.self, at: "letter").contains("нет записи"))
                let standing = try await bureau.expect(.GET, "api/v1/enquiries/\(second)", token: staff.tracerA, .ok)
                #expect(try standing.content.get(String.self, at: "status") == "standing")
                var board = try await bureau.send(.GET, "obligations", token: staff.tracerA)
                #expect(!board.body.string.contains("raised-enquiries"))

                // Registering him raises it on the assigned officer's dashboard.
                bureau.clock.advance(86_400)
                staff = try await EnquiryStaff.again(bureau)
                let petrenko = try await bureau.register(EnquiryFixtures.petrenko, token: staff.registrar)
                board = try await bureau.send(.GET, "obligations", token: staff.tracerA)
                #expect(board.body.string.contains("raised-enquiries"))
                #expect(board.body.string.contains("/enquiries/\(second)"))
                #expect(board.body.string.contains("Петренко"))
                let raised = try await bureau.expect(.GET, "api/v1/enquiries/\(second)", token: staff.tracerA, .ok)
                #expect(try raised.content.get(String.self, at: "raised", 0, "prisonerID") == petrenko)
                // Ruled out, it is not raised again.
                try await bureau.expect("api/v1/enquiries/\(second)/rule-out", token: staff.tracerA,
                                        json: #"{"prisonerID": "\#(petrenko)"}"#, .ok)
                board = try await bureau.send(.GET, "obligations", token: staff.tracerA)
                #expect(!board.body.string.contains("raised-enquiries"))

                // 5. An enquiry nobody answers turns overdue on day 31.
                let waiting = try await bureau.expect("api/v1/enquiries", token: staff.tracerB,
                    json: EnquiryFixtures.enquiry(names: ["Kim Jong-ho"], born: "2001", language: "en",
                                                  receivedAt: "2026-11-28T09:00:00Z", reference: "CTA-2026-0044"), .created)
                let third = try waiting.content.get(String.self, at: "id")
                bureau.clock.advance(30 * 86_400)  // the 30th day ends: due, not yet overdue
                staff = try await EnquiryStaff.again(bureau)
                #expect(try await bureau.expect(.GET, "api/v1/enquiries/\(third)", token: staff.tracerB, .ok)
                    .content.get(String.self, at: "clock") == "due")
                bureau.clock.advance(86_400)  // day 31
                staff = try await EnquiryStaff.again(bureau)
                #expect(try await bureau.expect(.GET, "api/v1/enquiries/\(third)", token: staff.tracerB, .ok)
                    .content.get(String.self, at: "clock") == "overdue")
                let overdue = try await bureau.expect(.GET, "api/v1/enquiries?clock=overdue", token: staff.liaison, .ok)
                #expect(overdue.each([], "id") == [third])
                board = try await bureau.send(.GET, "obligations", token: staff.liaison)
                #expect(board.body.string.contains(#"id="enquiries-overdue">1<"#))
            }
        }

        @Test func rolesAndBadInput() async throws {
            try await withBureau { bureau in
                let staff = try await EnquiryStaff.signIn(bureau)
                let body = EnquiryFixtures.enquiry(names: ["Ri Chol-ho"], born: "1999", language: "ko")
                // Only tracing officers record; a registrar may not even read enquiries.
                try await bureau.expect("api/v1/enquiries", token: staff.liaison, json: body, .forbidden)
                try await bureau.expect(.GET, "api/v1/enquiries", token: staff.registrar, .forbidden)
                let rows = try await bureau.rows(EnquiriesTable.self)
                for (json, field) in [
                    (EnquiryFixtures.enquiry(names: [" "], born: nil, language: "ko"), "person.names"),
                    (EnquiryFixtures.enquiry(names: ["Kim"], born: nil, language: "de"), "language"),
                    (EnquiryFixtures.enquiry(names: ["Kim"], born: "31.02.1999", language: "ko"), "person.dateOfBirth"),
                ] {
                    let refused = try await bureau.send(.POST, "api/v1/enquiries", token: staff.tracerA, json: json)
                    #expect(refused.status == .badRequest, "\(refused.body.string)")
                    #expect(refused.errorField == field, "\(refused.body.string)")
                }
                let unknown = try await bureau.send(.POST, "api/v1/enquiries", token: staff.tracerA,
                                                    json: body.replacingOccurrences(of: #""language""#, with: #""lang": "x", "language""#))
                #expect(unknown.errorCode == "unknown_field")
                // A broken list names line and column, and writes nothing.
                var headers = HTTPHeaders()
                headers.bearerAuthorization = BearerAuthorization(token: staff.tracerA)
                headers.contentType = HTTPMediaType(type: "text", subType: "csv")
                let broken = try await bureau.app.testing().sendRequest(.POST, "api/v1/enquiry-lists?language=ru", headers: headers,
                    body: ByteBuffer(string: "name;date of birth\nПетренко Олег;1990\nКим;1999-13\n"))
                #expect(broken.status == .badRequest)
                #expect(broken.errorField == "line 3, column 2")
                #expect(try await bureau.rows(EnquiriesTable.self) == rows)
                // An outcome for a prisoner who does not exist: 404, nothing recorded.
                let created = try await bureau.expect("api/v1/enquiries", token: staff.tracerA, json: body, .created)
                let id = try created.content.get(String.self, at: "id")
                try await bureau.expect("api/v1/enquiries/\(id)/outcome", token: staff.tracerA,
                                        json: #"{"result": "held", "prisonerID": "\#(UUID().uuidString)"}"#, .notFound)
                try await bureau.expect("api/v1/enquiries/\(id)/outcome", token: staff.tracerA,
                                        json: #"{"result": "needs_more_information"}"#, .badRequest)
                let still = try await bureau.expect(.GET, "api/v1/enquiries/\(id)", token: staff.tracerA, .ok)
                #expect(try still.content.get(String.self, at: "status") == "open")
            }
        }

        @Test func aBulkListIsMatchedInTheBackgroundWithProgress() async throws {
            try await withBureau { bureau in
                let staff = try await EnquiryStaff.signIn(bureau)
                let ri = try await bureau.register(DispositionFixtures.ri, token: staff.registrar)
                var csv = "name;father's name;date of birth;reference\n"
                csv += "Ri Chol-ho / Ли Чхоль Хо;Ri Yong-su;1999;L-1\n"
                for n in 2...200 { csv += "Сидоренко Петро \(n);Іван;19\(70 + n % 30);L-\(n)\n" }
                var headers = HTTPHeaders()
                headers.bearerAuthorization = BearerAuthorization(token: staff.tracerA)
                headers.contentType = HTTPMediaType(type: "text", subType: "csv")
                let started = try await bureau.app.testing().sendRequest(.POST, "api/v1/enquiry-lists?language=ko", headers: headers,
                                                                         body: ByteBuffer(string: csv))
                #expect(started.status == .accepted, "\(started.body.string)")
                let list = try started.content.get(String.self, at: "id")
                #expect(try started.content.get(Int.self, at: "total") == 200)
                var state = ""
                for _ in 0..<600 where state != "done" && state != "failed" {
                    let progress = try await bureau.expect(.GET, "api/v1/enquiry-lists/\(list)", token: staff.tracerA, .ok)
                    state = try progress.content.get(String.self, at: "state")
                    if state != "done" { try await Task.sleep(for: .milliseconds(50)) }
                }
                #expect(state == "done")
                let enquiries = try await bureau.expect(.GET, "api/v1/enquiries?list=\(list)", token: staff.tracerA, .ok)
                #expect(enquiries.each([], "id").count == 200)
                let first = try #require((enquiries.json as? [[String: Any]])?.first { ($0["listLine"] as? Int) == 2 })
                let shown = try await bureau.expect(.GET, "api/v1/enquiries/\(first["id"]!)", token: staff.tracerA, .ok)
                #expect(try shown.content.get(String.self, at: "candidates", 0, "prisonerID") == ri)
                #expect(try shown.content.get(String.self, at: "language") == "ko")
                #expect(try shown.content.get(String.self, at: "enquirer", "reference") == "L-1")
            }
        }
    }
}
