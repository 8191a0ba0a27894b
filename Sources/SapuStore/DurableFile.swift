import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The few system calls every crash-safe write in Sapu is made of: write every byte, sync
/// the file, sync the folder that names it. One copy, so that a fix reaches every writer
/// (key files, shipment documents, the partner's state file, files written for the user).
public enum DurableFile {
    /// Writes every byte to `fd`, retrying after a signal and a short write.
    public static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            offset += count
        }
        return true
    }

    /// Creates `path` with exactly `mode` (the umask is undone), or truncates a leftover of
    /// that name unless `exclusive`, writes `bytes` and syncs them.
    public static func create(_ path: String, bytes: [UInt8], mode: mode_t = 0o644, exclusive: Bool = false) -> Bool {
        let fd = Glibc.open(path, O_WRONLY | O_CREAT | (exclusive ? O_EXCL : O_TRUNC) | O_CLOEXEC, mode)
        guard fd >= 0 else { return false }
        defer { Glibc.close(fd) }
        return fchmod(fd, mode) == 0 && writeAll(fd, bytes) && fsync(fd) == 0
    }

    /// Syncs a file that is already written (a temporary from an earlier run, a database copy).
    public static func sync(_ path: String) -> Bool {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { Glibc.close(fd) }
        return fsync(fd) == 0
    }

    /// Syncs a folder, so that names created, renamed or removed in it survive a power cut.
    public static func syncDirectory(_ directory: String) -> Bool {
        let fd = Glibc.open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { Glibc.close(fd) }
        return fsync(fd) == 0
    }

    /// Syncs the folder that holds `path`.
    public static func syncDirectory(containing path: String) -> Bool {
        syncDirectory((path as NSString).deletingLastPathComponent)
    }
}
