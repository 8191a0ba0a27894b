import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite("sapu backup and sapu restore")
struct BackupTests {
    /// Backups taken while another process keeps inserting are sound copies holding whole
    /// transactions only, and restoring one brings the database back to exactly that.
    @Test func aBackupTakenWhileAnotherProcessInsertsIsASoundCopyOfWholeTransactions() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        let rounds = 40
        let inspect = (1...rounds).map { _ in
            "'\(SapuRunner.binary)' inspect --batch \(batch) --maker M042 --pass --grade A --count 25 --yes >/dev/null || echo failed"
        }.joined(separator: "\n")
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/sh")
        writer.arguments = ["-c", inspect]
        writer.environment = sapu.environment
        writer.currentDirectoryURL = URL(fileURLWithPath: sapu.directory)
        let writerOutput = Pipe()
        writer.standardOutput = writerOutput
        try writer.run()

        var counts: [Int] = []
        for index in 0..<4 {
            let output = try sapu.run("backup", "--out", "backups/b\(index).sqlite", "--json")
            #expect(output.status == 0, "backup \(index): \(output.stderr)")
            let summary = try #require(try sapu.json(output) as? [String: Any])
            let copy = sapu.directory + "/backups/b\(index).sqlite"
            #expect(try SapuRunner.execute("sqlite3", [copy, "PRAGMA integrity_check"]).stdout == "ok\n")
            let bundles = Int(try SapuRunner.execute("sqlite3", [copy, "SELECT COUNT(*) FROM bundle"]).lines.first ?? "") ?? -1
            #expect(summary["bundles"] as? Int == bundles)
            // Each inspection commits 25 bundles with 25 events at once: a copy never holds part of one.
            #expect(bundles % 25 == 0, "backup \(index) holds \(bundles) bundles")
            let events = Int(try SapuRunner.execute("sqlite3", [copy, "SELECT COUNT(*) FROM event"]).lines.first ?? "") ?? -1
            #expect(events == bundles)
            // A single self-contained file: no WAL or journal beside it, no temporary left.
            counts.append(bundles)
        }
        writer.waitUntilExit()
        let failures = String(decoding: writerOutput.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(writer.terminationStatus == 0 && failures.isEmpty, "an inspection failed while backups were taken")
        #expect(try sapu.count("SELECT COUNT(*) FROM bundle") == rounds * 25)
        #expect(try FileManager.default.contentsOfDirectory(atPath: sapu.directory + "/backups").sorted()
                == (0..<4).map { "b\($0).sqlite" })
        #expect(counts == counts.sorted())

