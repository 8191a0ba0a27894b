import Foundation
import SapuLabels
import Testing

/// Labels printed through a real CUPS scheduler onto a raw AppSocket queue whose "printer" is a
/// listener in the test: what arrives is what a network thermal printer on port 9100 would get.
@Suite("sapu label --printer: printing through CUPS", .serialized, .timeLimit(.minutes(3)))
struct PrintingTests {
    /// A site with 6 bundles (4 passed, 2 failed) and a scheduler with a raw queue `termal`
    /// pointed at `printer`; `sapu` reaches the scheduler through CUPS_SERVER.
    struct Shop {
        var sapu: SapuRunner
        let batch: String
        let cups: CUPSScheduler
        let printer: PrinterStandIn

        init(cupsSettings: [String] = []) throws {
            let (sapu, batch) = try SapuRunner.workshop()
            try sapu.ok("inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A", "--count", "4")
            try sapu.ok("inspect", "--batch", batch, "--maker", "M043", "--fail", "--defect", "LOOSE,DAMP", "--count", "2")
            self.sapu = sapu
            self.batch = batch
            printer = try PrinterStandIn()
            cups = try CUPSScheduler(settings: cupsSettings)
            self.sapu.environment = cups.client(sapu.environment)
            try cups.addRawQueue("termal", port: printer.port)
        }

        func stop() {
            cups.stop()
            printer.stop()
        }

        /// Every event and every bundle row, to show that a refused run changed nothing.
        func history() throws -> [String] {
            try sapu.sql("SELECT * FROM event ORDER BY rowid") + sapu.sql("SELECT * FROM bundle ORDER BY rowid")
        }

        func file(_ path: String) throws -> [UInt8] {
            Array(try Data(contentsOf: URL(fileURLWithPath: sapu.directory + "/" + path)))
        }
    }

    @Test func zplAndTSPLJobsArriveAsTheBytesTheFilesHold() throws {
        let shop = try Shop()
        defer { shop.stop() }
        let printed = try shop.sapu.ok("label", "--batch", shop.batch, "--printer", "termal", "--lang", "en")
        let job = try #require(printed.stdout.firstMatch(of: #/job (termal-\d+) /#)?.1)
        #expect(printed.stdout == "Printed to termal: 6 labels, job \(job) (template thermal-50x30, zpl)\n")
        #expect(try shop.sapu.count("SELECT COUNT(*) FROM event WHERE move = 'label'") == 6)
        let zpl = shop.printer.jobs(waitingFor: 1)
        try #require(zpl.count == 1, "no job arrived: \(shop.cups.log)")

        // The same labels written as a file (again: same revisions, same signed text) are the bytes that arrived.
        try shop.sapu.ok("label", "--batch", shop.batch, "--again", "--format", "zpl", "--out", "files", "--lang", "en")
        #expect(zpl[0] == (try shop.file("files/labels-\(shop.batch)-thermal-50x30.zpl")))

        let again = try shop.sapu.ok("label", "--batch", shop.batch, "--again", "--printer", "termal", "--language", "tspl")
        #expect(again.stdout.hasPrefix("Dicetak ke termal: 6 label, dicetak ulang dengan revisi yang sama, pekerjaan termal-"))
        #expect(again.stdout.hasSuffix(" (templat thermal-50x30, tspl)\n"))
        let tspl = shop.printer.jobs(waitingFor: 2)
        try #require(tspl.count == 2)
        let files = try shop.sapu.ok("label", "--batch", shop.batch, "--again", "--format", "tspl", "--out", "files", "--json")
        #expect(tspl[1] == (try shop.file("files/labels-\(shop.batch)-thermal-50x30.tspl")))
        // And each TSPL bitmap decodes to its bundle's signed payload.
        let payloads = try #require(try shop.sapu.json(files) as? [[String: Any]]).compactMap { $0["payload"] as? String }
        #expect(payloads.count == 6)
        #expect(try TSPLReader.jobs(tspl[1]).map { QRImageDecoder.decode($0.image) } == payloads.map { [$0] })
        #expect(try shop.sapu.count("SELECT COUNT(*) FROM event WHERE move = 'reprint'") == 18)
    }

