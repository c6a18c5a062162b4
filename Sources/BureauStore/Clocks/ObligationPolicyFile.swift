import BureauCore
import Foundation

/// Reads the Bureau's obligation policy from `BUREAU_DATA_DIR/obligation-policy.json`.
///
/// The file is optional; every setting it leaves out keeps its default (`ObligationPolicy`,
/// docs/obligations.md). Intervals are seconds; dates are ISO 8601, e.g.
/// `{"eventNotification": 86400, "cessationOfHostilities": "2026-06-01T00:00:00Z", "protectingPowers": {"RUS": "Switzerland"}}`.
public enum ObligationPolicyFile {
    public static let fileName = "obligation-policy.json"

    public struct Invalid: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason)" }
    }

    public static func load(in directory: URL) throws -> ObligationPolicy {
        let url = directory.appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: url.path) else { return .standard }
        return try parse(data, path: url.path)
    }

    public static func parse(_ data: Data, path: String = fileName) throws -> ObligationPolicy {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let policy: ObligationPolicy
        do {
            guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw Invalid(path: path, reason: "must be a JSON object")
            }
            // A misspelt setting must not silently keep its default.
            let known: Set<String> = [
                "dueSoonWindow", "captureCardAfterCapture", "captureCardForwarding", "initialNotification",
                "eventNotification", "certificateIssue", "certificateDuplicate", "censorship", "correspondenceIsLimited",
                "transferNoticeLead", "languageAssessment", "moneyRegisterGrace", "visitGrant", "deathCertificate",
                "inquiryOpening", "detailedCommunication", "representativeVacancy", "heldBackNotice",
                "repatriationAfterCessation", "cessationOfHostilities", "protectingPowers",
            ]
            if let unknown = object.keys.sorted().first(where: { !known.contains($0) }) {
                throw Invalid(path: path, reason: "unknown setting \(unknown)")
            }
            policy = try decoder.decode(ObligationPolicy.self, from: data)
        } catch let error as Invalid {
            throw error
        } catch {
            throw Invalid(path: path, reason: "cannot be read: \(error)")
        }
        do {
            try policy.validate()
        } catch {
            throw Invalid(path: path, reason: error.description)
        }
        return policy
    }
}
