import BureauCore
import BureauStore
@testable import BureauWeb
import Foundation
import Testing
import Vapor
import VaporTesting

extension WebSuite {
    /// The enquiry pages: forms with `_csrf` that refuse bad input naming the field and write nothing,
    /// and every page in Ukrainian, English and Russian without a raw key or an English explanation.
    @Suite struct EnquiryPagesTests {
        static let rawKey = try! NSRegularExpression(pattern:
            #"\b(enquiry|estatus|enquirer|eresult|elang|match|channel|ostatus|obligations|addressee|field|error|nav|common)\.[a-z_A-Z.]+\b"#)

        @Test func theFormsAndEveryPageInThreeLanguages() async throws {
            try await withBureau { bureau in
                let registrar = try await bureau.signedIn(.registrar)
                let ri = try await bureau.register(DispositionFixtures.ri, token: registrar)
                let tracerA = try await FormSession.signIn(bureau, .tracingOfficer, name: "to.lysenko")
                let tracerB = try await FormSession.signIn(bureau, .tracingOfficer, name: "to.hnatyuk")

                // A refused form comes back filled in, with the reason in the page language; nothing is written.
                let refused = try await tracerA.post(bureau, "/enquiries", [
                    ("kind", "cta"), ("enquirerName", "ICRC Central Tracing Agency"), ("channel", "cta_portal"),
                    ("names", "Ri Chol-ho"), ("dateOfBirth", "31.02.1999"), ("language", "ko")], language: "uk")
                #expect(refused.status == .badRequest)
                #expect(refused.body.string.contains("Ri Chol-ho"))
                #expect(refused.body.string.contains("Дата народження"))
                #expect(try await bureau.rows(EnquiriesTable.self) == 0)
                let noCSRF = try await tracerA.post(bureau, "/enquiries", [("names", "Ri Chol-ho")], csrf: false)
                #expect(noCSRF.status == .forbidden)

                let created = try await tracerA.post(bureau, "/enquiries", [
                    ("kind", "cta"), ("enquirerName", "ICRC Central Tracing Agency"), ("channel", "cta_portal"),
                    ("reference", "CTA-2026-0042"), ("names", "Ri Chol-ho\nЛи Чхоль Хо"), ("dateOfBirth", "1999"),
                    ("fatherName", "Ri Yong-su"), ("language", "ko")])
                #expect(created.status == .seeOther)
                let location = try #require(created.headers.first(name: .location)?.split(separator: "?").first.map(String.init))
                let id = String(location.dropFirst("/enquiries/".count))
                _ = try await tracerA.post(bureau, "/enquiries/\(id)/outcome", [("result", "held"), ("prisonerID", ri)])
                let own = try await tracerA.post(bureau, "/enquiries/\(id)/confirm", [], language: "uk")
                #expect(own.status == .forbidden)
                #expect(own.body.string.contains("другий офіцер"))
                _ = try await tracerB.post(bureau, "/enquiries/\(id)/confirm", [])
                let answered = try await tracerB.post(bureau, "/enquiries/\(id)/answer", [])
                #expect(answered.status == .seeOther)

                // A broken list names the line and column in the page language, and writes nothing.
                let broken = try await tracerA.post(bureau, "/enquiry-lists", [
                    ("kind", "cta"), ("language", "ru"), ("csv", "name;dob\nKim;1999\nPak;1999-13\n")], language: "uk")
                #expect(broken.status == .badRequest)
                #expect(broken.body.string.contains("рядок 3, стовпець 2"))
                #expect(try await bureau.rows(EnquiriesTable.self) == 1)

                for language in Catalog.languages {
                    for path in ["/enquiries", "/enquiries/new", "/enquiries/\(id)", "/enquiry-lists/new", "/obligations",
                                 "/prisoners/\(ri)", "/enquiries?clock=overdue&status=answered"] {
                        let response = try await tracerA.get(bureau, path, language: language)
                        #expect(response.status == .ok, "\(path)")
                        let html = response.body.string
                            .replacingOccurrences(of: #"(?s)<style>.*</style>"#, with: " ", options: .regularExpression)
                        let raw = Self.rawKey.matches(in: html, range: NSRange(html.startIndex..., in: html))
                            .map { String(html[Range($0.range, in: html)!]) }
                        #expect(raw.isEmpty, "\(language) \(path): \(raw)")
                        if language != "en" {
                            for english in ["romanization", "same year of birth", "only in", "Enquirer", "Answer by"] {
                                #expect(!html.contains(english), "\(language) \(path) shows \(english)")
                            }
                        }
                    }
                }
                let letter = try await tracerA.get(bureau, "/enquiries/\(id)/letter", language: "uk")
                #expect(letter.headers.first(name: .contentLanguage) == "ko")
                #expect(letter.body.string.contains("문의에 대한 회신"))
            }
        }
    }
}
