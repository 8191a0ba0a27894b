import GRDB

extension Schema {
    /// The tables, indexes and triggers that exist after the first `count` migrations.
    static func objects(upTo count: Int) -> Set<String> {
        objectsAfterEachMigration[max(0, min(count, migrations.count))]
    }

    /// Worked out once by applying the migrations to an empty in-memory database.
    private static let objectsAfterEachMigration: [Set<String>] = {
        var result: [Set<String>] = [[]]
        // The migrations are plain SQL that ran on every database Sapu ever made; they cannot fail here.
        guard let queue = try? DatabaseQueue() else { return Array(repeating: [], count: migrations.count + 1) }
        for sql in migrations {
            let names = try? queue.write { db in
                try db.execute(sql: sql)
                return try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
            }
            result.append(Set(names ?? []))
        }
        return result
    }()
}
