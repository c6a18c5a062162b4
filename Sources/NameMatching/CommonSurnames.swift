/// Frequent surnames, matched on the skeleton (so `Ivanov`, `Iwanow` and `Иванов` are all common).
enum CommonSurnames {
    static let skeletons: Set<[UInt8]> = {
        var out = Set<[UInt8]>()
        for word in list.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            let scalars = String(word).unicodeScalars.map { Fold.lowerCyrillic($0.value) }
            let ukr = scalars.contains(where: CyrillicTransliteration.isUkrainianLetter)
            out.insert(Skeleton.of(CyrillicTransliteration.latinLetters(scalars, ukrainian: ukr)))
        }
        return out
    }()

    /// Whether a skeleton is one of the frequent surnames.
    @inline(__always)
    static func contains(_ skeleton: [UInt8]) -> Bool { skeletons.contains(skeleton) }
}
