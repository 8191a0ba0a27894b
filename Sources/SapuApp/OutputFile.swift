import Foundation
import SapuCore
import SapuStore

#if canImport(Glibc)
import Glibc
#endif

/// Writes one file a user named with `--out`.
public enum OutputFile {
    /// Replaces a regular file (or a new name) atomically and durably; writes into anything else that
    /// exists, such as `/dev/stdout` or a pipe, instead of replacing it.
    ///
    /// An atomic write renames a new file over the name: given `/dev/stdout` by a user
    /// running as root, it would have replaced the system's device with a regular file.
    public static func write(_ bytes: [UInt8], to path: String) throws(SapuError) {
        var status = stat()
        if stat(path, &status) == 0, (status.st_mode & S_IFMT) != S_IFREG {
            guard (status.st_mode & S_IFMT) != S_IFDIR else { throw .fileUnwritable(path: path) }
            let fd = Glibc.open(path, O_WRONLY | O_TRUNC | O_CLOEXEC)
            guard fd >= 0 else { throw .fileUnwritable(path: path) }
            defer { Glibc.close(fd) }
            guard DurableFile.writeAll(fd, bytes) else { throw .fileUnwritable(path: path) }
            return
        }
        // A regular file or a new name: temporary, synced, renamed; a killed run's temporary
        // is removed by the next run in that folder.
        try OutputDirectory.write(bytes, toFile: path)
    }
}
