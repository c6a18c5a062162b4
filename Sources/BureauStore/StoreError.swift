/// Failures of storage itself, as opposed to refusals by the domain (`DomainError`).
public enum StoreError: Error, CustomStringConvertible {
    /// A stored row cannot be read back into the domain: the database was edited outside Bureau.
    case corrupt(String, String?)
    /// The field key file is missing, unreadable or not 32 bytes.
    case fieldKey(String)

    public var description: String {
        switch self {
        case .corrupt(let table, let id): return "unreadable row in \(table) (\(id ?? "no id"))"
        case .fieldKey(let reason): return "field encryption key: \(reason)"
        }
    }
}