    @Test func aPDFJobForASheetHoldsEveryLabelAndEachDecodesToItsSignedPayload() throws {
        let shop = try Shop()
        defer { shop.stop() }
        let output = try shop.sapu.ok("label", "--batch", shop.batch, "--printer", "termal", "--template", "a4-3x8", "--json")
        let items = try #require(try shop.sapu.json(output) as? [[String: Any]])
        #expect(items.count == 6)
        #expect(items.allSatisfy { $0["file"] == nil && $0["printer"] as? String == "termal" && ($0["job"] as? String)?.hasPrefix("termal-") == true })
        let payloads = items.compactMap { $0["payload"] as? String }
        let jobs = shop.printer.jobs(waitingFor: 1)
        try #require(jobs.count == 1, "no job arrived: \(shop.cups.log)")
        #expect(jobs[0].starts(with: Array("%PDF-".utf8)))
        let pdf = shop.sapu.directory + "/received.pdf"
        try Data(jobs[0]).write(to: URL(fileURLWithPath: pdf))
        _ = try SapuRunner.execute("pdftoppm", ["-r", "300", "-png", pdf, shop.sapu.directory + "/page"])
        let decoded = try SapuRunner.execute("zbarimg", ["--raw", "-q", "-Sdisable", "-Sqrcode.enable", shop.sapu.directory + "/page-1.png"])
        #expect(Set(decoded.lines) == Set(payloads))
        #expect(decoded.lines.count == 6)
    }

    @Test func refusedPrintsSayWhyInOneLineAndRecordNothing() throws {
        var shop = try Shop()
        defer { shop.stop() }
        try shop.cups.addRawQueue("berhenti", port: shop.printer.port)
        try shop.cups.admin("cupsdisable", ["berhenti"])
        try shop.cups.addRawQueue("menolak", port: shop.printer.port)
        try shop.cups.admin("cupsreject", ["menolak"])
        let before = try shop.history()

        func refused(_ extra: [String], id: String, en: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            for (lang, line) in [("id", "galat: " + id + "\n"), ("en", "error: " + en + "\n")] {
                let output = try shop.sapu.run(["label", "--batch", shop.batch, "--lang", lang] + extra)
                #expect(output.status == 1, sourceLocation: sourceLocation)
                #expect(output.stderr == line, sourceLocation: sourceLocation)
                #expect(output.stdout.isEmpty, sourceLocation: sourceLocation)
            }
        }
        try refused(["--printer", "tidak-ada"],
                    id: "printer \"tidak-ada\" tidak ada di CUPS (lihat `sapu printers`); tidak ada yang dicetak",
                    en: "there is no printer \"tidak-ada\" in CUPS (see `sapu printers`); nothing was printed")
        try refused(["--printer", "berhenti"],
                    id: "printer berhenti sedang berhenti di CUPS; jalankan lagi dengan: cupsenable berhenti; tidak ada yang dicetak",
                    en: "printer berhenti is stopped in CUPS; start it with: cupsenable berhenti; nothing was printed")
        try refused(["--printer", "menolak"],
                    id: "printer menolak tidak menerima pekerjaan cetak; izinkan dengan: cupsaccept menolak; tidak ada yang dicetak",
                    en: "printer menolak is not accepting jobs; allow them with: cupsaccept menolak; nothing was printed")
        try refused(["--printer", "termal", "--template", "a4-3x8", "--language", "tspl"],
                    id: "TSPL hanya untuk printer termal, sedangkan templat a4-3x8 adalah lembar stiker: pakai --format pdf (atau --language pdf untuk printer); tidak ada yang ditulis",
                    en: "TSPL is for thermal printers only, and template a4-3x8 is a sticker sheet: use --format pdf (or --language pdf for a printer); nothing was written")
        try refused(["--printer", "termal", "--format", "zpl"],
                    id: "--format untuk berkas, --printer untuk mencetak: pakai salah satu; bahasa printer dipilih dengan --language (zpl, tspl, pdf, png)",
                    en: "--format is for files, --printer for printing: use one of them; the printer's language is chosen with --language (zpl, tspl, pdf, png)")
        try refused(["--language", "zpl"],
                    id: "--language hanya berlaku dengan --printer (atau SAPU_PRINTER); untuk berkas pakai --format",
                    en: "--language applies only with --printer (or SAPU_PRINTER); for files use --format")

        // lp is not installed.
        let path = shop.sapu.environment["PATH"]
        shop.sapu.environment["PATH"] = "/nonexistent"
        try refused(["--printer", "termal"],
                    id: "perintah lpstat tidak terpasang; pasang paket cups-client untuk mencetak; tidak ada yang dicetak",
                    en: "the lpstat command is not installed; install the cups-client package to print; nothing was printed")
        shop.sapu.environment["PATH"] = path

        // CUPS not running: the socket leads nowhere.
        shop.sapu.environment["CUPS_SERVER"] = shop.cups.directory + "/no-such.sock"
        try refused(["--printer", "termal"],
                    id: "layanan cetak CUPS tidak berjalan (tidak bisa tersambung); nyalakan CUPS lalu coba lagi; tidak ada yang dicetak",
                    en: "the CUPS print service is not running (cannot connect); start CUPS and try again; nothing was printed")
        let printers = try shop.sapu.run("printers", "--lang", "en")
        #expect(printers.status == 1)
        #expect(printers.stderr == "error: the CUPS print service is not running (cannot connect); start CUPS and try again; nothing was printed\n")

        #expect(try shop.history() == before)
        // Nothing reached the printer, not even from the stopped queue (CUPS holds what it takes).
        #expect(shop.printer.jobCount == 0)
    }

