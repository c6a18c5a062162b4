import Crypto
import Foundation

/// Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP): HMAC-SHA-1, 30-second steps.
///
/// Six digits for sign-in; the RFC's own test vectors use eight, so `digits` is a parameter.
public struct TOTP: Sendable {
    public static let period: TimeInterval = 30
    /// Steps either side of now that still count, for clocks a little apart (RFC 6238 §5.2).
    public static let window: Int64 = 1
    /// 160 bits, the size RFC 4226 recommends for SHA-1.
    public static let secretLength = 20

    public let secret: [UInt8]
    public let digits: Int

    public init(secret: [UInt8], digits: Int = 6) {
        self.secret = secret
        self.digits = digits
    }

    public static func step(at date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 / period).rounded(.down))
    }

    /// The HOTP value for counter `step` (RFC 4226 §5.3: dynamic truncation).
    public func code(atStep step: Int64) -> String {
        var counter = UInt64(bitPattern: step).bigEndian
        let message = withUnsafeBytes(of: &counter) { Data($0) }
        let mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: SymmetricKey(data: secret)))
        let offset = Int(mac[mac.count - 1] & 0x0f)
        let binary = (UInt32(mac[offset] & 0x7f) << 24) | (UInt32(mac[offset + 1]) << 16)
            | (UInt32(mac[offset + 2]) << 8) | UInt32(mac[offset + 3])
        var modulus: UInt32 = 1
        for _ in 0..<digits { modulus *= 10 }
        let value = String(binary % modulus)
        return String(repeating: "0", count: max(0, digits - value.count)) + value
    }

    public func code(at date: Date) -> String {
        code(atStep: Self.step(at: date))
    }

    /// The step `code` belongs to, if it is valid now (±1 step) and newer than `lastUsedStep`:
    /// a code once used is refused, even within its own 30 seconds, so an observed code cannot be replayed.
    public func verify(_ code: String, at date: Date, lastUsedStep: Int64?) -> Int64? {
        let typed = code.filter { !$0.isWhitespace }
        guard typed.count == digits, typed.allSatisfy(\.isASCII), typed.allSatisfy(\.isNumber) else { return nil }
        let now = Self.step(at: date)
        var matched: Int64?
        // Check every step of the window, so the time taken does not tell which one matched.
        for step in (now - Self.window)...(now + Self.window) {
            if ConstantTime.equal(self.code(atStep: step), typed), step > (lastUsedStep ?? .min), matched == nil {
                matched = step
            }
        }
        return matched
    }

    public static func randomSecret() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<secretLength).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    /// The `otpauth://` URI authenticator apps read (Key Uri Format), with the defaults spelled out.
    public func provisioningURI(account: String, issuer: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let label = "\(issuer):\(account)".addingPercentEncoding(withAllowedCharacters: allowed) ?? account
        let issuerItem = issuer.addingPercentEncoding(withAllowedCharacters: allowed) ?? issuer
        return "otpauth://totp/\(label)?secret=\(Base32.encode(secret))&issuer=\(issuerItem)"
            + "&algorithm=SHA1&digits=\(digits)&period=\(Int(Self.period))"
    }
}

/// Comparison whose time does not depend on where two strings first differ.
public enum ConstantTime {
    public static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }
}
