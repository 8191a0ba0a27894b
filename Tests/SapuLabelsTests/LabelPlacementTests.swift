import Foundation
import SapuCore
import SapuLabels
import Testing

/// Nothing in a printer's unprintable margin, and a calibration shift that moves every
/// output alike.
@Suite("Label placement: unprintable margin and calibration shift")
struct LabelPlacementTests {
    /// A page of the template rendered at 300 dpi in grey.
    static func page(_ renderer: LabelRenderer, _ faces: [LabelFace], in directory: URL) throws -> GrayImage {
        let file = directory.appendingPathComponent("sheet.pdf")
        try Data(try renderer.pdf(faces, skip: 0)).write(to: file)
        try Fixtures.run(["pdftoppm", "-r", "300", "-gray", "-f", "1", "-l", "1", file.path,
                          directory.appendingPathComponent("page").path])
        return try GrayImage(contentsOfFile: directory.appendingPathComponent("page-1.pgm").path)
    }

    /// The top left dark pixel of the QR symbol within the given pixel rectangle.
    static func symbolCorner(_ image: GrayImage, x: Range<Int>, y: Range<Int>) -> (x: Int, y: Int)? {
        var left = Int.max, top = Int.max
        for row in y where row < image.height {
            for column in x where column < image.width && image[column, row] < 128 {
                left = min(left, column)
                top = min(top, row)
            }
        }
        return left == Int.max ? nil : (left, top)
    }

    @Test("a full A4 sheet leaves the unprintable margin white", arguments: ["a4-3x7", "a4-3x8"])
    func aFullSheetLeavesTheUnprintableMarginWhite(name: String) throws {
        let template = try Fixtures.template(name)
        let renderer = try LabelRenderer(template: template)
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var long = Fixtures.failed(serial: 99)
        long.workshop = ["Lapas Kelas IIA Purwokerto Bengkel Kerja Utama", "PWT"]
        long.title = "Sapu Glagah Panjang Bertangkai Bambu"
        let faces = (1...template.slotsPerPage).map { $0 % 2 == 0 ? long : Fixtures.passed(serial: $0) }
        let image = try Self.page(renderer, faces, in: directory)
        let band = Int(4.0 * 300 / 25.4)
        var inked = 0
        for y in 0..<image.height {
            for x in 0..<image.width where (x < band || y < band || x >= image.width - band || y >= image.height - band)
                && image[x, y] < 250 {
                inked += 1
            }
        }
        #expect(inked == 0, "\(inked) inked pixels within 4 mm of the sheet's edge")
        // Every sticker still reads.
        try Fixtures.run(["pdftoppm", "-r", "300", "-png", "-f", "1", "-l", "1",
                          directory.appendingPathComponent("sheet.pdf").path, directory.appendingPathComponent("png").path])
        let read = try Fixtures.zbarimg(directory.appendingPathComponent("png-1.png").path)
        #expect(Set(read) == Set(faces.map(\.payload)))
    }

