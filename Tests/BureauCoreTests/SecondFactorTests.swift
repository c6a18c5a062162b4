import BureauCore
import Foundation
import Testing

@Suite struct SecondFactorTests {
    /// RFC 6238 Appendix B, SHA-1 rows: the 20-byte ASCII seed "12345678901234567890", eight digits.
    static let vectors: [(TimeInterval, String)] = [
        (59, "94287082"), (1_111_111_109, "07081804"), (1_111_111_111, "14050471"),
        (1_234_567_890, "89005924"), (2_000_000_000, "69279037"), (20_000_000_000, "65353130"),
    ]

    @Test(arguments: vectors) func rfc6238AppendixBSHA1(time: TimeInterval, expected: String) {
        let totp = TOTP(secret: Array("12345678901234567890".utf8), digits: 8)
        #expect(totp.code(at: Date(timeIntervalSince1970: time)) == expected)
    }

    @Test func sixDigitCodesAreTheLastSixOfTheSameValue() {
        let totp = TOTP(secret: Array("12345678901234567890".utf8))
        #expect(totp.code(at: Date(timeIntervalSince1970: 59)) == "287082")
        #expect(totp.code(at: Date(timeIntervalSince1970: 1_111_111_109)) == "081804")
    }

    @Test func aCodeCountsOneStepEitherSideAndNeverTwice() {
        let totp = TOTP(secret: TOTP.randomSecret())
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let step = TOTP.step(at: now)
        #expect(totp.verify(totp.code(atStep: step), at: now, lastUsedStep: nil) == step)
        #expect(totp.verify(totp.code(atStep: step - 1), at: now, lastUsedStep: nil) == step - 1)
        #expect(totp.verify(totp.code(atStep: step + 1), at: now, lastUsedStep: nil) == step + 1)
        #expect(totp.verify(totp.code(atStep: step - 2), at: now, lastUsedStep: nil) == nil, "90 s old")
        #expect(totp.verify(totp.code(atStep: step + 2), at: now, lastUsedStep: nil) == nil)
        #expect(totp.verify(totp.code(atStep: step), at: now, lastUsedStep: step) == nil, "a used step is refused")
        #expect(totp.verify(totp.code(atStep: step - 1), at: now, lastUsedStep: step) == nil, "so is an older one")
        #expect(totp.verify(totp.code(atStep: step + 1), at: now, lastUsedStep: step) == step + 1)
        #expect(totp.verify("12345", at: now, lastUsedStep: nil) == nil)
        #expect(totp.verify("abcdef", at: now, lastUsedStep: nil) == nil)
        #expect(totp.verify("١٢٣٤٥٦", at: now, lastUsedStep: nil) == nil, "only ASCII digits")
    }

    @Test func base32RoundTripsAndMatchesRFC4648() {
        #expect(Base32.encode(Array("foobar".utf8)) == "MZXW6YTBOI")
        #expect(Base32.encode(Array("12345678901234567890".utf8)) == "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")
        #expect(Base32.decode("mzxw 6ytb-oi") == Array("foobar".utf8))
        #expect(Base32.decode("MZXW1") == nil, "1 is not in the alphabet")
        let secret = TOTP.randomSecret()
        #expect(secret.count == 20)
        #expect(Base32.decode(Base32.encode(secret)) == secret)
    }

    @Test func theProvisioningURISpellsOutTheSettings() {
        let uri = TOTP(secret: Array("12345678901234567890".utf8)).provisioningURI(account: "lo.kovalenko", issuer: "Bureau")
        #expect(uri == "otpauth://totp/Bureau%3Alo.kovalenko?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Bureau"
                + "&algorithm=SHA1&digits=6&period=30")
    }

    @Test func recoveryCodesAreTenDistinctAndHashedNormalised() {
        let codes = RecoveryCodes.generate()
        #expect(codes.count == 10 && Set(codes).count == 10)
        #expect(codes.allSatisfy { RecoveryCodes.looksLikeRecoveryCode($0) && $0.count == 11 })
        let code = codes[0]
        #expect(RecoveryCodes.digest(code.uppercased().replacingOccurrences(of: "-", with: " ")) == RecoveryCodes.digest(code))
        #expect(RecoveryCodes.digest(code) != code)
        #expect(!RecoveryCodes.looksLikeRecoveryCode("123456"))
    }

    @Test func thePolicyNamesRolesOrNone() throws {
        #expect(SecondFactorPolicy().requiredRoles == [.administrator, .approver, .legalOfficer])
        #expect(try SecondFactorPolicy.parse("registrar, approver").get().requiredRoles == [.registrar, .approver])
        #expect(try SecondFactorPolicy.parse("none").get().requiredRoles.isEmpty)
        #expect(throws: SecondFactorPolicy.UnknownRoles.self) { try SecondFactorPolicy.parse("admin").get() }
    }
}
