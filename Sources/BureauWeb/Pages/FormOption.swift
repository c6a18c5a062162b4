/// One choice of a `<select>` or a checkbox group: the submitted value, the catalogue key of its
/// label, and whether it is chosen (templates read `selected` for selects, `checked` for boxes).
struct FormOption: Encodable {
    var value: String
    var key: String
    var checked: Bool = false
    var selected: Bool { checked }

    private enum CodingKeys: String, CodingKey { case value, key, checked, selected }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(value, forKey: .value)
        try container.encode(key, forKey: .key)
        try container.encode(checked, forKey: .checked)
        try container.encode(selected, forKey: .selected)
    }

    /// Every case of an enumeration, labelled by the catalogue key `<prefix>.<raw value>`.
    static func choices<T: RawRepresentable & CaseIterable>(_ type: T.Type, _ prefix: String,
                                                          chosen: (T) -> Bool = { _ in false }) -> [FormOption]
        where T.RawValue == String {
        T.allCases.map { FormOption(value: $0.rawValue, key: "\(prefix).\($0.rawValue)", checked: chosen($0)) }
    }
}
