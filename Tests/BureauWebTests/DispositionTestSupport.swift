import BureauCore
import BureauStore
@testable import BureauWeb
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// The staff and registry of the disposition stories: "Ri" (Hangul name, contested Power, a Russian
/// military ID in another man's name) asks for the ROK and faces a documented risk at home;
/// "Petrov" lost a hand and asks to go home to Russia.
struct DispositionStaff {
    var registrar: String
    var legal: String
    var secondLegal: String
    var approverA: String
    var approverB: String
    var liaison: String
    var medic: String
    var camp: String
    var investigator: String

    static func signIn(_ bureau: TestBureau) async throws -> DispositionStaff {
        DispositionStaff(
            registrar: try await bureau.signedIn(.registrar, name: "rg.savchenko"),
            legal: try await bureau.signedIn(.legalOfficer, name: "lo.kovalenko"),
            secondLegal: try await bureau.signedIn(.legalOfficer, name: "lo.hrytsenko"),
            approverA: try await bureau.signedIn(.approver, name: "ap.shevchenko"),
            approverB: try await bureau.signedIn(.approver, name: "ap.melnyk"),
            liaison: try await bureau.signedIn(.liaisonOfficer, name: "li.bondar"),
            medic: try await bureau.signedIn(.medicalOfficer, name: "mo.tkachuk"),
            camp: try await bureau.signedIn(.campOfficer, name: "co.tkachenko"),
            investigator: try await bureau.signedIn(.investigator, name: "in.moroz"))
    }
}

enum DispositionFixtures {
    static let ri = """
    {"powerDependedOn": {"power": "PRK", "contested": true, "rationale": "KPA unit deployed by the DPRK; served in Russian uniform"},
     "forcesServedWith": "Armed Forces of the Russian Federation", "languages": ["ko"], "answersOnlyInWriting": true,
     "claims": [{"surname": "리", "firstNames": "철호", "dateOfBirth": "1999", "source": "self_declared", "isAssessed": true}],
     "capturedAt": "2025-01-09T10:30:00Z", "capture": {"place": "Kursk region", "wounds": ["jaw"]}}
    """
    static let petrov = """
    {"powerDependedOn": {"power": "RUS"}, "forcesServedWith": "Armed Forces of the Russian Federation", "languages": ["ru"],
     "claims": [{"surname": "Петров", "firstNames": "Иван", "fatherName": "Сергеевич", "dateOfBirth": "1994-03-02",
                 "source": "document", "isAssessed": true}],
     "capturedAt": "2025-02-14T06:00:00Z", "capture": {"place": "Sumy oblast", "wounds": ["left hand amputated"]}}
    """

    static func document(_ authenticity: String, name: String) -> String {
        """
        {"kind": "document", "occurredAt": "2025-02-20T12:00:00Z",
         "data": {"documentType": "Military ID", "issuer": "RUS", "nameShown": "\(name)", "authenticity": "\(authenticity)",
                  "custody": "\(authenticity == "genuine" ? "with_prisoner" : "evidence")"}}
        """
    }

    static let interpreter = #"{"name": "Anna Pak", "affiliation": "ICRC-contracted interpreter"}"#
    static let delegate = #"[{"name": "M. Keller", "affiliation": "ICRC", "isICRCDelegate": true}]"#

    static func will(answer: String, words: String, translation: String, language: String = "ko",
                     interpreter: String? = DispositionFixtures.interpreter, statedAt: String = "2026-11-20T10:00:00Z") -> String {
        let interpreterField = interpreter.map { #", "interpreter": \#($0)"# } ?? ""
        let languageField = language.isEmpty ? "" : #", "language": "\#(language)""#
        return """
        {"statedAt": "\(statedAt)", "question": "Where do you want to go when you leave captivity?",
         "answer": \(answer), "ownWords": "\(words)", "translation": "\(translation)"\(languageField)\(interpreterField),
         "witnesses": \(delegate), "privateInterview": true, "mode": "written"}
        """
    }

    static func risk(destination: String, transit: [String] = [], outcome: String, findings: String) -> String {
        let transitJSON = transit.map { "\"\($0)\"" }.joined(separator: ", ")
        return """
        {"route": {"destination": "\(destination)", "transit": [\(transitJSON)]},
         "risksConsidered": ["death", "torture", "persecution", "family_reprisal"],
         "sources": ["OHCHR statement 13 May 2026", "defector testimony"], "findings": "\(findings)",
         "outcome": "\(outcome)", "reviewer": "lo.hrytsenko", "assessedAt": "2026-11-21T10:00:00Z"}
        """
    }
}

extension TestBureau {
    /// Registers a prisoner through the API and returns his id.
    func register(_ json: String, token: String) async throws -> String {
        let response = try await send(.POST, "api/v1/prisoners", token: token, json: json)
        #expect(response.status == .created, "registration failed: \(response.body.string)")
        return try response.content.get(String.self, at: "id")
    }

    /// Sends JSON and expects `status`; returns the response.
    @discardableResult
    func expect(_ method: HTTPMethod, _ path: String, token: String, json: String? = nil,
                _ status: HTTPResponseStatus, sourceLocation: SourceLocation = #_sourceLocation) async throws -> TestingHTTPResponse {
        let response = try await send(method, path, token: token, json: json)
        #expect(response.status == status, "\(method) \(path): \(response.body.string)", sourceLocation: sourceLocation)
        return response
    }

    /// POSTs JSON and expects `status`.
    @discardableResult
    func expect(_ path: String, token: String, json: String? = nil, _ status: HTTPResponseStatus,
                sourceLocation: SourceLocation = #_sourceLocation) async throws -> TestingHTTPResponse {
        try await expect(.POST, path, token: token, json: json, status, sourceLocation: sourceLocation)
    }

    func rows<Table: DispositionTable>(_ table: Table.Type) async throws -> Int {
        try await DispositionRow<Table>.query(on: app.db).count()
    }
}

extension TestingHTTPResponse {
    /// Keys of the guard results under `path` (reasons, guards) with the given status, if any.
    func guardKeys(_ path: String, status: String? = nil) -> [String] {
        ((value([path]) as? [[String: Any]]) ?? []).filter { status == nil || $0["status"] as? String == status }
            .compactMap { $0["key"] as? String }
    }
}
