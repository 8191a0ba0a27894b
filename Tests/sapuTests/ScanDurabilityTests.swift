import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite("sapu scan: acknowledged scans survive kill -9; stations share one database")
struct ScanDurabilityTests {
    /// Three scanning sessions over the same 450 bundles, in different orders: the first two
    /// are killed with SIGKILL while input is still arriving, the third runs to the end.
    @Test func everyAcknowledgedScanIsOnDiskAfterSIGKILL() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        let ids = try sapu.labelledBundles(batch, count: 450)
        var generator = SplitMix64(state: 42)
        var acceptedSoFar: Set<String> = []

        for (round, killAfter) in [90, 170, nil].enumerated() {
            // Typed ids in varied spellings, so every line is a real scan of a real bundle.
            let lines = ids.shuffled(using: &generator).enumerated().map { index, id in
                index % 3 == 0 ? id.lowercased() : id
            }
            let session = try ScanSession(sapu, arguments: ["--mode", "receive"], lines: lines, window: 40)
            try session.start()
            if let killAfter {
                let seen = session.waitForAnswers(killAfter)
                #expect(seen >= killAfter, "round \(round): only \(seen) answers before the kill")
                session.kill()
            }
            session.finish()

            let answers = session.answers
            let accepted = Set(answers.filter { $0.outcome == "accepted" }.compactMap(\.bundle))
            #expect(answers.allSatisfy { ["accepted", "duplicate"].contains($0.outcome) }, "round \(round): \(answers.filter { $0.outcome != "accepted" && $0.outcome != "duplicate" })")
            #expect(accepted.isDisjoint(with: acceptedSoFar), "round \(round): a bundle was accepted twice")
            if killAfter != nil {
                #expect(session.process.terminationReason == .uncaughtSignal && session.process.terminationStatus == SIGKILL)
                #expect(answers.count < lines.count, "round \(round): the kill came after the last line")
                #expect(session.writtenLines < lines.count || answers.count < session.writtenLines,
                        "round \(round): input was still arriving when the process was killed")
                #expect(session.summary == nil)
            } else {
                #expect(session.process.terminationStatus == 0)
                #expect(answers.count == lines.count)
                #expect(session.summary?["accepted"] == accepted.count)
            }
            acceptedSoFar.formUnion(accepted)

