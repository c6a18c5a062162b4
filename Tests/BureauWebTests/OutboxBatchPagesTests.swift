import BureauCore
import BureauStore
@testable import BureauWeb
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

extension WebSuite {
    /// The outbox's batch work in the browser (issue 8, item 3): the signed batch downloaded (the
    /// CLI's code, so the CLI's bytes), one notice previewed in its recipient's language, the
    /// acknowledgement file uploaded.
    @Suite struct OutboxBatchPagesTests {
        static func multipart(_ fields: [(String, String, String?)], boundary: String) -> ByteBuffer {
            var text = ""
            for (name, value, filename) in fields {
                text += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\""
                if let filename { text += "; filename=\"\(filename)\"\r\nContent-Type: application/json" }
                text += "\r\n\r\n\(value)\r\n"
            }
            text += "--\(boundary)--\r\n"
            return ByteBuffer(string: text)
        }

        @Test func theSignedBatchIsDownloadedPreviewedAndAcknowledgedFromThePages() async throws {
            try await withBureau { bureau in
                let fixture = try await ClocksFixture.make(bureau)
                let liaison = try await FormSession.signIn(bureau, .liaisonOfficer, name: "liaison.one")
                let page = try await liaison.get(bureau, "/outbox", language: "uk")
                #expect(page.status == .ok)
                #expect(page.body.string.contains("Завантажити підписаний пакет"))
                let noticeID = try #require(page.body.string.firstMatch(of: /\/outbox\/([0-9A-F-]{36})\/preview/)).1

                // Preview: in the recipient's language (the CTA: English) inside a Ukrainian page.
                let preview = try await liaison.get(bureau, "/outbox/\(noticeID)/preview", language: "uk")
                #expect(preview.status == .ok, "\(preview.body.string)")
                let html = preview.body.string
                #expect(html.contains("Повідомлення, як його буде надіслано"))
                #expect(html.contains("lang=\"en\""))
                #expect(html.contains("Internment number"))
                #expect(html.contains("김"))
                #expect(try await AuditModel.query(on: bureau.app.db).filter(\.$action == "outbox.preview").count() == 1)
                // The registrar may not operate the outbox.
                let registrarPage = try await FormSession.signIn(bureau, .registrar, name: "reg.two")
                #expect(try await registrarPage.get(bureau, "/outbox/\(noticeID)/preview").status == .forbidden)

                // Download: the signed file, valid for this Bureau's key; its notices are now sent.
                let download = try await liaison.post(bureau, "/outbox/export", [], language: "uk")
                #expect(download.status == .ok, "\(download.body.string)")
                #expect(download.headers.first(name: .contentDisposition)?.contains("attachment; filename=\"bureau-outbox-B-") == true)
                let file = Data(buffer: download.body)
                let key = try OutboxSigner.loadOrCreate(in: bureau.dataDirectory).publicKey
                guard case .valid(let batch) = OutboxSigner.verify(file, expected: key) else {
                    Issue.record("the downloaded batch does not verify")
                    return
                }
                let notices = try #require((try JSONSerialization.jsonObject(with: batch) as? [String: Any])?["notices"] as? [[String: Any]])
                #expect(notices.compactMap { $0["id"] as? String }.map { $0.uppercased() }.contains(String(noticeID)))
                let sent = try await NoticeModel.find(UUID(uuidString: String(noticeID)), on: bureau.app.db)
                #expect(sent?.status == "sent")
                #expect(try await AuditModel.query(on: bureau.app.db).filter(\.$action == "outbox.export").count() == 1)
                let obligations = try await bureau.send(.GET, "api/v1/prisoners/\(fixture.id)/obligations?rule=GC3-122-initial",
                                                        token: liaison.token)
                #expect(obligations.obligationItems.map { $0["status"] as? String } == ["fulfilled"])

                // Upload acknowledgements: a bad file is refused in the page language, nothing written.
                let boundary = "bureau-test-boundary"
                var headers = liaison.headers(language: "uk")
                headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
                let bad = try await bureau.app.testing().sendRequest(.POST, "/outbox/acknowledgements", headers: headers,
                    body: Self.multipart([("_csrf", liaison.csrf, nil), ("file", "{\"format\": \"x\"}", "ack.json")], boundary: boundary))
                #expect(bad.status == .unprocessableEntity, "\(bad.body.string)")
                #expect(bad.body.string.contains("class=\"error\""))
                let ack = #"{"format": "bureau-outbox-ack/1", "acknowledgements": [{"noticeID": "\#(noticeID)", "reference": "CTA-2026-7"}]}"#
                let noToken = try await bureau.app.testing().sendRequest(.POST, "/outbox/acknowledgements", headers: headers,
                    body: Self.multipart([("file", ack, "ack.json")], boundary: boundary))
                #expect(noToken.status == .forbidden)
                let uploaded = try await bureau.app.testing().sendRequest(.POST, "/outbox/acknowledgements", headers: headers,
                    body: Self.multipart([("_csrf", liaison.csrf, nil), ("file", ack, "ack.json"), ("text", "", nil)], boundary: boundary))
                #expect(uploaded.status == .ok, "\(uploaded.body.string)")
                #expect(uploaded.body.string.contains("Підтверджено повідомлень: 1"))
                let acknowledged = try await NoticeModel.find(UUID(uuidString: String(noticeID)), on: bureau.app.db)
                #expect(acknowledged?.status == "acknowledged")
            }
        }

        @Test func theAPIExportsAndImportsLikeTheCommand() async throws {
            try await withBureau { bureau in
                _ = try await ClocksFixture.make(bureau)
                let liaison = try await bureau.signedIn(.liaisonOfficer)
                let list = try await bureau.send(.GET, "api/v1/outbox", token: liaison)
                let id = try #require(((list.json as? [[String: Any]]) ?? []).first?["id"] as? String)
                let preview = try await bureau.send(.GET, "api/v1/outbox/\(id)/preview", token: liaison)
                #expect(preview.status == .ok)
                #expect(try preview.content.get(String.self, at: "language") == "en")
                let exported = try await bureau.send(.POST, "api/v1/outbox/export", token: liaison)
                #expect(exported.status == .ok)
                let key = try OutboxSigner.loadOrCreate(in: bureau.dataDirectory).publicKey
                guard case .valid = OutboxSigner.verify(Data(buffer: exported.body), expected: key) else {
                    Issue.record("the exported batch does not verify")
                    return
                }
                let empty = try await bureau.send(.POST, "api/v1/outbox/acknowledgements", token: liaison,
                                                  json: #"{"format": "bureau-outbox-ack/1", "acknowledgements": []}"#)
                #expect(empty.status == .ok)
                let ack = try await bureau.send(.POST, "api/v1/outbox/acknowledgements", token: liaison,
                                                json: #"{"format": "bureau-outbox-ack/1", "acknowledgements": [{"noticeID": "\#(id)", "reference": "CTA-9"}]}"#)
                #expect(ack.status == .ok, "\(ack.body.string)")
                #expect(try ack.content.get(Int.self, at: "acknowledged") == 1)
            }
        }
    }
}
