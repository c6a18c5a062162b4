import Foundation

/// One label/value line of a timeline entry, for screens that list an entry's data without a
/// hand-made layout for its kind (the many Convention kinds of issue 4).
public struct EventField: Sendable, Hashable {
    public enum Value: Sendable, Hashable {
        case text(String)
        /// A choice from a closed list: its raw value, to localize as `<kind>.<field>.<raw>`.
        case choice(String)
        case date(Date)
        /// Another timeline entry.
        case reference(UUID)
        case flag(Bool)
        case number(Int)
        case list([String])
    }

    /// The property's name in the API (`plannedDeparture`); localize as `field.<name>`.
    public var name: String
    public var value: Value

    public init(name: String, value: Value) {
        self.name = name
        self.value = value
    }
}

extension EventPayload {
    /// The entry's data as fields, in declaration order; absent optionals are left out. Restricted
    /// content (an interview's text) is never listed: show it only through its own, audited path.
    public var fields: [EventField] {
        let data: Any
        switch self {
        case .interview(let interview):
            var redacted = interview
            redacted.content = nil
            data = redacted
        default:
            data = Mirror(reflecting: self).children.first?.value ?? ()
        }
        return Mirror(reflecting: data).children.compactMap { child in
            guard let name = child.label, let value = EventField.value(of: child.value) else { return nil }
            return EventField(name: name, value: value)
        }
    }
}

extension EventField {
    static func value(of any: Any) -> Value? {
        let mirror = Mirror(reflecting: any)
        if mirror.displayStyle == .optional {
            guard let wrapped = mirror.children.first?.value else { return nil }
            return value(of: wrapped)
        }
        switch any {
        case let text as String: return text.isEmpty ? nil : .text(text)
        case let date as Date: return .date(date)
        case let id as UUID: return .reference(id)
        case let flag as Bool: return .flag(flag)
        case let number as Int: return .number(number)
        case let number as Int64: return .number(Int(number))
        case let number as Double: return .text(String(number))
        case let choice as any RawRepresentable<String>: return .choice(choice.rawValue)
        case let date as PartialDate: return .text(date.description)
        case let items as [Any]:
            let texts = items.compactMap { item -> String? in
                switch value(of: item) {
                case .text(let text), .choice(let text): return text
                default: return nil
                }
            }
            return texts.isEmpty ? nil : .list(texts)
        default:
            return .text(String(describing: any))
        }
    }
}
