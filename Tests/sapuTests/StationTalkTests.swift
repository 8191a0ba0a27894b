import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Bundles in every state a clerk meets at the station, typed by hand (`manual`):
/// 0001 inspected and labelled, 0002 inspected without a label, 0003 failed (quarantined),
/// 0004 in stock, 0005 packed in shipment `packedIn`, 0006 scrapped, 0007 shipped in `shipped`;
/// `open` is a second open shipment.
struct ClerkWorkshop {
    let sapu: SapuRunner
    let batch: String
    let packedIn: String
    let open: String
    let shipped: String

    init() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        try sapu.ok("inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A")
        try sapu.ok("label", "--batch", batch, "--format", "zpl", "--out", "zpl")
        try sapu.ok("inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A")
        try sapu.ok("inspect", "--batch", batch, "--maker", "M043", "--fail", "--defect", "LOOSE")
        try sapu.ok("inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "B", "--count", "4")
        let ids = (3...7).map { "\(batch)-000\($0)" }
        try sapu.ok(contentsOfArguments: ["label"] + ids + ["--format", "zpl", "--out", "zpl2"])
        try sapu.scan("receive", (4...7).map { "\(batch)-000\($0)" })
        func create(_ consignee: String) throws -> String {
            try sapu.ok("shipment", "create", "--to", consignee).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        shipped = try create("CV. Pusat Handicraft")
        try sapu.scan("pack", ["\(batch)-0007"], ["--shipment", shipped])
        try sapu.ok("shipment", "close", shipped, "--out", "docs")
        try sapu.ok("shipment", "ship", shipped)
        packedIn = try create("Toko Sapu Makmur")
        try sapu.scan("pack", ["\(batch)-0005"], ["--shipment", packedIn])
        open = try create("UD Sumber Rejeki")
        try sapu.scan("quarantine", ["\(batch)-0006"])
        try sapu.scan("scrap", ["\(batch)-0006"])
        self.sapu = sapu
        self.batch = batch
        #expect(try sapu.states() == [id(1): "inspected", id(2): "inspected", id(3): "quarantined", id(4): "in-stock",
                                      id(5): "packed", id(6): "scrapped", id(7): "shipped"])
    }

    func id(_ serial: Int) -> String { "\(batch)-000\(serial)" }

    /// The reason of the single answer to `line` in `mode`, in `lang`.
    func reason(_ mode: String, _ line: String, _ lang: String, _ extra: [String] = []) throws -> String? {
        let output = try sapu.run(["scan", "--mode", mode, "--json", "--lang", lang] + extra, input: line + "\n")
        #expect(output.status == 0, "\(output.stderr)")
        let run = ScanRun(output)
        #expect(run.answers.count == 1, "\(output.stdout)")
        return run.answers.first?.reason
    }
}

