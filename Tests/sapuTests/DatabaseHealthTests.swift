import Foundation
import Testing

extension SapuRunner {
    /// A site with a generated history of `bundles` bundles (`sapu report generate`).
    static func history(bundles: Int = 2000) throws -> SapuRunner {
        let sapu = try SapuRunner()
        try sapu.ok("init", "--site", "PWT", "--name", "Lapas Kelas IIA Purwokerto")
        try sapu.ok("report", "generate", "--bundles", String(bundles))
        return sapu
    }

    /// Overwrites `count` bytes in the middle of the database file, as a failing disk or a stray program might.
    func damage(_ file: String? = nil, count: Int = 64) throws {
        let file = file ?? database
        let size = try #require(try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int)
        let handle = try #require(FileHandle(forUpdatingAtPath: file))
        try handle.seek(toOffset: UInt64(size / 2))
        try handle.write(contentsOf: Data(repeating: 0, count: count))
        try handle.synchronize()
        try handle.close()
    }

    /// The database file's bytes and whether WAL files are beside it.
    func fileState() -> (bytes: Data?, wal: Bool) {
        (FileManager.default.contents(atPath: database), FileManager.default.fileExists(atPath: database + "-wal"))
    }
}

@Suite("sapu doctor and the quick check: damage is found, and a damaged database is never written")
struct DatabaseHealthTests {
    @Test func aDamagedDatabaseFailsDoctorAndRefusesEveryWriteWithTheRestoreAdvice() throws {
        var sapu = try SapuRunner.history()
        sapu.environment["SAPU_LANG"] = "en"
        try sapu.ok("maker", "add", "M999")  // a write after the history: the check has passed today
        let bundle = try #require(try sapu.sql("SELECT id FROM bundle WHERE state = 'in-stock' LIMIT 1").first)
        let batch = try #require(try sapu.sql("SELECT code FROM batch LIMIT 1").first)
        try sapu.damage()
        let before = sapu.fileState()

        let doctor = try sapu.run("doctor")
        #expect(doctor.status != 0)
        #expect(doctor.stdout.contains("PROBLEM") && doctor.stdout.contains("DAMAGED"), "\(doctor.stdout)")

        for (arguments, input) in [(["inspect", "--batch", batch, "--maker", "M999", "--pass", "--grade", "A"], nil),
                                   (["scan", "--mode", "receive"], bundle + "\n"),
                                   (["maker", "add", "M998"], nil),
                                   (["batch", "create", "--product", "LIDI", "--date", "2025-11-21"], nil)] {
            let refused = try sapu.run(arguments, input: input)
            #expect(refused.status != 0, "sapu \(arguments.joined(separator: " ")) wrote to a damaged database")
            // A scanning station answers the line with the reason, then says the scan was not saved.
            let said = refused.stdout + refused.stderr
            #expect(said.contains("is damaged") && said.contains("sapu restore"), "sapu \(arguments.joined(separator: " ")): \(said)")
        }
        // Not a byte changed, and no WAL file left with anything in it.
        let after = sapu.fileState()
        #expect(after.bytes == before.bytes)
        #expect(!after.wal)
        // Reads go on.
        try sapu.ok("stock")
    }

    @Test func aSoundSiteGetsOneVerdictLinePerCheckAndExitsZero() throws {
        let shop = try ShippedWorkshop()
        let output = try shop.sapu.run("doctor", "--lang", "en")
        #expect(output.status == 0, "\(output.stdout) \(output.stderr)")
        let lines = output.lines
        #expect(lines.allSatisfy { $0.hasPrefix("OK ") }, "\(lines)")
        #expect(lines.contains { $0.contains("database integrity: sound") })
        #expect(lines.contains { $0.contains("signing key: K1") && $0.contains("matches") })
        #expect(lines.contains { $0.contains("shipment documents: 1 shipments, every file present") })
    }

    @Test func doctorFindsAMissingDocumentAndAnAlteredManifest() throws {
        let shop = try ShippedWorkshop()
        try FileManager.default.removeItem(atPath: shop.docs + "/" + shop.stem + ".pdf")
        var manifest = try Data(contentsOf: URL(fileURLWithPath: shop.docs + "/" + shop.stem + ".manifest.json"))
        manifest.append(0x0A)
        try manifest.write(to: URL(fileURLWithPath: shop.docs + "/" + shop.stem + ".manifest.json"))
        let output = try shop.sapu.run("doctor", "--lang", "en", "--json")
        #expect(output.status != 0)
        let report = try #require(try shop.sapu.json(output) as? [String: Any])
        #expect(report["ok"] as? Bool == false)
        let failing = (report["checks"] as? [[String: Any]] ?? []).filter { $0["ok"] as? Bool == false }.compactMap { $0["detail"] as? String }
        #expect(failing.contains { $0.contains(shop.stem + ".pdf is missing") }, "\(failing)")
        #expect(failing.contains { $0.contains(shop.stem + ".manifest.json differs from the manifest recorded") }, "\(failing)")
    }

    @Test func doctorReportsAKeyFileTheDatabaseDoesNotRegister() throws {
        let shop = try ShippedWorkshop()
        let stranger = try SapuRunner()
        try stranger.ok("init", "--site", "PWT", "--name", "Another site with the same code")
        try FileManager.default.removeItem(atPath: shop.sapu.directory + "/PWT.key")
        try FileManager.default.copyItem(atPath: stranger.directory + "/PWT.key", toPath: shop.sapu.directory + "/PWT.key")
        let output = try shop.sapu.run("doctor", "--lang", "en")
        #expect(output.status != 0)
        #expect(output.lines.contains { $0.hasPrefix("PROBLEM") && $0.contains("signing key:") }, "\(output.stdout)")
    }

    @Test func aDatabaseWithItsVersionSetToMinusOneOrToAnOlderOneSaysWhatIsWrong() throws {
        let (sapu, _) = try SapuRunner.workshop()
        for version in ["-1", "1", "0"] {
            _ = try sapu.sql("PRAGMA user_version = \(version)")
            let before = try sapu.dump()
            let output = try sapu.run("stock", "--lang", "en")
            #expect(output.status == 1)
            #expect(!output.stderr.contains("SQLite code") && output.stderr.contains("restore"), "\(version): \(output.stderr)")
            #expect(output.stderr.contains("version \(version)"), "\(version): \(output.stderr)")
            #expect(try sapu.dump() == before)
        }
    }
}
