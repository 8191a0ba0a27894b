import Foundation
import GRDB
import SapuCore

#if canImport(Glibc)
import Glibc
#endif

/// A Sapu database as `sapu init` finds it: its site and its keys.
public struct ExistingDatabase: Sendable, Equatable {
    public var site: Site
    public var keys: [StoredKey]
    /// True when the database holds only what `sapu init` puts in one: nothing was recorded
    /// or registered since (no maker, batch, bundle, shipment or partner; the standard
    /// products and defects).
    public var untouched: Bool
}

/// A new database, complete under a temporary name beside its path and synced, not yet in place.
///
/// `commit()` renames it to its path: the one step that makes the site exist. Until then
/// no other command sees it; a kill leaves only the temporary file, which the next
/// `sapu init` removes (or, when a key file was already written for it, uses as the
/// proof that the key file came from that unfinished init: docs/database.md).
public struct NewDatabase: Sendable {
    public let path: String
    let temporary: String

    /// Renames the file into place (refusing to replace anything there) and syncs the directory.
    public func commit() throws(SapuError) {
        var info = stat()
        if lstat(path, &info) == 0 {
            discard()
            throw .alreadyInitialised(path: path)
        }
        guard rename(temporary, path) == 0 else {
            discard()
            throw .databaseUnwritable(path: path)
        }
        guard DurableFile.syncDirectory(SQLiteStore.directory(of: path)) else { throw .fileUnwritable(path: path) }
    }

    /// Removes the temporary file and anything SQLite left beside it.
    public func discard() {
        SQLiteStore.removeDatabaseFile(temporary)
    }
}

/// Making a site's database (`sapu init`) all or nothing (docs/database.md, "Making the database").
extension SQLiteStore {
    /// Creates a new database for a site with its first public key and the standard registry,
    /// all or nothing, and opens it.
    public static func create(at path: String, site: Site, key: StoredKey, at now: Instant) throws(SapuError) -> SQLiteStore {
        let site = Site(code: site.code, name: try FreeText.required(site.name, as: .siteName), timeZone: site.timeZone)
        try withCreationLock(at: path) { () throws(SapuError) in
            if try existing(at: path) != nil { throw .alreadyInitialised(path: path) }
            try build(at: path, site: site, key: key, at: now).commit()
        }
        return try open(at: path)
    }

    /// Runs `body` holding the open lock exclusively: no other process opens, makes or
    /// restores the database at `path` meanwhile.
    public static func withCreationLock<T>(at path: String, _ body: () throws(SapuError) -> T) throws(SapuError) -> T {
        try OpenLock.holding(path, exclusive: true, body)
    }

    /// The database at `path`: nil when there is nothing there; refused (`alreadyInitialised`)
    /// when something is there that is not a Sapu database with a site.
    public static func existing(at path: String) throws(SapuError) -> ExistingDatabase? {
        var info = stat()
        // lstat: a dangling symbolic link is something in the way too.
        guard lstat(path, &info) == 0 else { return nil }
        do {
            let probe = try Probe(path)
            defer { probe.close() }
            guard let found = try? describe(probe.queue) else { throw SapuError.alreadyInitialised(path: path) }
            return found
        } catch {
            throw .alreadyInitialised(path: path)
        }
    }

    /// Builds the whole database under a temporary name beside `path`, in one transaction:
    /// migrations, the site, its first key as current, the standard products and defects,
    /// and SQLite's quick check with its record. The file is left in WAL mode as one
    /// self-contained file (no `-wal` beside it) and synced.
    public static func build(at path: String, site: Site, key: StoredKey, at now: Instant) throws(SapuError) -> NewDatabase {
        let site = Site(code: site.code, name: try FreeText.required(site.name, as: .siteName), timeZone: site.timeZone)
        let new = NewDatabase(path: path, temporary: directory(of: path) + "/" + creationPrefix(path)
                                                     + String(format: "%08x", UInt32.random(in: .min ... .max)) + ".tmp")
        do throws(SapuError) {
            try mapped(path: path) {
                // A rollback journal while building: one file to sync, nothing to fold in later.
                let queue = try DatabaseQueue(path: new.temporary)
                try queue.writeWithoutTransaction { db in
                    try db.execute(sql: "PRAGMA synchronous = FULL")
                    try db.inTransaction {
                        try fill(db, site: site, key: key, at: now, path: path)
                        return .commit
                    }
                    // The header says WAL from the start: the first station to open it changes nothing.
                    try db.execute(sql: "PRAGMA journal_mode = WAL")
                }
                // The last connection to close folds the WAL into the file and removes it.
                try queue.close()
            }
            for suffix in ["-wal", "-journal"] where FileManager.default.fileExists(atPath: new.temporary + suffix) {
                throw SapuError.databaseUnwritable(path: path)
            }
            guard DurableFile.sync(new.temporary) else { throw SapuError.fileUnwritable(path: path) }
            return new
        } catch {
            new.discard()
            throw error
        }
    }