@Suite("sapu scan talks to the clerk: refusals, shipments, counts, typos, the start and the end")
struct StationTalkTests {
    /// Every refusal a clerk can meet, with its reason in both languages, word for word.
    @Test func everyRefusalSaysWhyInTheClerksWords() throws {
        let shop = try ClerkWorkshop()
        let before = try shop.sapu.dump()
        let other = ["--shipment", shop.open]
        // (mode, serial, extra options, English, Indonesian); the JSON reason starts with the bundle id.
        let cases: [(String, Int, [String], String, String)] = [
            ("pack", 1, other,
             "this bundle has only been inspected and is not in stock yet; it cannot be packed: receive it into stock first (receive mode)",
             "ikatan ini baru diperiksa, belum masuk gudang; tidak bisa dikemas: terima ke gudang dulu (mode terima)"),
            ("unpack", 1, [],
             "this bundle has only been inspected and is not in stock yet; it cannot be unpacked: only a packed bundle can be unpacked",
             "ikatan ini baru diperiksa, belum masuk gudang; tidak bisa dibongkar: hanya ikatan yang sedang dikemas yang bisa dibongkar"),
            ("return", 1, [],
             "this bundle has only been inspected and is not in stock yet; it cannot be returned: only a bundle that was shipped can be returned",
             "ikatan ini baru diperiksa, belum masuk gudang; tidak bisa diretur: hanya ikatan yang sudah dikirim yang bisa diretur"),
            ("receive", 2, [],
             "this bundle has no current label (none printed yet, or printed before its latest re-inspection); it cannot be received into stock: ask the QC desk for a new label",
             "ikatan ini belum punya label yang berlaku (belum dicetak, atau dicetak sebelum pemeriksaan ulang terakhir); tidak bisa diterima ke gudang: minta label baru ke meja QC"),
            ("receive", 3, [],
             "this bundle is in quarantine; it cannot be received into stock: it must be re-inspected and pass first",
             "ikatan ini di karantina; tidak bisa diterima ke gudang: ikatan harus diperiksa ulang dan LULUS dulu"),
            ("pack", 3, other,
             "this bundle is in quarantine; it cannot be packed: it must be re-inspected and pass first",
             "ikatan ini di karantina; tidak bisa dikemas: ikatan harus diperiksa ulang dan LULUS dulu"),
            ("return", 3, [],
             "this bundle is in quarantine; it cannot be returned: only a bundle that was shipped can be returned",
             "ikatan ini di karantina; tidak bisa diretur: hanya ikatan yang sudah dikirim yang bisa diretur"),
            ("scrap", 4, [],
             "this bundle is in stock; it cannot be scrapped: quarantine it first (quarantine mode)",
             "ikatan ini ada di gudang; tidak bisa dimusnahkan: karantina dulu (mode karantina)"),
            ("unpack", 3, [],
             "this bundle is in quarantine; it cannot be unpacked: only a packed bundle can be unpacked",
             "ikatan ini di karantina; tidak bisa dibongkar: hanya ikatan yang sedang dikemas yang bisa dibongkar"),
            ("receive", 5, [],
             "this bundle is packed in a shipment; it cannot be received into stock: unpack it from its shipment first (unpack mode)",
             "ikatan ini sudah dikemas dalam pengiriman; tidak bisa diterima ke gudang: bongkar dulu dari pengirimannya (mode bongkar)"),
            ("quarantine", 5, [],
             "this bundle is packed in a shipment; it cannot be quarantined: unpack it from its shipment first (unpack mode)",
             "ikatan ini sudah dikemas dalam pengiriman; tidak bisa dikarantina: bongkar dulu dari pengirimannya (mode bongkar)"),
            ("scrap", 5, [],
             "this bundle is packed in a shipment; it cannot be scrapped: unpack it from its shipment first (unpack mode)",
             "ikatan ini sudah dikemas dalam pengiriman; tidak bisa dimusnahkan: bongkar dulu dari pengirimannya (mode bongkar)"),
            ("return", 5, [],
             "this bundle is packed in a shipment; it cannot be returned: unpack it from its shipment first (unpack mode)",
             "ikatan ini sudah dikemas dalam pengiriman; tidak bisa diretur: bongkar dulu dari pengirimannya (mode bongkar)"),
            ("receive", 6, [],
             "this bundle has been scrapped; it cannot be received into stock any more",
             "ikatan ini sudah dimusnahkan; tidak bisa diterima ke gudang lagi"),
            ("pack", 6, other,
             "this bundle has been scrapped; it cannot be packed any more", "ikatan ini sudah dimusnahkan; tidak bisa dikemas lagi"),
            ("unpack", 6, [],
             "this bundle has been scrapped; it cannot be unpacked any more", "ikatan ini sudah dimusnahkan; tidak bisa dibongkar lagi"),
            ("return", 6, [],
             "this bundle has been scrapped; it cannot be returned any more", "ikatan ini sudah dimusnahkan; tidak bisa diretur lagi"),
            ("quarantine", 6, [],
             "this bundle has been scrapped; it cannot be quarantined any more", "ikatan ini sudah dimusnahkan; tidak bisa dikarantina lagi"),
            ("receive", 7, [],
             "this bundle has been shipped; it cannot be received into stock: if it has come back, scan it in return mode first",
             "ikatan ini sudah dikirim; tidak bisa diterima ke gudang: bila ikatan ini sudah kembali, pindai dulu di mode retur"),
            ("quarantine", 7, [],
             "this bundle has been shipped; it cannot be quarantined: if it has come back, scan it in return mode first",
             "ikatan ini sudah dikirim; tidak bisa dikarantina: bila ikatan ini sudah kembali, pindai dulu di mode retur"),
            ("scrap", 7, [],
             "this bundle has been shipped; it cannot be scrapped: if it has come back, scan it in return mode first",
             "ikatan ini sudah dikirim; tidak bisa dimusnahkan: bila ikatan ini sudah kembali, pindai dulu di mode retur"),
            ("pack", 7, other,
             "this bundle has been shipped; it cannot be packed: if it has come back, scan it in return mode first",
             "ikatan ini sudah dikirim; tidak bisa dikemas: bila ikatan ini sudah kembali, pindai dulu di mode retur"),
        ]
        for (mode, serial, extra, english, indonesian) in cases {
            let id = shop.id(serial)
            #expect(try shop.reason(mode, id, "en", extra) == "\(id): \(english)", "\(mode) \(id)")
            #expect(try shop.reason(mode, id, "id", extra) == "\(id): \(indonesian)", "\(mode) \(id)")
        }

        // Packed in another shipment than the station's: named, with what to do.
        let packed = shop.id(5), elsewhere = shop.packedIn
        #expect(try shop.reason("pack", packed, "en", other)
                == "this bundle is already packed in another shipment, \(elsewhere); it cannot be packed here. If it was packed by mistake, unpack it first (unpack mode)")
        #expect(try shop.reason("pack", packed, "id", other)
                == "ikatan ini sudah dikemas di pengiriman lain, \(elsewhere); tidak bisa dikemas di sini. Bila salah kemas, bongkar dulu (mode bongkar)")
        #expect(try shop.reason("unpack", packed, "en", other)
                == "this bundle is packed in another shipment, \(elsewhere), not this station's; to unpack it, first scan the control code of shipment \(elsewhere)")
        #expect(try shop.reason("unpack", packed, "id", other)
                == "ikatan ini dikemas di pengiriman lain, \(elsewhere), bukan pengiriman stasiun ini; untuk membongkarnya, pindai dulu kode perintah pengiriman \(elsewhere)")

        // The plain line says it after the bundle, without the programmer's words.
        let plain = try shop.sapu.run(["scan", "--mode", "pack", "--shipment", shop.open], input: shop.id(3) + "\n")
        let line = try #require(plain.lines.first)
        #expect(line.hasPrefix("DITOLAK") && line.hasSuffix("— ikatan ini di karantina; tidak bisa dikemas: ikatan harus diperiksa ulang dan LULUS dulu"),
                "\(line)")
        #expect(!line.contains("ditolak, status") && !line.contains("quarantine mode"), "\(line)")
        let unchanged = try shop.sapu.dump() == before
        #expect(unchanged, "a refusal changed the database")
    }

    /// The clerk is told to scan a shipment's control code, never to type a command-line flag.
    @Test func shipmentProblemsMidSessionTellTheClerkWhatToScan() throws {
        let shop = try ClerkWorkshop()
        let sapu = shop.sapu
        func code(_ shipment: String) throws -> String {
            try sapu.controlCode("SAPUC SHIPMENT " + shipment.split(separator: "/").joined(separator: " "))
        }
        let pack = try sapu.controlCode("SAPUC MODE PACK")
        let unknown = "099/SJ/PWT/XI/2025"
        let lines = [pack, shop.id(4), try code(shop.shipped), shop.id(4), try code(unknown), shop.id(4), try code(shop.open),
                     shop.id(4)]
        let run = try sapu.scan("receive", lines)
        #expect(run.outcomes == ["control", "refused", "control", "refused", "control", "refused", "control", "accepted"],
                "\(run.answers)")
        guard run.answers.count == 8 else { return }
        let none = "no shipment chosen to pack into: first scan the shipment's control code (the sheet from `sapu label commands --shipment NUMBER`)"
        #expect(run.answers[0].reason == none && run.answers[1].reason == none)
        let shipped = "shipment \(shop.shipped) is shipped; nothing more can be packed into it: scan the control code of another open shipment (the sheet from `sapu label commands --shipment NUMBER`)"
        #expect(run.answers[2].reason == shipped && run.answers[3].reason == shipped)
        let notOnRecord = "shipment \(unknown) is not on record in this database; scan the control code of an open shipment (the sheet from `sapu label commands --shipment NUMBER`)"
        #expect(run.answers[4].reason == notOnRecord && run.answers[5].reason == notOnRecord)
        #expect(run.answers[6].reason == nil && run.answers[7].state == "packed")
        for answer in run.answers { #expect(answer.reason?.contains("needs --shipment") != true) }

        let indonesian = try sapu.run(["scan", "--mode", "receive", "--lang", "id"], input: pack + "\n" + shop.id(1) + "\n")
        #expect(indonesian.lines.first?.contains("KONTROL       mode sekarang kemas  — belum ada pengiriman yang dipilih untuk dikemas: pindai dulu kode perintah pengirimannya") == true,
                "\(indonesian.stdout)")
        // Started without a shipment, the command line is what to fix.
        let started = try sapu.run("scan", "--mode", "pack", "--lang", "id", input: "")
        #expect(started.status == 1 && started.stderr == "galat: mode kemas butuh --shipment NOMOR\n", "\(started.stderr)")
    }

    @Test func packModeShowsARunningCountOfTheShipmentAcrossStations() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        let ids = try sapu.labelledBundles(batch, count: 4)
        try sapu.ok(contentsOfArguments: ["scan", "--mode", "receive"], input: ids.joined(separator: "\n") + "\n")
        let shipment = try sapu.ok("shipment", "create", "--to", "CV. Pusat Handicraft").stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let first = try sapu.run(["scan", "--mode", "pack", "--shipment", shipment, "--lang", "en"],
                                 input: ids[0] + "\n" + ids[1] + "\n")
        #expect(first.lines.count == 3, "\(first.stdout)")
        #expect(first.lines.first?.hasSuffix("— 1 bundle in \(shipment)") == true, "\(first.stdout)")
        #expect(first.lines.dropFirst().first?.hasSuffix("— 2 bundles in \(shipment)") == true, "\(first.stdout)")
        // Another station (another process) counts what is already in the shipment.
        let second = try sapu.run(["scan", "--mode", "pack", "--shipment", shipment, "--lang", "id"],
                                  input: [ids[2], ids[2], ids[3]].joined(separator: "\n") + "\n")
        #expect(second.lines.count == 4, "\(second.stdout)")
        #expect(second.lines[0].hasSuffix("— 3 ikatan di \(shipment)"), "\(second.stdout)")
        #expect(second.lines[1].hasPrefix("DUPLIKAT") && !second.lines[1].contains("ikatan di"), "\(second.stdout)")
        #expect(second.lines[2].hasSuffix("— 4 ikatan di \(shipment)"), "\(second.stdout)")
        let unpacked = try sapu.scan("unpack", [ids[3]])
        #expect(unpacked.outcomes == ["accepted"])
        let json = try sapu.run(["scan", "--mode", "pack", "--shipment", shipment, "--json"], input: ids[3] + "\n")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.lines[0].utf8)) as? [String: Any])
        #expect(object["shipmentBundles"] as? Int == 4 && object["shipment"] as? String == shipment, "\(json.stdout)")
        #expect(try sapu.count("SELECT COUNT(*) FROM bundle WHERE shipment = '\(shipment)'") == 4)
    }

    @Test func emptyLinesAreIgnoredSilently() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        let ids = try sapu.labelledBundles(batch, count: 1)
        let input = "\n\n   \n\t\r\n" + ids[0] + "\n\n \n"
        let json = try sapu.scan("receive", data: Data(input.utf8))
        #expect(json.outcomes == ["accepted"], "\(json.answers)")
        #expect(json.summary?.values.reduce(0, +) == 1 && json.summary?["not-sapu"] == 0)
        let plain = try sapu.run(["scan", "--mode", "receive", "--lang", "id"], input: input)
        #expect(plain.lines.count == 2, "\(plain.stdout)")
        #expect(plain.lines.first?.hasPrefix("DUPLIKAT") == true)
        #expect(plain.lines.last == "Ringkasan: 1 pindaian: DUPLIKAT 1")
        #expect(plain.stderr.isEmpty)
    }

    /// A typed id with O for 0, or I or L for 1, gets the id it resembles as a question; nothing is applied.
    @Test func aTypedIdWithLookAlikeCharactersGetsADidYouMean() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        let ids = try sapu.labelledBundles(batch, count: 3)
        let before = try sapu.dump()
        let letters = batch.replacingOccurrences(of: "1", with: "I")
        #expect(letters != batch)
        let typed = ["\(batch)-OOO1", "\(letters)-0002", "\(batch.lowercased().replacingOccurrences(of: "1", with: "l")) 0003",
                     "\(batch)OOO2", "\(batch)-OO99"]
        let run = try sapu.scan("receive", typed)
        #expect(run.outcomes == ["not-sapu", "unknown", "unknown", "not-sapu", "not-sapu"], "\(run.answers)")
        guard run.answers.count == 5 else { return }
        for (index, id) in [ids[0], ids[1], ids[2], ids[1]].enumerated() {
            #expect(run.answers[index].reason == "\"\(typed[index])\" is not on record; did you mean \(id)? (the letter O and the digit 0, the letters I or L and the digit 1 are easily mixed up; type it again)",
                    "\(run.answers[index])")
        }
        #expect(run.answers[4].reason?.contains("did you mean") == false, "no bundle 0099: \(run.answers[4])")
        let indonesian = try sapu.run(["scan", "--mode", "receive", "--lang", "id"], input: typed[0] + "\n")
        #expect(indonesian.lines.first?.contains("maksud Anda \(ids[0])?") == true, "\(indonesian.stdout)")
        let unchanged = try sapu.dump() == before
        #expect(unchanged, "a suggestion was applied")
    }

    /// Ctrl-C (SIGINT) or SIGTERM while the scanner's pipe is still open: the summary is printed,
    /// what was answered is saved, and the status is 128 plus the signal's number.
    @Test(arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143))])
    func aStopSignalPrintsTheSummaryAndKeepsWhatWasAnswered(signal: Int32, status: Int32) throws {
        let (sapu, batch) = try SapuRunner.workshop()
        let ids = try sapu.labelledBundles(batch, count: 2)
        let station = try RunningStation(sapu, ["scan", "--mode", "receive", "--lang", "en"])
        station.write(ids[0] + "\n" + ids[1] + "\n")
        #expect(station.waitForOutput { $0.components(separatedBy: "\n").count > 2 }, "no answers: \(station.stdout)")
        kill(station.process.processIdentifier, signal)
        let finished = station.finish()
        #expect(finished.status == status, "\(finished.stderr)")
        #expect(finished.lines.last == "Summary: 2 scans: OK 2", "\(finished.stdout)")
        #expect(finished.stderr == "Stopped; every scan that was answered is saved.\n", "\(finished.stderr)")
        #expect(try sapu.eventCounts("receive") == [ids[0]: 1, ids[1]: 1])
    }

    /// At a terminal, the first line says how to end, prompts and mode names are in the user's
    /// language, and Ctrl-C typed at the terminal ends the session with the summary.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs script(1) for a terminal"))
    func atATerminalTheStationSaysHowToEndAndCtrlCPrintsTheSummary() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        let ids = try sapu.labelledBundles(batch, count: 1)
        let command = "'\(SapuRunner.binary)' scan --mode receive --lang id"
        let station = try RunningStation(sapu, ["-qec", command, "/dev/null"], program: "/usr/bin/script")
        station.write(ids[0] + "\n")
        #expect(station.waitForOutput { $0.contains("ikatan di") || $0.contains("OK ") }, "\(station.stdout)")
        station.write("\u{03}")
        let finished = station.finish()
        let text = finished.stdout.replacingOccurrences(of: "\r", with: "")
        #expect(text.contains("Stasiun pindai, mode terima. Pindai label atau ketik id ikatan lalu Enter; Ctrl-D untuk selesai."),
                "\(text)")
        #expect(text.contains("[terima] pindai> "), "\(text)")
        #expect(text.contains("Dihentikan; semua pindaian yang sudah dijawab tersimpan.\nRingkasan: 1 pindaian: OK 1"), "\(text)")
        #expect(finished.status == 130, "\(text)")
        #expect(try sapu.eventCounts("receive") == [ids[0]: 1])
    }
}

