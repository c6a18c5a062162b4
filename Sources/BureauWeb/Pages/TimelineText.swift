import BureauCore
import Foundation

/// The label/value lines a timeline entry shows on the prisoner page.
enum TimelineText {
    typealias Field = PrisonerDetailPage.Field

    static func fields(_ payload: EventPayload, catalog: Catalog, language: String, timeZone: TimeZone) -> [Field] {
        var fields: [Field] = []
        func add(_ key: String, _ value: String?) {
            if let value, !value.isEmpty { fields.append(Field(key: key, value: value)) }
        }
        func choice(_ prefix: String, _ raw: String) -> String { catalog.text("\(prefix).\(raw)", language) }
        switch payload {
        case .capture(let capture):
            add("field.place", capture.place)
            add("field.coordinates", capture.coordinates)
            add("field.capturingUnit", capture.capturingUnit)
            add("field.unitAtCapture", capture.unitAtCapture)
            add("field.circumstances", capture.circumstances)
            add("field.wounds", capture.wounds.joined(separator: "; "))
        case .custodyMove(let move):
            add("field.facility", move.facility)
            add("field.facilityType", choice("facility", move.facilityType.rawValue))
            add("field.reason", move.reason)
            add("field.leftAt", move.leftAt.map { DateText.format($0, language: language, timeZone: timeZone) })
        case .medical(let entry):
            add("field.medicalKind", choice("medical", entry.kind.rawValue))
            add("field.weightKg", entry.weightKg.map { String(format: "%.1f", $0) })
            add("field.seriouslyIll", entry.seriouslyIll.map { catalog.text($0 ? "common.yes" : "common.no", language) })
            add("field.summary", entry.summary)
        case .document(let document):
            add("field.documentType", document.documentType)
            add("field.issuer", document.issuer.map { PlaceNames.countries(in: $0, language: language) })
            add("field.number", document.number)
            add("field.nameShown", document.nameShown)
            add("field.authenticity", choice("authenticity", document.authenticity.rawValue))
            add("field.custody", choice("custody", document.custody.rawValue))
        case .effects(let seizure):
            for item in seizure.items {
                let ground = item.ground.map { " (" + choice("ground", $0.rawValue) + ")" } ?? ""
                add("field.item", "\(item.description) — \(choice("disposition", item.disposition.rawValue))\(ground)")
            }
            add("field.receiptNumber", seizure.receiptNumber)
        case .money(let money):
            add("field.amount", "\(money.amountMinor / 100).\(String(format: "%02d", Int(money.amountMinor % 100))) \(money.currency)")
            add("field.officer", money.officer)
            add("field.receiptNumber", money.receiptNumber)
            add("field.registerEntry", money.registerEntry)
        case .interview(let interview):
            add("field.purpose", choice("purpose", interview.purpose.rawValue))
            add("field.language", PlaceNames.language(interview.language, language: language))
            add("field.interpreter", interview.interpreter.map {
                [$0.name, $0.affiliation, $0.affiliationState].compactMap { $0 }.joined(separator: ", ")
            })
            add("field.mode", choice("mode", interview.mode.rawValue))
            add("field.content", interview.content)
        default:
            // Convention entries (issue 4): show their data generically until they get their own lines.
            for (key, value) in genericFields(payload) {
                fields.append(Field(key: catalog.messages[language]?["field.\(key)"] != nil ? "field.\(key)" : key,
                                    value: value))
            }
        }
        return fields
    }

    static func genericFields(_ payload: EventPayload) -> [(String, String)] {
        struct DataOnly: Encodable {
            let payload: EventPayload
            func encode(to encoder: any Encoder) throws { try payload.encodeData(to: encoder) }
        }
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        guard let data = try? encoder.encode(DataOnly(payload: payload)),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [] }
        return object.keys.sorted().compactMap { key in
            let value = object[key]!
            if value is NSNull { return nil }
            if let text = value as? String { return (key, text) }
            if let list = value as? [Any] { return (key, list.map { "\($0)" }.joined(separator: ", ")) }
            return (key, "\(value)")
        }
    }
}
