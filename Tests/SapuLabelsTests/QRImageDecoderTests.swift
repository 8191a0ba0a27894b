import Foundation
import SapuCore
import SapuLabels
import Testing

@Suite("QR image decoder")
struct QRImageDecoderTests {
    @Test func severalLabelsSideBySideAllReadBackInReadingOrder() throws {
        let renderer = try LabelRenderer(template: try Fixtures.template("thermal-50x30"))
        let faces = (1...6).map { $0 == 5 ? Fixtures.failed(serial: $0) : Fixtures.passed(serial: $0) }
        let images = try faces.map { face throws(SapuError) in try renderer.image(face) }
        let width = images[0].width, height = images[0].height
        // Three across, two down, with a grey gutter like a photo of a tray of bundles.
        var composite = GrayImage(width: 3 * width + 80, height: 2 * height + 60, filledWith: 200)
        for (index, image) in images.enumerated() {
            composite.draw(image, atX: 20 + (index % 3) * (width + 20), y: 20 + (index / 3) * (height + 20))
        }
        #expect(QRImageDecoder.decode(composite) == faces.map(\.payload))

        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("tray.png")
        try Data(try composite.png(dotsPerInch: 203)).write(to: file)
        #expect(try QRImageDecoder.decode(fileAt: file.path) == faces.map(\.payload))
        #expect(Set(try Fixtures.zbarimg(file.path)) == Set(faces.map(\.payload)))
    }

    @Test func aBinaryPGMFileIsRead() throws {
        let image = try LabelRenderer(template: try Fixtures.template("thermal-60x40")).image(Fixtures.passed())
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("label.pgm")
        var bytes = Array("P5\n# scanned\n\(image.width) \(image.height)\n255\n".utf8)
        bytes += image.pixels
        try Data(bytes).write(to: file)
        #expect(try GrayImage(contentsOfFile: file.path) == image)
        #expect(try QRImageDecoder.decode(fileAt: file.path) == [Fixtures.passed().payload])
    }

    @Test func aColourPNGWithTransparencyIsReadAsGrey() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("colour.png")
        try Fixtures.run(["qrencode", "-t", "PNG", "-s", "4", "--background=FFFFFF00", "-o", file.path, "SAPU1 TEST"])
        #expect(try QRImageDecoder.decode(fileAt: file.path) == ["SAPU1 TEST"])
    }

    @Test func anImageWithoutACodeGivesNoTexts() throws {
        #expect(QRImageDecoder.decode(GrayImage(width: 200, height: 100)) == [])
        #expect(QRImageDecoder.decode(GrayImage(width: 0, height: 0)) == [])
    }

    @Test func aFileThatIsNotAnImageIsUnreadable() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = directory.appendingPathComponent("notes.png")
        try Data("SAPU1 K1 this is not a picture".utf8).write(to: text)
        #expect(throws: SapuError.imageUnreadable(path: text.path)) { try QRImageDecoder.decode(fileAt: text.path) }

        var truncated = try LabelRenderer(template: try Fixtures.template("thermal-50x30")).png(Fixtures.passed())
        truncated.removeLast(truncated.count / 2)
        let broken = directory.appendingPathComponent("broken.png")
        try Data(truncated).write(to: broken)
        #expect(throws: SapuError.imageUnreadable(path: broken.path)) { try QRImageDecoder.decode(fileAt: broken.path) }

        let missing = directory.appendingPathComponent("missing.png").path
        #expect(throws: SapuError.imageUnreadable(path: missing)) { try QRImageDecoder.decode(fileAt: missing) }
    }
}
