import Foundation
import SapuCore

#if canImport(Glibc)
import Glibc
#endif

/// The site's key files beside its database: `CODE.key` (private, owner-only) and `CODE.pub`.
///
/// Every replacement is durable and atomic: a hidden temporary file (`.CODE.key.tmp`) is
/// written, synced, renamed over the file and the directory synced, so after a crash the
/// file holds either its old or its new content. A killed run can leave the temporary
/// file behind; `removeTemporaryFiles()` clears it.
public struct KeyFiles: Sendable {
    public let directory: String
    public let site: String

    public init(databasePath: String, site: String) {
        self.directory = (databasePath as NSString).deletingLastPathComponent.isEmpty
            ? "." : (databasePath as NSString).deletingLastPathComponent
        self.site = site
    }

    public var privatePath: String { directory + "/" + site + ".key" }
    public var publicPath: String { directory + "/" + site + ".pub" }
    /// Serialises rotations of this site's keys.
    var lockPath: String { directory + "/" + site + ".key.lock" }

    private var temporaryPaths: [String] {
        [directory + "/." + site + ".key.tmp", directory + "/." + site + ".pub.tmp"]
    }

    /// Writes a new site's private key file holding `key`, owner-only from its first byte;
    /// refuses to replace an existing private key file (the name appears by `link`, which
    /// fails rather than replace).
    public func createPrivate(_ key: SigningKey) throws(SapuError) {
        if FileManager.default.fileExists(atPath: privatePath) { throw .keyFileExists(path: privatePath) }
        try Self.write(SigningKey.keyFile([key]), to: privatePath, temporary: temporaryPaths[0], mode: 0o600, exclusive: true)
    }

    /// True when a private key file exists (readable or not).
    public var privateFileExists: Bool {
        var info = stat()
        return lstat(privatePath, &info) == 0
    }

    /// Every private key in the file, oldest first.
    ///
    /// Refuses, as ssh does, a file that group or others may read or write: a key others
    /// could have read or replaced proves nothing (`keyFilePermissions`, whose message gives
    /// the `chmod 600` to run). The mode is checked on the open file, not on the name.
    public func signingKeys() throws(SapuError) -> [SigningKey] {
        let fd = Glibc.open(privatePath, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw errno == ENOENT ? .keyMissing(path: privatePath) : .keyUnreadable(path: privatePath)
        }
        defer { Glibc.close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { throw .keyUnreadable(path: privatePath) }
        guard status.st_mode & 0o077 == 0 else { throw .keyFilePermissions(path: privatePath) }
        // A key file is a few lines; anything much larger is not one.
        guard status.st_size <= 1 << 20, let bytes = Self.readAll(fd),
              let text = String(validating: bytes, as: UTF8.self) else { throw .keyUnreadable(path: privatePath) }
        let keys = try SigningKey.keys(fromKeyFile: text, path: privatePath)
        guard !keys.isEmpty else { throw .keyUnreadable(path: privatePath) }
        return keys
    }

    /// The keys in the public key file, or nil when it is missing or unreadable.
    public func publicKeys() -> KeyRing? {
        guard let data = FileManager.default.contents(atPath: publicPath),
              let text = String(data: data, encoding: .utf8) else { return nil }
        return try? KeyRing(keyFile: text, path: publicPath)
    }

    /// Replaces the private key file (owner-only), durably.
    public func writePrivate(_ keys: [SigningKey]) throws(SapuError) {
        try Self.write(SigningKey.keyFile(keys), to: privatePath, temporary: temporaryPaths[0], mode: 0o600, exclusive: false)
    }

    /// Replaces the public key file (readable by all), durably.
    public func writePublic(_ ring: KeyRing) throws(SapuError) {
        try Self.write(ring.keyFile, to: publicPath, temporary: temporaryPaths[1], mode: 0o644, exclusive: false)
    }

    /// Removes the private key file (a key that no database registers), durably.
    public func removePrivateFile() {
        unlink(privatePath)
        _ = DurableFile.syncDirectory(containing: privatePath)
    }

    /// Removes what a killed write left behind.
    public func removeTemporaryFiles() {
        for path in temporaryPaths { unlink(path) }
    }

    /// Runs `body` holding an exclusive lock on `CODE.key.lock`, so two rotations never interleave.
    public func withRotationLock<T>(_ body: () throws(SapuError) -> T) throws(SapuError) -> T {
        let fd = Glibc.open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .fileUnwritable(path: lockPath) }
        defer { Glibc.close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { throw .fileUnwritable(path: lockPath) }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    // MARK: Durable writes

    /// Writes `text` to a temporary file created with `mode`, syncs it, moves it into place
    /// (`link` when `exclusive`, which fails rather than replace an existing file) and
    /// syncs the directory, so the new name survives a power cut.
    private static func write(_ text: String, to path: String, temporary: String, mode: mode_t,
                              exclusive: Bool) throws(SapuError) {
        unlink(temporary)
        guard DurableFile.create(temporary, bytes: Array(text.utf8), mode: mode, exclusive: true) else {
            unlink(temporary)
            throw .fileUnwritable(path: path)
        }
        if exclusive {
            guard link(temporary, path) == 0 else {
                let error = errno
                unlink(temporary)
                throw error == EEXIST ? .keyFileExists(path: path) : .fileUnwritable(path: path)
            }
            unlink(temporary)
        } else if rename(temporary, path) != 0 {
            unlink(temporary)
            throw .fileUnwritable(path: path)
        }
        guard DurableFile.syncDirectory(containing: path) else { throw .fileUnwritable(path: path) }
    }


    private static func readAll(_ fd: Int32) -> [UInt8]? {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { return bytes }
            bytes += buffer[..<count]
            if bytes.count > 1 << 20 { return nil }
        }
    }
}
