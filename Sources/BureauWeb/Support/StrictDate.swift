import Foundation

/// ISO 8601 date-times read strictly: an impossible date (30 February) is an error, never rolled
/// over into March as lenient parsers do.
enum StrictDate {
    static let pattern = try! NSRegularExpression(
        pattern: #"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$"#)

    static func parse(_ text: String) -> Date? {
        guard let match = pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        func group(_ index: Int) -> String? {
            Range(match.range(at: index), in: text).map { String(text[$0]) }
        }
        guard let year = Int(group(1)!), let month = Int(group(2)!), let day = Int(group(3)!),
              let hour = Int(group(4)!), let minute = Int(group(5)!) else { return nil }
        let second = group(6).flatMap(Int.init) ?? 0
        guard (1...12).contains(month), (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second),
              let partial = PartialDateCheck.days(month: month, year: year), (1...partial).contains(day) else { return nil }
        var offset = 0
        let zone = group(8)!
        if zone != "Z" {
            let digits = zone.dropFirst().replacingOccurrences(of: ":", with: "")
            guard let hours = Int(digits.prefix(2)), let minutes = Int(digits.suffix(2)), hours <= 23, minutes < 60 else {
                return nil
            }
            offset = (hours * 3600 + minutes * 60) * (zone.hasPrefix("-") ? -1 : 1)
        }
        var components = DateComponents()
        (components.year, components.month, components.day) = (year, month, day)
        (components.hour, components.minute, components.second) = (hour, minute, second)
        guard let utc = calendar.date(from: components) else { return nil }
        let fraction = group(7).map { Double("0." + $0) ?? 0 } ?? 0
        return utc.addingTimeInterval(fraction - Double(offset))
    }

    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    enum PartialDateCheck {
        static func days(month: Int, year: Int) -> Int? {
            switch month {
            case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
            case 4, 6, 9, 11: return 30
            case 1...12: return 31
            default: return nil
            }
        }
    }
}
