import Foundation
import Testing

/// 50 bundles of mixed results, ready to print.
struct LabelledWorkshop {
    let sapu: SapuRunner
    let batch: String

    init() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        try sapu.ok("inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A", "--count", "30", "--yes")
        try sapu.ok("inspect", "--batch", batch, "--maker", "M043", "--pass", "--grade", "B", "--count", "10")
        try sapu.ok("inspect", "--batch", batch, "--maker", "M043", "--fail", "--defect", "LOOSE", "--count", "5")
        try sapu.ok("inspect", "--batch", batch, "--maker", "M042", "--fail", "--defect", "DAMP,DIRTY,BROKEN,UNDER", "--count", "5")
        self.sapu = sapu
        self.batch = batch
    }

    /// Prints the batch and returns bundle → (file, payload).
    func print(template: String, format: String, extra: [String] = []) throws -> [(bundle: String, file: String, payload: String)] {
        let output = try sapu.ok(contentsOf: ["label", "--batch", batch, "--template", template, "--format", format,
                                              "--out", "out-\(template)-\(format)", "--json"] + extra)
        let items = try #require(try sapu.json(output) as? [[String: Any]])
        return items.map { ($0["bundle"] as! String, $0["file"] as! String, $0["payload"] as! String) }
    }

    func path(_ file: String) -> String { file.hasPrefix("/") ? file : sapu.directory + "/" + file }
}

/// The `pHYs` chunk of a PNG: pixels per metre in x and y, and the unit.
func physicalResolution(_ png: Data) -> (Int, Int, UInt8)? {
    guard let range = png.firstRange(of: Data("pHYs".utf8)) else { return nil }
    let bytes = Array(png[range.upperBound..<(range.upperBound + 9)])
    let x = bytes[0..<4].reduce(0) { $0 << 8 | Int($1) }
    let y = bytes[4..<8].reduce(0) { $0 << 8 | Int($1) }
    return (x, y, bytes[8])
}

@Suite("sapu: labels in every template and format")
struct LabelTests {
    static let templates = ["thermal-50x30": 203, "thermal-60x40": 203, "a4-3x8": 300, "a4-3x7": 300]