        // Restoring the first copy brings back exactly its content.
        let expected = try SapuRunner.execute("sqlite3", [sapu.directory + "/backups/b0.sqlite", ".dump"]).stdout
        try sapu.ok("restore", "backups/b0.sqlite")
        #expect(try sapu.dump() == expected)
        try sapu.ok("doctor")
    }

    /// The live database's WAL belongs to it alone: after a station was killed with
    /// commits still in the WAL, a restore leaves exactly the backup in place, and the
    /// replaced database is kept beside it with those commits.
    @Test func restoreKeepsTheReplacedDatabaseWithItsWALAndLeavesNoStaleWALBehind() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        let ids = try sapu.labelledBundles(batch, count: 30)
        try sapu.ok("backup", "--out", "backup.sqlite")
        let backup = try SapuRunner.execute("sqlite3", [sapu.directory + "/backup.sqlite", ".dump"]).stdout

        let session = try ScanSession(sapu, arguments: ["--mode", "receive"], lines: ids, window: 5)
        try session.start()
        #expect(session.waitForAnswers(10) >= 10)
        session.kill()
        session.finish()
        let received = session.answers.filter { $0.outcome == "accepted" }.count
        #expect(received >= 10)
        #expect(FileManager.default.fileExists(atPath: sapu.database + "-wal"), "the killed station left no WAL; the test proves nothing")

        let restored = try sapu.ok("restore", "backup.sqlite", "--json")
        let summary = try #require(try sapu.json(restored) as? [String: Any])
        let kept = try #require(summary["kept"] as? String)
        #expect(kept.hasPrefix(sapu.directory + "/sapu.replaced-") && kept.hasSuffix(".sqlite"))
        #expect(!FileManager.default.fileExists(atPath: sapu.database + "-wal"))
        #expect(!FileManager.default.fileExists(atPath: sapu.database + "-shm"))
        #expect(try sapu.dump() == backup)
        let keptReceives = try SapuRunner.execute("sqlite3", [kept, "SELECT COUNT(*) FROM event WHERE move = 'receive'"]).lines
        // A receive committed in the instant before the kill may not have been answered.
        #expect((Int(keptReceives.first ?? "") ?? 0) >= received, "\(keptReceives) < \(received)")
        // The restored database works: the receives can be scanned again.
        let again = try sapu.scan("receive", ids)
        #expect(again.count("accepted") == 30)
    }

    @Test func restoreRefusesAnotherSitesBackupADamagedOneAndTheLiveFileItself() throws {
        let (sapu, _) = try SapuRunner.workshop()
        let before = try sapu.dump()
        let other = try SapuRunner()
        try other.ok("init", "--site", "PHC", "--name", "CV. Pusat Handicraft")
        try other.ok("backup", "--out", "phc.sqlite")
        let otherSite = try sapu.run("restore", other.directory + "/phc.sqlite", "--lang", "en")
        #expect(otherSite.status == 1 && otherSite.stderr.contains("is a backup of site PHC, not PWT"), "\(otherSite.stderr)")

        try sapu.ok("backup", "--out", "good.sqlite")
        let damaged = try SapuRunner.history()
        try FileManager.default.copyItem(atPath: damaged.database, toPath: sapu.directory + "/bad.sqlite")
        try sapu.damage(sapu.directory + "/bad.sqlite")
        let refused = try sapu.run("restore", "bad.sqlite", "--lang", "en")
        #expect(refused.status == 1 && refused.stderr.contains("fails SQLite's integrity check"), "\(refused.stderr)")

        let notSapu = try sapu.run("restore", "PWT.pub", "--lang", "en")
        #expect(notSapu.status == 1 && notSapu.stderr.contains("is not a Sapu database"), "\(notSapu.stderr)")
        let itself = try sapu.run("restore", "./sapu.sqlite", "--lang", "en")
        #expect(itself.status == 1 && itself.stderr.contains("is the live database"), "\(itself.stderr)")
        #expect(try sapu.dump() == before)
        let left = try FileManager.default.contentsOfDirectory(atPath: sapu.directory)
        #expect(!left.contains { $0.hasPrefix(".") || $0.contains("replaced") }, "\(left)")
    }

    @Test func restoreRefusesWhileAStationHasTheDatabaseOpen() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        let ids = try sapu.labelledBundles(batch, count: 3)
        try sapu.ok("backup", "--out", "backup.sqlite")
        try sapu.ok("inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A", "--count", "5")
        let before = try sapu.dump()
        let station = try ScanSession(sapu, arguments: ["--mode", "check"], lines: ids, prelude: [ids[0]])
        try station.start()
        #expect(station.waitForAnswers(1) == 1)
        let refused = try sapu.run("restore", "backup.sqlite", "--lang", "en")
        station.release()
        station.finish()
        #expect(refused.status == 1 && refused.stderr.contains("is in use by another program"), "\(refused.stderr)")
        #expect(try sapu.dump() == before)
        // With the station gone it goes through.
        try sapu.ok("restore", "backup.sqlite")
        #expect(try sapu.count("SELECT COUNT(*) FROM bundle") == 3)
    }

    @Test func backupRefusesToOverwriteTheLiveDatabase() throws {
        let (sapu, _) = try SapuRunner.workshop()
        let before = try sapu.dump()
        try FileManager.default.createSymbolicLink(atPath: sapu.directory + "/link.sqlite", withDestinationPath: sapu.database)
        for target in ["sapu.sqlite", "./sapu.sqlite", sapu.database, "link.sqlite"] {
            let output = try sapu.run("backup", "--out", target, "--lang", "en")
            #expect(output.status == 1 && output.stderr.contains("is the live database"), "\(target): \(output.stderr)")
        }
        #expect(try sapu.dump() == before)
        #expect(try sapu.sql("PRAGMA integrity_check") == ["ok"])
    }
}
