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
/// durable before the CLI reports it; a writer waits for another one as long as that one
/// makes progress (`BusyWait`). Before the first write SQLite's quick check runs when due
/// (`SQLiteStore+health.swift`); a file this process cannot write, or one that failed the
/// check, is opened for reading only and never written (docs/database.md).
public final class SQLiteStore: Store {
    /// How this process may use the database.
    public enum Access: Sendable, Equatable {
        case readWrite
        /// The file, its directory or its WAL files cannot be written by this process.
        case readOnly
        /// SQLite's check failed: reads go on, writes are refused until a backup is restored.
        case damaged
    }

    let database: any DatabaseWriter
    public let path: String
    public let access: Access
    let health: Mutex<Health>
    private let committed = Atomic<Bool>(false)

    private init(database: any DatabaseWriter, path: String, access: Access, health: Health) {
        self.database = database
        self.path = path
        self.access = access
        self.health = Mutex(health)
    }

    /// Opens an existing Sapu database, upgrading its schema when this Sapu is newer and
    /// finishing (or undoing) a shipment closing that a crash interrupted.
    public static func open(at path: String) throws(SapuError) -> SQLiteStore {
        guard FileManager.default.fileExists(atPath: path) else { throw .databaseMissing(path: path) }
        let writable = canWrite(path)
        return try OpenLock.holding(path, exclusive: writable) { () throws(SapuError) in
            let probe = try Probe(path, writable: writable)
            let version = try probe.schemaVersion()
            guard writable else {
                if version < Schema.migrations.count {
                    throw .olderSchemaReadOnly(path: path, found: version, known: Schema.migrations.count)
                }
                return SQLiteStore(database: probe.queue, path: path, access: .readOnly, health: Health())
            }
            // The check reads through a connection that writes nothing, before GRDB's pool
            // (which writes when it sets up WAL) touches a file that may be damaged.
            var health = Health()
            let check = try probe.quickCheckIfDue()
            switch check.outcome {
            case .failed:
                return SQLiteStore(database: probe.queue, path: path, access: .damaged, health: Health(damaged: true))
            case .passed(let pass):
                health.verified = pass.at
                health.unrecorded = check.record ? pass : nil
            case .notDue:
                health.verified = Date()
            }
            probe.close()
            let store = SQLiteStore(database: try makePool(path), path: path, access: .readWrite, health: health)
            if version < Schema.migrations.count { try store.migrate() }
            store.recordSlowPass()
            store.finishInterruptedClosings()
            // What opening wrote is not the command's work.
            store.committed.store(false, ordering: .relaxed)
            return store
        }
    }

    // MARK: Transactions

    /// Runs one write transaction (BEGIN IMMEDIATE); the commit is on disk when it returns.
    func write<T>(_ body: (Database) throws -> T) throws(SapuError) -> T {
        try admitWrite()
        let pass = health.withLock { $0.unrecorded }
        do {
            let result = try mapped(path: path) {
                try database.write { db in
                    if let pass { try Self.record(pass, db) }
                    return try body(db)
                }
            }
            if pass != nil { health.withLock { $0.unrecorded = nil } }
            committed.store(true, ordering: .relaxed)
            return result
        } catch {
            // SQLite met a damaged page: no further write from this process.
            if case .databaseDamaged = error { health.withLock { $0.damaged = true } }
            throw error
        }
    }

    /// Runs database work that manages its own transactions, after the same checks as `write`.
    func writeWithoutTransaction<T>(_ body: (Database) throws -> T) throws(SapuError) -> T {
        try write { _ in }
        return try mapped(path: path) { try database.writeWithoutTransaction(body) }
    }

    /// True once this store committed a write: a command whose output then fails can say its work was saved.
    public var hasCommitted: Bool { committed.load(ordering: .relaxed) }

    /// Runs a read on a consistent snapshot.
    func read<T>(_ body: (Database) throws -> T) throws(SapuError) -> T {
        try mapped(path: path) { try database.read(body) }
    }

    // MARK: Opening

    /// Whether this process can write the database file, its directory and its WAL files.
    private static func canWrite(_ path: String) -> Bool {
        let directory = (path as NSString).deletingLastPathComponent
        guard Glibc.access(path, W_OK) == 0, Glibc.access(directory.isEmpty ? "." : directory, W_OK) == 0 else { return false }
        // A WAL file this process cannot write (left by another user) makes every write fail.
        // Another station closing may delete its WAL between the two calls: gone is fine.
        for suffix in ["-wal", "-shm"] where Glibc.access(path + suffix, F_OK) == 0 {
            if Glibc.access(path + suffix, W_OK) != 0 && errno != ENOENT { return false }
        }
        return true
    }

