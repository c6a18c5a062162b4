@testable import BureauCore
import Crypto
import Foundation
import Testing

/// The backup container: round trips at every chunk boundary, and every way of altering a file fails.
@Suite struct BackupStreamTests {
    static func encrypt(_ payload: Data, to recipient: Curve25519.KeyAgreement.PublicKey, pieces: Int = 7) throws -> Data {
        var out = Data()
        let writer = try BackupWriter(recipient: recipient) { out += $0 }
        var offset = 0
        let step = max(1, payload.count / pieces)
        while offset < payload.count {
            try writer.write(payload[offset..<min(offset + step, payload.count)])
            offset += step
        }
        try writer.finish()
        return out
    }

    static func decrypt(_ file: Data, with identity: Curve25519.KeyAgreement.PrivateKey) throws -> Data {
        var offset = 0
        let reader = try BackupReader(identity: identity) { count in
            let piece = file[offset..<min(offset + count, file.count)]
            offset += piece.count
            return Data(piece)
        }
        var plain = Data()
        while true {
            let piece = try reader.read(100_000)
            if piece.isEmpty { break }
            plain += piece
        }
        #expect(try reader.atEnd())
        return plain
    }

    @Test(arguments: [0, 1, BackupStream.chunkSize - 1, BackupStream.chunkSize, BackupStream.chunkSize + 1,
                      3 * BackupStream.chunkSize, 200_000])
    func roundTrip(_ size: Int) throws {
        let identity = Curve25519.KeyAgreement.PrivateKey()
        let payload = Data((0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let file = try Self.encrypt(payload, to: identity.publicKey)
        #expect(try Self.decrypt(file, with: identity) == payload)
    }

    @Test func everyAlterationFails() throws {
        let identity = Curve25519.KeyAgreement.PrivateKey()
        let payload = Data((0..<(3 * BackupStream.chunkSize + 10)).map { UInt8(truncatingIfNeeded: $0) })
        let file = try Self.encrypt(payload, to: identity.publicKey)
        let cipherChunk = BackupStream.chunkSize + 16
        // One flipped bit anywhere: header, ephemeral key, salt, a chunk, a tag.
        for position in [0, 20, 30, 60, BackupStream.headerSize + 5, BackupStream.headerSize + cipherChunk + 100, file.count - 1] {
            var altered = file
            altered[position] ^= 0x04
            #expect(throws: (any Error).self, "byte \(position)") { try Self.decrypt(altered, with: identity) }
        }
        // Cut at a chunk boundary: the last chunk left is not marked final.
        let cut = file.prefix(BackupStream.headerSize + 2 * cipherChunk)
        #expect(throws: BackupStream.Failure.truncated) { try Self.decrypt(Data(cut), with: identity) }
        // Two chunks swapped.
        var swapped = file
        let first = BackupStream.headerSize
        let a = file[first..<first + cipherChunk], b = file[first + cipherChunk..<first + 2 * cipherChunk]
        swapped.replaceSubrange(first..<first + 2 * cipherChunk, with: b + a)
        #expect(throws: BackupStream.Failure.damaged(chunk: 0)) { try Self.decrypt(swapped, with: identity) }
        // Data appended after the final chunk.
        #expect(throws: (any Error).self) { try Self.decrypt(file + Data(repeating: 1, count: 40), with: identity) }
        // Another identity is named as such.
        let stranger = Curve25519.KeyAgreement.PrivateKey()
        #expect(throws: (any Error).self) { try Self.decrypt(file, with: stranger) }
        do { _ = try Self.decrypt(file, with: stranger) } catch { #expect("\(error)".contains("wrong identity")) }
    }

    @Test func keysRoundTripAndAreNotConfused() throws {
        let key = Curve25519.KeyAgreement.PrivateKey()
        let identity = BackupKeys.identityText(key)
        let recipient = BackupKeys.recipientText(key.publicKey)
        #expect(try BackupKeys.parseIdentity(identity).rawRepresentation == key.rawRepresentation)
        #expect(try BackupKeys.parseRecipient(recipient).rawRepresentation == key.publicKey.rawRepresentation)
        #expect(throws: BackupKeys.Invalid.self) { try BackupKeys.parseRecipient(identity) }
        #expect(throws: BackupKeys.Invalid.self) { try BackupKeys.parseIdentity(recipient) }
        #expect(throws: BackupKeys.Invalid.self) { try BackupKeys.parseIdentity("BUREAU-BACKUP-IDENTITY-1:short") }
    }
}
