import Crypto
import Foundation

/// One-time recovery codes for a lost authenticator: ten per enrolment, each usable once.
///
/// Ten characters from a 32-letter alphabet without look-alikes (50 bits each) are too many to guess
/// within the lockout, so a plain SHA-256 digest is enough to keep them unreadable in the database.
public enum RecoveryCodes {
    public static let count = 10
    static let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")

    /// `count` fresh codes, shown once as `xxxxx-xxxxx`.
    public static func generate(count: Int = RecoveryCodes.count) -> [String] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in
            let letters = (0..<10).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
            return String(letters[0..<5]) + "-" + String(letters[5..<10])
        }
    }

    /// The typed code without spaces and dashes, lower case: what is hashed and compared.
    public static func normalise(_ typed: String) -> String {
        String(typed.lowercased().filter { !$0.isWhitespace && $0 != "-" })
    }

    /// Looks like a recovery code rather than a six-digit authenticator code.
    public static func looksLikeRecoveryCode(_ typed: String) -> Bool {
        let code = normalise(typed)
        return code.count == 10 && code.allSatisfy { alphabet.contains($0) }
    }

    public static func digest(_ typed: String) -> String {
        SHA256.hash(data: Data(normalise(typed).utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
