import NameMatching

extension NamesTool {
    /// `bureau bench names [--size N]`.
    public static func bench(_ arguments: [String]) -> Int32 { 1 }
}
