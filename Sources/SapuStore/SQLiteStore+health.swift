import Foundation
import GRDB
import SapuCore
import Synchronization

/// What this process knows about the database's health (docs/database.md).
struct Health: Sendable {
    /// When this process last knew the file passed SQLite's quick check (by checking, or by the record).
    var verified: Date?
    /// A pass not yet recorded in the database; the next write transaction records it.
    var unrecorded: QuickCheckPass?
    var damaged = false
}

/// One passed quick check: when, and how long it took.
struct QuickCheckPass: Sendable, Equatable {
    var at: Date
    var seconds: Double
}

enum QuickCheckOutcome: Sendable {
    case notDue
    case passed(QuickCheckPass)
    case failed
}

extension SQLiteStore {
    /// How long a passed check counts.
    static let checkInterval: TimeInterval = 24 * 3600
    /// A check faster than this runs before every process's first write, not just daily.
    static let cheapCheck: Double = 0.1

    /// The last pass recorded in the database, if any.
    static func lastPass(_ db: Database) throws -> QuickCheckPass? {
        guard try db.tableExists("database_check"),
              let row = try Row.fetchOne(db, sql: "SELECT passed_unix, seconds FROM database_check WHERE kind = 'quick'") else {
            return nil
        }
        let passed: Int64 = row["passed_unix"]
        return QuickCheckPass(at: Date(timeIntervalSince1970: Double(passed)), seconds: row["seconds"])
    }

    /// Whether the quick check must run before this process writes.
    ///
    /// Due without a record, a day after the last pass (or when the clock went back), and
    /// always while the check is cheap: a small database is checked by every process.
    static func quickCheckDue(after last: QuickCheckPass?, now: Date) -> Bool {
        guard let last else { return true }
        let age = now.timeIntervalSince(last.at)
        return last.seconds < cheapCheck || age >= checkInterval || age < -300
    }

    /// Whether a pass is worth a write: a check that ran because a day had gone by, or one
    /// that moved the database between "cheap" and "daily". Re-recording every cheap pass
    /// would make a command that changes nothing change the file.
    static func needsRecording(_ pass: QuickCheckPass, after last: QuickCheckPass?) -> Bool {
        guard let last else { return true }
        let age = pass.at.timeIntervalSince(last.at)
        return age >= checkInterval || age < -300 || (last.seconds < cheapCheck) != (pass.seconds < cheapCheck)
    }

    /// `PRAGMA quick_check`, timed. A damaged page counts as a failure; any other error
    /// (another station busy, a WAL index being rebuilt) is thrown: it says nothing about
    /// the file, and calling the database damaged for it would stop every station.
    static func quickCheck(_ db: Database) throws -> QuickCheckOutcome {
        let started = Date()
        let rows: [String]
        do {
            rows = try String.fetchAll(db, sql: "PRAGMA quick_check")
        } catch {
            if isDamage(error) { return .failed }
            throw error
        }
        guard rows == ["ok"] else { return .failed }
        return .passed(QuickCheckPass(at: started, seconds: Date().timeIntervalSince(started)))
    }

    /// True for the errors SQLite gives when the file itself is damaged or not a database.
    static func isDamage(_ error: any Error) -> Bool {
        guard let error = error as? DatabaseError else { return false }
        return error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB
    }

    static func record(_ pass: QuickCheckPass, _ db: Database) throws {
        guard try db.tableExists("database_check") else { return }
        let at = Instant(unixSeconds: Int64(pass.at.timeIntervalSince1970), utcOffset: TimeZone.current.secondsFromGMT())
        try db.execute(sql: """
            INSERT INTO database_check (kind, passed_at, passed_unix, seconds) VALUES ('quick', ?, ?, ?)
            ON CONFLICT (kind) DO UPDATE SET passed_at = excluded.passed_at, passed_unix = excluded.passed_unix,
                                             seconds = excluded.seconds
            """, arguments: [at.iso8601, at.unixSeconds, pass.seconds])
    }

    /// Refuses to write to a file this process may not or must not write; checks it again
    /// when this process has been running for more than a day since it last knew it sound.
    func admitWrite() throws(SapuError) {
        switch access {
        case .readOnly: throw .databaseUnwritable(path: path)
        case .damaged: throw .databaseDamaged(path: path)
        case .readWrite: break
        }
        let state = health.withLock { $0 }
        if state.damaged { throw .databaseDamaged(path: path) }
        if let verified = state.verified, Date().timeIntervalSince(verified) < Self.checkInterval { return }
        let outcome: QuickCheckOutcome
        do {
            outcome = try database.read { db in try Self.quickCheck(db) }
        } catch {
            guard Self.isDamage(error) else { throw mappedError(error, path: path) }
            outcome = .failed
        }
        switch outcome {
        case .passed(let pass):
            let last = try? database.read { db in try Self.lastPass(db) }
            health.withLock {
                $0.verified = pass.at
                $0.unrecorded = Self.needsRecording(pass, after: last ?? nil) ? pass : nil
            }
        case .failed, .notDue:
            health.withLock { $0.damaged = true }
            throw .databaseDamaged(path: path)
        }
    }

    /// Records a slow pass at once, so that no other process repeats it for a day even if this
    /// one only reads; a quick one waits for this process's first write.
    func recordSlowPass() {
        guard let pass = health.withLock({ $0.unrecorded }), pass.seconds >= Self.cheapCheck else { return }
        try? write { _ in }
    }

    /// When SQLite's quick check last passed, and how long it took.
    public func lastQuickCheck() throws(SapuError) -> (at: String, seconds: Double)? {
        try read { db in
            guard try db.tableExists("database_check"),
                  let row = try Row.fetchOne(db, sql: "SELECT passed_at, seconds FROM database_check WHERE kind = 'quick'") else {
                return nil
            }
            return (row["passed_at"], row["seconds"])
        }
    }

    /// SQLite's full integrity check: nil when sound, else how many problems it lists.
    public func integrityProblems() throws(SapuError) -> Int? {
        do {
            let rows = try database.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
            return rows == ["ok"] ? nil : max(rows.count, 1)
        } catch {
            // A page SQLite cannot even read: at least one problem.
            return 1
        }
    }
}
