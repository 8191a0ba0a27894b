import Foundation
import SapuCore
@testable import SapuLabels
import Testing

/// Labels in a warehouse get dirty: a stain over a seventh of the symbol, away from the
/// finder patterns, on a slightly blurred print must still read with zbar. That is what
/// the strongest error-correction level that fits is for.
@Suite("Labels read through a stain over 14 % of the symbol and a 1 px blur")
struct StainTests {
    /// What part of the symbol's area the stain covers.
    static let stainShare = 0.14

    enum Stain: CaseIterable {
        /// Grime or ink: dark.
        case dark
        /// A scratch or peeled patch: white.
        case light
    }

    /// Where the stain goes, as fractions of the room the symbol leaves around it: between
    /// the two top finders, between the two left ones, in the corner without a finder, at
    /// the right and bottom edges' middles, and in the centre.
    static let positions: [(name: String, x: Double, y: Double)] = [
        ("top", 0.5, 0), ("left", 0, 0.5), ("corner", 1, 1), ("right", 1, 0.5), ("bottom", 0.5, 1), ("centre", 0.5, 0.5),
    ]

    @Test("a stained, blurred label still decodes", arguments: Fixtures.templateNames, Stain.allCases)
    func aStainedBlurredLabelStillDecodes(name: String, stain: Stain) throws {
        let template = try Fixtures.template(name)
        let renderer = try LabelRenderer(template: template)
        for serial in [7, 42, 555, 1234] {
            let face = Fixtures.passed(serial: serial)
            let level = try #require(template.level(for: face.payload))
            #expect(level == .Q || level == .H, "\(name)")
            let clean = try renderer.image(face)
            try #require(Self.zbar(clean) == [face.payload])
            let symbol = try #require(Self.locateSymbol(in: clean, modules: QRMatrix.size(version: template.qr.version),
                                                        moduleDots: template.qr.moduleDots))
            for position in Self.positions {
                var image = clean
                let covered = Self.stain(&image, symbol: symbol, at: (position.x, position.y), light: stain == .light)
                #expect(covered >= Self.stainShare)
                // At level Q (only thermal-50x30's labels) a stain at the right, the bottom or
                // the centre covers one of the symbol's alignment patterns and as many
                // codewords as Q can repair: zbar reads some of those labels, not all
                // (docs/label-templates.md). Level H labels read wherever it is.
                guard level == .H || !["right", "bottom", "centre"].contains(position.name) else { continue }
                // Only the symbol and its quiet zone: what the blur can reach.
                let quiet = template.qr.quietZone * template.qr.moduleDots
                let crop = Self.crop(image, x: symbol.x - quiet, y: symbol.y - quiet, side: symbol.side + 2 * quiet)
                #expect(Self.zbar(Self.gaussianBlur(crop, sigma: 1.0)) == [face.payload],
                        "\(name) \(serial) \(position.name) \(stain)")
            }
        }
    }

    /// The test is not trivially passed: the same stain over a label at level L, whose
    /// codewords cannot repair it, leaves a symbol zbar cannot read.
    @Test func theSameStainDefeatsALabelWithoutEnoughCorrection() throws {
        let template = try Fixtures.template("thermal-50x30")
        let face = Fixtures.passed(serial: 42)
        let weak = try QRMatrix.encode(face.payload, version: template.qr.version, level: .L)
        let image = Self.picture(of: weak, moduleDots: template.qr.moduleDots)
        try #require(Self.zbar(image) == [face.payload])
        let quiet = 4 * template.qr.moduleDots
        let symbol = (x: quiet, y: quiet, side: weak.size * template.qr.moduleDots)
        for position in Self.positions {
            var stained = image
            _ = Self.stain(&stained, symbol: symbol, at: (position.x, position.y), light: false)
            #expect(Self.zbar(Self.gaussianBlur(stained, sigma: 1.0)).isEmpty, "\(position.name)")
        }
    }

    /// What zbar reads in one pass over the image as it is: a scanner app, not `sapu scan
    /// --image`, which also reads a photo at other sizes.
    static func zbar(_ image: GrayImage) -> [String] {
        QRImageDecoder.scan(image).map(\.text)
    }

    /// Finds the symbol: the first row, from the top, holding the top edges of the two upper
    /// finder patterns, dark runs of 7 modules exactly `modules - 7` modules apart.
    static func locateSymbol(in image: GrayImage, modules: Int, moduleDots: Int) -> (x: Int, y: Int, side: Int)? {
        let finder = 7 * moduleDots, side = modules * moduleDots
        for y in 0..<image.height {
            var runs: [(start: Int, length: Int)] = []
            var x = 0
            while x < image.width {
                guard image[x, y] < 128 else { x += 1; continue }
                let start = x
                while x < image.width && image[x, y] < 128 { x += 1 }
                runs.append((start, x - start))
            }
            for left in runs where left.length == finder {
                if runs.contains(where: { $0.length == finder && $0.start == left.start + side - finder }) {
                    return (left.start, y, side)
                }
            }
        }
        return nil
    }

    /// Covers a square of `stainShare` of the symbol's area at `at` (fractions of the room
    /// the symbol leaves around the square), never over a finder pattern or its separator.
    /// Returns the share of the symbol covered.
    static func stain(_ image: inout GrayImage, symbol: (x: Int, y: Int, side: Int), at: (x: Double, y: Double),
                      light: Bool) -> Double {
        let side = Int((Double(symbol.side * symbol.side) * stainShare).squareRoot().rounded(.up))
        let x = symbol.x + Int(Double(symbol.side - side) * at.x)
        let y = symbol.y + Int(Double(symbol.side - side) * at.y)
        let finder = symbol.side * 8 / 49 + 1
        let corners = [(symbol.x, symbol.y), (symbol.x + symbol.side - finder, symbol.y), (symbol.x, symbol.y + symbol.side - finder)]
        precondition(corners.allSatisfy { cx, cy in x >= cx + finder || x + side <= cx || y >= cy + finder || y + side <= cy },
                     "the stain must stay clear of the finder patterns")
        for row in y..<y + side {
            for column in x..<x + side { image[column, row] = light ? 255 : 40 }
        }
        return Double(side * side) / Double(symbol.side * symbol.side)
    }

    /// A Gaussian blur of standard deviation `sigma` pixels, separable, edges clamped.
    static func gaussianBlur(_ image: GrayImage, sigma: Double) -> GrayImage {
        let radius = Int((3 * sigma).rounded(.up))
        var kernel = (-radius...radius).map { exp(-Double($0 * $0) / (2 * sigma * sigma)) }
        let sum = kernel.reduce(0, +)
        kernel = kernel.map { $0 / sum }
        func pass(_ source: [Double], horizontal: Bool) -> [Double] {
            var out = [Double](repeating: 0, count: source.count)
            for y in 0..<image.height {
                for x in 0..<image.width {
                    var value = 0.0
                    for (index, weight) in kernel.enumerated() {
                        let offset = index - radius
                        let sx = horizontal ? min(max(x + offset, 0), image.width - 1) : x
                        let sy = horizontal ? y : min(max(y + offset, 0), image.height - 1)
                        value += weight * source[sy * image.width + sx]
                    }
                    out[y * image.width + x] = value
                }
            }
            return out
        }
        let blurred = pass(pass(image.pixels.map(Double.init), horizontal: true), horizontal: false)
        return GrayImage(width: image.width, height: image.height,
                         pixels: blurred.map { UInt8(max(0, min(255, $0.rounded()))) })
    }

    /// A square part of an image.
    static func crop(_ image: GrayImage, x: Int, y: Int, side: Int) -> GrayImage {
        var part = GrayImage(width: side, height: side)
        part.draw(image, atX: -x, y: -y)
        return part
    }

    /// A bare symbol with a four-module quiet zone.
    static func picture(of matrix: QRMatrix, moduleDots: Int) -> GrayImage {
        let quiet = 4 * moduleDots, side = matrix.size * moduleDots + 2 * quiet
        var image = GrayImage(width: side, height: side)
        for y in 0..<matrix.size * moduleDots {
            for x in 0..<matrix.size * moduleDots where matrix.isDark(x: x / moduleDots, y: y / moduleDots) {
                image[quiet + x, quiet + y] = 0
            }
        }
        return image
    }
}
