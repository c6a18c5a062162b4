import Foundation

/// What a backup holds, written first inside the encrypted payload: the verifier trusts nothing it
/// did not authenticate, and checks each part against its size and SHA-256 here.
public struct BackupManifest: Codable, Sendable, Equatable {
    public struct Part: Codable, Sendable, Equatable {
        /// `database.sqlite`, `database.pgdump`, or a key file's name in the data folder.
        public var name: String
        public var size: Int64
        /// SHA-256 of the part, lowercase hex.
        public var sha256: String

        public init(name: String, size: Int64, sha256: String) {
            self.name = name
            self.size = size
            self.sha256 = sha256
        }
    }

    public var format: Int
    public var createdAt: Date
    /// `sqlite` or `postgresql`.
    public var database: String
    /// The last migration applied to the database (e.g. `M017_CreateMediaReleases`).
    public var schemaVersion: String
    /// The audit log's size and Merkle root (base64) read just before the snapshot began: the snapshot's
    /// log is this one or an append-only extension of it.
    public var auditSize: Int64
    public var auditRoot: String
    /// The newest signed checkpoint at that moment (a signed note), if any.
    public var checkpoint: String?
    public var parts: [Part]

    public init(createdAt: Date, database: String, schemaVersion: String, auditSize: Int64, auditRoot: String,
                checkpoint: String?, parts: [Part]) {
        self.format = 1
        self.createdAt = createdAt
        self.database = database
        self.schemaVersion = schemaVersion
        self.auditSize = auditSize
        self.auditRoot = auditRoot
        self.checkpoint = checkpoint
        self.parts = parts
    }

    public static let databaseParts: Set<String> = ["database.sqlite", "database.pgdump"]
    /// Only these names may be written into a data folder on restore (never a path from the file).
    public static let keyFiles: Set<String> = ["bureau-field.key", "bureau-field.key.old", "bureau-outbox.key",
                                               "bureau-log.key", "obligation-policy.json"]

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}

/// The payload inside the encryption: the manifest (4-byte big-endian length, JSON), then each part's
/// bytes in manifest order. Sizes come from the authenticated manifest, so no framing can be forged.
public enum BackupArchive {
    public struct Invalid: Error, CustomStringConvertible {
        public var description: String
    }

    /// Writes the manifest and streams every part from its file. `files[name]` is each part's source.
    public static func write(_ manifest: BackupManifest, files: [String: URL], to writer: BackupWriter) throws {
        let json = try BackupManifest.encoder.encode(manifest)
        var length = UInt32(json.count).bigEndian
        try writer.write(Data(bytes: &length, count: 4) + json)
        for part in manifest.parts {
            guard let url = files[part.name] else { throw Invalid(description: "no file for part \(part.name)") }
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            var written: Int64 = 0
            while let piece = try handle.read(upToCount: 1 << 20), !piece.isEmpty {
                try writer.write(piece)
                written += Int64(piece.count)
            }
            guard written == part.size else {
                throw Invalid(description: "\(part.name) changed while the backup was written (\(written) bytes, expected \(part.size))")
            }
        }
        try writer.finish()
    }

    /// Reads the manifest; the caller then calls `extract` for the parts.
    public static func readManifest(from reader: BackupReader) throws -> BackupManifest {
        let lengthBytes = try reader.read(4)
        guard lengthBytes.count == 4 else { throw BackupStream.Failure.truncated }
        let length = lengthBytes.reduce(0) { $0 << 8 | Int($1) }
        guard length > 0, length < 1 << 24 else { throw Invalid(description: "the manifest's length \(length) is implausible") }
        let json = try reader.read(length)
        do {
            let manifest = try BackupManifest.decoder.decode(BackupManifest.self, from: json)
            guard manifest.format == 1 else { throw Invalid(description: "backup format \(manifest.format) is newer than this Bureau") }
            for part in manifest.parts where !BackupManifest.databaseParts.contains(part.name)
                && !BackupManifest.keyFiles.contains(part.name) {
                throw Invalid(description: "the manifest names an unknown part \(part.name)")
            }
            return manifest
        } catch let error as Invalid {
            throw error
        } catch {
            throw Invalid(description: "the manifest cannot be read: \(error)")
        }
    }

    /// Streams every part into `directory` (files created 0600 by `create`), checking each size and
    /// SHA-256, and that nothing follows the last part.
    public static func extract(_ manifest: BackupManifest, from reader: BackupReader, into directory: URL,
                               create: (URL) throws -> FileHandle) throws {
        for part in manifest.parts {
            let url = directory.appendingPathComponent(part.name)
            let handle = try create(url)
            defer { try? handle.close() }
            var hash = SHA256Stream()
            var remaining = part.size
            while remaining > 0 {
                let piece = try reader.read(Int(min(remaining, 1 << 20)))
                guard !piece.isEmpty else { throw BackupStream.Failure.truncated }
                hash.update(piece)
                try handle.write(contentsOf: piece)
                remaining -= Int64(piece.count)
            }
            let digest = hash.finalize()
            guard digest == part.sha256 else {
                throw Invalid(description: "\(part.name): SHA-256 \(digest) differs from the manifest's \(part.sha256)")
            }
        }
        guard try reader.atEnd() else { throw Invalid(description: "data follows the last part the manifest names") }
    }
}