    /// The queue passes every check, then CUPS refuses the job itself (here: larger than the
    /// scheduler takes). The prints were already recorded in the open transaction: they roll back.
    @Test func aJobCUPSRefusesAfterTheChecksRecordsNothing() throws {
        let shop = try Shop(cupsSettings: ["LimitRequestBody 2048"])
        defer { shop.stop() }
        let before = try shop.history()
        for (lang, line) in [("id", "galat: CUPS tidak menerima pekerjaan cetak untuk printer termal (lp keluar dengan kode 1); tidak ada yang dicetak\n"),
                             ("en", "error: CUPS did not accept the print job for printer termal (lp exited with status 1); nothing was printed\n")] {
            let output = try shop.sapu.run("label", "--batch", shop.batch, "--printer", "termal", "--lang", lang)
            #expect(output.status == 1)
            #expect(output.stderr == line)
            #expect(output.stdout.isEmpty)
        }
        #expect(try shop.history() == before)
        #expect(try shop.sapu.count("SELECT COUNT(*) FROM bundle WHERE label_current = 1") == 0)
        #expect(shop.printer.jobCount == 0)
        // The same labels as files go through: the refusal left nothing half done.
        try shop.sapu.ok("label", "--batch", shop.batch, "--format", "zpl", "--out", "files")
        #expect(try shop.sapu.count("SELECT COUNT(*) FROM event WHERE move = 'label'") == 6)
    }

