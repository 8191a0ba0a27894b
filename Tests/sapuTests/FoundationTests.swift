import Foundation
import Testing

@Suite("sapu: registry and inspection, end to end")
struct FoundationTests {
    @Test func initCreatesAnOwnerOnlyPrivateKeyAndNeverPrintsIt() throws {
        let sapu = try SapuRunner()
        let output = try sapu.ok("init", "--site", "pwt", "--name", "Lapas Kelas IIA Purwokerto")
        let attributes = try FileManager.default.attributesOfItem(atPath: sapu.directory + "/PWT.key")
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(FileManager.default.fileExists(atPath: sapu.directory + "/PWT.pub"))
        let privateKey = try String(contentsOfFile: sapu.directory + "/PWT.key", encoding: .utf8)
        let secret = try #require(privateKey.split(separator: "\n").last?.split(separator: " ").last)
        let shown = output.stdout + (try sapu.ok("key", "show").stdout) + (try sapu.ok("key", "show", "--json").stdout)
        #expect(!shown.contains(secret))
        #expect(output.stdout.contains("PWT.pub"))
    }

    @Test func initTwiceRefusesAndChangesNothing() throws {
        let (sapu, _) = try SapuRunner.workshop()
        let before = try sapu.dump()
        let key = try String(contentsOfFile: sapu.directory + "/PWT.key", encoding: .utf8)
        let again = try sapu.run("init", "--site", "PWT", "--name", "Other")
        #expect(again.status != 0)
        #expect(again.stderr.contains("sudah ada"))
        #expect(try sapu.dump() == before)
        #expect(try String(contentsOfFile: sapu.directory + "/PWT.key", encoding: .utf8) == key)
    }

    @Test func inspectingCreatesBundlesAndPrintsTheirIds() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        #expect(batch == "PWT251121A")
        let passed = try sapu.ok("inspect", "--batch", batch, "--maker", "m042", "--pass", "--grade", "a", "--count", "3",
                                 "--inspector", "QC1")
        #expect(passed.lines == ["PWT251121A-0001", "PWT251121A-0002", "PWT251121A-0003"])
        let failed = try sapu.ok("inspect", "--batch", batch, "--maker", "M043", "--fail", "--defect", "loose,damp", "--json")
        let objects = try #require(try sapu.json(failed) as? [[String: Any]])
        #expect(objects.count == 1)
        #expect(objects[0]["id"] as? String == "PWT251121A-0004")
        #expect(objects[0]["batch"] as? String == batch)
        #expect(objects[0]["maker"] as? String == "M043")
        #expect(objects[0]["result"] as? String == "fail")
        #expect(objects[0]["defects"] as? [String] == ["LOOSE", "DAMP"])

