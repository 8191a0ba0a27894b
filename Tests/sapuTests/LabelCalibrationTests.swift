import Foundation
import SapuLabels
import Testing

/// `sapu label calibrate`: the page, the stored shift, and every later label printed with it.
@Suite("sapu label calibrate")
struct LabelCalibrationTests {
    /// The top left dark pixel within the symbol's columns of a label PNG.
    static func symbolCorner(_ path: String, columns: Range<Int>) throws -> (x: Int, y: Int) {
        let image = try GrayImage(contentsOfFile: path)
        var left = Int.max, top = Int.max
        for y in 0..<image.height {
            for x in columns where x < image.width && image[x, y] < 128 {
                left = min(left, x)
                top = min(top, y)
            }
        }
        return (left, top)
    }

    @Test func theCalibrationPageHasTheSheetsPageAndItsInstructionsInTheUsersLanguage() throws {
        let (sapu, _) = try SapuRunner.workshop(partner: false)
        let id = try sapu.ok("label", "calibrate", "--template", "a4-3x8", "--out", "cal")
        #expect(id.stdout.hasPrefix("cal/calibrate-a4-3x8.pdf\n"), "\(id.stdout)")
        #expect(id.stdout.contains("sapu label calibrate --template a4-3x8 --offset-x X --offset-y Y"))
        #expect(id.stdout.contains("Ukur dengan skala mm"))
        let page = sapu.directory + "/cal/calibrate-a4-3x8.pdf"
        let info = try SapuRunner.execute("pdfinfo", [page]).stdout
        #expect(info.contains("595.276 x 841.89 pts (A4)"), "\(info)")
        let text = try SapuRunner.execute("pdftotext", [page, "-"]).stdout
        #expect(text.contains("Kalibrasi templat a4-3x8") && text.contains("geseran sekarang x 0 mm, y 0 mm"), "\(text)")
        let en = try sapu.ok("label", "calibrate", "--template", "a4-3x8", "--out", "cal-en", "--lang", "en")
        #expect(en.stdout.contains("With the mm ticks at the outline's corner"))
        let english = try SapuRunner.execute("pdftotext", [sapu.directory + "/cal-en/calibrate-a4-3x8.pdf", "-"]).stdout
        #expect(english.contains("Calibration of template a4-3x8") && english.contains("Store it: sapu label calibrate"))
        // A roll template: one label-sized page.
        try sapu.ok("label", "calibrate", "--template", "thermal-50x30", "--out", "cal")
        let roll = try SapuRunner.execute("pdfinfo", [sapu.directory + "/cal/calibrate-thermal-50x30.pdf"]).stdout
        #expect(roll.contains("141.732 x 85.0394 pts"), "\(roll)")
    }

