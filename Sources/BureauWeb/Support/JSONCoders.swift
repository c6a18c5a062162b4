import Foundation

/// One JSON dialect for the whole API: ISO 8601 dates (UTC, `Z`), sorted keys for stable output.
enum JSONCoders {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = StrictDate.parse(text) else {
                throw DecodingError.dataCorruptedError(in: container,
                                                       debugDescription: "expected a date-time such as 2025-01-09T10:30:00Z")
            }
            return date
        }
        return decoder
    }()
}
