import Foundation
import SapuCore
import SapuLabels
import Testing

@Suite("Strongest error correction that fits")
struct ErrorCorrectionLevelTests {
    /// What `LabelTemplate.level(for:)` should answer, found the slow way: the first level
    /// from H down that encodes at exactly the template's version.
    static func strongestThatFits(_ payload: String, _ template: LabelTemplate) -> ErrorCorrection? {
        ErrorCorrection.strongestFirst(downTo: template.qr.level).first {
            (try? QRMatrix.encode(payload, version: template.qr.version, level: $0)) != nil
        }
    }

    /// The longest payload the `SAPU1` format allows, in alphanumeric characters.
    static let longest = String(String(repeating: "SAPU1 K1 7", count: 22).prefix(LabelCodec.maximumLength))

    @Test("each template's pass and fail labels get the strongest level that fits", arguments: Fixtures.templateNames)
    func passAndFailLabelsGetTheStrongestLevelThatFits(name: String) throws {
        let template = try Fixtures.template(name)
        for payload in [Fixtures.passed().payload, Fixtures.failed().payload, TypicalPayload.passed, TypicalPayload.failed] {
            let level = try #require(template.level(for: payload))
            #expect(level == Self.strongestThatFits(payload, template), "\(name) \(payload.count)")
            // Nothing stronger holds it at this version.
            for stronger in ErrorCorrection.strongestFirst(downTo: level) where stronger != level {
                #expect(throws: SapuError.self) {
                    try QRMatrix.encode(payload, version: template.qr.version, level: stronger)
                }
            }
        }
    }

    @Test func theSmallThermalLabelGetsQForAPassAndMForAFail() throws {
        let small = try Fixtures.template("thermal-50x30")
        #expect(small.level(for: Fixtures.passed().payload) == .Q)
        #expect(small.level(for: Fixtures.failed().payload) == .M)
        #expect((small.passedLevel, small.failedLevel) == (.Q, .M))
        for name in ["thermal-60x40", "a4-3x8", "a4-3x7"] {
            let template = try Fixtures.template(name)
            #expect((template.passedLevel, template.failedLevel) == (.H, .H), "\(name)")
        }
    }

    @Test func everyTemplatesTypicalPassLabelIsAtQOrBetter() throws {
        for name in Fixtures.templateNames {
            let level = try #require(try Fixtures.template(name).passedLevel)
            #expect(level == .Q || level == .H, "\(name)")
        }
    }

    @Test func theTypicalPayloadsHaveTheDocumentedLengths() {
        #expect(TypicalPayload.passed.count == 156)
        #expect(TypicalPayload.failed.count == 169)
    }

    @Test("a payload too long for one level gets the next, at the same version",
          arguments: [(8, 120, ErrorCorrection.H), (8, 130, .Q), (8, 200, .M), (8, 250, .L),
                      (10, 170, .H), (10, 200, .Q), (10, 300, .M), (10, 350, .L)])
    func aPayloadTooLongForOneLevelGetsTheNext(version: Int, length: Int, expected: ErrorCorrection) throws {
        let text = String(String(repeating: "SAPU1 K1 X", count: 40).prefix(length))
        let matrix = try QRMatrix.strongest(text, version: version)
        #expect(matrix.level == expected)
        #expect(matrix.version == version)
        #expect(matrix.size == QRMatrix.size(version: version))
    }

    @Test func theTemplatesLevelIsTheFloor() throws {
        let text = String(String(repeating: "SAPU1 K1 X", count: 40).prefix(250))
        // 250 alphanumeric characters fit version 8 only at L: refused when the floor is M.
        #expect(throws: SapuError.payloadTooLong(template: "QR-M", version: 8)) {
            try QRMatrix.strongest(text, version: 8, floor: .M)
        }
        #expect(try Fixtures.template("thermal-50x30").level(for: text) == nil)
        // A template asking for H refuses what only fits at Q, as it did before.
        #expect(throws: SapuError.payloadTooLong(template: "QR-H", version: 8)) {
            try QRMatrix.strongest(Fixtures.passed().payload, version: 8, floor: .H)
        }
    }

    @Test("the version never changes, whatever the level", arguments: Fixtures.templateNames)
    func theVersionNeverChanges(name: String) throws {
        let template = try Fixtures.template(name)
        for payload in ["SAPU1", Fixtures.passed().payload, Fixtures.failed().payload, Self.longest] {
            let matrix = try QRMatrix.strongest(payload, version: template.qr.version, floor: template.qr.level)
            #expect(matrix.version == template.qr.version)
            #expect(matrix.size == template.qrModules)
        }
        // The longest possible payload still fits each template's reserved version.
        #expect(template.level(for: Self.longest) != nil)
    }

    @Test("the printed symbol is the one at the chosen level", arguments: Fixtures.templateNames)
    func thePrintedSymbolIsTheOneAtTheChosenLevel(name: String) throws {
        let template = try Fixtures.template(name)
        let renderer = try LabelRenderer(template: template)
        for face in [Fixtures.passed(), Fixtures.failed()] {
            let image = try renderer.image(face)
            let level = try #require(template.level(for: face.payload))
            let chosen = try QRMatrix.encode(face.payload, version: template.qr.version, level: level)
            #expect(Self.modules(in: image, template: template, quietZone: template.qr.quietZone, size: chosen.size)
                    == Self.modules(of: chosen), "\(name)")
            #expect(QRImageDecoder.decode(image) == [face.payload])
        }
    }

    @Test func aControlCodeIsTheSmallestSymbolAtHCentredInTheReservedSquare() throws {
        let payload = "SAPUC MODE QUARANTINE 7K3M9QX2TB4F"
        let smallest = try QRMatrix.smallest(payload, level: .H)
        #expect(smallest.level == .H)
        #expect(smallest.version < 8)
        #expect(throws: SapuError.self) { try QRMatrix.encode(payload, version: smallest.version - 1, level: .H) }

        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for name in Fixtures.templateNames {
            let template = try Fixtures.template(name)
            let face = LabelFace(payload: payload, title: "Kode perintah", bundleID: "MODE KARANTINA", lines: [],
                                 result: "", symbol: .smallest)
            let image = try LabelRenderer(template: template).image(face)
            let margin = (template.qrModules - smallest.size) / 2
            #expect(Self.modules(in: image, template: template, quietZone: template.qr.quietZone + margin,
                                 size: smallest.size) == Self.modules(of: smallest), "\(name)")
            let file = directory.appendingPathComponent("\(name).png")
            try Data(try LabelRenderer(template: template).png(face)).write(to: file)
            #expect(try Fixtures.zbarimg(file.path) == [payload], "\(name)")
            // The PDF and ZPL draw the same small symbol in the same place.
            let pdf = directory.appendingPathComponent("\(name).pdf")
            try Data(try LabelRenderer(template: template).pdf([face])).write(to: pdf)
            _ = try Fixtures.run(["pdftoppm", "-r", "300", "-gray", "-png", pdf.path,
                                  directory.appendingPathComponent(name).path])
            let page = directory.appendingPathComponent("\(name)-1.png").path
            #expect(try Fixtures.zbarimg(page) == [payload], "\(name)")
        }
    }

    /// The dark modules of a matrix, row by row.
    static func modules(of matrix: QRMatrix) -> [Bool] {
        (0..<matrix.size).flatMap { y in (0..<matrix.size).map { x in matrix.isDark(x: x, y: y) } }
    }

    /// The modules a label image shows, read at the centre of each module's dots.
    static func modules(in image: GrayImage, template: LabelTemplate, quietZone: Int, size: Int) -> [Bool] {
        let side = template.qrSideDots
        let top = (template.heightDots - side) / 2
        let left = min(top, Int((template.marginMM / 25.4 * Double(template.dpi)).rounded()))
        let dots = template.qr.moduleDots, quiet = quietZone * dots
        return (0..<size).flatMap { y in
            (0..<size).map { x in image[left + quiet + x * dots + dots / 2, top + quiet + y * dots + dots / 2] == 0 }
        }
    }
}