    @Test func aStoredShiftMovesEveryLaterLabelAndIsKeptPerTemplate() throws {
        let (sapu, batch) = try SapuRunner.workshop(partner: false)
        try sapu.ok("inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A", "--count", "2", "--yes")
        let bundle = "\(batch)-0001"
        try sapu.ok("label", bundle, "--template", "thermal-60x40", "--out", "before")
        let stored = try sapu.ok("label", "calibrate", "--template", "thermal-60x40", "--offset-x", "1,5", "--offset-y", "-0.5")
        #expect(stored.stdout.contains("Geseran templat thermal-60x40 disimpan: x 1,5 mm, y -0,5 mm"), "\(stored.stdout)")
        #expect(try sapu.dump().contains("INSERT INTO label_offset VALUES('thermal-60x40',1.5,-0.5,"))
        try sapu.ok("label", bundle, "--template", "thermal-60x40", "--out", "after", "--again")
        // 1.5 mm and -0.5 mm at 203 dpi: 12 and -4 dots.
        // The symbol's columns only (its dark modules end at 256), not the text beside it.
        let columns = 0..<262
        let before = try Self.symbolCorner(sapu.directory + "/before/\(bundle).png", columns: columns)
        let after = try Self.symbolCorner(sapu.directory + "/after/\(bundle).png", columns: columns)
        #expect(after.x - before.x == 12 && after.y - before.y == -4, "\(before) → \(after)")
        let read = try SapuRunner.execute("zbarimg", ["--raw", "-q", sapu.directory + "/after/\(bundle).png"]).stdout
        #expect(read.hasPrefix("SAPU1 "))
        // ZPL too; other templates keep no shift.
        try sapu.ok("label", bundle, "--template", "thermal-60x40", "--format", "zpl", "--out", "zpl", "--again")
        #expect(try sapu.ok("label", "calibrate", "--template", "thermal-50x30", "--show").stdout
            == "Templat thermal-50x30 belum punya geseran tersimpan (x 0 mm, y 0 mm)\n")
        #expect(try sapu.ok("label", "calibrate", "--template", "thermal-60x40", "--show", "--lang", "en").stdout
            == "Shift for template thermal-60x40: x 1.5 mm, y -0.5 mm\n")
        // A shift some stickers cannot follow whole is said, not done silently.
        let edge = try sapu.ok("label", "calibrate", "--template", "a4-3x8", "--offset-x", "-3")
        #expect(edge.stdout.hasSuffix("Catatan: 8 label per halaman tidak bergeser penuh; isinya ditahan di luar margin yang tidak bisa dicetak (atau di dalam label)\n"), "\(edge.stdout)")
        let edgeEN = try sapu.ok("label", "calibrate", "--template", "a4-3x8", "--offset-x", "-3", "--lang", "en")
        #expect(edgeEN.stdout.contains("Note: 8 labels per page do not move the whole shift"), "\(edgeEN.stdout)")
        // A value not given keeps the stored one.
        try sapu.ok("label", "calibrate", "--template", "thermal-60x40", "--offset-y", "0")
        let json = try #require(try sapu.json(try sapu.ok("label", "calibrate", "--template", "thermal-60x40", "--show",
                                                         "--json")) as? [String: Any])
        #expect(json["xMM"] as? Double == 1.5 && json["yMM"] as? Double == 0 && json["stored"] as? Bool == true)
    }

    @Test func badShiftsAreRefusedInOneLineAndChangeNothing() throws {
        let (sapu, _) = try SapuRunner.workshop(partner: false)
        try sapu.ok("label", "calibrate", "--template", "a4-3x8", "--offset-x", "-1")
        let before = try sapu.dump()
        let cases: [([String], String, String)] = [
            (["--template", "a4-3x8", "--offset-x", "25"],
             "galat: geseran 25 mm tidak mungkin: paling jauh 20 mm ke tiap arah; ukur lagi dengan `sapu label calibrate`",
             "error: a shift of 25 mm is impossible: at most 20 mm either way; measure again with `sapu label calibrate`"),
            (["--template", "a4-3x8", "--offset-y", "1e3"],
             "galat: --offset-y 1e3 bukan jarak dalam mm; tulis angka seperti 1,5 atau -0,75",
             "error: --offset-y 1e3 is not a distance in mm; write a number such as 1.5 or -0.75"),
            (["--template", "a4-3x8", "--offset-x", "nan"],
             "galat: --offset-x nan bukan jarak dalam mm; tulis angka seperti 1,5 atau -0,75",
             "error: --offset-x nan is not a distance in mm; write a number such as 1.5 or -0.75"),
            (["--template", "thermal-50x30", "--offset-y", "2"],
             "galat: templat thermal-50x30: geseran 0 mm, 2 mm mendorong kode atau teks label keluar dari bagian stiker yang bisa dicetak; tidak dipakai. Ukur lagi, atau periksa ukuran di templat",
             "error: template thermal-50x30: a shift of 0 mm, 2 mm pushes a label's code or text off the printable part of its sticker; not used. Measure again, or check the template's measurements"),
            (["--template", "nope", "--offset-x", "1"],
             "galat: templat label tidak dikenal: nope (lihat `sapu label templates`)",
             "error: unknown label template: nope (see `sapu label templates`)"),
        ]
        for (arguments, indonesian, english) in cases {
            let id = try sapu.run(["label", "calibrate"] + arguments)
            #expect(id.status != 0 && id.stderr == indonesian + "\n" && id.stdout.isEmpty, "\(arguments): \(id.stderr)")
            let en = try sapu.run(["label", "calibrate"] + arguments + ["--lang", "en"])
            #expect(en.status != 0 && en.stderr == english + "\n", "\(arguments): \(en.stderr)")
        }
        #expect(try sapu.dump() == before)
    }

    /// A shift the database holds damaged (text, a blob, a huge number: changed by hand) is
    /// one line with the fix, in either language, never a crash, and storing both values
    /// replaces it. Before, GRDB's decoding or the dot arithmetic stopped the process.
    @Test func aDamagedStoredShiftIsOneLineWithTheFixNotACrash() throws {
        let (sapu, batch) = try SapuRunner.workshop(partner: false)
        try sapu.ok("inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A", "--yes")
        let bundle = "\(batch)-0001"
        let indonesian = "galat: geseran templat thermal-60x40 yang tersimpan di database bukan geseran yang mungkin; "
            + "simpan ulang dengan: sapu label calibrate --template thermal-60x40 --offset-x X --offset-y Y\n"
        let english = "error: the shift stored for template thermal-60x40 in the database is not a possible shift; "
            + "store it again with: sapu label calibrate --template thermal-60x40 --offset-x X --offset-y Y\n"
        for value in ["'abc'", "x'00'", "1e308", "-25"] {
            _ = try sapu.sql("INSERT OR REPLACE INTO label_offset VALUES ('thermal-60x40', \(value), 0, 'x')")
            let before = try sapu.dump()
            for arguments in [["label", bundle, "--template", "thermal-60x40", "--out", "out"],
                              ["label", "calibrate", "--template", "thermal-60x40", "--show"],
                              ["label", "calibrate", "--template", "thermal-60x40", "--out", "out"],
                              ["label", "calibrate", "--template", "thermal-60x40", "--offset-x", "1"]] {
                let id = try sapu.run(arguments)
                #expect(id.status == 1 && id.stderr == indonesian && id.stdout.isEmpty, "\(value) \(arguments): \(id.stderr)")
                let en = try sapu.run(arguments + ["--lang", "en"])
                #expect(en.status == 1 && en.stderr == english, "\(value) \(arguments): \(en.stderr)")
            }
            #expect(try sapu.dump() == before, "\(value)")
            #expect(!FileManager.default.fileExists(atPath: sapu.directory + "/out"), "\(value)")
        }
        try sapu.ok("label", "calibrate", "--template", "thermal-60x40", "--offset-x", "1", "--offset-y", "0")
        try sapu.ok("label", bundle, "--template", "thermal-60x40", "--out", "out")
    }

    /// A template changed after its shift was stored (a sticker measured smaller) may leave
    /// the shift no room: labels, the command sheet and the calibration page say so with the
    /// way out. Before, each said "measure again", and the page to measure on was refused too.
    @Test func aStoredShiftTheChangedTemplateNoLongerHoldsSaysHowToStoreANewOne() throws {
        var (sapu, batch) = try SapuRunner.workshop(partner: false)
        let labels = sapu.directory + "/labels-own"
        try FileManager.default.createDirectory(atPath: labels, withIntermediateDirectories: true)
        let original = try String(contentsOfFile: SapuRunner.packageRoot + "/labels/thermal-60x40.json", encoding: .utf8)
        try original.write(toFile: labels + "/thermal-60x40.json", atomically: true, encoding: .utf8)
        sapu.environment["SAPU_LABELS"] = labels
        try sapu.ok("inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A", "--yes")
        try sapu.ok("label", "calibrate", "--template", "thermal-60x40", "--offset-x", "0", "--offset-y", "3")
        // The roll's labels are 33 mm high, not 40: the code still fits, the 3 mm shift does not.
        let shorter = original.replacingOccurrences(of: "\"heightMM\": 40", with: "\"heightMM\": 33")
        #expect(shorter != original)
        try shorter.write(toFile: labels + "/thermal-60x40.json", atomically: true, encoding: .utf8)
        let before = try sapu.dump()
        let indonesian = "galat: templat thermal-60x40: geseran tersimpan 0 mm, 3 mm tidak lagi muat di labelnya (templatnya diubah?); "
            + "tidak ada yang ditulis. Simpan geseran baru, mis. sapu label calibrate --template thermal-60x40 --offset-x 0 "
            + "--offset-y 0, lalu tulis halaman kalibrasi lagi\n"
        let english = "error: template thermal-60x40: the stored shift of 0 mm, 3 mm no longer fits its labels (was the template "
            + "changed?); nothing was written. Store a new one, e.g. sapu label calibrate --template thermal-60x40 --offset-x 0 "
            + "--offset-y 0, then write the calibration page again\n"
        for arguments in [["label", "\(batch)-0001", "--template", "thermal-60x40", "--out", "out"],
                          ["label", "commands", "--template", "thermal-60x40", "--out", "out"],
                          ["label", "calibrate", "--template", "thermal-60x40", "--out", "out"]] {
            let id = try sapu.run(arguments)
            #expect(id.status == 1 && id.stderr == indonesian && id.stdout.isEmpty, "\(arguments): \(id.stderr)")
            let en = try sapu.run(arguments + ["--lang", "en"])
            #expect(en.status == 1 && en.stderr == english, "\(arguments): \(en.stderr)")
        }
        #expect(try sapu.dump() == before)
        #expect(!FileManager.default.fileExists(atPath: sapu.directory + "/out"))
        // The way out works: a new shift, then the page and the labels.
        try sapu.ok("label", "calibrate", "--template", "thermal-60x40", "--offset-x", "0", "--offset-y", "0")
        try sapu.ok("label", "calibrate", "--template", "thermal-60x40", "--out", "out")
        try sapu.ok("label", "\(batch)-0001", "--template", "thermal-60x40", "--out", "out")
    }

    @Test func theCommandSheetOpensWithATitleAndInstructionsInTheUsersLanguage() throws {
        let (sapu, _) = try SapuRunner.workshop(partner: false)
        try sapu.ok("label", "commands", "--out", "id")
        try sapu.ok("label", "commands", "--out", "en", "--lang", "en")
        let id = try SapuRunner.execute("pdftotext", [sapu.directory + "/id/sapu-commands.pdf", "-"]).stdout
        let en = try SapuRunner.execute("pdftotext", [sapu.directory + "/en/sapu-commands.pdf", "-"]).stdout
        #expect(id.contains("Lembar kode perintah Sapu") && id.contains("Pindai untuk beralih ke mode terima"), "\(id)")
        #expect(!id.contains("Scan") && !id.contains("mode is now"), "\(id)")
        #expect(en.contains("Sapu control code sheet") && en.contains("Scan to switch to receive mode"), "\(en)")
        #expect(!en.contains("Pindai"), "\(en)")
        let page = sapu.directory + "/id/page"
        _ = try SapuRunner.execute("pdftoppm", ["-r", "300", "-png", sapu.directory + "/id/sapu-commands.pdf", page])
        let codes = try SapuRunner.execute("zbarimg", ["--raw", "-q", page + "-1.png"]).stdout.split(separator: "\n")
        #expect(codes.count == 6, "\(codes)")
    }

    @Test func aLabelNamesTheWorkshopAndWhatTheBundleHolds() throws {
        let sapu = try SapuRunner()
        try sapu.ok("init", "--site", "PWT", "--name", "Bengkel Sapu")
        try sapu.ok("maker", "add", "M042")
        try sapu.ok("product", "set", "LIDI", "--bundle-size", "12")
        let batch = try sapu.ok("batch", "create", "--product", "LIDI", "--date", "2025-11-21").stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        try sapu.ok("inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "B", "--count", "1", "--yes")
        let bundle = "\(batch)-0001"
        try sapu.ok("label", bundle, "--format", "pdf", "--template", "a4-3x8", "--out", "id")
        try sapu.ok("label", bundle, "--format", "pdf", "--template", "a4-3x8", "--out", "en", "--lang", "en", "--again")
        let id = try SapuRunner.execute("pdftotext", [sapu.directory + "/id/label-\(bundle).pdf", "-"]).stdout
        let en = try SapuRunner.execute("pdftotext", [sapu.directory + "/en/label-\(bundle).pdf", "-"]).stdout
        #expect(id.contains("Bengkel Sapu \u{00B7} isi 12") && id.contains("B LULUS QC"), "\(id)")
        #expect(en.contains("Bengkel Sapu \u{00B7} 12 pcs") && en.contains("QC PASS"), "\(en)")
        try sapu.ok("label", bundle, "--format", "zpl", "--template", "thermal-50x30", "--out", "zpl", "--again")
        let zpl = try String(contentsOfFile: sapu.directory + "/zpl/label-\(bundle).zpl", encoding: .utf8)
        #expect(zpl.contains("^FDBengkel Sapu - isi 12^FS") && zpl.contains("^FDB^FS"), "\(zpl)")
        // A name too long for a roll label's column gives way to the site's code.
        let (long, longBatch) = try SapuRunner.workshop(partner: false)
        try long.ok("inspect", "--batch", longBatch, "--maker", "M042", "--fail", "--defect", "LOOSE", "--count", "1")
        try long.ok("label", "\(longBatch)-0001", "--format", "zpl", "--template", "thermal-60x40", "--out", "zpl")
        let longZPL = try String(contentsOfFile: long.directory + "/zpl/label-\(longBatch)-0001.zpl", encoding: .utf8)
        #expect(longZPL.contains("^FDPWT - isi 10^FS") && !longZPL.contains("Purwokerto"), "\(longZPL)")
    }
}