    @Test("each PNG decodes with zbarimg to exactly the signed payload, which verifies", arguments: templates.keys.sorted())
    func pngLabelsDecodeToTheirVerifiedPayload(template: String) throws {
        let shop = try LabelledWorkshop()
        let printed = try shop.print(template: template, format: "png")
        #expect(printed.count == 50)
        let decoded = try SapuRunner.execute("zbarimg", ["--raw", "-q", "-Sdisable", "-Sqrcode.enable"] + printed.map { shop.path($0.file) })
        #expect(decoded.stdout.split(separator: "\n").map(String.init) == printed.map(\.payload))
        let dpi = try #require(Self.templates[template])
        for item in printed {
            let png = try Data(contentsOf: URL(fileURLWithPath: shop.path(item.file)))
            let resolution = try #require(physicalResolution(png), "\(item.file) has no pHYs")
            let perMetre = Int((Double(dpi) / 0.0254).rounded())
            #expect(resolution.0 == perMetre && resolution.1 == perMetre && resolution.2 == 1)
        }
        // The payloads verify: a read-only check scan accepts every one of them.
        let check = try shop.sapu.ok("scan", "--mode", "check", "--json", input: printed.map(\.payload).joined(separator: "\n"))
        let outcomes = check.lines.dropLast().compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["outcome"] as? String
        }
        #expect(outcomes == Array(repeating: "accepted", count: 50))
    }

    @Test("each A4 PDF holds every label on A4 pages", arguments: ["a4-3x8", "a4-3x7"])
    func sheetPDFsYieldEveryLabel(template: String) throws {
        let shop = try LabelledWorkshop()
        let printed = try shop.print(template: template, format: "pdf", extra: ["--skip", "5"])
        let pdf = shop.path(printed[0].file)
        let info = try SapuRunner.execute("pdfinfo", [pdf]).stdout
        #expect(info.contains("(A4)"))
        let pages = shop.sapu.directory + "/pages-\(template)"
        try FileManager.default.createDirectory(atPath: pages, withIntermediateDirectories: true)
        _ = try SapuRunner.execute("pdftoppm", ["-r", "300", "-png", pdf, pages + "/p"])
        let files = try FileManager.default.contentsOfDirectory(atPath: pages).sorted().map { pages + "/" + $0 }
        let perPage = template == "a4-3x8" ? 24 : 21
        #expect(files.count == (50 + 5 + perPage - 1) / perPage)
        let decoded = try SapuRunner.execute("zbarimg", ["--raw", "-q", "-Sdisable", "-Sqrcode.enable"] + files)
        #expect(Set(decoded.stdout.split(separator: "\n").map(String.init)) == Set(printed.map(\.payload)))
    }

    @Test("a thermal PDF has one label-sized page per label", arguments: ["thermal-50x30", "thermal-60x40"])
    func thermalPDFsHaveOnePagePerLabel(template: String) throws {
        let shop = try LabelledWorkshop()
        let printed = try shop.print(template: template, format: "pdf")
        let info = try SapuRunner.execute("pdfinfo", [shop.path(printed[0].file)]).stdout
        #expect(info.contains("Pages:           50"))
        let pages = shop.sapu.directory + "/pages-\(template)"
        try FileManager.default.createDirectory(atPath: pages, withIntermediateDirectories: true)
        _ = try SapuRunner.execute("pdftoppm", ["-r", "300", "-png", "-f", "1", "-l", "10", shop.path(printed[0].file), pages + "/p"])
        let files = try FileManager.default.contentsOfDirectory(atPath: pages).sorted().map { pages + "/" + $0 }
        let decoded = try SapuRunner.execute("zbarimg", ["--raw", "-q", "-Sdisable", "-Sqrcode.enable"] + files)
        #expect(decoded.stdout.split(separator: "\n").map(String.init) == Array(printed.map(\.payload).prefix(10)))
    }

    // ZPL for a sheet template is refused (TSPLTests.rawLanguagesAreRefusedForSheets).
    @Test("ZPL has one ^XA … ^XZ block per label", arguments: ["thermal-50x30", "thermal-60x40"])
    func zplHasOneBlockPerLabel(template: String) throws {
        let shop = try LabelledWorkshop()
        let printed = try shop.print(template: template, format: "zpl")
        let zpl = try String(contentsOfFile: shop.path(printed[0].file), encoding: .utf8)
        #expect(zpl.components(separatedBy: "^XA").count - 1 == 50)
        #expect(zpl.components(separatedBy: "^XZ").count - 1 == 50)
        // Reversed on its black box: one line where the column is wide enough, else a word a line.
        #expect(zpl.contains("^FR^FH^FDTIDAK LULUS^FS") || zpl.contains("^FR^FH^FDTIDAK^FS\n^FT"))
    }

    @Test func noMakerNameAppearsInAnyLabelFileOrPayload() throws {
        let shop = try LabelledWorkshop()
        var texts: [String] = []
        for (template, format) in [("a4-3x8", "png"), ("thermal-50x30", "zpl"), ("thermal-50x30", "tspl"), ("a4-3x8", "pdf")] {
            let printed = try shop.print(template: template, format: format, extra: format == "png" ? [] : ["--again"])
            texts += printed.map(\.payload)
            if format == "zpl" { texts.append(try String(contentsOfFile: shop.path(printed[0].file), encoding: .utf8)) }
            if format == "pdf" { texts.append(try SapuRunner.execute("pdftotext", [shop.path(printed[0].file), "-"]).stdout) }
        }
        #expect(texts.joined().contains("M042"))
        for text in texts { #expect(!text.contains("Budi") && !text.contains("Slamet")) }
    }

    @Test func aFailedBundlesLabelSaysSoInTheChosenLanguage() throws {
        let shop = try LabelledWorkshop()
        let failed = "\(shop.batch)-0050"
        try shop.sapu.ok("label", failed, "--format", "pdf", "--template", "thermal-60x40", "--out", "id")
        try shop.sapu.ok("label", failed, "--format", "pdf", "--template", "thermal-60x40", "--out", "en", "--lang", "en", "--again")
        let indonesian = try SapuRunner.execute("pdftotext", [shop.sapu.directory + "/id/label-\(failed).pdf", "-"]).stdout
        let english = try SapuRunner.execute("pdftotext", [shop.sapu.directory + "/en/label-\(failed).pdf", "-"]).stdout
        // Big 5 mm capitals: one word a line on a roll label's column.
        #expect(indonesian.contains("TIDAK\nLULUS") && indonesian.contains("Lembap"), "\(indonesian)")
        #expect(english.contains("FAIL") && english.contains("Damp"))
    }

    @Test func printingAfterReinspectionRaisesTheRevisionAndSupersedesTheOldLabel() throws {
        let shop = try LabelledWorkshop()
        let id = "\(shop.batch)-0041"
        let first = try #require(try shop.sapu.json(try shop.sapu.ok("label", id, "--out", "r1", "--json")) as? [[String: Any]])
        #expect(first[0]["revision"] as? Int == 1)
        let reprint = try #require(try shop.sapu.json(try shop.sapu.ok("label", id, "--out", "r1b", "--again", "--json")) as? [[String: Any]])
        #expect(reprint[0]["revision"] as? Int == 1)
        #expect(reprint[0]["reprint"] as? Bool == true)
        try shop.sapu.ok("inspect", id, "--pass", "--grade", "B")
        let second = try #require(try shop.sapu.json(try shop.sapu.ok("label", id, "--out", "r2", "--json")) as? [[String: Any]])
        #expect(second[0]["revision"] as? Int == 2)
        #expect((second[0]["payload"] as? String)?.contains(" QB R2 ") == true)
        let old = try shop.sapu.ok("scan", "--mode", "receive", "--json", input: first[0]["payload"] as? String ?? "")
        #expect(old.stdout.contains("\"outcome\":\"superseded\""))
        let new = try shop.sapu.ok("scan", "--mode", "receive", "--json", input: second[0]["payload"] as? String ?? "")
        #expect(new.stdout.contains("\"outcome\":\"accepted\""))
        let history = try #require(try shop.sapu.json(try shop.sapu.ok("bundle", "show", id, "--json")) as? [String: Any])
        let moves = (history["history"] as? [[String: Any]] ?? []).compactMap { $0["move"] as? String }
        #expect(moves == ["inspect", "label", "reprint", "reinspect", "label", "receive"])
    }

    @Test func labelsFromARotatedKeyAndTheOldKeyBothVerify() throws {
        let shop = try LabelledWorkshop()
        let old = try shop.print(template: "thermal-50x30", format: "zpl")
        try shop.sapu.ok("key", "rotate")
        // A current label written again after a rotation is a new revision under the new key.
        let new = try #require(try shop.sapu.json(try shop.sapu.ok("label", "\(shop.batch)-0001", "--format", "zpl",
                                                                   "--out", "k2", "--again", "--json")) as? [[String: Any]])
        #expect(new[0]["revision"] as? Int == 2 && new[0]["reprint"] as? Bool == false)
        #expect((new[0]["payload"] as? String)?.hasPrefix("SAPU1 K2 ") == true)
        let check = try shop.sapu.ok("scan", "--mode", "check", "--json",
                                     input: old[1].payload + "\n" + (new[0]["payload"] as! String) + "\n")
        #expect(check.stdout.components(separatedBy: "\"outcome\":\"accepted\"").count - 1 == 2)
        let keys = try #require(try shop.sapu.json(try shop.sapu.ok("key", "show", "--json")) as? [[String: Any]])
        #expect(keys.map { $0["keyID"] as? String } == ["K1", "K2"])
        let exported = try shop.sapu.ok("key", "export", "--out", "partner.pub")
        #expect(exported.status == 0)
        let text = try String(contentsOfFile: shop.sapu.directory + "/partner.pub", encoding: .utf8)
        #expect(text.contains(" K1 ") && text.contains(" K2 ") && !text.contains("private"))
    }
}

