import Dispatch
import Foundation
import SapuCore
import SapuStore
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Writes a command's files so that either all of them appear or none do.
///
/// Files are written as `.NAME.TOKEN.tmp` and renamed into place together. Each run holds
/// an exclusive `flock` on its own lock file `.sapu-run.TOKEN.lock` from before its first
/// temporary file is made until the last one is renamed or removed. A run killed in
/// between leaves its temporaries and lock file behind, with no lock held (the kernel drops
/// a dead process's locks): the next run in the directory takes that lock, removes the
/// `.NAME.TOKEN.tmp` files of that token and the lock file. A live run's lock cannot be
/// taken, so its files are never touched, and no other file is (docs/database.md).
public struct OutputDirectory {
    public let path: String

    /// The directory, created if missing; refused if it cannot be written.
    public init(_ path: String) throws(SapuError) {
        self.path = path
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw .fileUnwritable(path: path)
            }
        } else if !isDirectory.boolValue {
            throw .fileUnwritable(path: path)
        }
        guard FileManager.default.isWritableFile(atPath: path) else { throw .fileUnwritable(path: path) }
    }

    /// Files written under temporary names, not yet visible under their real ones.
    public struct Staged: Sendable {
        public var temporary: [String]
        public var final: [String]
        /// Held until every temporary is renamed or removed.
        let run: RunLock
    }

    /// Writes every file under its temporary name and syncs it; nothing is visible yet.
    ///
    /// - Parameter userNamed: the names were typed by the user (`--out FILE`): any single
    ///   file name is taken. Otherwise they are built from codes and must be safe names.
    public func stage(_ files: [(name: String, bytes: [UInt8])], userNamed: Bool = false,
                      progress: WorkProgress = .silent) throws(SapuError) -> Staged {
        if userNamed {
            if let bad = files.first(where: { !Self.isSingleName($0.name) }) { throw .fileUnwritable(path: bad.name) }
        } else {
            try Self.checkNames(files.map(\.name))
        }
        for name in files.map(\.name) {
            // A directory in the way would fail the rename after the others went in.
            var info = stat()
            let target = (path as NSString).appendingPathComponent(name)
            if lstat(target, &info) == 0, info.st_mode & S_IFMT != S_IFREG, info.st_mode & S_IFMT != S_IFLNK {
                throw .fileUnwritable(path: target)
            }
        }
        let run = try RunLock(directory: path)
        RunLock.removeAbandoned(in: path, except: run.token)
        let final = files.map { (path as NSString).appendingPathComponent($0.name) }
        let temporary = files.map { (path as NSString).appendingPathComponent(".\($0.name).\(run.token).tmp") }
        // Thousands of label files: the file system work overlaps on every core.
        let failed = Mutex<Int?>(nil)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            if !DurableFile.create(temporary[index], bytes: files[index].bytes) {
                failed.withLock { $0 = $0 ?? index }
            }
            progress.advance()
        }
        let staged = Staged(temporary: temporary, final: final, run: run)
        if let index = failed.withLock({ $0 }) {
            discard(staged)
            throw .fileUnwritable(path: final[index])
        }
        return staged
    }

    /// Removes the staged files; none of them appears.
    public func discard(_ staged: Staged) {
        for file in staged.temporary { unlink(file) }
        staged.run.release()
    }

    /// Renames the staged files into place and syncs the directory; returns their paths.
    public func commit(_ staged: Staged) throws(SapuError) -> [String] {
        // In order, one after the other: renames are cheap, and a run killed among them has
        // put a prefix of its files in place.
        for index in staged.final.indices where rename(staged.temporary[index], staged.final[index]) != 0 {
            discard(staged)
            throw .fileUnwritable(path: staged.final[index])
        }
        let synced = DurableFile.syncDirectory(path)
        staged.run.release()
        guard synced else { throw .fileUnwritable(path: path) }
        return staged.final
    }

    /// Writes one file the user named (`--out FILE`) the same way: in its folder (created if
    /// missing), under a temporary name, synced, then renamed over any file of that name.
    public static func write(_ bytes: [UInt8], toFile file: String) throws(SapuError) {
        let parent = (file as NSString).deletingLastPathComponent
        let directory = try OutputDirectory(parent.isEmpty ? "." : parent)
        _ = try directory.commit(try directory.stage([((file as NSString).lastPathComponent, bytes)], userNamed: true))
    }

    // MARK: Files

    /// One file name: not empty, not `.` or `..`, no `/` and no NUL.
    private static func isSingleName(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && !name.contains("/") && !name.utf8.contains(0)
    }
}

