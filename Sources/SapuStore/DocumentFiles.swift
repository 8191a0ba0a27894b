import Foundation
import SapuCore

#if canImport(Glibc)
import Glibc
#endif

/// Files that must be on disk once a commit says they exist: each is written under a
/// temporary name (`.NAME.TOKEN.tmp`) and synced, renamed into place, and then the
/// directory is synced so that the new names survive a power cut too.
enum DocumentFiles {
    static func temporaryName(_ name: String, token: String) -> String {
        "." + name + "." + token + ".tmp"
    }

    /// The path made absolute against the working directory, `.` and `..` resolved.
    static func absolute(_ path: String) -> String {
        ((path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path) as NSString).standardizingPath
    }

    /// The directory as an absolute path, created (and its creation synced) when missing;
    /// refused when it cannot hold the files.
    static func prepareDirectory(_ path: String) throws(SapuError) -> String {
        let absolute = absolute(path)
        var missing: [String] = []
        var probe = absolute
        while !FileManager.default.fileExists(atPath: probe), probe != "/" {
            missing.insert(probe, at: 0)
            probe = (probe as NSString).deletingLastPathComponent
        }
        for directory in missing {
            guard mkdir(directory, 0o755) == 0 || errno == EEXIST else { throw .fileUnwritable(path: path) }
            _ = DurableFile.syncDirectory(containing: directory)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .fileUnwritable(path: path)
        }
        guard access(absolute, W_OK | X_OK) == 0 else { throw .fileUnwritable(path: path) }
        return absolute
    }

    /// Refuses when something that is not a plain file (a directory, say) has one of the names.
    static func checkNamesFree(_ directory: String, _ names: [String], shownAs shown: String) throws(SapuError) {
        for name in names {
            var info = stat()
            guard lstat(directory + "/" + name, &info) == 0 else { continue }
            let kind = info.st_mode & S_IFMT
            if kind != S_IFREG && kind != S_IFLNK { throw .documentPathBlocked(path: shown + "/" + name) }
        }
    }

    /// Writes one file's bytes under its temporary name and syncs it.
    static func writeTemporary(_ directory: String, _ name: String, token: String, bytes: [UInt8]) throws(SapuError) {
        let path = directory + "/" + temporaryName(name, token: token)
        guard DurableFile.create(path, bytes: bytes) else { throw .fileUnwritable(path: directory + "/" + name) }
    }

    /// Puts every file in place with exactly these bytes: a temporary that already holds
    /// them is synced and renamed, any other is written anew; then the directory is synced.
    static func publish(_ directory: String, _ names: [String], token: String, bytes: [[UInt8]]) throws(SapuError) {
        for (name, content) in zip(names, bytes) {
            let temporary = directory + "/" + temporaryName(name, token: token)
            if !holdsSynced(temporary, content) {
                try writeTemporary(directory, name, token: token, bytes: content)
            }
            guard rename(temporary, directory + "/" + name) == 0 else {
                throw errno == EISDIR || errno == ENOTEMPTY ? .documentPathBlocked(path: directory + "/" + name)
                    : .fileUnwritable(path: directory + "/" + name)
            }
        }
        guard DurableFile.syncDirectory(directory) else { throw .fileUnwritable(path: directory) }
    }

    /// Removes the temporaries of one closing, and the files in place that hold exactly its
    /// bytes (so a file this closing did not write is never removed); then syncs the directory.
    static func remove(_ directory: String, _ names: [String], token: String, bytes: [[UInt8]]?) {
        for (index, name) in names.enumerated() {
            unlink(directory + "/" + temporaryName(name, token: token))
            if let bytes, index < bytes.count, contents(directory + "/" + name) == bytes[index] {
                unlink(directory + "/" + name)
            }
        }
        _ = DurableFile.syncDirectory(directory)
    }


    /// A regular file's bytes, or nil.
    static func contents(_ path: String) -> [UInt8]? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return FileManager.default.contents(atPath: path).map(Array.init)
    }

    /// True when the file holds exactly `bytes`, synced to disk now.
    private static func holdsSynced(_ path: String, _ bytes: [UInt8]) -> Bool {
        contents(path) == bytes && DurableFile.sync(path)
    }
}
