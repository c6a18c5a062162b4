/// Given-name equivalence classes, compiled from `Tables+GivenNames.swift` into skeleton → class id.
enum GivenNames {
    /// Skeleton of every listed form → class id (line number).
    static let bySkeleton: [[UInt8]: Int32] = {
        var map: [[UInt8]: Int32] = [:]
        var id: Int32 = 0
        let lines = clusters.split(separator: "\n") + singletons.split(whereSeparator: { $0 == " " || $0 == "\n" })
        for line in lines {
            let forms = line.split(separator: " ")
            if forms.isEmpty { continue }
            for form in forms {
                let scalars = String(form).unicodeScalars.map { $0.value }
                let letters: [UInt8]
                if scalars.contains(where: { Fold.isCyrillic($0) }) {
                    let lower = scalars.map { Fold.lowerCyrillic($0) }
                    let ukr = lower.contains(where: { CyrillicTransliteration.isUkrainianLetter($0) })
                    letters = CyrillicTransliteration.latinLetters(lower.filter { Fold.isCyrillic($0) }, ukrainian: ukr)
                } else {
                    letters = NameNormalizer.foldLatin(scalars)
                }
                let sk = Skeleton.of(letters)
                if map[sk] == nil { map[sk] = id }
            }
            id += 1
        }
        return map
    }()

    /// The equivalence class of a skeleton, or -1.
    @inline(__always)
    static func symbol(of skeleton: [UInt8]) -> Int32 {
        bySkeleton[skeleton] ?? -1
    }

    /// The class of a Latin given name with a Baltic nominative ending (Ivanas, Igors, Kirils, Stanislovas,
    /// Dmitrijus), or -1.
    static func balticSymbol(letters: [UInt8]) -> Int32 {
        guard letters.count >= 4, letters.last == UInt8(ascii: "s") else { return -1 }
        for cut in [2, 1] {
            let stem = Array(letters.dropLast(cut))
            if cut == 2 && !"aiu".utf8.contains(letters[letters.count - 2]) { continue }
            let sym = symbol(of: Skeleton.of(stem))
            if sym >= 0 { return sym }
        }
        if letters.count >= 6 && letters.suffix(4).elementsEqual("ovas".utf8) {
            // Stanislovas = Stanislav
            let sym = symbol(of: Skeleton.of(Array(letters.dropLast(4)) + Array("av".utf8)))
            if sym >= 0 { return sym }
        }
        return -1
    }
}