            // Every acceptance printed so far is in the database, once; the file opens cleanly.
            #expect(try sapu.sql("PRAGMA integrity_check") == ["ok"])
            let inStock = Set(try sapu.sql("SELECT id FROM bundle WHERE state = 'in-stock'"))
            #expect(acceptedSoFar.isSubset(of: inStock),
                    "round \(round): \(acceptedSoFar.subtracting(inStock).count) acknowledged but not in stock, e.g. \(acceptedSoFar.subtracting(inStock).sorted().prefix(5))")
            let receives = try sapu.eventCounts("receive")
            #expect(receives.values.allSatisfy { $0 == 1 })
            #expect(Set(receives.keys) == inStock)
        }

        // At the end every bundle is in stock with exactly one receive event, and sapu still works on the file.
        // A scan committed in the instant between its chunk's commit and the kill was never acknowledged:
        // the later rounds answer it as a duplicate, which is allowed; losing an acknowledged one is not.
        #expect(acceptedSoFar.isSubset(of: Set(ids)))
        #expect(Set(try sapu.sql("SELECT id FROM bundle WHERE state = 'in-stock'")) == Set(ids))
        #expect(try sapu.eventCounts("receive") == Dictionary(uniqueKeysWithValues: ids.map { ($0, 1) }))
        let stock = try #require(try sapu.json(try sapu.ok("stock", "--all", "--json")) as? [[String: Any]])
        #expect(stock.contains { $0["state"] as? String == "in-stock" && $0["count"] as? Int == 450 }, "\(stock)")
    }

    /// "Power can fail the next second": SIGKILL cannot show that an answer waited for the disk,
    /// because the kernel still holds what the process wrote. strace can: between the database
    /// writes of a scan and its answer on stdout there must be an fsync or fdatasync.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/strace"), "needs strace"))
    func eachAnswerIsPrintedOnlyAfterItsCommitReachedTheDisk() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        let ids = try sapu.labelledBundles(batch, count: 3)
        let trace = sapu.directory + "/scan.strace"
        let strace = ["strace", "-f", "-qq", "-e", "trace=pwrite64,write,fsync,fdatasync", "-o", trace, SapuRunner.binary,
                      "scan", "--mode", "receive", "--json"]
        // One at a time, as a clerk scans: each line is its own chunk and its own commit.
        let feed = ids.map { "sleep 0.3; echo \($0)" }.joined(separator: "; ") + "; sleep 0.3"
        let output = try SapuRunner.execute("/bin/sh", ["-c", "(\(feed)) | " + strace.map { "'\($0)'" }.joined(separator: " ")],
                                            environment: sapu.environment, directory: sapu.directory)
        #expect(ScanRun(output).outcomes == ["accepted", "accepted", "accepted"], "\(output.stdout) \(output.stderr)")

        // Walk the calls in order: a pwrite64 to a database file makes it dirty, a sync makes it clean,
        // and every answer must be written while it is clean.
        var unsynced = false
        var answers = 0
        var answersBeforeSync: [String] = []
        for line in try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n") {
            if line.contains("pwrite64(") {
                unsynced = true
            } else if line.contains("fsync(") || line.contains("fdatasync(") || line.contains("fsync resumed") || line.contains("fdatasync resumed") {
                if !line.contains("unfinished") { unsynced = false }
            } else if line.contains(#"write(1, "{\"bundle\""#) {
                answers += 1
                if unsynced { answersBeforeSync.append(String(line.prefix(120))) }
            }
        }
        #expect(answers == 3, "the trace shows every answer")
        #expect(answersBeforeSync.isEmpty, "answers printed before their commit was synced: \(answersBeforeSync)")
    }

    /// Four stations receive overlapping sets of 240 bundles at once, each in its own order.
    @Test func fourStationsReceivingAtOnceCountEveryBundleExactlyOnce() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        let ids = try sapu.labelledBundles(batch, count: 240)
        var generator = SplitMix64(state: 7)
        let receiveCode = try sapu.controlCode("SAPUC MODE RECEIVE")
        var sessions: [ScanSession] = []
        for station in 0..<4 {
            var runner = sapu
            runner.environment["SAPU_STATION"] = "gudang-\(station)"
            let first = station * 30
            let share: [String] = Array(ids[first..<(first + 150)]).shuffled(using: &generator)
            sessions.append(try ScanSession(runner, arguments: ["--mode", "receive"], lines: share,
                                            prelude: [receiveCode], window: 12))
        }
        try Self.runTogether(sessions)

        var acceptedBy: [String: [Int]] = [:]
        var duplicates = 0
        for (station, session) in sessions.enumerated() {
            #expect(session.process.terminationStatus == 0, "station \(station)")
            let answers = session.answers.filter { $0.outcome != "control" }
            #expect(answers.count == 150, "station \(station) answered \(answers.count) of 150")
            for answer in answers {
                #expect(answer.state == "in-stock", "station \(station): \(answer)")
                switch answer.outcome {
                case "accepted": acceptedBy[answer.bundle ?? "", default: []].append(station)
                case "duplicate": duplicates += 1
                default: Issue.record("station \(station): \(answer)")
                }
            }
            let summary = session.summary
            #expect(summary?["accepted"] == answers.count { $0.outcome == "accepted" })
            #expect(summary?["duplicate"] == answers.count { $0.outcome == "duplicate" })
        }
        #expect(Set(acceptedBy.keys) == Set(ids))
        #expect(acceptedBy.values.allSatisfy { $0.count == 1 }, "accepted by two stations: \(acceptedBy.filter { $0.value.count > 1 })")
        #expect(acceptedBy.count + duplicates == 600)

        #expect(try sapu.count("SELECT COUNT(*) FROM bundle WHERE state = 'in-stock'") == 240)
        #expect(try sapu.eventCounts("receive") == Dictionary(uniqueKeysWithValues: ids.map { ($0, 1) }))
        // The stations really did work at the same time: their receive events interleave.
        let order = try sapu.sql("SELECT station FROM event WHERE move = 'receive' ORDER BY seq")
        let runs = zip(order, order.dropFirst()).count { $0 != $1 } + 1
        #expect(runs > 4, "the four stations' receives did not interleave; the test proved nothing")
        // Each receive event names the station that printed the acceptance.
        for row in try sapu.sql("SELECT bundle, station FROM event WHERE move = 'receive'") {
            let parts = row.split(separator: "|").map(String.init)
            #expect(acceptedBy[parts[0]].map { "gudang-\($0[0])" } == parts[1], "\(row)")
        }
    }

    /// Two stations pack into one shipment and two into another, over the same bundles:
    /// no bundle ends up in two shipments or is packed twice.
    @Test func fourStationsPackingAtOnceNeverPackABundleTwice() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        let ids = try sapu.labelledBundles(batch, count: 160)
        try sapu.ok(contentsOfArguments: ["scan", "--mode", "receive"], input: ids.joined(separator: "\n") + "\n")
        let shipments = try ["CV. Pusat Handicraft", "Toko Sapu Kroya"].map {
            try sapu.ok("shipment", "create", "--to", $0).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        var generator = SplitMix64(state: 2025)
        let packCode = try sapu.controlCode("SAPUC MODE PACK")
        var sessions: [ScanSession] = []
        for station in 0..<4 {
            let first = station * 20
            let share: [String] = Array(ids[first..<(first + 100)]).shuffled(using: &generator)
            sessions.append(try ScanSession(sapu, arguments: ["--mode", "pack", "--shipment", shipments[station % 2]], lines: share,
                                            prelude: [packCode], window: 12))
        }
        try Self.runTogether(sessions)

        var packedInto: [String: [String]] = [:]
        for (station, session) in sessions.enumerated() {
            let answers = session.answers.filter { $0.outcome != "control" }
            #expect(answers.count == 100, "station \(station)")
            for answer in answers {
                switch answer.outcome {
                case "accepted": packedInto[answer.bundle ?? "", default: []].append(shipments[station % 2])
                case "duplicate", "refused": #expect(answer.state == "packed", "\(answer)")
                default: Issue.record("station \(station): \(answer)")
                }
            }
        }
        let scanned = Set(ids[0..<160])
        #expect(Set(packedInto.keys) == scanned)
        #expect(packedInto.values.allSatisfy { $0.count == 1 }, "\(packedInto.filter { $0.value.count > 1 })")
        #expect(try sapu.eventCounts("pack") == Dictionary(uniqueKeysWithValues: scanned.map { ($0, 1) }))
        for row in try sapu.sql("SELECT id, state, shipment FROM bundle") {
            let parts = row.split(separator: "|").map(String.init)
            #expect(parts[1] == "packed" && packedInto[parts[0]] == [parts[2]], "\(row)")
        }
        for row in try sapu.sql("SELECT bundle, shipment FROM event WHERE move = 'pack'") {
            let parts = row.split(separator: "|").map(String.init)
            #expect(packedInto[parts[0]] == [parts[1]], "\(row)")
        }
    }

    /// Starts the stations, waits until each has answered its prelude (its database is open),
    /// then lets them all go at once and waits for them to finish.
    static func runTogether(_ sessions: [ScanSession]) throws {
        for session in sessions { try session.start() }
        for session in sessions { #expect(session.waitForAnswers(1) == 1, "a station did not start") }
        for session in sessions { session.release() }
        for session in sessions { session.finish() }
    }
}