        let stock = try #require(try sapu.json(try sapu.ok("stock", "--all", "--json")) as? [[String: Any]])
        let rows = Set(stock.map { "\($0["product"]!) \($0["grade"]!) \($0["state"]!) \($0["count"]!)" })
        #expect(rows == ["LIDI A inspected 3", "LIDI FAIL quarantined 1"])
    }

    @Test func reinspectionAfterReworkIsInTheHistory() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        try sapu.ok("inspect", "--batch", batch, "--maker", "M042", "--fail", "--defect", "DAMP")
        try sapu.ok("inspect", "PWT251121A-0001", "--pass", "--grade", "B", "--inspector", "QC2")
        let show = try #require(try sapu.json(try sapu.ok("bundle", "show", "pwt251121a-0001", "--json")) as? [String: Any])
        #expect(show["id"] as? String == "PWT251121A-0001")
        #expect(show["state"] as? String == "inspected")
        #expect(show["grade"] as? String == "B")
        let history = try #require(show["history"] as? [[String: Any]])
        #expect(history.map { $0["move"] as? String } == ["inspect", "reinspect"])
        #expect(history.last?["operator"] as? String == "QC2")
        #expect((history.last?["at"] as? String)?.hasSuffix("+07:00") == true)
        let text = try sapu.ok("bundle", "show", "PWT251121A-0001").stdout
        #expect(text.contains("LULUS B") && text.contains("TIDAK LULUS: Lembap / belum kering"))
    }

    @Test func listsFilterByBatchAndState() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        try sapu.ok("inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A", "--count", "2")
        let other = try sapu.ok("batch", "create", "--product", "GLAGAH").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try sapu.ok("inspect", "--batch", other, "--maker", "M043", "--pass", "--grade", "B")
        let list = try #require(try sapu.json(try sapu.ok("bundle", "list", "--batch", other, "--json")) as? [[String: Any]])
        #expect(list.map { $0["id"] as? String } == ["\(other)-0001"])
        #expect(list.allSatisfy { $0["state"] as? String == "inspected" })
        let none = try #require(try sapu.json(try sapu.ok("bundle", "list", "--state", "in-stock", "--json")) as? [Any])
        #expect(none.isEmpty)
        let defects = try #require(try sapu.json(try sapu.ok("defect", "list", "--json")) as? [[String: Any]])
        #expect(Set(defects.compactMap { $0["code"] as? String }).isSuperset(of: ["SHORT", "LOOSE", "DIRTY", "DAMP", "BROKEN", "UNDER"]))
    }

    @Test func makerNamesAppearOnlyInMakerList() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        try sapu.ok("inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A")
        #expect(try sapu.ok("maker", "list").stdout.contains("Budi Santoso"))
        for arguments in [["bundle", "show", "PWT251121A-0001"], ["bundle", "list"], ["stock"], ["batch", "show", batch],
                          ["bundle", "show", "PWT251121A-0001", "--json"], ["bundle", "list", "--json"]] {
            #expect(!(try sapu.run(arguments).stdout.contains("Budi")), "\(arguments)")
        }
    }

    @Test func messagesFollowTheChosenLanguage() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        let indonesian = try sapu.run("inspect", "--batch", batch, "--maker", "M999", "--pass", "--grade", "A")
        #expect(indonesian.stderr.contains("kode pembuat tidak dikenal: M999"))
        let english = try sapu.run("inspect", "--batch", batch, "--maker", "M999", "--pass", "--grade", "A", "--lang", "en")
        #expect(english.stderr.contains("unknown maker code: M999"))
        var environment = sapu
        environment.environment["SAPU_LANG"] = "en"
        #expect(try environment.run("stock").stdout.contains("no bundles yet"))
    }
}

@Suite("sapu: bad input changes nothing")
struct BadInputTests {
    /// Runs a command that must fail with a message and leave the database as it was.
    func refuse(_ sapu: SapuRunner, _ arguments: [String], saying text: String,
                sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try sapu.dump()
        let output = try sapu.run(arguments)
        #expect(output.status != 0, "\(arguments)", sourceLocation: sourceLocation)
        #expect(output.stderr.contains(text), "\(arguments): \(output.stderr)", sourceLocation: sourceLocation)
        #expect(output.stderr.split(separator: "\n").count == 1, "one line: \(output.stderr)", sourceLocation: sourceLocation)
        #expect(!output.stderr.contains("SQL"), sourceLocation: sourceLocation)
        #expect(try sapu.dump() == before, "\(arguments) changed the database", sourceLocation: sourceLocation)
    }

    @Test func unknownCodesAreRefused() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        try refuse(sapu, ["inspect", "--batch", batch, "--maker", "M999", "--pass", "--grade", "A"], saying: "M999")
        try refuse(sapu, ["inspect", "--batch", "PWT010101Z", "--maker", "M042", "--pass", "--grade", "A"], saying: "PWT010101Z")
        try refuse(sapu, ["batch", "create", "--product", "IJUK"], saying: "IJUK")
        try refuse(sapu, ["inspect", "--batch", batch, "--maker", "M042", "--fail", "--defect", "RUSTY"], saying: "RUSTY")
        try refuse(sapu, ["bundle", "show", "PWT251121A-0099"], saying: "PWT251121A-0099")
        try refuse(sapu, ["inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "C"], saying: "grade")
    }

    @Test func aDeactivatedMakerGetsNoNewBundles() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        try sapu.ok("maker", "deactivate", "M043")
        try refuse(sapu, ["inspect", "--batch", batch, "--maker", "M043", "--pass", "--grade", "A"], saying: "M043 tidak aktif")
    }

    @Test func duplicateCodesAreRefused() throws {
        let (sapu, _) = try SapuRunner.workshop()
        try refuse(sapu, ["maker", "add", "m042"], saying: "M042 sudah ada")
        try refuse(sapu, ["product", "add", "LIDI", "--name", "Sapu Lidi Lagi"], saying: "LIDI sudah ada")
        try refuse(sapu, ["defect", "add", "DAMP", "--name-id", "Basah", "--name-en", "Wet"], saying: "DAMP sudah ada")
    }

