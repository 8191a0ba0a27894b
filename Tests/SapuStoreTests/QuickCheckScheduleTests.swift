import Foundation
import GRDB
import SapuCore
@testable import SapuStore
import Testing

@Suite("The quick check before writing: when it runs, when a pass is recorded")
struct QuickCheckScheduleTests {
    let now = Date(timeIntervalSince1970: 1_763_700_000)

    @Test func aCheapCheckRunsEveryTimeAndASlowOneOnceADay() {
        #expect(SQLiteStore.quickCheckDue(after: nil, now: now))
        let slow = QuickCheckPass(at: now.addingTimeInterval(-3600), seconds: 0.8)
        #expect(!SQLiteStore.quickCheckDue(after: slow, now: now))
        #expect(SQLiteStore.quickCheckDue(after: slow, now: now.addingTimeInterval(23 * 3600)))
        // A clock set back makes the record untrustworthy.
        #expect(SQLiteStore.quickCheckDue(after: slow, now: now.addingTimeInterval(-7200)))
        let cheap = QuickCheckPass(at: now.addingTimeInterval(-60), seconds: 0.004)
        #expect(SQLiteStore.quickCheckDue(after: cheap, now: now))
    }

    @Test func aCheapPassIsRecordedOnlyWhenTheRecordIsOldOrTheCostChanged() {
        let last = QuickCheckPass(at: now.addingTimeInterval(-60), seconds: 0.004)
        #expect(!SQLiteStore.needsRecording(QuickCheckPass(at: now, seconds: 0.005), after: last))
        #expect(SQLiteStore.needsRecording(QuickCheckPass(at: now, seconds: 0.3), after: last))
        #expect(SQLiteStore.needsRecording(QuickCheckPass(at: now.addingTimeInterval(86_400), seconds: 0.005), after: last))
        #expect(SQLiteStore.needsRecording(QuickCheckPass(at: now, seconds: 0.005), after: nil))
    }

    @Test func aPassIsReadBackAsItWasRecorded() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            for sql in Schema.migrations { try db.execute(sql: sql) }
            #expect(try SQLiteStore.lastPass(db) == nil)
            try SQLiteStore.record(QuickCheckPass(at: now, seconds: 0.25), db)
            #expect(try SQLiteStore.lastPass(db) == QuickCheckPass(at: now, seconds: 0.25))
        }
    }

    @Test func aDatabaseThatFailsTheCheckOpensForReadingOnly() throws {
        let db = try TemporaryStore()
        let batch = try db.batch()
        _ = try db.store.inspect(batch: batch.code, maker: "M042", result: .pass(.a), count: 3000,
                                 actor: TemporaryStore.actor, at: TemporaryStore.day)
        let path = db.path
        // Fold the WAL into the file, then damage a page in the middle.
        _ = try db.store.backup(to: db.directory + "/copy.sqlite")
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.copyItem(atPath: db.directory + "/copy.sqlite", toPath: path)
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        try handle.seek(toOffset: UInt64(size / 2 / 4096 * 4096))
        try handle.write(contentsOf: Data(repeating: 0xFF, count: 64))
        try handle.close()

        let reopened = try SQLiteStore.open(at: path)
        #expect(reopened.access == .damaged)
        #expect(throws: SapuError.databaseDamaged(path: path)) {
            try reopened.addMaker(Maker(code: "M043", name: nil, active: true))
        }
        #expect(try reopened.site().code == "PWT")
    }
}
