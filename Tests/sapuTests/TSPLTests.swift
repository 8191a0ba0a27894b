import Foundation
import SapuLabels
import Testing

@Suite("sapu: TSPL labels")
struct TSPLTests {
    @Test("each TSPL job is SIZE, GAP, DIRECTION, CLS, BITMAP, PRINT at the template's dots and its bitmap decodes to the signed payload",
          arguments: ["thermal-50x30", "thermal-60x40"])
    func eachJobDecodesToItsSignedPayload(template: String) throws {
        // 50 × 30 mm and 60 × 40 mm at 203 dpi.
        let expected = template == "thermal-50x30" ? (width: 400, height: 240, size: "50 mm,30 mm")
            : (width: 480, height: 320, size: "60 mm,40 mm")
        let shop = try LabelledWorkshop()
        let printed = try shop.print(template: template, format: "tspl")
        #expect(printed.count == 50)
        let file = shop.path(try #require(printed.first).file)
        #expect(file.hasSuffix(".tspl"))
        let jobs = try TSPLReader.jobs(Array(try Data(contentsOf: URL(fileURLWithPath: file))))
        #expect(jobs.count == 50)
        for (job, label) in zip(jobs, printed) {
            #expect(job.size == expected.size)
            #expect(job.gap == "2 mm,0")
            #expect(job.direction == "1")
            #expect(job.print == "1,1")
            #expect(job.x == 0 && job.y == 0 && job.mode == 0)
            #expect(job.widthBytes == (expected.width + 7) / 8)
            #expect(job.height == expected.height)
            #expect(QRImageDecoder.decode(job.image) == [label.payload])
        }
        // The payloads are the signed labels: a check scan verifies every one of them.
        let check = try shop.sapu.ok("scan", "--mode", "check", "--json", input: printed.map(\.payload).joined(separator: "\n"))
        let outcomes = check.lines.dropLast().compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["outcome"] as? String
        }
        #expect(outcomes == Array(repeating: "accepted", count: 50))
    }

    @Test("ZPL and TSPL are refused for A4 sheet templates: one line, nothing written or recorded",
          arguments: ["zpl", "tspl"])
    func rawLanguagesAreRefusedForSheets(format: String) throws {
        let shop = try LabelledWorkshop()
        for (lang, line) in [("id", "galat: \(format.uppercased()) hanya untuk printer termal, sedangkan templat a4-3x8 adalah lembar stiker: pakai --format pdf (atau --language pdf untuk printer); tidak ada yang ditulis\n"),
                             ("en", "error: \(format.uppercased()) is for thermal printers only, and template a4-3x8 is a sticker sheet: use --format pdf (or --language pdf for a printer); nothing was written\n")] {
            let refused = try shop.sapu.run("label", "--batch", shop.batch, "--template", "a4-3x8", "--format", format,
                                            "--out", "sheet", "--lang", lang)
            #expect(refused.status == 1)
            #expect(refused.stderr == line)
            #expect(refused.stdout.isEmpty)
        }
        #expect(!FileManager.default.fileExists(atPath: shop.sapu.directory + "/sheet"))
        #expect(try shop.sapu.count("SELECT COUNT(*) FROM event WHERE move IN ('label', 'reprint')") == 0)
        #expect(try shop.sapu.count("SELECT COUNT(*) FROM bundle WHERE label_current = 1") == 0)
    }

    @Test func pdfWithoutATemplateSaysItTookTheA4Sheet() throws {
        let shop = try LabelledWorkshop()
        let english = try shop.sapu.ok("label", "--batch", shop.batch, "--format", "pdf", "--out", "pdf", "--lang", "en")
        #expect(english.stderr == "--format pdf without --template: using the A4 sticker sheet a4-3x8; for one page per label use --template thermal-50x30\n")
        #expect(english.lines.first == "pdf/labels-\(shop.batch)-a4-3x8.pdf")
        let indonesian = try shop.sapu.ok("label", "--batch", shop.batch, "--format", "pdf", "--out", "pdf", "--again")
        #expect(indonesian.stderr == "--format pdf tanpa --template: memakai lembar stiker A4 a4-3x8; untuk satu halaman per label pakai --template thermal-50x30\n")
        // With a template named, nothing is said.
        let named = try shop.sapu.ok("label", "--batch", shop.batch, "--format", "pdf", "--template", "thermal-50x30",
                                     "--out", "pdf", "--again")
        #expect(named.stderr.isEmpty)
    }
}