    @Test func aThermalLabelIsShiftedByTheOffsetInPNGAndZPL() throws {
        let template = try Fixtures.template("thermal-50x30")
        let plain = try LabelRenderer(template: template)
        let shifted = try LabelRenderer(template: template, offset: LabelOffset(xMM: 1.5, yMM: -0.75))
        // 1.5 mm and -0.75 mm at 203 dpi are 12 and -6 dots.
        let before = try plain.image(Fixtures.passed()), after = try shifted.image(Fixtures.passed())
        let width = 0..<template.qrSideDots
        let a = try #require(Self.symbolCorner(before, x: width, y: 0..<template.heightDots))
        let b = try #require(Self.symbolCorner(after, x: width.lowerBound..<(width.upperBound + 12), y: 0..<template.heightDots))
        #expect(b.x - a.x == 12 && b.y - a.y == -6, "\(a) → \(b)")
        #expect(QRImageDecoder.decode(after) == [Fixtures.passed().payload])
        // ZPL: every field origin moves by the same dots.
        func origins(_ zpl: String) -> [(Int, Int)] {
            zpl.split(separator: "\n").compactMap { line -> (Int, Int)? in
                guard line.hasPrefix("^FO") || line.hasPrefix("^FT") else { return nil }
                let numbers = line.dropFirst(3).prefix { $0 != "^" }.split(separator: ",").compactMap { Int($0) }
                return numbers.count == 2 ? (numbers[0], numbers[1]) : nil
            }
        }
        let zplBefore = origins(try plain.zpl([Fixtures.passed()]))
        let zplAfter = origins(try shifted.zpl([Fixtures.passed()]))
        #expect(zplBefore.count == zplAfter.count && !zplBefore.isEmpty)
        // The symbol's field moves by exactly the shift; text, kept inside the margin of
        // what is left of the label, moves with it across.
        let moved: (Int, Int) = (zplAfter[0].0 - zplBefore[0].0, zplAfter[0].1 - zplBefore[0].1)
        #expect(moved.0 == 12 && moved.1 == -6)
        for (old, new) in zip(zplBefore, zplAfter) { #expect(new.0 - old.0 == 12) }
    }

    @Test func aStickerInTheMiddleOfASheetIsShiftedByTheOffsetInThePDF() throws {
        let template = try Fixtures.template("a4-3x7")
        let sheet = try #require(template.sheet)
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let faces = (1...template.slotsPerPage).map { Fixtures.passed(serial: $0) }
        let before = try Self.page(try LabelRenderer(template: template), faces, in: directory)
        let after = try Self.page(try LabelRenderer(template: template, offset: LabelOffset(xMM: -2, yMM: 1.5)),
                                  faces, in: directory)
        // Slot 10: the middle column of the fourth row, far from every edge.
        let perMM = 300 / 25.4
        let x0 = Int((sheet.originXMM + sheet.pitchXMM - 3) * perMM), y0 = Int((sheet.originYMM + 3 * sheet.pitchYMM - 3) * perMM)
        // The symbol's columns only: the sticker above has its big letter just right of them.
        let box = (x: x0..<(x0 + Int(29 * perMM)), y: y0..<(y0 + Int(44 * perMM)))
        let a = try #require(Self.symbolCorner(before, x: box.x, y: box.y))
        let b = try #require(Self.symbolCorner(after, x: box.x, y: box.y))
        // -2 mm and 1.5 mm at 300 dpi: -23.6 and 17.7 pixels, within a pixel of rounding.
        #expect(abs(Double(b.x - a.x) - (-2 * perMM)) <= 1.0, "\(a) → \(b)")
        #expect(abs(Double(b.y - a.y) - (1.5 * perMM)) <= 1.0, "\(a) → \(b)")
    }

    @Test func aShiftThatPushesTheCodeOffTheLabelIsRefused() {
        #expect(throws: SapuError.labelOffsetTooLarge(template: "thermal-50x30", xMM: 15, yMM: 0)) {
            try LabelRenderer(template: try Fixtures.template("thermal-50x30"), offset: LabelOffset(xMM: 15, yMM: 0))
        }
        // 240 dots tall, a 228-dot symbol with its quiet zone: 0.75 mm (6 dots) down fits, 2 mm does not.
        #expect(throws: Never.self) {
            try LabelRenderer(template: try Fixtures.template("thermal-50x30"), offset: LabelOffset(xMM: 0, yMM: 0.75))
        }
        #expect(throws: SapuError.labelOffsetTooLarge(template: "thermal-50x30", xMM: 0, yMM: 2)) {
            try LabelRenderer(template: try Fixtures.template("thermal-50x30"), offset: LabelOffset(xMM: 0, yMM: 2))
        }
        #expect(throws: SapuError.labelOffsetOutOfRange(value: 20.5, limitMM: 20)) {
            try LabelOffset.checked(xMM: 0, yMM: 20.5)
        }
        #expect(throws: SapuError.labelOffsetOutOfRange(value: .infinity, limitMM: 20)) {
            try LabelOffset.checked(xMM: .infinity, yMM: 0)
        }
    }

    @Test func labelsThatCannotFollowAShiftWholeAreCounted() throws {
        // a4-3x7's stickers lie 7.2 mm from the left edge: a 3.5 mm shift leaves their code
        // 5.7 mm from it; 6 mm would put it at 3.2 mm, so it stays at 4 mm instead.
        let gapped = try Fixtures.template("a4-3x7")
        #expect(gapped.labelsMovedInward(by: .zero) == 0)
        #expect(gapped.labelsMovedInward(by: LabelOffset(xMM: -3.5, yMM: 2)) == 0)
        #expect(gapped.labelsMovedInward(by: LabelOffset(xMM: -6, yMM: 0)) == 7)
        // a4-3x8's left column already sits at the margin: its 8 codes follow no horizontal shift.
        let flush = try Fixtures.template("a4-3x8")
        #expect(flush.labelsMovedInward(by: LabelOffset(xMM: 0, yMM: 0)) == 0)
        #expect(flush.labelsMovedInward(by: LabelOffset(xMM: -3, yMM: 0)) == 8)
        let roll = try Fixtures.template("thermal-50x30")
        #expect(roll.labelsMovedInward(by: LabelOffset(xMM: 2, yMM: 0.75)) == 0)
        // 8 dots down, with 6 dots below the symbol: it moves 6.
        #expect(roll.labelsMovedInward(by: LabelOffset(xMM: 0, yMM: 1)) == 1)
    }

    @Test func aShiftTowardsTheSheetsEdgeMovesContentInwardNeverIntoTheMargin() throws {
        let template = try Fixtures.template("a4-3x8")
        let renderer = try LabelRenderer(template: template, offset: LabelOffset(xMM: -3, yMM: -3))
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let faces = (1...template.slotsPerPage).map { Fixtures.failed(serial: $0) }
        let image = try Self.page(renderer, faces, in: directory)
        let band = Int(4.0 * 300 / 25.4)
        var inked = 0
        for y in 0..<image.height {
            for x in 0..<image.width where (x < band || y < band) && image[x, y] < 250 { inked += 1 }
        }
        #expect(inked == 0, "\(inked) inked pixels within 4 mm of the top or left edge")
    }
}
