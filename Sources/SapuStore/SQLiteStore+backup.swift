import Foundation
import GRDB
import SapuCore

#if canImport(Glibc)
import Glibc
#endif

/// A database copy that passed SQLite's integrity check.
public struct BackupSummary: Sendable, Equatable {
    public var path: String
    public var site: String
    public var bundles: Int
}

/// What a restore did.
public struct RestoreSummary: Sendable, Equatable {
    public var site: String
    public var bundles: Int
    /// Where the replaced database was kept, if there was one.
    public var kept: String?
}

/// Backups and restores (docs/database.md).
extension SQLiteStore {
    /// Copies the database to `destination` with SQLite's online backup while stations go
    /// on working, checks the copy's integrity, syncs it and renames it into place; the
    /// file at `destination` is replaced only by a sound copy.
    public func backup(to destination: String) throws(SapuError) -> BackupSummary {
        for own in [path, path + "-wal", path + "-shm", path + ".lock"] where Self.sameFile(destination, own) {
            throw .backupIsLiveDatabase(path: destination)
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: destination, isDirectory: &isDirectory), isDirectory.boolValue {
            throw .fileUnwritable(path: destination)
        }
        let directory = try DocumentFiles.prepareDirectory((destination as NSString).deletingLastPathComponent.isEmpty
            ? "." : (destination as NSString).deletingLastPathComponent)
        let final = directory + "/" + (destination as NSString).lastPathComponent
        let temporary = Self.temporaryPath(directory, for: final)
        do throws(SapuError) {
            let copy = try mapped(path: destination) { () throws -> (String, Int) in
                let queue = try DatabaseQueue(path: temporary)
                defer { try? queue.close() }
                try database.backup(to: queue)
                // One self-contained file: no WAL beside it.
                try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
                return try queue.read { db in
                    guard try String.fetchAll(db, sql: "PRAGMA integrity_check") == ["ok"] else {
                        throw SapuError.backupDamaged(path: destination)
                    }
                    return (try String.fetchOne(db, sql: "SELECT code FROM site LIMIT 1") ?? "",
                            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM bundle") ?? 0)
                }
            }
            try Self.syncFile(temporary, shownAs: destination)
            guard rename(temporary, final) == 0 else { throw SapuError.fileUnwritable(path: destination) }
            _ = DurableFile.syncDirectory(directory)
            return BackupSummary(path: destination, site: copy.0, bundles: copy.1)
        } catch {
            Self.removeCopy(temporary)
            // SQLite could not make the copy there: a file problem, not the database's.
            if case .databaseUnwritable = error { throw .fileUnwritable(path: destination) }
            throw error
        }
    }

    /// Replaces the database at `path` with the backup `file`: a Sapu database of the same
    /// site that passes SQLite's integrity check.
    ///
    /// The backup is copied beside the database and checked first. Then, under the open
    /// lock and only while no other process has the database open, the live WAL is folded
    /// into its file, the replaced database is kept under a dated name (hard links, so it is
    /// never missing), its `-wal` is removed and the copy renamed into place, its `-shm`
    /// removed, and the directory synced.
    public static func restore(from file: String, into path: String) throws(SapuError) -> RestoreSummary {
        guard FileManager.default.isReadableFile(atPath: file) else { throw .fileUnreadable(path: file) }
        for own in [path, path + "-wal", path + "-shm"] where sameFile(file, own) { throw .backupIsLiveDatabase(path: file) }
        let directory = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        guard Glibc.access(directory, W_OK) == 0 else { throw .databaseUnwritable(path: path) }
        let temporary = temporaryPath(directory, for: path)
        let copy: (site: String, bundles: Int)
        do throws(SapuError) {
            copy = try copyAndCheck(file, to: temporary)
            try syncFile(temporary, shownAs: path)
            if FileManager.default.fileExists(atPath: path), let site = liveSite(path), site != copy.site {
                throw SapuError.restoreOtherSite(path: file, site: copy.site, expected: site)
            }
        } catch {
            removeCopy(temporary)
            throw error
        }
        do throws(SapuError) {
            let kept = try OpenLock.holding(path, exclusive: true) { () throws(SapuError) -> String? in
                if let process = OpenLock.otherProcessUsing(path) { throw .databaseInUse(path: path, process: process) }
                return try swap(temporary, into: path)
            }
            return RestoreSummary(site: copy.site, bundles: copy.bundles, kept: kept)
        } catch {
            removeCopy(temporary)
            throw error
        }
    }

    // MARK: Restore steps

    /// Copies `file` with SQLite's backup (so a WAL beside it is included) and checks the copy.
    private static func copyAndCheck(_ file: String, to temporary: String) throws(SapuError) -> (site: String, bundles: Int) {
        guard let handle = FileHandle(forReadingAtPath: file) else { throw .fileUnreadable(path: file) }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        try? handle.close()
        guard header == Data("SQLite format 3\0".utf8) else { throw .notSapuDatabase(path: file) }
        let source = try Probe.readOnlyConnection(file)
        defer { try? source.close() }
        return try mapped(path: file) { () throws -> (site: String, bundles: Int) in
            do {
                let queue = try DatabaseQueue(path: temporary)
                defer { try? queue.close() }
                try source.backup(to: queue)
                try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
                return try queue.read { db in
                    guard try Int32.fetchOne(db, sql: "PRAGMA application_id") == Schema.applicationID else {
                        throw SapuError.notSapuDatabase(path: file)
                    }
                    try checkSchemaVersion(try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0, db, path: file)
                    guard try String.fetchAll(db, sql: "PRAGMA integrity_check") == ["ok"] else {
                        throw SapuError.restoreDamaged(path: file)
                    }
                    return (try String.fetchOne(db, sql: "SELECT code FROM site LIMIT 1") ?? "",
                            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM bundle") ?? 0)
                }
            } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB {
                throw SapuError.restoreDamaged(path: file)
            }
        }
    }

    /// The site of the live database, when it can still be read.
    private static func liveSite(_ path: String) -> String? {
        guard let queue = try? Probe.readOnlyConnection(path) else { return nil }
        defer { try? queue.close() }
        return try? queue.read { db in try String.fetchOne(db, sql: "SELECT code FROM site LIMIT 1") }
    }

    /// Puts the checked copy in place of the live database; returns where the old one is kept.
    private static func swap(_ temporary: String, into path: String) throws(SapuError) -> String? {
        let directory = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        var kept: String?
        if FileManager.default.fileExists(atPath: path) {
            // The last connection to close folds the WAL into the file and removes it.
            if FileManager.default.fileExists(atPath: path + "-wal"), let queue = try? DatabaseQueue(path: path) {
                _ = try? queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
                try? queue.close()
            }
            let name = keptName(path)
            if link(path, name) != 0 {
                // A file system without hard links: move it instead.
                guard rename(path, name) == 0 else { throw .databaseUnwritable(path: path) }
            }
            if FileManager.default.fileExists(atPath: path + "-wal") {
                guard link(path + "-wal", name + "-wal") == 0 || rename(path + "-wal", name + "-wal") == 0 else {
                    throw .databaseUnwritable(path: path)
                }
            }
            kept = name
        }
        unlink(path + "-wal")
        guard rename(temporary, path) == 0 else { throw .databaseUnwritable(path: path) }
        unlink(path + "-shm")
        _ = DurableFile.syncDirectory(directory)
        return kept
    }

    /// `sapu.sqlite` → `sapu.replaced-20251121-080000.sqlite`, unused so far.
    private static func keptName(_ path: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let stamp = formatter.string(from: Date())
        let base = (path as NSString).deletingPathExtension
        let ext = (path as NSString).pathExtension
        var candidate = ""
        for attempt in 1... {
            candidate = base + ".replaced-" + stamp + (attempt > 1 ? "-\(attempt)" : "") + (ext.isEmpty ? "" : "." + ext)
            if !FileManager.default.fileExists(atPath: candidate) { break }
        }
        return candidate
    }

    // MARK: Files

    private static func temporaryPath(_ directory: String, for file: String) -> String {
        directory + "/." + (file as NSString).lastPathComponent + "." + String(format: "%08x", UInt32.random(in: .min ... .max)) + ".tmp"
    }

    private static func removeCopy(_ temporary: String) {
        for suffix in ["", "-journal", "-wal", "-shm"] { unlink(temporary + suffix) }
    }

    private static func syncFile(_ path: String, shownAs shown: String) throws(SapuError) {
        guard DurableFile.sync(path) else { throw .fileUnwritable(path: shown) }
    }

    /// True when both paths name the same existing file.
    static func sameFile(_ first: String, _ second: String) -> Bool {
        var a = stat()
        var b = stat()
        guard stat(first, &a) == 0, stat(second, &b) == 0 else { return false }
        return a.st_dev == b.st_dev && a.st_ino == b.st_ino
    }
}
