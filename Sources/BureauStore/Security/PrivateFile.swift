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
