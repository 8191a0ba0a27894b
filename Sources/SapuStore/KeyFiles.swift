import Foundation
import SapuCore

#if canImport(Glibc)
import Glibc
#endif

/// The site's key files beside its database: `CODE.key` (private, owner-only) and `CODE.pub`.
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

    /// Writes a new site's first key; refuses to overwrite an existing private key.
    public func create(_ key: SigningKey) throws(SapuError) {
        if FileManager.default.fileExists(atPath: privatePath) { throw .keyFileExists(path: privatePath) }
        try Self.writeOwnerOnly(SigningKey.keyFile([key]), to: privatePath, exclusive: true)
        try Self.writePublic(try KeyRing([key.publicKey]).keyFile, to: publicPath)
    }

    /// Every private key, oldest first; the last signs new labels.
    public func signingKeys() throws(SapuError) -> [SigningKey] {
        guard FileManager.default.fileExists(atPath: privatePath) else { throw .keyMissing(path: privatePath) }
        guard let data = FileManager.default.contents(atPath: privatePath),
              let text = String(data: data, encoding: .utf8) else { throw .keyUnreadable(path: privatePath) }
        let keys = try SigningKey.keys(fromKeyFile: text, path: privatePath)
        guard !keys.isEmpty else { throw .keyUnreadable(path: privatePath) }
        return keys
    }

    /// Replaces both files after a rotation; each write is atomic.
    public func replace(with keys: [SigningKey]) throws(SapuError) {
        try Self.writeOwnerOnly(SigningKey.keyFile(keys), to: privatePath, exclusive: false)
        try Self.writePublic(try KeyRing(keys.map(\.publicKey)).keyFile, to: publicPath)
    }

    /// Writes a file readable by its owner only, via a temporary file renamed into place.
    private static func writeOwnerOnly(_ text: String, to path: String, exclusive: Bool) throws(SapuError) {
        let temporary = path + ".tmp"
        unlink(temporary)
        let fd = Glibc.open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .fileUnwritable(path: path) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd) == 0
        Glibc.close(fd)
        guard written == bytes.count, synced else {
            unlink(temporary)
            throw .fileUnwritable(path: path)
        }
        if exclusive {
            // link() fails if the target exists: never overwrite a key we did not read.
            guard link(temporary, path) == 0 else {
                unlink(temporary)
                throw errno == EEXIST ? .keyFileExists(path: path) : .fileUnwritable(path: path)
            }
            unlink(temporary)
        } else if rename(temporary, path) != 0 {
            unlink(temporary)
            throw .fileUnwritable(path: path)
        }
    }

    private static func writePublic(_ text: String, to path: String) throws(SapuError) {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .fileUnwritable(path: path)
        }
    }
}
