import Foundation
import Testing

@Suite("sapu scan --image: one photo, several labels")
struct ScanImageTests {
    /// Six thermal label PNGs pasted into one picture, three by two, as a photo of six
    /// bundles on a table: one scan of the picture applies all six.
    @Test(.enabled(if: TestImage.canReadPNG, "needs `convert FILE.png ppm:-` to read label PNGs"))
    func aCompositeOfSixLabelPNGsAppliesSixScans() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        try sapu.ok("inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A", "--count", "5")
        try sapu.ok("inspect", "--batch", batch, "--maker", "M043", "--fail", "--defect", "BROKEN")
        let ids = (1...6).map { "\(batch)-000\($0)" }
        try sapu.ok(contentsOfArguments: ["label"] + ids + ["--format", "png", "--out", "labels"])
        let labels = try ids.map { try TestImage.readPNG(sapu.directory + "/labels/\($0).png") }

        let margin = 60
        let cell = (width: labels.map(\.width).max()!, height: labels.map(\.height).max()!)
        var composite = TestImage(width: margin + 3 * (cell.width + margin), height: margin + 2 * (cell.height + margin))
        for (index, label) in labels.enumerated() {
            composite.paste(label, x: margin + (index % 3) * (cell.width + margin), y: margin + (index / 3) * (cell.height + margin))
        }
        let path = sapu.directory + "/photo.png"
        try composite.png.write(to: URL(fileURLWithPath: path))
        // The fixture itself holds six codes for an independent reader.
        #expect(try SapuRunner.execute("zbarimg", ["--raw", "-q", "-Sdisable", "-Sqrcode.enable", path]).lines.count == 6)

        let run = try sapu.scan("receive", data: Data(), ["--image", "photo.png"])
        #expect(run.answers.map(\.bundle) == ids, "reading order, left to right, top to bottom")
        #expect(run.outcomes == ["accepted", "accepted", "accepted", "accepted", "accepted", "refused"], "\(run.answers)")
        #expect(run.answers.last?.reason?.contains("quarantine") == true)
        #expect(run.summary?["accepted"] == 5 && run.summary?["refused"] == 1)
        #expect(try sapu.eventCounts("receive") == Dictionary(uniqueKeysWithValues: ids.prefix(5).map { ($0, 1) }))

        // The same photo again, as PGM: nothing counted twice.
        try composite.pgm.write(to: URL(fileURLWithPath: sapu.directory + "/photo.pgm"))
        let again = try sapu.scan("receive", data: Data(), ["--image", "photo.pgm"])
        #expect(again.outcomes == ["duplicate", "duplicate", "duplicate", "duplicate", "duplicate", "refused"])
        #expect(try sapu.eventCounts("receive").count == 5)
    }

    /// An A4 sticker sheet of 24 labels, printed as PDF and rasterised at 300 dpi: one image, 24 scans.
    @Test func anA4SheetOf24LabelsRasterisedIsOneImageWith24Scans() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        try sapu.ok("inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "B", "--count", "24", "--yes")
        let ids = (1...24).map { "\(batch)-\(String(format: "%04d", $0))" }
        try sapu.ok("label", "--batch", batch, "--format", "pdf", "--template", "a4-3x8", "--out", "sheet")
        let pdf = try #require(try FileManager.default.contentsOfDirectory(atPath: sapu.directory + "/sheet").first { $0.hasSuffix(".pdf") })
        let raster = try SapuRunner.execute("pdftoppm", ["-r", "300", "-gray", "-png", "-singlefile",
                                                          sapu.directory + "/sheet/" + pdf, sapu.directory + "/sheet-page"])
        #expect(raster.status == 0, "\(raster.stderr)")

        // Several images in one run: the sheet, then a file that is not an image, then the sheet again.
        try Data("bukan gambar".utf8).write(to: URL(fileURLWithPath: sapu.directory + "/notes.txt"))
        let run = try sapu.scan("receive", data: Data(), ["--image", "sheet-page.png", "notes.txt", "sheet-page.png"], status: 1)
        #expect(run.answers.count == 49)
        #expect(Array(run.answers.prefix(24)).map(\.bundle) == ids, "row by row, as printed")
        #expect(run.answers.prefix(24).allSatisfy { $0.outcome == "accepted" && $0.state == "in-stock" })
        #expect(run.answers.dropFirst(24).first?.outcome == "not-sapu")
        #expect(run.answers.suffix(24).allSatisfy { $0.outcome == "duplicate" })
        #expect(run.summary?["accepted"] == 24 && run.summary?["duplicate"] == 24 && run.summary?["not-sapu"] == 1)
        #expect(try sapu.eventCounts("receive") == Dictionary(uniqueKeysWithValues: ids.map { ($0, 1) }))
        #expect(try sapu.sql("SELECT DISTINCT manual FROM event WHERE move = 'receive'") == ["0"])
    }
}
