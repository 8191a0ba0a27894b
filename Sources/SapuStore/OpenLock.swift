import Foundation
import SapuCore

#if canImport(Glibc)
import Glibc
#endif

/// `PATH.lock` beside the database.
///
/// Held exclusively while a process opens the database (and migrates it or finishes an
/// interrupted shipment closing), while it closes a shipment, and while a backup is
/// restored: none of these may interleave with another. A process that can only read
/// takes it shared, and goes without when there is no lock file it could open.
enum OpenLock {
    static func holding<T>(_ path: String, exclusive: Bool, _ body: () throws(SapuError) -> T) throws(SapuError) -> T {
        let lockPath = path + ".lock"
        var fd = exclusive ? Glibc.open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644) : -1
        // flock works on a descriptor opened for reading: a lock file made by another user still serves.
        if fd < 0 { fd = Glibc.open(lockPath, O_RDONLY | O_CLOEXEC) }
        guard fd >= 0 else {
            if !exclusive { return try body() }
            throw errno == EACCES || errno == EROFS ? .databaseUnwritable(path: path) : .fileUnwritable(path: lockPath)
        }
        defer { Glibc.close(fd) }
        while flock(fd, exclusive ? LOCK_EX : LOCK_SH) != 0 {
            guard errno == EINTR else { throw .fileUnwritable(path: lockPath) }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    /// Another process that has the database open, if any: its pid.
    ///
    /// Every SQLite connection to a WAL database holds a shared lock on byte 128 of the
    /// `-shm` file (the "DMS" lock of the WAL-index format, sqlite.org/walformat.html) for
    /// as long as it is open. `F_GETLK` asks who holds it without taking anything; it never
    /// reports this process's own locks, and this process must have no connection open.
    static func otherProcessUsing(_ path: String) -> Int? {
        let fd = Glibc.open(path + "-shm", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { Glibc.close(fd) }
        var lock = flock()
        lock.l_type = Int16(F_WRLCK)
        lock.l_whence = Int16(SEEK_SET)
        lock.l_start = 128
        lock.l_len = 1
        guard fcntl(fd, F_GETLK, &lock) == 0, lock.l_type != Int16(F_UNLCK) else { return nil }
        return Int(lock.l_pid)
    }
}
