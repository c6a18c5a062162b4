import NameMatching
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `bureau names …` and `bureau bench names` verbs as plain functions: they read stdin, write stdout and
/// stderr, and return the process exit code. The `bureau` executable only forwards its arguments.
public enum NamesTool {
    /// Runs `bureau names <verb> …` with the arguments after `names`.
    public static func run(_ arguments: [String]) -> Int32 {
        guard let verb = arguments.first else {
            IO.err(usage)
            return 2
        }
        let rest = Array(arguments.dropFirst())
        switch verb {
        case "score": return score(rest)
        case "search": return search(rest)
        case "explain": return explain(rest)
        case "-h", "--help", "help":
            IO.out(usage + "\n")
            IO.flush()
            return 0
        default:
            IO.err("unknown verb '\(verb)'\n" + usage)
            return 2
        }
    }

    static let usage = """
        usage: bureau names score                          stdin id<TAB>name_a<TAB>name_b → id<TAB>score<TAB>match
               bureau names search --registry REG.tsv --top K  REG id<TAB>name, stdin qid<TAB>name → qid<TAB>rank<TAB>id<TAB>score
               bureau names explain NAME_A NAME_B         prints the score and its explanation
               bureau bench names [--size N]              synthetic benchmark
        """

    static func explain(_ args: [String]) -> Int32 {
        guard args.count == 2 else {
            IO.err("usage: bureau names explain NAME_A NAME_B\n")
            return 2
        }
        let s = NameMatcher().score(args[0], args[1])
        IO.out(s.explanationText + "\n")
        IO.flush()
        return 0
    }

    /// Parses `--flag value` options; returns nil (after printing) on an unknown flag.
    static func options(_ args: [String], allowed: Set<String>) -> [String: String]? {
        var out: [String: String] = [:]
        var k = 0
        while k < args.count {
            let a = args[k]
            guard allowed.contains(a), k + 1 < args.count else {
                IO.err("unexpected argument '\(a)'\n" + usage)
                return nil
            }
            out[a] = args[k + 1]
            k += 2
        }
        return out
    }
}