@Suite("sapu: bad label input leaves nothing behind")
struct LabelBadInputTests {
    @Test func unknownBundlesTemplatesAndUnwritableDirectoriesAreRefusedWithoutFiles() throws {
        let shop = try LabelledWorkshop()
        let before = try shop.sapu.dump()
        for (arguments, text) in [
            (["label", "\(shop.batch)-0999", "--out", "o1"], "tidak dikenal"),
            (["label", "\(shop.batch)-0001", "--template", "a5-bogus", "--out", "o2"], "templat label tidak dikenal"),
            (["label", "\(shop.batch)-0001", "--out", "/proc/sapu-cannot-write"], "tidak bisa menulis"),
            (["label", "\(shop.batch)-0001", "\(shop.batch)-0999", "--out", "o3"], "tidak dikenal"),
            (["label", "--batch", shop.batch, "--format", "pdf", "--skip", "24", "--out", "o4"], "skip"),
        ] {
            let output = try shop.sapu.run(arguments)
            #expect(output.status != 0, "\(arguments)")
            #expect(output.stderr.contains(text), "\(arguments): \(output.stderr)")
        }
        #expect(try shop.sapu.dump() == before)
        for directory in ["o1", "o2", "o3", "o4"] {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: shop.sapu.directory + "/" + directory)) ?? []
            #expect(files.isEmpty, "\(directory): \(files)")
        }
    }

    @Test func aTemplateFileWithImpossibleValuesIsRefusedWithTheNumbers() throws {
        let shop = try LabelledWorkshop()
        let templates = shop.sapu.directory + "/templates"
        try FileManager.default.createDirectory(atPath: templates, withIntermediateDirectories: true)
        let original = try String(contentsOfFile: SapuRunner.packageRoot + "/labels/thermal-50x30.json", encoding: .utf8)
        try original.replacingOccurrences(of: "thermal-50x30", with: "tiny")
            .replacingOccurrences(of: "\"heightMM\": 30", with: "\"heightMM\": 20")
            .write(toFile: templates + "/tiny.json", atomically: true, encoding: .utf8)
        try "{ \"name\": \"broken\" }".write(toFile: templates + "/broken.json", atomically: true, encoding: .utf8)
        var sapu = shop.sapu
        sapu.environment["SAPU_LABELS"] = templates
        let tiny = try sapu.run("label", "\(shop.batch)-0001", "--template", "tiny", "--out", "t")
        #expect(tiny.status != 0)
        #expect(tiny.stderr.contains("titik"), "\(tiny.stderr)")
        let broken = try sapu.run("label", "\(shop.batch)-0001", "--template", "broken", "--out", "t")
        #expect(broken.status != 0)
        #expect(broken.stderr.contains("broken"))
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: sapu.directory + "/t")) ?? []).isEmpty)
    }
}