    /// The sites and keys of the databases that earlier `sapu init` runs for `path` built
    /// in full under a temporary name but never put in place (killed before the rename).
    public static func unfinishedCreations(at path: String) -> [ExistingDatabase] {
        creationTemporaries(path).compactMap { temporary in
            // Still being written, or killed while it was: not complete.
            for suffix in ["-journal", "-wal"] where FileManager.default.fileExists(atPath: temporary + suffix) { return nil }
            guard let queue = try? Probe.readOnlyConnection(temporary) else { return nil }
            defer { try? queue.close() }
            guard let version = try? queue.read({ db in try Int.fetchOne(db, sql: "PRAGMA user_version") }),
                  version == Schema.migrations.count else { return nil }
            return try? describe(queue)
        }
    }

    /// Removes every temporary database of earlier `sapu init` runs for `path` (call it
    /// under the creation lock: a run in progress holds that lock).
    public static func removeUnfinishedCreations(at path: String) {
        for temporary in creationTemporaries(path) { removeDatabaseFile(temporary) }
        _ = DurableFile.syncDirectory(directory(of: path))
    }

    // MARK: Building

    private static func fill(_ db: Database, site: Site, key: StoredKey, at now: Instant, path: String) throws {
        for (index, sql) in Schema.migrations.enumerated() {
            try db.execute(sql: sql)
            try db.execute(sql: "PRAGMA user_version = \(index + 1)")
        }
        try db.execute(sql: "PRAGMA application_id = \(Schema.applicationID)")
        try db.execute(sql: "INSERT INTO site (code, name, created_at, time_zone) VALUES (?, ?, ?, ?)",
                       arguments: [site.code, site.name, now.iso8601, site.timeZone])
        try db.execute(sql: "INSERT INTO signing_key (key_id, site, public_key, created_at, status) VALUES (?, ?, ?, ?, 'current')",
                       arguments: [key.keyID, key.site, Data(key.raw), now.iso8601])
        for product in Product.standard {
            try db.execute(sql: "INSERT INTO product (code, name, bundle_size) VALUES (?, ?, ?)",
                           arguments: [product.code, product.name, product.bundleSize])
        }
        for defect in Defect.standard {
            try db.execute(sql: "INSERT INTO defect (code, name_id, name_en) VALUES (?, ?, ?)",
                           arguments: [defect.code, defect.nameID, defect.nameEN])
        }
        // The new file's first pass goes in with the site, so later commands that change
        // nothing leave the file as it is.
        guard case .passed(let pass) = try quickCheck(db) else { throw SapuError.databaseDamaged(path: path) }
        try record(pass, db)
    }

    // MARK: Files

    /// The site and keys of a Sapu database.
    private static func describe(_ queue: DatabaseQueue) throws -> ExistingDatabase? {
        try queue.read { db in
            guard try Int32.fetchOne(db, sql: "PRAGMA application_id") == Schema.applicationID,
                  let row = try Row.fetchOne(db, sql: "SELECT * FROM site LIMIT 1") else { return nil }
            let keys = try Row.fetchAll(db, sql: "SELECT key_id, site, public_key, status FROM signing_key").map(storedKey)
            return ExistingDatabase(site: Self.site(row), keys: keys, untouched: try untouched(db))
        }
    }

    /// Tables `sapu init` fills; every other table starts empty.
    private static let tablesFilledByCreation: Set<String> = [
        "site", "signing_key", "product", "defect", "database_check", "control_code_key",
    ]

    /// Whether nothing was recorded since the database was made (see `ExistingDatabase.untouched`).
    private static func untouched(_ db: Database) throws -> Bool {
        guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM product") == Product.standard.count,
              try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM defect") == Defect.standard.count else { return false }
        // The log holds what creation wrote (the site and the standard products) and nothing else.
        guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sync_log") == 1 + Product.standard.count,
              try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sync_log WHERE kind NOT IN ('site', 'product')") == 0 else {
            return false
        }
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        for table in tables where !tablesFilledByCreation.contains(table) && table != "sync_log" {
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(table.quotedDatabaseIdentifier))") == true { return false }
        }
        return true
    }

    /// `sapu.sqlite` → `.sapu.sqlite.init-`: what every temporary database of `sapu init` starts with.
    private static func creationPrefix(_ path: String) -> String {
        "." + (path as NSString).lastPathComponent + ".init-"
    }

    /// The temporary databases of `sapu init` beside `path`: `.NAME.init-XXXXXXXX.tmp`.
    private static func creationTemporaries(_ path: String) -> [String] {
        let directory = directory(of: path)
        let prefix = creationPrefix(path)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        var found = Set<String>()
        for name in names where name.hasPrefix(prefix) {
            // The file itself, or what SQLite left beside a file already removed.
            var base = name
            for suffix in ["-journal", "-wal", "-shm"] where base.hasSuffix(".tmp" + suffix) {
                base.removeLast(suffix.count)
            }
            let token = base.dropFirst(prefix.count).dropLast(4)
            guard base.hasSuffix(".tmp"), token.count == 8, token.allSatisfy(\.isHexDigit) else { continue }
            found.insert(directory + "/" + base)
        }
        return found.sorted()
    }

    /// Removes a database file and SQLite's files beside it.
    static func removeDatabaseFile(_ path: String) {
        for suffix in ["", "-journal", "-wal", "-shm"] { unlink(path + suffix) }
    }

    static func directory(of path: String) -> String {
        let directory = (path as NSString).deletingLastPathComponent
        return directory.isEmpty ? "." : directory
    }
}