/// The lock that marks one run's temporary files as alive: `.sapu-run.TOKEN.lock`, held
/// with an exclusive `flock` by the run for as long as its temporaries exist.
final class RunLock: Sendable {
    let token: String
    let lockPath: String
    private let descriptor: Int32
    private let released = Atomic<Bool>(false)

    static let prefix = ".sapu-run."
    static let suffix = ".lock"

    /// Makes and locks a lock file of a fresh token.
    init(directory: String) throws(SapuError) {
        for _ in 0..<16 {
            let token = String(getpid()) + "-" + String(format: "%08x", UInt32.random(in: .min ... .max))
            let lockPath = directory + "/" + Self.prefix + token + Self.suffix
            let fd = Glibc.open(lockPath, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if fd < 0 {
                if errno == EEXIST { continue }
                throw .fileUnwritable(path: directory)
            }
            // Another run may have taken the new file for abandoned and removed it before this
            // one locked it: only a lock on the file that is still at the name counts. A file
            // system without flock (some network shares) gets the files without the lock:
            // nothing is ever removed there, as a later run cannot take that lock either.
            let locked = flock(fd, LOCK_EX | LOCK_NB) == 0 || (errno != EWOULDBLOCK && errno != EINTR)
            if locked, Self.isStillAt(lockPath, fd) {
                self.token = token
                self.lockPath = lockPath
                self.descriptor = fd
                return
            }
            Glibc.close(fd)
        }
        throw .fileUnwritable(path: directory)
    }

    /// Removes the lock file, then lets go of the lock: the run's temporaries are gone by now.
    func release() {
        guard !released.exchange(true, ordering: .acquiringAndReleasing) else { return }
        unlink(lockPath)
        Glibc.close(descriptor)
    }

    /// A run that neither committed nor discarded: its lock goes, its lock file stays, so the
    /// next run removes what it left.
    deinit {
        if !released.load(ordering: .acquiring) { Glibc.close(descriptor) }
    }

    /// Removes the temporaries and lock files of runs that died in `directory`.
    ///
    /// A lock file whose lock can be taken belongs to a run that is gone. Its
    /// `.NAME.TOKEN.tmp` files are removed, then the lock file, while the lock is held.
    static func removeAbandoned(in directory: String, except own: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        let tokens = names.compactMap { name -> Substring? in
            guard name.hasPrefix(prefix), name.hasSuffix(suffix) else { return nil }
            let token = name.dropFirst(prefix.count).dropLast(suffix.count)
            return token.isEmpty || token == own ? nil : token
        }
        guard !tokens.isEmpty else { return }
        var removed = false
        for token in tokens {
            let lockPath = directory + "/" + prefix + token + suffix
            let fd = Glibc.open(lockPath, O_RDWR | O_CLOEXEC | O_NOFOLLOW)
            guard fd >= 0 else { continue }
            defer { Glibc.close(fd) }
            // Held: a live run. Moved or removed meanwhile: someone else dealt with it.
            guard flock(fd, LOCK_EX | LOCK_NB) == 0, isStillAt(lockPath, fd) else { continue }
            let ending = "." + token + ".tmp"
            for name in names where name.hasPrefix(".") && name.hasSuffix(ending) && name.count > ending.count + 1 {
                unlink(directory + "/" + name)
            }
            unlink(lockPath)
            removed = true
        }
        if removed { _ = DurableFile.syncDirectory(directory) }
    }

    /// True when `path` still names the file open as `fd`.
    private static func isStillAt(_ path: String, _ fd: Int32) -> Bool {
        var open = stat()
        var named = stat()
        guard fstat(fd, &open) == 0, lstat(path, &named) == 0 else { return false }
        return open.st_dev == named.st_dev && open.st_ino == named.st_ino
    }
}
