import Foundation
import GRDB
import SapuCore
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// The SQLite backend: one file shared by every station on the PC.
///
/// WAL lets readers work while a station writes; `synchronous = FULL` makes a commit
/// durable before the CLI reports it; the busy timeout queues writers from other
/// processes instead of failing them.
public final class SQLiteStore: Store {
    let pool: DatabasePool
    public let path: String
    private let committed = Atomic<Bool>(false)

    private init(pool: DatabasePool, path: String) {
        self.pool = pool
        self.path = path
    }

    /// Opens an existing Sapu database, upgrading its schema when this Sapu is newer.
    public static func open(at path: String) throws(SapuError) -> SQLiteStore {
        guard FileManager.default.fileExists(atPath: path) else { throw .databaseMissing(path: path) }
        return try withOpenLock(path) { () throws(SapuError) in
            let version = try checkIsSapuDatabase(path)
            let pool = try makePool(path)
            // Only an older schema needs the write transaction; a current one opens read-only cheap.
            if version < Schema.migrations.count { try migrate(pool, path: path) }
            return SQLiteStore(pool: pool, path: path)
        }
    }

    /// Creates a new database for a site with its first public key and the standard registry.
    public static func create(at path: String, site: Site, key: StoredKey, at now: Instant) throws(SapuError) -> SQLiteStore {
        if FileManager.default.fileExists(atPath: path) { throw .alreadyInitialised(path: path) }
        let site = Site(code: site.code, name: try FreeText.required(site.name, as: .siteName))
        return try withOpenLock(path) { () throws(SapuError) in
            if FileManager.default.fileExists(atPath: path) { throw .alreadyInitialised(path: path) }
            do throws(SapuError) {
                let pool = try makePool(path)
                try migrate(pool, path: path)
                let store = SQLiteStore(pool: pool, path: path)
                try store.write { db in
                    try db.execute(sql: "INSERT INTO site (code, name, created_at) VALUES (?, ?, ?)",
                                   arguments: [site.code, site.name, now.iso8601])
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
                }
                return store
            } catch {
                // A half-made database would make the next `init` refuse: remove it.
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
                throw error
            }
        }
    }

    // MARK: Transactions

    /// Runs one write transaction (BEGIN IMMEDIATE); the commit is on disk when it returns.
    func write<T>(_ body: (Database) throws -> T) throws(SapuError) -> T {
        let result = try mapped(path: path) { try pool.write(body) }
        committed.store(true, ordering: .relaxed)
        return result
    }

    /// True once this store committed a write: a command whose output then fails can say its work was saved.
    public var hasCommitted: Bool { committed.load(ordering: .relaxed) }

    /// Runs a read on a consistent snapshot.
    func read<T>(_ body: (Database) throws -> T) throws(SapuError) -> T {
        try mapped(path: path) { try pool.read(body) }
    }

    // MARK: Opening

    private static func makePool(_ path: String) throws(SapuError) -> DatabasePool {
        var config = Configuration()
        config.busyMode = .timeout(30)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        return try mapped(path: path) {
            let pool = try DatabasePool(path: path, configuration: config)
            // GRDB sets synchronous = NORMAL when it switches the pool to WAL, after
            // prepareDatabase ran. A commit the CLI acknowledges must survive a power cut,
            // so the writer goes back to FULL: every commit is synced before it returns.
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA synchronous = FULL")
            }
            return pool
        }
    }

    /// Refuses a file that is not SQLite, or SQLite that is not ours, without changing it;
    /// returns its schema version.
    private static func checkIsSapuDatabase(_ path: String) throws(SapuError) -> Int {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .fileUnreadable(path: path) }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        try? handle.close()
        if header.isEmpty { throw .notSapuDatabase(path: path) }
        guard header == Data("SQLite format 3\0".utf8) else { throw .notSapuDatabase(path: path) }
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(30)
        let (appID, version) = try mapped(path: path) { () throws -> (Int32, Int) in
            let queue = try DatabaseQueue(path: path, configuration: config)
            defer { try? queue.close() }
            return try queue.read { db in
                (try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0,
                 try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0)
            }
        }
        guard appID == Schema.applicationID else { throw .notSapuDatabase(path: path) }
        if version > Schema.migrations.count {
            throw .newerSchema(path: path, found: version, known: Schema.migrations.count)
        }
        return version
    }

    private static func migrate(_ pool: DatabasePool, path: String) throws(SapuError) {
        try mapped(path: path) {
            try pool.write { db in
                let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                if version > Schema.migrations.count {
                    throw SapuError.newerSchema(path: path, found: version, known: Schema.migrations.count)
                }
                for (index, sql) in Schema.migrations.enumerated() where index >= version {
                    try db.execute(sql: sql)
                    try db.execute(sql: "PRAGMA user_version = \(index + 1)")
                }
                try db.execute(sql: "PRAGMA application_id = \(Schema.applicationID)")
            }
        }
    }

    /// Holds an exclusive lock on `PATH.lock` while opening and migrating, so two
    /// processes never migrate the same file at once.
    private static func withOpenLock<T>(_ path: String, _ body: () throws(SapuError) -> T) throws(SapuError) -> T {
        let lockPath = path + ".lock"
        let fd = Glibc.open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw errno == EACCES || errno == EROFS ? .databaseUnwritable(path: path) : .fileUnwritable(path: lockPath)
        }
        defer { Glibc.close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { throw .fileUnwritable(path: lockPath) }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}

// MARK: Errors at the boundary

/// Runs database work and turns every database error into a `SapuError`: no SQL leaks.
func mapped<T>(path: String, _ body: () throws -> T) throws(SapuError) -> T {
    do {
        return try body()
    } catch let error as SapuError {
        throw error
    } catch let refusal as MoveRefusal {
        // Callers say which bundle and move; this only keeps the reason readable if one did not.
        throw .moveRefused(refusal)
    } catch let error as DatabaseError {
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: throw .databaseBusy
        case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH: throw .databaseUnwritable(path: path)
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: throw .notSapuDatabase(path: path)
        case .SQLITE_FULL: throw .storageFailure("disk full")
        case .SQLITE_IOERR: throw .storageFailure("I/O error")
        default: throw .storageFailure("SQLite code \(error.resultCode.rawValue)")
        }
    } catch {
        // Never a type name: the user can act on a sentence, not on "MoveRefusal".
        throw .unexpectedStorageError
    }
}
