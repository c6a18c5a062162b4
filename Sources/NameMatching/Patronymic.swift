/// Ending tests on skeletons: patronymics (-ovich/-evich/-ich, -ovna/-evna/-ivna/-ichna, in every spelling that
/// maps onto the same skeleton: Петрович, Petrovych, Petrowitsch, Petrovič …) and East Slavic surname endings.
enum Patronymic {
    typealias S = Skeleton

    @inline(__always)
    static func ends(_ sk: [UInt8], _ suffix: [UInt8]) -> Bool {
        sk.count > suffix.count + 1 && sk.suffix(suffix.count).elementsEqual(suffix)
    }

    static let male: [[UInt8]] = [[S.o, S.v, S.i, S.ch], [S.e, S.v, S.i, S.ch], [S.i, S.ch]]
    static let female: [[UInt8]] = [[S.o, S.v, S.n, S.a], [S.e, S.v, S.n, S.a], [S.i, S.v, S.n, S.a],
                                    [S.i, S.ch, S.n, S.a], [S.o, S.v, S.i, S.n, S.a]]

    /// Whether a skeleton ends like a patronymic.
    static func isPatronymic(_ sk: [UInt8]) -> Bool {
        for suf in female where ends(sk, suf) { return true }
        if ends(sk, male[0]) || ends(sk, male[1]) { return true }
        return sk.count >= 4 && sk.suffix(2).elementsEqual(male[2])
    }

    static let surnameEndings: [[UInt8]] = [
        [S.o, S.v], [S.e, S.v], [S.o, S.v, S.a], [S.e, S.v, S.a], [S.i, S.n, S.a], [S.i, S.n],
        [S.s, S.k, S.i], [S.ts, S.k, S.i], [S.s, S.k, S.a], [S.ts, S.k, S.a], [S.s, S.k, S.i, S.a],
        [S.e, S.n, S.k, S.o], [S.u, S.k], [S.i, S.u, S.k], [S.ch, S.u, S.k], [S.o, S.f], [S.i, S.h], [S.i, S.h],
        [S.ts, S.k, S.a, S.i], [S.s, S.k, S.a, S.i],
    ]

    /// Whether a skeleton ends like an East Slavic surname (-ов, -ев, -ин, -ский, -енко, -чук, -их …).
    static func looksLikeSurname(_ sk: [UInt8]) -> Bool {
        for suf in surnameEndings where ends(sk, suf) { return true }
        return false
    }
}
