import Foundation
import SapuCore
import Testing

/// What the site's own station says about labels under keys it does not hold.
@Suite("sapu scan: labels under keys the station did not load")
struct ScanStationKeyTests {
    /// A station runs all day at the store room; the QC desk rotates the key and prints a
    /// label with the new key. The running station called that genuine label forged.
    @Test func aStationRunningThroughAKeyRotationAcceptsTheNewLabels() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        try sapu.ok("inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A", "--count", "2")
        let first = try sapu.labelPayload("\(batch)-0001", folder: "k1")

        let process = Process()
        process.executableURL = URL(fileURLWithPath: SapuRunner.binary)
        process.arguments = ["scan", "--mode", "check", "--json", "--lang", "en"]
        process.environment = sapu.environment
        process.currentDirectoryURL = URL(fileURLWithPath: sapu.directory)
        let input = Pipe()
        let outPath = sapu.file("station.out")
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        // Once the first label is answered, the station has loaded the keys.
        try input.fileHandleForWriting.write(contentsOf: Data((first + "\n").utf8))
        var waited = 0
        while (try String(contentsOfFile: outPath, encoding: .utf8)).isEmpty, waited < 600 {
            usleep(50_000)
            waited += 1
        }
        try sapu.ok("key", "rotate")
        let second = try sapu.labelPayload("\(batch)-0002", folder: "k2")
        #expect(second.hasPrefix("SAPU1 K2 "))
        try input.fileHandleForWriting.write(contentsOf: Data((second + "\n").utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        try output.close()

        let run = ScanRun(SapuRunner.Output(status: process.terminationStatus,
                                            stdout: try String(contentsOfFile: outPath, encoding: .utf8), stderr: ""))
        #expect(run.outcomes == ["accepted", "accepted"], "\(run.answers)")
    }

    /// "Not among the keys here; if PWT rotated its key, get its new public key" is the
    /// partner's advice, not the workshop's: the site knows every key it ever issued.
    @Test func aLabelUnderAKeyTheSiteNeverIssuedOrOfAnotherSiteSaysSo() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        try sapu.ok("inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A", "--count", "1")
        let bgr = try SapuRunner()
        try bgr.ok("init", "--site", "BGR", "--name", "Lapas Bogor")
        let bgrKey = try #require(try bgr.privateKeys("BGR").first)
        let inspected = try #require(CalendarDate(compact: "251121"))
        let unissued = LabelCodec.sign(try LabelPayload(keyID: "K7", product: "LIDI", batch: batch, serial: 1, maker: "M042",
                                                        inspected: inspected, result: .pass(.a), revision: 1),
                                       with: try SigningKey.generate(site: "PWT", keyID: "K7"))
        let foreign = LabelCodec.sign(try LabelPayload(keyID: "K1", product: "LIDI", batch: "BGR251121A", serial: 1,
                                                       maker: "M042", inspected: inspected, result: .pass(.a), revision: 1),
                                      with: bgrKey)
        let before = try sapu.dump()
        let run = try sapu.scan("receive", [unissued, foreign])
        #expect(run.outcomes == ["forged", "forged"])
        #expect(run.answers.first?.reason == "label claims key K7 of PWT, which this site never issued: forged")
        #expect(run.answers.last?.reason == "label of a batch of site BGR, not of this site; this station cannot check it")
        #expect(try sapu.dump() == before)
    }

    /// With a leaked key (a retired one still verifies), a label of the bundle's current
    /// revision with another grade or date was answered "superseded, reprint it": the
    /// station now says it does not match the records. An old label after a
    /// re-inspection is still just out of date.
    @Test func aLabelOfTheCurrentRevisionThatWasNeverPrintedIsForged() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        try sapu.ok("inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "B", "--count", "2")
        let printed = try sapu.labelPayload("\(batch)-0001", folder: "l")
        let genuine = try sapu.labelPayload("\(batch)-0002", folder: "l")
        let leaked = try #require(try sapu.privateKeys().first)
        func minted(_ text: String) throws -> String {
            LabelCodec.sign(try LabelCodec.parse(text + " " + String(repeating: "0", count: 103)).payload, with: leaked)
        }
        let body = printed.split(separator: " ").dropLast().joined(separator: " ")
        let gradeA = try minted(body.replacingOccurrences(of: " QB ", with: " QA "))
        let otherDay = try minted(body.replacingOccurrences(of: " D251121 ", with: " D251120 "))
        let before = try sapu.dump()
        let run = try sapu.scan("receive", [gradeA, otherDay])
        #expect(run.outcomes == ["forged", "forged"], "\(run.answers)")
        #expect(run.answers.allSatisfy { $0.reason == "label \(batch)-0001 does not match the records" }, "\(run.answers)")
        #expect(try sapu.dump() == before)

        // The genuine label of a bundle re-inspected since is out of date, not forged.
        try sapu.ok("inspect", "\(batch)-0002", "--pass", "--grade", "A")
        let outdated = try sapu.scan("check", [genuine])
        #expect(outdated.outcomes == ["superseded"], "\(outdated.answers)")
        #expect(outdated.answers.first?.reason == "label \(batch)-0002 was made before the latest re-inspection; make its new label (sapu label \(batch)-0002)")
    }

    @Test func aLabelOfTheCurrentRevisionUnderARetiredKeyIsForged() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        try sapu.ok("inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A", "--count", "1")
        _ = try sapu.labelPayload("\(batch)-0001", folder: "k1")
        try sapu.ok("key", "rotate")
        let current = try sapu.labelPayload("\(batch)-0001", folder: "k2", again: true)
        #expect(current.contains(" K2 ") && current.contains(" R2 "), "\(current)")
        // The retired K1 leaked: the same text at the current revision, signed with it.
        let retired = try #require(try sapu.privateKeys().first { $0.keyID == "K1" })
        let body = current.split(separator: " ").dropLast().joined(separator: " ").replacingOccurrences(of: " K2 ", with: " K1 ")
        let minted = LabelCodec.sign(try LabelCodec.parse(body + " " + String(repeating: "0", count: 103)).payload, with: retired)
        let before = try sapu.dump()
        let run = try sapu.scan("receive", [minted])
        #expect(run.outcomes == ["forged"], "\(run.answers)")
        #expect(try sapu.dump() == before)
        #expect(try sapu.scan("receive", [current]).outcomes == ["accepted"])
    }
}