    @Test func sapuPrintersListsTheQueues() throws {
        let shop = try Shop()
        defer { shop.stop() }
        try shop.cups.addRawQueue("kantor", port: 9)
        try shop.cups.admin("cupsdisable", ["kantor"])
        try shop.cups.admin("cupsreject", ["kantor"])
        try shop.cups.admin("lpadmin", ["-d", "termal"])
        let table = try shop.sapu.ok("printers", "--lang", "en")
        #expect(table.lines.count == 4)
        #expect(table.lines[0].split(separator: " ", omittingEmptySubsequences: true) == ["NAME", "STATE", "ACCEPTING", "DEVICE", "DEFAULT"])
        #expect(table.lines[2].split(separator: " ", omittingEmptySubsequences: true) == ["kantor", "stopped", "no", "socket://127.0.0.1:9"])
        #expect(table.lines[3].split(separator: " ", omittingEmptySubsequences: true) == ["termal", "idle", "yes", "socket://127.0.0.1:\(shop.printer.port)", "*"])
        let indonesian = try shop.sapu.ok("printers")
        #expect(indonesian.lines[0].split(separator: " ", omittingEmptySubsequences: true) == ["NAMA", "STATUS", "MENERIMA", "PERANGKAT", "BAWAAN"])
        #expect(indonesian.lines[2].split(separator: " ", omittingEmptySubsequences: true) == ["kantor", "berhenti", "tidak", "socket://127.0.0.1:9"])
        let json = try #require(try shop.sapu.json(try shop.sapu.ok("printers", "--json")) as? [[String: Any]])
        #expect(json.count == 2)
        #expect(json[1]["name"] as? String == "termal" && json[1]["state"] as? String == "idle"
                && json[1]["accepting"] as? Bool == true && json[1]["default"] as? Bool == true
                && json[1]["device"] as? String == "socket://127.0.0.1:\(shop.printer.port)")
        #expect(json[0]["accepting"] as? Bool == false && json[0]["default"] as? Bool == false)
    }

    @Test func sapuPrintersSaysSoWhenCUPSHasNoQueues() throws {
        let cups = try CUPSScheduler()
        defer { cups.stop() }
        var sapu = try SapuRunner()
        sapu.environment = cups.client(sapu.environment)
        #expect(try sapu.ok("printers", "--lang", "en").stdout == "CUPS has no printer queues yet; add one with lpadmin (see docs/printing.md)\n")
        #expect(try sapu.ok("printers").stdout == "CUPS belum punya antrean printer; tambahkan dengan lpadmin (lihat docs/printing.md)\n")
        #expect(try sapu.ok("printers", "--json").stdout == "[]\n")
    }

    /// A site's own template says its printer reads TSPL; a sheet template cannot say ZPL.
    @Test func aTemplatesPrinterLanguageIsWhatItsQueueGets() throws {
        var shop = try Shop()
        defer { shop.stop() }
        let labels = shop.sapu.directory + "/labels"
        try FileManager.default.createDirectory(atPath: labels, withIntermediateDirectories: true)
        let thermal = try String(contentsOfFile: SapuRunner.packageRoot + "/labels/thermal-50x30.json", encoding: .utf8)
            .replacingOccurrences(of: "\"thermal-50x30\"", with: "\"tsc-50x30\"")
            .replacingOccurrences(of: "\"marginMM\"", with: "\"printerLanguage\": \"tspl\",\n  \"marginMM\"")
        try thermal.write(toFile: labels + "/tsc-50x30.json", atomically: true, encoding: .utf8)
        let sheet = try String(contentsOfFile: SapuRunner.packageRoot + "/labels/a4-3x8.json", encoding: .utf8)
            .replacingOccurrences(of: "\"a4-3x8\"", with: "\"a4-zpl\"")
            .replacingOccurrences(of: "\"marginMM\"", with: "\"printerLanguage\": \"zpl\",\n  \"marginMM\"")
        try sheet.write(toFile: labels + "/a4-zpl.json", atomically: true, encoding: .utf8)
        shop.sapu.environment["SAPU_LABELS"] = labels

        let printed = try shop.sapu.ok("label", "PWT251121A-0001", "--printer", "termal", "--template", "tsc-50x30", "--lang", "en")
        #expect(printed.stdout.hasSuffix(" (template tsc-50x30, tspl)\n"))
        let jobs = shop.printer.jobs(waitingFor: 1)
        try #require(jobs.count == 1)
        #expect(try TSPLReader.jobs(jobs[0]).count == 1)

        let refused = try shop.sapu.run("label", "PWT251121A-0002", "--printer", "termal", "--template", "a4-zpl", "--lang", "en")
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("error: ") && refused.stderr.contains("a4-zpl") && refused.stderr.contains("printerLanguage"))
        #expect(refused.stderr.split(separator: "\n").count == 1)
        #expect(try shop.sapu.count("SELECT COUNT(*) FROM event WHERE move = 'label'") == 1)
    }

    @Test func sapuPrinterPrintsUnlessFilesAreAskedFor() throws {
        var shop = try Shop()
        defer { shop.stop() }
        shop.sapu.environment["SAPU_PRINTER"] = "termal"
        let written = try shop.sapu.ok("label", "PWT251121A-0001", "--out", "files", "--lang", "en")
        #expect(written.stdout == "files/PWT251121A-0001.png\n1 label written (template thermal-50x30, png)\n")
        let printed = try shop.sapu.ok("label", "PWT251121A-0002", "--lang", "en")
        #expect(printed.stdout.hasPrefix("Printed to termal: 1 label, job termal-"))
        #expect(shop.printer.jobs(waitingFor: 1).count == 1)
        #expect(try shop.sapu.count("SELECT COUNT(*) FROM event WHERE move = 'label'") == 2)
    }
}
