import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files only the Bureau's own user may read: the database and the key files.
public enum PrivateFile {
    /// Creates `path` with mode 0600 from the first byte on (`O_CREAT | O_EXCL`, never a wider file
    /// narrowed afterwards), writing `contents`. Returns false if it already exists.
    @discardableResult
    public static func create(atPath path: String, contents: Data = Data()) throws -> Bool {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        if fd < 0 {
            if errno == EEXIST { return false }
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        defer { close(fd) }
        // The umask cannot widen 0600, but may narrow it; make the mode exact.
        fchmod(fd, 0o600)
        try contents.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
                offset += written
            }
        }
        return true
    }
}

/// Key custody: a key file readable by anyone but its owner is refused, by the server and every command,
/// before its bytes are used — a key others could read must be taken as known to them.
public enum KeyFile {
    public struct TooOpen: Error, CustomStringConvertible {
        public var path: String
        public var mode: Int
        public var description: String {
            "key file \(path) is readable by group or others (mode \(String(mode, radix: 8))); "
                + "Bureau refuses to use it. Check who could have copied it, then run: chmod 600 \(path)"
        }
    }

    /// The file's permission bits.
    public static func mode(atPath path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int(info.st_mode) & 0o777
    }

    /// Reads a key file after checking it is 0600 (or stricter).
    public static func read(_ url: URL) throws -> Data {
        if let mode = mode(atPath: url.path), mode & 0o077 != 0 {
            throw TooOpen(path: url.path, mode: mode)
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw StoreError.fieldKey("cannot read \(url.path)")
        }
        return data
    }
}
