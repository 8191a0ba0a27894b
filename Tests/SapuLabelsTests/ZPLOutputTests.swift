import Foundation
import SapuCore
import SapuLabels
import Testing

@Suite("ZPL labels")
struct ZPLOutputTests {
    @Test func eachLabelIsOneFormatWithTheTemplatesSizeInDots() throws {
        let renderer = try LabelRenderer(template: try Fixtures.template("thermal-50x30"))
        let faces = (1...5).map { Fixtures.passed(serial: $0) } + [Fixtures.failed(serial: 6)]
        let zpl = try renderer.zpl(faces)
        #expect(zpl.components(separatedBy: "^XA").count - 1 == 6)
        #expect(zpl.components(separatedBy: "^XZ").count - 1 == 6)
        for block in ZPLReader.formats(zpl) {
            #expect(block.contains("^PW400"))
            #expect(block.contains("^LL240"))
        }
    }

    @Test("the graphic field is our QR matrix at moduleDots scale and reads back",
          arguments: ["thermal-50x30", "thermal-60x40"])
    func theGraphicFieldIsOurMatrixAndReadsBack(name: String) throws {
        let template = try Fixtures.template(name)
        let face = Fixtures.failed()
        let zpl = try LabelRenderer(template: template).zpl([face])
        let graphic = try #require(ZPLReader.graphicField(in: zpl))
        let matrix = try QRMatrix.strongest(face.payload, version: template.qr.version, floor: template.qr.level)
        let side = matrix.size * template.qr.moduleDots
        #expect(graphic.width >= side && graphic.width < side + 8)
        #expect(graphic.height == side)
        var mismatches = 0
        for y in 0..<side {
            for x in 0..<side where graphic.image[x, y] != (matrix.isDark(x: x / template.qr.moduleDots,
                                                                          y: y / template.qr.moduleDots) ? 0 : 255) {
                mismatches += 1
            }
        }
        #expect(mismatches == 0)
        // Put on a white label with its quiet zone, the bitmap decodes to the payload.
        var label = GrayImage(width: graphic.width + 80, height: graphic.height + 80)
        label.draw(graphic.image, atX: 40, y: 40)
        #expect(QRImageDecoder.decode(label) == [face.payload])
    }

    @Test func textIsASCIIAndCommandCharactersAreEscaped() throws {
        let renderer = try LabelRenderer(template: try Fixtures.template("thermal-60x40"))
        var face = Fixtures.passed()
        face.title = "Sapu^Lidi~Ijuk_Pendek"
        let zpl = try renderer.zpl([face])
        #expect(zpl.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(zpl.contains("^FDLULUS QC^FS"))
        #expect(zpl.contains("^FDA^FS"))
        // The workshop and content share a line, joined by a middle dot that font 0 lacks.
        #expect(zpl.contains(" - isi 10^FS"))
        #expect(zpl.contains("^FH^FDSapu_5ELidi_7EIjuk_5FPendek^FS"))
        #expect(zpl.contains("^FDPWT251121A-0042^FS"))
    }

    @Test func anUnusuallyLongBundleIDIsPrintedWholeOnTheSmallestLabel() throws {
        var face = Fixtures.passed()
        face.bundleID = "PWT251121ABCDEFG-1234567"
        face.title = String(repeating: "Sapu Lidi ", count: 5)
        let zpl = try LabelRenderer(template: try Fixtures.template("thermal-50x30")).zpl([face])
        #expect(zpl.contains("^FDPWT251121ABCDEFG-1234567^FS"))
        #expect(zpl.contains("..."))
    }

    @Test func fourDefectsTakeTwoLinesRatherThanBeingCut() throws {
        var face = Fixtures.failed()
        face.defects = "LOOSE, DAMP, SHORT, BROKEN"
        let zpl = try LabelRenderer(template: try Fixtures.template("thermal-50x30")).zpl([face])
        #expect(zpl.contains("^FDLOOSE, DAMP,^FS"))
        #expect(zpl.contains("^FDSHORT, BROKEN^FS"))
        #expect(!zpl.contains("..."))
    }

    @Test func aFailedResultIsPrintedReversedOnABlackBox() throws {
        let zpl = try LabelRenderer(template: try Fixtures.template("thermal-50x30")).zpl([Fixtures.failed()])
        #expect(zpl.contains("^GB"))
        // Too wide for the column at 5 mm capitals: one word a line.
        #expect(zpl.contains("^FR^FH^FDTIDAK^FS"))
        #expect(zpl.contains("^FR^FH^FDLULUS^FS"))
        #expect(zpl.contains("^FDLOOSE, DAMP^FS"))
    }
}

/// Reads back what the ZPL tests need, following Zebra's description of `^GFA` and its
/// ASCII compression independently of the writer's code.
enum ZPLReader {
    static func formats(_ zpl: String) -> [String] {
        zpl.components(separatedBy: "^XA").dropFirst().map { $0.components(separatedBy: "^XZ")[0] }
    }

    /// The first `^GFA` field as an image, black where a bit is set.
    static func graphicField(in zpl: String) -> (width: Int, height: Int, image: GrayImage)? {
        guard let start = zpl.range(of: "^GFA,") else { return nil }
        let rest = zpl[start.upperBound...]
        let end = rest.range(of: "^FS")?.lowerBound ?? rest.endIndex
        let parts = rest[..<end].split(separator: ",", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 4, let total = Int(parts[0]), let bytesPerRow = Int(parts[2]) else { return nil }
        let rowNibbles = bytesPerRow * 2
        var rows: [[Int]] = []
        var row: [Int] = []
        var count = 0
        func finishRow() { rows.append(row); row = [] }
        for character in parts[3] {
            switch character {
            case "G"..."Y":
                count += Int(character.asciiValue! - Character("F").asciiValue!)
            case "g"..."z":
                count += 20 * Int(character.asciiValue! - Character("f").asciiValue!)
            case ",":
                row += Array(repeating: 0, count: rowNibbles - row.count)
                finishRow()
            case "!":
                row += Array(repeating: 15, count: rowNibbles - row.count)
                finishRow()
            case ":":
                rows.append(rows.last ?? Array(repeating: 0, count: rowNibbles))
            default:
                guard let value = character.hexDigitValue else { return nil }
                row += Array(repeating: value, count: max(count, 1))
                count = 0
                if row.count == rowNibbles { finishRow() }
            }
        }
        guard row.isEmpty, rows.allSatisfy({ $0.count == rowNibbles }), rows.count * bytesPerRow == total else {
            return nil
        }
        let width = bytesPerRow * 8
        var image = GrayImage(width: width, height: rows.count)
        for (y, nibbles) in rows.enumerated() {
            for x in 0..<width where nibbles[x / 4] & (8 >> (x % 4)) != 0 {
                image[x, y] = 0
            }
        }
        return (width, rows.count, image)
    }
}