/// A `sapu scan` (or `script` running one) whose stdin is a pipe held open by the test.
final class RunningStation: @unchecked Sendable {
    let process = Process()
    private let input = Pipe()
    private let outputPath: String
    private let errorPath: String

    init(_ sapu: SapuRunner, _ arguments: [String], program: String = SapuRunner.binary) throws {
        let scratch = NSTemporaryDirectory() + "sapu-station-" + UUID().uuidString
        outputPath = scratch + ".out"
        errorPath = scratch + ".err"
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.environment = sapu.environment
        process.currentDirectoryURL = URL(fileURLWithPath: sapu.directory)
        process.standardInput = input
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
        try process.run()
    }

    deinit {
        if process.isRunning { process.terminate() }
        try? FileManager.default.removeItem(atPath: outputPath)
        try? FileManager.default.removeItem(atPath: errorPath)
    }

    func write(_ text: String) {
        input.fileHandleForWriting.write(Data(text.utf8))
    }

    var stdout: String { (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" }

    /// Waits until the output satisfies `condition`; false after a minute without it.
    func waitForOutput(_ condition: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if condition(stdout) { return true }
            usleep(20_000)
        }
        return false
    }

    /// Waits for the end (the pipe stays open: only a signal ends it) and returns what it
    /// printed; a process still running after a minute is killed and the test fails.
    func finish(sourceLocation: SourceLocation = #_sourceLocation) -> SapuRunner.Output {
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning {
            Issue.record("the station did not end", sourceLocation: sourceLocation)
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        try? input.fileHandleForWriting.close()
        return SapuRunner.Output(status: process.terminationStatus, stdout: stdout,
                                 stderr: (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "")
    }
}
