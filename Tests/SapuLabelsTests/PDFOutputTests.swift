import Foundation
import SapuCore
import SapuLabels
import Testing

@Suite("PDF labels")
struct PDFOutputTests {
    @Test func thirtyLabelsAfterFiveUsedStickersFillTwoA4PagesThatAllReadBack() throws {
        let renderer = try LabelRenderer(template: try Fixtures.template("a4-3x8"))
        let faces = (1...30).map { $0 % 7 == 0 ? Fixtures.failed(serial: $0) : Fixtures.passed(serial: $0) }
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("labels.pdf")
        try Data(try renderer.pdf(faces, skip: 5)).write(to: file)

        let info = try Fixtures.pdfinfo(file.path)
        #expect(info["Pages"] == "2")
        #expect(info["Page size"] == "595.276 x 841.89 pts (A4)")

        try Fixtures.run(["pdftoppm", "-r", "300", "-png", file.path, directory.appendingPathComponent("page").path])
        let first = try Fixtures.zbarimg(directory.appendingPathComponent("page-1.png").path)
        let second = try Fixtures.zbarimg(directory.appendingPathComponent("page-2.png").path)
        #expect(first.count == 19)
        #expect(second.count == 11)
        #expect(Set(first + second) == Set(faces.map(\.payload)))
        // Our own decoder reads the pages in the order the labels were laid out.
        let ours = try QRImageDecoder.decode(fileAt: directory.appendingPathComponent("page-1.png").path)
            + QRImageDecoder.decode(fileAt: directory.appendingPathComponent("page-2.png").path)
        #expect(ours == faces.map(\.payload))
    }

    @Test func theFirstLabelLandsInTheSlotAfterTheSkippedOnes() throws {
        let template = try Fixtures.template("a4-3x7")
        let renderer = try LabelRenderer(template: template)
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("one.pdf")
        // Slot 4 is the second column of the second row.
        try Data(try renderer.pdf([Fixtures.passed()], skip: 4)).write(to: file)
        try Fixtures.run(["pdftoppm", "-r", "100", "-gray", file.path, directory.appendingPathComponent("page").path])
        let page = try GrayImage(contentsOfFile: directory.appendingPathComponent("page-1.pgm").path)
        let sheet = try #require(template.sheet)
        func inked(xMM: ClosedRange<Double>, yMM: ClosedRange<Double>) -> Bool {
            let scale = 100 / 25.4
            for y in Int(yMM.lowerBound * scale)..<Int(yMM.upperBound * scale) {
                for x in Int(xMM.lowerBound * scale)..<Int(xMM.upperBound * scale) where page[x, y] < 128 {
                    return true
                }
            }
            return false
        }
        let slotX = sheet.originXMM + sheet.pitchXMM, slotY = sheet.originYMM + sheet.pitchYMM
        #expect(inked(xMM: slotX...(slotX + template.label.widthMM), yMM: slotY...(slotY + template.label.heightMM)))
        #expect(!inked(xMM: 0...(slotX - 0.5), yMM: 0...297))
        #expect(!inked(xMM: 0...210, yMM: 0...(slotY - 0.5)))
    }

    @Test func aThermalTemplateMakesOnePagePerLabelTheSizeOfTheLabel() throws {
        let renderer = try LabelRenderer(template: try Fixtures.template("thermal-50x30"))
        let faces = [Fixtures.passed(serial: 1), Fixtures.failed(serial: 2), Fixtures.passed(serial: 3)]
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("roll.pdf")
        try Data(try renderer.pdf(faces, skip: 0)).write(to: file)
        let info = try Fixtures.pdfinfo(file.path)
        #expect(info["Pages"] == "3")
        #expect(info["Page size"] == "141.732 x 85.0394 pts")
        try Fixtures.run(["pdftoppm", "-r", "300", "-png", file.path, directory.appendingPathComponent("page").path])
        for (index, face) in faces.enumerated() {
            #expect(try Fixtures.zbarimg(directory.appendingPathComponent("page-\(index + 1).png").path)
                    == [face.payload])
        }
    }

    @Test func aPDFsTextIsTheLabelsWordsAndEachCodeIsOneStencilAtTheTemplatesDots() throws {
        let renderer = try LabelRenderer(template: try Fixtures.template("a4-3x7"))
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("sheet.pdf")
        try Data(try renderer.pdf([Fixtures.passed(), Fixtures.failed()], skip: 0)).write(to: file)
        let text = try Fixtures.run(["pdftotext", file.path, "-"])
        #expect(text.contains("PWT251121A-0042"))
        #expect(text.contains("TIDAK") && text.contains("LULUS"))
        #expect(text.contains("Lapas Purwokerto"))
        #expect(!text.contains("\u{FFFD}"))
        // One 1-bit stencil per code, at exactly moduleDots dots per module (57 × 5 = 285).
        let images = try Fixtures.run(["pdfimages", "-list", file.path]).split(separator: "\n").dropFirst(2)
        #expect(images.count == 2)
        for image in images {
            let columns = image.split(separator: " ", omittingEmptySubsequences: true)
            #expect(columns[3] == "285" && columns[4] == "285" && columns[2] == "stencil", "\(image)")
        }
    }

    @Test func skippingAWholeSheetOrMoreIsRefused() throws {
        let sheet = try LabelRenderer(template: try Fixtures.template("a4-3x8"))
        #expect(throws: SapuError.skipOutOfRange(skip: 24, slots: 24)) {
            try sheet.pdf([Fixtures.passed()], skip: 24)
        }
        #expect(throws: SapuError.skipOutOfRange(skip: -1, slots: 24)) {
            try sheet.pdf([Fixtures.passed()], skip: -1)
        }
        let roll = try LabelRenderer(template: try Fixtures.template("thermal-60x40"))
        #expect(throws: SapuError.skipOutOfRange(skip: 1, slots: 1)) {
            try roll.pdf([Fixtures.passed()], skip: 1)
        }
    }
}