    static func makePool(_ path: String) throws(SapuError) -> DatabasePool {
        var config = Configuration()
        let wait = BusyWait(path: path)
        config.busyMode = .callback { tries in wait.shouldRetry(tries) }
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

    /// Applies the migrations this file lacks, in one transaction.
    private func migrate() throws(SapuError) {
        let pass = health.withLock { $0.unrecorded }
        try mapped(path: path) {
            try database.write { db in
                let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                try Self.checkSchemaVersion(version, db, path: path)
                for (index, sql) in Schema.migrations.enumerated() where index >= version {
                    try db.execute(sql: sql)
                    try db.execute(sql: "PRAGMA user_version = \(index + 1)")
                }
                try db.execute(sql: "PRAGMA application_id = \(Schema.applicationID)")
                if let pass { try Self.record(pass, db) }
            }
        }
        if pass != nil { health.withLock { $0.unrecorded = nil } }
    }

    /// Refuses a schema version Sapu never writes, or one older than the tables present:
    /// migrating such a file would fail half-way with an SQLite error.
    static func checkSchemaVersion(_ version: Int, _ db: Database, path: String) throws {
        if version < 0 { throw SapuError.schemaVersionInvalid(path: path, found: version) }
        if version > Schema.migrations.count {
            throw SapuError.newerSchema(path: path, found: version, known: Schema.migrations.count)
        }
        guard version < Schema.migrations.count else { return }
        let present = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"))
        let later = Schema.objects(upTo: Schema.migrations.count).subtracting(Schema.objects(upTo: version))
        if !present.isDisjoint(with: later) { throw SapuError.schemaVersionBehindTables(path: path, found: version) }
    }
}

// MARK: A first look that writes nothing

/// The file opened read-only to check that it is a Sapu database of a known schema and,
/// when due, that SQLite's quick check passes, without creating or changing any file.
///
/// Without a WAL file no process has the database open (the last one to close removes it)
/// and the open lock keeps new ones out, so the main file alone is the whole database:
/// SQLite may read it as `immutable`, which takes no locks and creates no `-shm`.
struct Probe {
    let queue: DatabaseQueue
    let path: String

    /// `writable`: this process may write the file. A station that has the database open
    /// keeps its WAL; reading it may need the WAL index rebuilt, which a read-only
    /// connection cannot do (SQLite then says "read-only"), so the probe of a writable file
    /// reads through a read-write connection, which writes nothing but that index.
    init(_ path: String, writable: Bool = false) throws(SapuError) {
        self.path = path
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .fileUnreadable(path: path) }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        try? handle.close()
        guard header == Data("SQLite format 3\0".utf8) else { throw .notSapuDatabase(path: path) }
        if writable && FileManager.default.fileExists(atPath: path + "-wal") {
            var config = Configuration()
            let wait = BusyWait(path: path)
            config.busyMode = .callback { tries in wait.shouldRetry(tries) }
            queue = try mapped(path: path) { try DatabaseQueue(path: path, configuration: config) }
        } else {
            queue = try Self.readOnlyConnection(path)
        }
    }

    /// A read-only connection that leaves no `-wal` or `-shm` behind when there was none.
    static func readOnlyConnection(_ path: String) throws(SapuError) -> DatabaseQueue {
        var config = Configuration()
        config.readonly = true
        let wait = BusyWait(path: path)
        config.busyMode = .callback { tries in wait.shouldRetry(tries) }
        let hasWAL = FileManager.default.fileExists(atPath: path + "-wal")
        let location = hasWAL ? path : "file:" + uriEscaped(absolute(path)) + "?immutable=1"
        return try mapped(path: path) { try DatabaseQueue(path: location, configuration: config) }
    }

    /// The schema version, after checking the file is ours and its version makes sense.
    func schemaVersion() throws(SapuError) -> Int {
        try mapped(path: path) {
            try queue.read { db in
                guard try Int32.fetchOne(db, sql: "PRAGMA application_id") == Schema.applicationID else {
                    throw SapuError.notSapuDatabase(path: path)
                }
                let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                try SQLiteStore.checkSchemaVersion(version, db, path: path)
                return version
            }
        }
    }

    /// Runs the quick check when the record says it is due; a pass comes back only when it
    /// should be recorded.
    func quickCheckIfDue() throws(SapuError) -> (outcome: QuickCheckOutcome, record: Bool) {
        do {
            return try queue.read { db in
                let last = try SQLiteStore.lastPass(db)
                guard SQLiteStore.quickCheckDue(after: last, now: Date()) else { return (.notDue, false) }
                let outcome = try SQLiteStore.quickCheck(db)
                guard case .passed(let pass) = outcome else { return (outcome, false) }
                return (outcome, SQLiteStore.needsRecording(pass, after: last))
            }
        } catch {
            // The record itself could not be read because of a damaged page: the file is damaged.
            // Anything else (busy, a WAL index being rebuilt) is said as it is.
            guard SQLiteStore.isDamage(error) else { throw mappedError(error, path: path) }
            return (.failed, false)
        }
    }

    func close() {
        try? queue.close()
    }

    private static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }

    /// The path as a URI path: every byte but unreserved ones and `/` percent-encoded.
    private static func uriEscaped(_ path: String) -> String {
        var text = ""
        for byte in path.utf8 {
            let character = Character(Unicode.Scalar(byte))
            if byte < 0x80, character.isLetter || character.isNumber || "/-._~".contains(character) {
                text.append(character)
            } else {
                text += String(format: "%%%02X", byte)
            }
        }
        return text
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
        case .SQLITE_NOTADB: throw .notSapuDatabase(path: path)
        case .SQLITE_CORRUPT: throw .databaseDamaged(path: path)
        case .SQLITE_FULL: throw .storageFailure("disk full")
        case .SQLITE_IOERR: throw .storageFailure("I/O error")
        default: throw .storageFailure("SQLite code \(error.resultCode.rawValue)")
        }
    } catch {
        // Never a type name: the user can act on a sentence, not on "MoveRefusal".
        throw .unexpectedStorageError
    }
}

/// The `SapuError` that `mapped` makes of an error caught elsewhere.
func mappedError(_ error: any Error, path: String) -> SapuError {
    do {
        return try mapped(path: path) { () throws -> SapuError in throw error }
    } catch {
        return error
    }
}
