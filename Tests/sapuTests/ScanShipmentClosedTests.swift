import Foundation
import Testing

@Suite("sapu scan: a packing station goes on when its shipment is closed elsewhere")
struct ScanShipmentClosedTests {
    static let strace = "/usr/bin/strace"

    /// Break: a station packing from a slow pipe exited with an error when another station
    /// closed its shipment, leaving hundreds of lines unanswered. Now every line is answered
    /// once, in order: those after the close are refused with what to do, and the next
    /// shipment's control code resumes packing.
    ///
    /// With strace, the close is slowed down inside its transaction (each sync waits), and the
    /// packer is let go only once the close holds the write lock: its next chunk then passes
    /// the "is the shipment open" check and meets the close at the commit, the race that made
    /// the old station exit.
    @Test func everyLineIsAnsweredWhenTheShipmentIsClosedMidScanAndTheNextShipmentResumes() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        let ids = try sapu.labelledBundles(batch, count: 260)
        try sapu.ok(contentsOfArguments: ["scan", "--mode", "receive"], input: ids.joined(separator: "\n") + "\n")
        let shipments = try ["CV. Pusat Handicraft", "Toko Sapu Kroya"].map {
            try sapu.ok("shipment", "create", "--to", $0).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let next = try sapu.controlCode("SAPUC SHIPMENT " + shipments[1].split(separator: "/").joined(separator: " "))
        let before = 40, during = 160
        let lines = Array(ids[0..<during]) + [next] + Array(ids[during..<260])
        let session = try ScanSession(sapu, arguments: ["--mode", "pack", "--shipment", shipments[0]], lines: lines,
                                      window: 12, holdBefore: before)
        try session.start()
        #expect(session.waitForAnswers(before) == before)

        // The other station closes the shipment while the packer has lines waiting.
        let slowed = FileManager.default.isExecutableFile(atPath: Self.strace)
        let close = Process()
        close.executableURL = URL(fileURLWithPath: slowed ? Self.strace : SapuRunner.binary)
        let arguments = ["shipment", "close", shipments[0], "--out", "docs"]
        close.arguments = slowed
            ? ["-f", "-qq", "-o", "/dev/null", "-e", "trace=fsync,fdatasync", "-e", "inject=fsync,fdatasync:delay_enter=400000",
               SapuRunner.binary] + arguments
            : arguments
        close.environment = sapu.environment
        close.currentDirectoryURL = URL(fileURLWithPath: sapu.directory)
        close.standardOutput = FileHandle.nullDevice
        close.standardError = FileHandle.nullDevice
        try close.run()
        if slowed {
            // Wait until the close holds the write lock (a write transaction of ours cannot begin).
            while close.isRunning {
                let probe = try SapuRunner.execute("sqlite3", [sapu.database, "BEGIN IMMEDIATE; ROLLBACK;"])
                if probe.status != 0 { break }
            }
        } else {
            close.waitUntilExit()
        }
        session.resume()
        close.waitUntilExit()
        #expect(close.terminationStatus == 0, "shipment close failed")
        session.finish()

        #expect(session.process.terminationStatus == 0, "the packing station did not finish cleanly")
        let answers = session.answers
        let answeredInOrder = answers.map(\.input) == lines
        #expect(answeredInOrder, "not every line was answered once, in order: \(answers.count) answers to \(lines.count) lines")
        guard answers.count == lines.count else { return }
        let packed = answers[0..<during].prefix { $0.outcome == "accepted" }
        #expect(packed.count >= before)
        let refused = answers[packed.count..<during]
        #expect(!refused.isEmpty, "no line came after the close")
        for answer in refused {
            #expect(answer.outcome == "refused" && answer.state == nil, "\(answer)")
            #expect(answer.reason?.contains("\(shipments[0]) is closed") == true && answer.reason?.contains("control code") == true,
                    "the clerk is told what to do: \(answer)")
        }
        #expect(answers[during].outcome == "control")
        #expect(answers[(during + 1)...].allSatisfy { $0.outcome == "accepted" && $0.state == "packed" },
                "\(answers[(during + 1)...].filter { $0.outcome != "accepted" })")

        // The database agrees with the answers: the manifest's bundles, the rest still in stock.
        let packedIDs = Set(packed.compactMap(\.bundle))
        #expect(Set(try sapu.sql("SELECT id FROM bundle WHERE shipment = '\(shipments[0])'")) == packedIDs)
        #expect(Set(try sapu.sql("SELECT id FROM bundle WHERE shipment = '\(shipments[1])'")) == Set(ids[during..<260]))
        #expect(Set(try sapu.sql("SELECT id FROM bundle WHERE state = 'in-stock'")) == Set(refused.compactMap(\.bundle)))
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath:
            sapu.directory + "/docs/" + shipments[0].replacingOccurrences(of: "/", with: "-") + ".manifest.json"))) as? [String: Any])
        let listed = (manifest["bundles"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
        #expect(Set(listed ?? []) == packedIDs)
    }

    /// A database error that concerns one chunk (here an injected I/O error at a commit) is
    /// answered on each of the chunk's lines; the station goes on, and says at the end that
    /// some scans were not saved.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: strace), "needs strace"))
    func aChunkTheDatabaseCouldNotSaveIsAnsweredAndScanningGoesOn() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        let ids = try sapu.labelledBundles(batch, count: 3)
        // One line at a time, so that each is its own chunk and its own commit.
        let feed = ids.map { "sleep 0.3; echo \($0)" }.joined(separator: "; ") + "; sleep 0.3"
        func traced(_ strace: [String], mode: String) throws -> SapuRunner.Output {
            let command = ["strace", "-f", "-qq"] + strace + [SapuRunner.binary, "scan", "--mode", mode, "--json", "--lang", "en"]
            return try SapuRunner.execute("/bin/sh", ["-c", "(\(feed)) | " + command.map { "'\($0)'" }.joined(separator: " ")],
                                          environment: sapu.environment, directory: sapu.directory)
        }
        // The syncs a station makes before it reads its first line (opening the database), from a read-only run.
        let calibration = sapu.directory + "/calibration.strace"
        _ = try traced(["-o", calibration, "-e", "trace=fsync,fdatasync,read"], mode: "check")
        let calls = try String(contentsOfFile: calibration, encoding: .utf8).split(separator: "\n")
        let opening = calls.prefix { !$0.contains("read(0,") }.count { $0.contains("sync(") }
        // The first sync after that is the first line's commit: it fails with an I/O error.
        let output = try traced(["-o", "/dev/null", "-e", "trace=fsync,fdatasync",
                                 "-e", "inject=fsync,fdatasync:error=EIO:when=\(opening + 1)"], mode: "receive")
        let run = ScanRun(output)
        #expect(run.answers.map(\.input) == ids, "\(output.stdout) \(output.stderr)")
        guard run.answers.count == 3 else { return }
        #expect(run.answers[0].outcome == "refused" && run.answers[0].reason?.contains("storage error") == true, "\(run.answers[0])")
        #expect(run.outcomes.dropFirst().allSatisfy { $0 == "accepted" }, "\(run.answers)")
        #expect(output.status != 0 && output.stderr.contains("1 scans were not saved"), "\(output.stderr)")
        // What the station said is what the database holds.
        #expect(Set(try sapu.sql("SELECT id FROM bundle WHERE state = 'in-stock'")) == Set(ids.dropFirst()))
    }
}
