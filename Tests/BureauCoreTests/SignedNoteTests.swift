import BureauCore
import Foundation
import Testing

/// c2sp.org/signed-note, tlog-checkpoint, tlog-cosignature and tlog-proof, as an outside verifier reads them.
@Suite struct SignedNoteTests {
    static let logKey = Data(repeating: 7, count: 32)
    static let witnessKey = Data(repeating: 9, count: 32)

    /// The example of c2sp.org/signed-note: its verifier key verifies its note.
    @Test func theSpecificationsExampleVerifies() throws {
        let vkey = try NoteVerifier(vkey: "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k")
        let note = try SignedNote.parse("This is an example message.\n\n\u{2014} example.com/foo "
            + "Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n")
        #expect(note.text == "This is an example message.\n")
        #expect(vkey.check(note.signatures[0], over: note)?.valid == true)
        #expect(vkey.vkey == "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k")
        var altered = note
        altered.text = "This is an example message!\n"
        #expect(vkey.check(note.signatures[0], over: altered)?.valid == false)
        #expect(throws: NoteError.self) { try NoteVerifier(vkey: "example.com/foo+530d903b+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k") }
    }

    /// Base64 key data may hold "+": a verifier key splits only at its first two.
    @Test func verifierKeysWithAPlusInTheirKeyDataParse() throws {
        var found = 0
        for seed in 0..<64 where found < 3 {
            let signer = try NoteSigner(name: "bureau.example/audit", rawPrivateKey: Data(repeating: UInt8(seed), count: 32))
            let vkey = signer.verifier.vkey
            guard vkey.split(separator: "+").count > 3 else { continue }
            found += 1
            #expect(try NoteVerifier(vkey: vkey) == signer.verifier)
        }
        #expect(found > 0)
    }

    @Test func checkpointsRoundTripAndWitnessesCosign() throws {
        let log = try NoteSigner(name: "bureau.example/audit", rawPrivateKey: Self.logKey)
        let witness = try NoteSigner(name: "icrc.example/witness", rawPrivateKey: Self.witnessKey)
        let checkpoint = Checkpoint(origin: "bureau.example/audit", size: 8, root: Data(repeating: 1, count: 32))
        var note = try checkpoint.signed(by: log)
        #expect(note.encoded.hasPrefix("bureau.example/audit\n8\nAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=\n\n\u{2014} bureau.example/audit "))
        note.signatures.append(try witness.cosign(note.text, time: 1_767_225_600))
        let cosigner = NoteVerifier(name: witness.name, type: NoteVerifier.cosignatureV1, publicKey: witness.verifier.publicKey)
        let verified = try Checkpoint.verify(note.encoded, log: log.verifier, witnesses: [cosigner])
        #expect(verified.checkpoint == checkpoint)
        #expect(verified.witnesses == ["icrc.example/witness": 1_767_225_600])
        // An unknown witness is ignored; a known one whose cosignature fails rejects the note.
        #expect(try Checkpoint.verify(note.encoded, log: log.verifier).witnesses.isEmpty)
        let edited = note.encoded.replacingOccurrences(of: "\n8\n", with: "\n9\n")
        #expect(throws: NoteError.self) { try Checkpoint.verify(edited, log: log.verifier) }
        let other = try NoteSigner(name: "bureau.example/audit", rawPrivateKey: Data(repeating: 3, count: 32))
        #expect(throws: NoteError.self) { try Checkpoint.verify(note.encoded, log: other.verifier) }
        #expect(throws: NoteError.self) { try Checkpoint(text: "o\n08\nAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=\n") }
    }

    @Test func anInclusionProofVerifiesOfflineAndFailsOnAnyChangedByte() throws {
        let log = try NoteSigner(name: "bureau.example/audit", rawPrivateKey: Self.logKey)
        let entries = AuditChainTests.chain(13)
        var builder = MerkleBuilder()
        var nodes: [MerkleNode: Data] = [:]
        for (index, entry) in entries.enumerated() {
            let leaf = AuditChain.leafHash(of: entry)
            nodes[MerkleNode(level: 0, index: Int64(index))] = leaf
            for (node, hash) in builder.append(leafHash: leaf) { nodes[node] = hash }
        }
        let checkpoint = try Checkpoint(origin: log.name, size: 13, root: builder.root).signed(by: log).encoded
        let entry = entries[4]
        let proof = TlogProof(entryBytes: AuditChain.canonicalEncoding(of: entry), index: 4,
                              path: try MerkleTree.inclusionProof(index: 4, size: 13) { nodes[$0]! }, checkpoint: checkpoint)
        let text = proof.encoded
        #expect(text.hasPrefix("c2sp.org/tlog-proof@v1\nextra "))
        let verified = try TlogProof(parsing: text).verify(log: log.verifier)
        #expect(verified.entry == entry)
        #expect(try AuditChain.decodeCanonical(AuditChain.canonicalEncoding(of: entry)) == entry)
        // Flip one bit of every byte in turn: the proof never verifies.
        let bytes = Array(text.utf8)
        for position in bytes.indices where bytes[position] != 0x0A {
            var changed = bytes
            changed[position] ^= 0x01
            let altered = String(decoding: changed, as: UTF8.self)
            guard altered != text else { continue }
            #expect(throws: NoteError.self, "byte \(position)") { try TlogProof(parsing: altered).verify(log: log.verifier) }
        }
    }
}
