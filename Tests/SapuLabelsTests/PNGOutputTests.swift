import Foundation
import SapuCore
import SapuLabels
import Testing

@Suite("PNG labels")
struct PNGOutputTests {
    @Test("every template's PNG reads back as exactly its payload", arguments: Fixtures.templateNames)
    func everyTemplatesPNGReadsBackAsItsPayload(name: String) throws {
        let renderer = try LabelRenderer(template: try Fixtures.template(name))
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for face in [Fixtures.passed(), Fixtures.failed()] {
            let file = directory.appendingPathComponent("\(name).png")
            try Data(try renderer.png(face)).write(to: file)
            #expect(try QRImageDecoder.decode(fileAt: file.path) == [face.payload])
            #expect(try Fixtures.zbarimg(file.path) == [face.payload])
        }
    }

    @Test("the PNG has the label's size in dots", arguments: Fixtures.templateNames)
    func thePNGHasTheLabelsSizeInDots(name: String) throws {
        let template = try Fixtures.template(name)
        let image = try LabelRenderer(template: template).image(Fixtures.passed())
        #expect(image.width == Int((template.label.widthMM / 25.4 * Double(template.dpi)).rounded()))
        #expect(image.height == Int((template.label.heightMM / 25.4 * Double(template.dpi)).rounded()))
    }

    @Test("the PNG records its resolution in pHYs right after IHDR", arguments: [("thermal-50x30", 7992), ("a4-3x8", 11811)])
    func thePNGRecordsItsResolution(name: String, pixelsPerMetre: Int) throws {
        let png = try LabelRenderer(template: try Fixtures.template(name)).png(Fixtures.passed())
        let chunk = Array(png[33..<54])
        #expect(Array(chunk[0..<4]) == [0, 0, 0, 9])
        #expect(String(decoding: chunk[4..<8], as: UTF8.self) == "pHYs")
        let x = chunk[8..<12].reduce(0) { $0 << 8 | Int($1) }
        let y = chunk[12..<16].reduce(0) { $0 << 8 | Int($1) }
        #expect(x == pixelsPerMetre)
        #expect(y == pixelsPerMetre)
        #expect(chunk[16] == 1)
        // A reader that checks CRCs, libpng itself, still reads the file.
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("label.png")
        try Data(png).write(to: file)
        #expect(try QRImageDecoder.decode(fileAt: file.path).count == 1)
        let info = try Fixtures.run(["file", file.path])
        #expect(info.contains("grayscale"))
    }

    @Test("QR modules are exact squares of moduleDots on the dot grid", arguments: Fixtures.templateNames)
    func qrModulesAreExactSquaresOnTheDotGrid(name: String) throws {
        let template = try Fixtures.template(name)
        let face = Fixtures.failed()
        let image = try LabelRenderer(template: template).image(face)
        let matrix = try QRMatrix.strongest(face.payload, version: template.qr.version, floor: template.qr.level)
        let side = template.qrSideDots
        let top = (template.heightDots - side) / 2
        let left = min(top, Int((template.marginMM / 25.4 * Double(template.dpi)).rounded()))
        let dots = template.qr.moduleDots, quiet = template.qr.quietZone * dots
        var mismatches = 0
        for y in 0..<side {
            for x in 0..<side {
                let pixel = image[left + x, top + y]
                let inSymbol = (quiet..<side - quiet).contains(x) && (quiet..<side - quiet).contains(y)
                let dark = inSymbol && matrix.isDark(x: (x - quiet) / dots, y: (y - quiet) / dots)
                if pixel != (dark ? 0 : 255) { mismatches += 1 }
            }
        }
        #expect(mismatches == 0)
    }

    @Test func overlongTextIsCutAndNeverEntersTheQuietZone() throws {
        let template = try Fixtures.template("thermal-50x30")
        var face = Fixtures.failed()
        face.title = String(repeating: "Sapu Lidi Panjang Sekali ", count: 6)
        face.lines = (1...6).map { "Baris \($0) " + String(repeating: "W", count: 40) }
        face.defects = String(repeating: "LOOSE, DAMP, BROKEN, ", count: 5)
        let image = try LabelRenderer(template: template).image(face)
        #expect(QRImageDecoder.decode(image) == [face.payload])
        // Everything left of the text column's edge, other than the symbol, stays white.
        let side = template.qrSideDots, top = (template.heightDots - side) / 2, left = min(top, 12)
        let quiet = template.qr.quietZone * template.qr.moduleDots
        var stray = 0
        for y in 0..<image.height {
            for x in 0..<(left + side) {
                let inSymbol = (top + quiet..<top + side - quiet).contains(y)
                    && (left + quiet..<left + side - quiet).contains(x)
                if !inSymbol && image[x, y] != 255 { stray += 1 }
            }
        }
        #expect(stray == 0)
    }

    @Test func manyLabelsRenderedTogetherMatchOneByOne() throws {
        let renderer = try LabelRenderer(template: try Fixtures.template("thermal-60x40"))
        let faces = (1...12).map { $0 % 3 == 0 ? Fixtures.failed(serial: $0) : Fixtures.passed(serial: $0) }
        let together = try renderer.pngs(faces)
        let oneByOne = try faces.map { face throws(SapuError) in try renderer.png(face) }
        #expect(together == oneByOne)
        var tooLong = faces
        tooLong[7].payload += String(repeating: " XBROKEN", count: 10)
        #expect(throws: SapuError.payloadTooLong(template: "thermal-60x40", version: 10)) {
            try renderer.pngs(tooLong)
        }
    }

    @Test func manyLinesStayInsideTheMargins() throws {
        let template = try Fixtures.template("thermal-50x30")
        var face = Fixtures.failed()
        face.lines = (1...12).map { "Baris \($0)" }
        let image = try LabelRenderer(template: template).image(face)
        let margin = Int((template.marginMM / 25.4 * Double(template.dpi)).rounded())
        let columnStart = min((template.heightDots - template.qrSideDots) / 2, margin) + template.qrSideDots
        var stray = 0
        for y in 0..<image.height where y < margin || y >= image.height - margin {
            for x in columnStart..<image.width where image[x, y] != 255 { stray += 1 }
        }
        for y in 0..<image.height {
            for x in (image.width - margin)..<image.width where image[x, y] != 255 { stray += 1 }
        }
        #expect(stray == 0)
        #expect(QRImageDecoder.decode(image) == [face.payload])
    }

    @Test func aPayloadTooLongForTheTemplateIsRefused() throws {
        let renderer = try LabelRenderer(template: try Fixtures.template("thermal-50x30"))
        var face = Fixtures.failed()
        face.payload += String(repeating: " XBROKEN", count: 10)
        #expect(throws: SapuError.payloadTooLong(template: "thermal-50x30", version: 8)) {
            try renderer.png(face)
        }
    }

    @Test func aMissingFontIsReported() throws {
        #expect(throws: SapuError.fontMissing(path: "/nonexistent/DejaVuSans.ttf")) {
            try LabelRenderer(template: try Fixtures.template("thermal-50x30"), fontDirectory: "/nonexistent")
        }
    }
}
