import Foundation
import GRDB
import SapuCore

/// Hooks the store tests use to set up states and damage files; not for the CLI.
extension SQLiteStore {
    /// Applies a lifecycle move with no other checks.
    public func applyMoveForTesting(_ move: Move, to id: BundleID) throws(SapuError) {
        try write { db in
            let bundle = try Self.fetchBundle(db, id)
            let state = try Lifecycle.apply(move, to: bundle.facts).get()
            try db.execute(sql: "UPDATE bundle SET state = ? WHERE id = ?", arguments: [state.rawValue, id.description])
            try Self.appendEvent(db, bundle: id, move: move, state: state,
                                 at: Instant(unixSeconds: 0, utcOffset: 0), actor: Actor(operatorCode: nil, station: "test"))
        }
    }

    /// Runs raw SQL, to prove what the schema itself refuses.
    public func executeForTesting(_ sql: String) throws(SapuError) {
        try write { db in try db.execute(sql: sql) }
    }

    /// Writes an SQLite file that belongs to some other program.
    public static func makeForeignDatabaseForTesting(at path: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE customer (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customer (name) VALUES ('Ani')")
        }
        try queue.close()
    }

    /// Pretends a newer Sapu wrote the file.
    public static func setSchemaVersionForTesting(at path: String, _ version: Int) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "PRAGMA user_version = \(version)") }
        try queue.close()
    }
}
