import NamesTool
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The name-matching verbs of `bureau` without Vapor, so that the matcher can be benchmarked and evaluated in a
// release build that takes a minute instead of twenty: `bureau-names names score|search|explain`,
// `bureau-names bench names`. Same arguments, same output as `bureau`.
let words = Array(CommandLine.arguments.dropFirst().prefix(2))
if words.first == "names" {
    exit(NamesTool.run(Array(CommandLine.arguments.dropFirst(2))))
} else if words == ["bench", "names"] {
    exit(NamesTool.bench(Array(CommandLine.arguments.dropFirst(3))))
}
exit(NamesTool.run(["--usage"]))