    @Test func codesOutsideTheLabelAlphabetAreRefused() throws {
        let (sapu, _) = try SapuRunner.workshop()
        try refuse(sapu, ["maker", "add", "M-042"], saying: "hanya 0-9 dan A-Z")
        try refuse(sapu, ["product", "add", "SAPU IJUK", "--name", "x"], saying: "hanya 0-9 dan A-Z")
        try refuse(sapu, ["defect", "add", "BASAH!", "--name-id", "x", "--name-en", "y"], saying: "hanya 0-9 dan A-Z")
    }

    @Test func countsMustBePositive() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        for count in ["0", "-3", "lima", "1.5"] {
            try refuse(sapu, ["inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A", "--count=\(count)"],
                       saying: "jumlah harus")
        }
    }

    @Test func aMissingDatabaseAsksForInit() throws {
        let sapu = try SapuRunner()
        for arguments in [["stock"], ["maker", "list"], ["inspect", "--batch", "X", "--maker", "M1", "--pass", "--grade", "A"]] {
            let output = try sapu.run(arguments)
            #expect(output.status != 0)
            #expect(output.stderr.contains("sapu init"))
        }
        #expect(!FileManager.default.fileExists(atPath: sapu.database))
    }

    @Test func aFileThatIsNotASapuDatabaseIsLeftAlone() throws {
        let sapu = try SapuRunner()
        let text = Data("bukan database\n".utf8)
        try text.write(to: URL(fileURLWithPath: sapu.database))
        let output = try sapu.run("stock", "--lang", "en")
        #expect(output.status != 0)
        #expect(output.stderr.contains("not a Sapu database"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: sapu.database)) == text)
        _ = try SapuRunner.execute("sqlite3", [sapu.directory + "/foreign.sqlite", "CREATE TABLE t(x); INSERT INTO t VALUES (1);"])
        let foreign = try sapu.run("stock", "--db", sapu.directory + "/foreign.sqlite")
        #expect(foreign.stderr.contains("bukan database Sapu"))
    }

    @Test func aDatabaseFromANewerSapuIsRefused() throws {
        let (sapu, _) = try SapuRunner.workshop()
        _ = try SapuRunner.execute("sqlite3", [sapu.database, "PRAGMA user_version = 42;"])
        try refuse(sapu, ["maker", "add", "M050"], saying: "versi 42")
    }

    @Test func anUnknownLanguageIsRefused() throws {
        let (sapu, _) = try SapuRunner.workshop()
        let output = try sapu.run("stock", "--lang", "jv")
        #expect(output.status != 0)
        #expect(output.stderr.contains("jv"))
    }
}

@Suite("sapu: several stations at once")
struct ConcurrencyTests {
    /// Starts one shell per station running `script` with the sapu binary as `$SAPU`.
    func stations(_ count: Int, _ sapu: SapuRunner, script: String) throws -> [Process] {
        try (1...count).map { station in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            var environment = sapu.environment
            environment["SAPU_STATION"] = "qc-\(station)"
            environment["SAPU"] = SapuRunner.binary
            process.environment = environment
            process.currentDirectoryURL = URL(fileURLWithPath: sapu.directory)
            process.arguments = ["-c", script]
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            return process
        }
    }

    func serials(_ sapu: SapuRunner, batch: String) throws -> [Int] {
        let bundles = try #require(try sapu.json(try sapu.ok("bundle", "list", "--batch", batch, "--json")) as? [[String: Any]])
        return bundles.compactMap { $0["serial"] as? Int }
    }

    @Test func fourProcessesInspecting250EachGive1000UniqueSerials() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        let processes = try stations(4, sapu, script: "exec \"$SAPU\" inspect --batch \(batch) --maker M042 --pass --grade A --count 250 --yes")
        for process in processes {
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
        let serials = try serials(sapu, batch: batch)
        #expect(serials.count == 1000)
        #expect(Set(serials) == Set(1...1000))
    }

    @Test func fourStationsInterleavingSmallInspectionsNeverShareASerial() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        let script = "for i in $(seq 25); do \"$SAPU\" inspect --batch \(batch) --maker M042 --pass --grade A --count 10 || exit 1; done"
        for process in try stations(4, sapu, script: script) {
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
        let serials = try serials(sapu, batch: batch)
        #expect(serials.count == 1000)
        #expect(Set(serials) == Set(1...1000))
        let events = try SapuRunner.execute("sqlite3", [sapu.database, "SELECT COUNT(*), COUNT(DISTINCT station) FROM event"])
        #expect(events.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "1000|4")
    }
}
