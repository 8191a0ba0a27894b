import Foundation
import SapuCore
import SapuLabels
import Testing

@Suite("JPEG photos: decoding, EXIF orientation, damaged and oversized files")
struct JPEGTests {
    /// 3 × 2 pixels, every one different: 1 2 3 over 4 5 6.
    static let stored = GrayImage(width: 3, height: 2, pixels: [1, 2, 3, 4, 5, 6])

    /// What a viewer shows for each EXIF orientation value, worked out from the EXIF
    /// definitions (where the stored row 0 and column 0 go), not from the code.
    static let shown: [(ImageOrientation, width: Int, pixels: [UInt8])] = [
        (.up, 3, [1, 2, 3, 4, 5, 6]),
        (.mirrored, 3, [3, 2, 1, 6, 5, 4]),
        (.upsideDown, 3, [6, 5, 4, 3, 2, 1]),
        (.mirroredUpsideDown, 3, [4, 5, 6, 1, 2, 3]),
        (.transposed, 2, [1, 4, 2, 5, 3, 6]),
        (.rotatedClockwise, 2, [4, 1, 5, 2, 6, 3]),
        (.transverse, 2, [6, 3, 5, 2, 4, 1]),
        (.rotatedAnticlockwise, 2, [3, 6, 2, 5, 1, 4]),
    ]

    @Test func eachOfTheEightOrientationsTurnsTheStoredPixelsUpright() {
        #expect(Self.shown.map(\.0.rawValue) == Array(1...8))
        for (orientation, width, pixels) in Self.shown {
            let upright = Self.stored.turnedUpright(orientation)
            #expect(upright.width == width && upright.height == 6 / width, "\(orientation)")
            #expect(upright.pixels == pixels, "\(orientation)")
        }
    }

    /// A phone keeps the sensor's pixels and writes the tag: each orientation read back
    /// from a real JPEG file gives the upright picture (a dark block top left of a wide image).
    @Test(arguments: ImageOrientation.allCases)
    func aJPEGWithAnOrientationTagIsReadUpright(orientation: ImageOrientation) throws {
        var upright = GrayImage(width: 64, height: 32, filledWith: 230)
        upright.draw(GrayImage(width: 16, height: 8, filledWith: 20), atX: 0, y: 0)
        let sensor = upright.turnedUpright(Self.inverse(orientation))
        let file = try sensor.jpeg(quality: 90, orientation: orientation)
        #expect(ImageOrientation(exifInJPEG: file) == orientation)

        let read = try Self.read(file, name: "photo.jpg")
        #expect(read.width == 64 && read.height == 32, "\(orientation): \(read.width) × \(read.height)")
        guard read.width == 64, read.height == 32 else { return }
        #expect(read[2, 2] < 80 && read[13, 5] < 80, "\(orientation): the dark block is top left")
        #expect(read[61, 2] > 180 && read[2, 29] > 180 && read[61, 29] > 180, "\(orientation)")
    }

    /// Byte order II (Intel) as well as MM, and the tag after other entries.
    @Test func aLittleEndianExifBlockWithSeveralEntriesIsRead() {
        var tiff: [UInt8] = [0x49, 0x49, 0x2A, 0x00, 0x08, 0x00, 0x00, 0x00, 0x02, 0x00]
        tiff += [0x0F, 0x01, 0x02, 0x00, 0x04, 0x00, 0x00, 0x00, 0x41, 0x42, 0x43, 0x00]  // Make "ABC"
        tiff += [0x12, 0x01, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00]  // orientation 8
        tiff += [0x00, 0x00, 0x00, 0x00]
        #expect(ImageOrientation(exifInJPEG: Self.jpeg(app1: Array("Exif".utf8) + [0, 0] + tiff)) == .rotatedAnticlockwise)
    }

    /// Hostile or broken EXIF blocks leave the picture as stored: no crash, no endless loop.
    @Test func malformedExifBlocksAreIgnored() throws {
        let valid = Array(try GrayImage(width: 8, height: 8).jpeg(quality: 50, orientation: .rotatedClockwise))
        let app1Payload = Array(valid[6..<(4 + Int(valid[4]) << 8 + Int(valid[5]))])
        #expect(ImageOrientation(exifInJPEG: valid) == .rotatedClockwise)
        var broken: [[UInt8]] = [
            [], [0xFF, 0xD8], [0xFF, 0xD8, 0xFF, 0xE1], [0xFF, 0xD8, 0xFF, 0xE1, 0x00],
            // A segment length of 0, 1 and one past the end of the file.
            [0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x00, 0x45, 0x78], [0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x01, 0x45, 0x78],
            Self.jpeg(app1: app1Payload).dropLast(40) + [],
            // Not Exif, not TIFF, not 42.
            Self.jpeg(app1: Array("Exif".utf8) + [0, 1] + app1Payload.dropFirst(6)),
            Self.jpeg(app1: Array("Exif".utf8) + [0, 0] + [0x4D, 0x49] + app1Payload.dropFirst(8)),
            Self.jpeg(app1: Array("Exif".utf8) + [0, 0, 0x4D, 0x4D, 0x00, 0x2B] + app1Payload.dropFirst(10)),
            // IFD0 beyond the block, a huge entry count, and every value but 1...8.
            Self.jpeg(app1: Array("Exif".utf8) + [0, 0, 0x4D, 0x4D, 0x00, 0x2A, 0x7F, 0xFF, 0xFF, 0xFF]),
            Self.jpeg(app1: Array("Exif".utf8) + [0, 0, 0x4D, 0x4D, 0x00, 0x2A, 0xFF, 0xFF, 0xFF, 0xF8, 0, 1]),
            Self.jpeg(app1: Array("Exif".utf8) + [0, 0, 0x4D, 0x4D, 0x00, 0x2A, 0, 0, 0, 8, 0xFF, 0xFF, 0x01, 0x12]),
            // The tag as LONG rather than SHORT, and with a count of 2.
            Self.jpeg(app1: Self.replacing(app1Payload, at: 18, with: [0x00, 0x04])),
            Self.jpeg(app1: Self.replacing(app1Payload, at: 20, with: [0x00, 0x00, 0x00, 0x02])),
            // The orientation tag after SOS is image data, not a header.
            [0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x02] + Self.jpeg(app1: app1Payload).dropFirst(2),
        ]
        for value in [0, 9, 255, 0xFFFF] {
            broken.append(Self.jpeg(app1: Self.replacing(app1Payload, at: 24, with: [UInt8(value >> 8), UInt8(value & 0xFF)])))
        }
        for (index, bytes) in broken.enumerated() {
            #expect(ImageOrientation(exifInJPEG: bytes) == .up, "case \(index)")
        }
        // Every byte of the header changed to every value: never a crash, an orientation or `.up`.
        let header = Array(valid.prefix(4 + app1Payload.count + 2))
        for position in header.indices {
            for value in [0x00, 0x01, 0x7F, 0xFF] as [UInt8] {
                var mutated = header
                mutated[position] = value
                _ = ImageOrientation(exifInJPEG: mutated)
            }
        }
        // A JPEG whose EXIF block is broken is still read, as stored.
        var file = try GrayImage(width: 40, height: 20, filledWith: 128).jpeg(quality: 80, orientation: .rotatedClockwise)
        file[4 + 2 + 6 + 8 + 2 + 9] = 0x2A  // orientation 42
        let read = try Self.read(file, name: "odd-exif.jpg")
        #expect(read.width == 40 && read.height == 20)
    }

    @Test func aTruncatedJPEGIsRefusedAsDamaged() throws {
        var photo = GrayImage(width: 320, height: 240, filledWith: 200)
        photo.draw(GrayImage(width: 100, height: 100, filledWith: 0), atX: 50, y: 50)
        let file = try photo.jpeg(quality: 70)
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, bytes) in [("cut.jpg", Array(file.prefix(file.count / 2))), ("no-end.jpg", Array(file.dropLast(2)).dropLast(100) + [])] {
            let path = directory.appendingPathComponent(name).path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            #expect(throws: SapuError.imageDamaged(path: path)) { try GrayImage(contentsOfFile: path) }
        }
        // The whole file reads.
        let whole = try Self.read(file, name: "whole.jpg")
        #expect(whole.width == 320 && whole[100, 100] < 40 && whole[300, 200] > 180)
    }

    /// Hostile bytes: a real JPEG with random bytes changed, and cut at many lengths, is read
    /// or refused with a reason, never a crash, a hang or a message on stderr from libjpeg.
    @Test func mangledJPEGsAreReadOrRefusedNeverACrash() throws {
        var photo = GrayImage(width: 96, height: 64, filledWith: 180)
        photo.draw(GrayImage(width: 30, height: 20, filledWith: 10), atX: 10, y: 10)
        let original = try photo.jpeg(quality: 75, orientation: .rotatedClockwise)
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("mangled.jpg").path
        var state: UInt64 = 0x5EED
        func random(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
        var outcomes: [String: Int] = [:]
        for round in 0..<400 {
            var bytes = original
            if round % 4 == 0 {
                bytes = Array(bytes.prefix(3 + random(bytes.count - 3)))
            } else {
                for _ in 0..<(1 + random(6)) { bytes[3 + random(bytes.count - 3)] = UInt8(random(256)) }
            }
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            do {
                let image = try GrayImage(contentsOfFile: path)
                #expect(image.pixels.count == image.width * image.height)
                outcomes["read", default: 0] += 1
            } catch {
                switch error {
                case .imageDamaged, .imageUnreadable, .imageTooLarge: outcomes["\(error)".prefix(12).description, default: 0] += 1
                default: Issue.record("unexpected \(error)")
                }
            }
        }
        #expect(outcomes.values.reduce(0, +) == 400, "\(outcomes)")
        // Some survive (a changed byte in the picture data), most are refused: damaged or unreadable.
        #expect((outcomes["read"] ?? 0) > 0 && (outcomes["imageDamaged"] ?? 0) > 0 && (outcomes["imageUnreada"] ?? 0) > 0,
                "\(outcomes)")
    }

    /// Format by content: a JPEG named .png is read, a GIF or text named .jpg is not.
    @Test func theFormatIsToldByItsBytesNotItsName() throws {
        let file = try GrayImage(width: 16, height: 16, filledWith: 10).jpeg(quality: 90)
        #expect(try Self.read(file, name: "really-a-jpeg.png").width == 16)
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let gif: [UInt8] = Array("GIF89a".utf8) + [1, 0, 1, 0, 0, 0, 0, 0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 1, 0, 0x3B]
        let notJPEG: [UInt8] = [0xFF, 0xD8, 0xFF] + Array("this is no JPEG at all, only text".utf8)
        for (name, bytes) in [("anim.jpg", gif), ("notes.jpg", Array("hello".utf8)), ("fake.jpg", notJPEG)] {
            let path = directory.appendingPathComponent(name).path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            #expect(throws: SapuError.imageUnreadable(path: path)) { try GrayImage(contentsOfFile: path) }
        }
    }

    /// A JPEG header declaring 10000 × 10000 pixels is refused from its header.
    @Test func aHundredMegapixelJPEGIsRefusedFromItsHeader() throws {
        let path = try Self.write(Self.jpegDeclaring(width: 10_000, height: 10_000), name: "huge.jpg")
        #expect(throws: SapuError.imageTooLarge(path: path, width: 10_000, height: 10_000, limit: GrayImage.maximumPixels)) {
            try GrayImage(contentsOfFile: path)
        }
    }

    /// A header declaring sides over libjpeg's own limit (65,500) is refused for its size
    /// like any image over 50 megapixels, with the size it declares; before, it was called
    /// not an image at all.
    @Test func aJPEGBeyondLibjpegsLargestSideIsRefusedForItsSize() throws {
        let path = try Self.write(Self.jpegDeclaring(width: 65_535, height: 65_535), name: "widest.jpg")
        #expect(throws: SapuError.imageTooLarge(path: path, width: 65_535, height: 65_535, limit: GrayImage.maximumPixels)) {
            try GrayImage(contentsOfFile: path)
        }
    }

    /// Twenty labels on a grey 4000 × 3000 photo at slightly different sizes, the pixels
    /// turned a quarter and the turn undone by the EXIF tag, saved at quality 70.
    @Test func aTwelveMegapixelPhotoOfTwentyLabelsReadsAllTwenty() throws {
        let renderer = try LabelRenderer(template: try Fixtures.template("thermal-50x30"))
        let faces = (1...20).map { $0 % 7 == 0 ? Fixtures.failed(serial: $0) : Fixtures.passed(serial: $0) }
        let photo = try Self.photo(of: faces.map { face throws(SapuError) in try renderer.image(face) })
        let file = try photo.turnedUpright(.rotatedAnticlockwise).jpeg(quality: 70, orientation: .rotatedClockwise)
        let path = try Self.write(file, name: "pallet.jpg")
        let started = Date()
        let found = try QRImageDecoder.decode(fileAt: path)
        print("decoded 12 MP JPEG in \(Date().timeIntervalSince(started)) s: \(found.count)")
        #expect(Set(found) == Set(faces.map(\.payload)), "\(found.count) of 20")
        #expect(found.count == 20)
    }

    /// Break: zbar at full size found 13 of these 20 large, blurred codes (a photo taken
    /// close and slightly out of focus); read again at half size, all 20.
    @Test func largeBlurredCodesInAPhotoAreFoundAtHalfSize() throws {
        let renderer = try LabelRenderer(template: try Fixtures.template("thermal-50x30"))
        let faces = (1...20).map { Fixtures.passed(serial: $0) }
        var photo = GrayImage(width: 4000, height: 3000, filledWith: 150)
        for (index, face) in faces.enumerated() {
            let scale = 3.0 * (0.9 + 0.1 * Double(index % 3))
            let label = Self.boxBlurred(Self.scaledBilinear(try renderer.image(face), by: scale), radius: 6)
            photo.draw(label, atX: (index % 5) * 800 + 10, y: (index / 5) * 750 + 10)
        }
        let path = try Self.write(try photo.jpeg(quality: 70), name: "close-up.jpg")
        #expect(Set(try QRImageDecoder.decode(fileAt: path)) == Set(faces.map(\.payload)))
    }

    /// Break: twenty labels photographed from afar (under 2 pixels a module): zbar at full
    /// size found 15; read again at twice the size, all 20.
    @Test func smallCodesInAPhotoFromAfarAreFoundAtTwiceTheSize() throws {
        let renderer = try LabelRenderer(template: try Fixtures.template("thermal-50x30"))
        let faces = (1...20).map { Fixtures.passed(serial: $0) }
        var photo = GrayImage(width: 2000, height: 1500, filledWith: 150)
        for (index, face) in faces.enumerated() {
            let label = Self.scaledBilinear(try renderer.image(face), by: 0.45 * (0.9 + 0.1 * Double(index % 3)))
            photo.draw(label, atX: (index % 5) * 400 + 10, y: (index / 5) * 375 + 10)
        }
        let path = try Self.write(try photo.jpeg(quality: 70), name: "pallet-from-afar.jpg")
        #expect(Set(try QRImageDecoder.decode(fileAt: path)) == Set(faces.map(\.payload)))
    }

    /// The same label twice in one photo is two codes (the second scan is then a
    /// duplicate), even though both passes find each of them.
    @Test func theSameLabelTwiceInAPhotoIsTwoCodes() throws {
        let label = try LabelRenderer(template: try Fixtures.template("thermal-50x30")).image(Fixtures.passed())
        var photo = GrayImage(width: 2000, height: 1200, filledWith: 160)
        photo.draw(label, atX: 100, y: 100)
        photo.draw(label, atX: 1200, y: 700)
        let found = QRImageDecoder.decode(try Self.read(try photo.jpeg(quality: 80), name: "twice.jpg"))
        #expect(found == [Fixtures.passed().payload, Fixtures.passed().payload])
    }

    // MARK: Helpers

    /// A box blur of `radius` pixels across, then down: an out-of-focus camera. Running sums
    /// keep it linear in the pixels (the window is cut at the edges).
    static func boxBlurred(_ image: GrayImage, radius: Int) -> GrayImage {
        let width = image.width, height = image.height
        var across = image.pixels, result = image.pixels
        /// Blurs `count` samples `stride` apart from `start` of `source` into `target`.
        func blurLine(_ source: UnsafeBufferPointer<UInt8>, _ target: UnsafeMutableBufferPointer<UInt8>,
                      start: Int, stride: Int, count: Int) {
            var sum = 0
            for index in 0..<min(count, radius + 1) { sum += Int(source[start + index * stride]) }
            for index in 0..<count {
                let low = max(0, index - radius), high = min(count - 1, index + radius)
                target[start + index * stride] = UInt8(sum / (high - low + 1))
                if index + radius + 1 < count { sum += Int(source[start + (index + radius + 1) * stride]) }
                if index - radius >= 0 { sum -= Int(source[start + (index - radius) * stride]) }
            }
        }
        image.pixels.withUnsafeBufferPointer { source in
            across.withUnsafeMutableBufferPointer { target in
                for y in 0..<height { blurLine(source, target, start: y * width, stride: 1, count: width) }
            }
        }
        across.withUnsafeBufferPointer { source in
            result.withUnsafeMutableBufferPointer { target in
                for x in 0..<width { blurLine(source, target, start: x, stride: width, count: height) }
            }
        }
        return GrayImage(width: width, height: height, pixels: result)
    }

    static func inverse(_ orientation: ImageOrientation) -> ImageOrientation {
        switch orientation {
        case .rotatedClockwise: .rotatedAnticlockwise
        case .rotatedAnticlockwise: .rotatedClockwise
        default: orientation
        }
    }

    /// SOI, one APP1 segment with `payload`, and EOI.
    static func jpeg(app1 payload: [UInt8]) -> [UInt8] {
        let length = payload.count + 2
        return [0xFF, 0xD8, 0xFF, 0xE1, UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)] + payload + [0xFF, 0xD9]
    }

    static func replacing(_ bytes: [UInt8], at offset: Int, with new: [UInt8]) -> [UInt8] {
        var copy = bytes
        copy.replaceSubrange(offset..<(offset + new.count), with: new)
        return copy
    }

    /// A small real JPEG whose frame header (SOF0) is changed to declare `width` × `height`.
    static func jpegDeclaring(width: Int, height: Int) throws -> [UInt8] {
        var file = try GrayImage(width: 16, height: 16).jpeg(quality: 50)
        guard let sof = (2..<(file.count - 9)).first(where: { file[$0] == 0xFF && file[$0 + 1] == 0xC0 }) else {
            Issue.record("no SOF0 marker")
            return file
        }
        file.replaceSubrange((sof + 5)..<(sof + 9),
                             with: [UInt8(height >> 8), UInt8(height & 0xFF), UInt8(width >> 8), UInt8(width & 0xFF)])
        return file
    }

    static func write(_ bytes: [UInt8], name: String) throws -> String {
        let directory = try Fixtures.temporaryDirectory()
        let path = directory.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func read(_ bytes: [UInt8], name: String) throws -> GrayImage {
        let path = try write(bytes, name: name)
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        return try GrayImage(contentsOfFile: path)
    }

    /// The labels on a 4000 × 3000 grey background, five across and four down, each scaled
    /// by 0.8 to 1.25 (bilinear, as a camera sees it) and shifted a little from its cell.
    static func photo(of labels: [GrayImage]) -> GrayImage {
        var photo = GrayImage(width: 4000, height: 3000, filledWith: 150)
        for (index, label) in labels.enumerated() {
            let scale = 0.8 + 0.45 * Double((index * 7) % 10) / 9
            let scaled = scaledBilinear(label, by: scale)
            let cellX = (index % 5) * 800, cellY = (index / 5) * 750
            photo.draw(scaled, atX: cellX + 40 + (index * 37) % 200, y: cellY + 30 + (index * 53) % 300)
        }
        return photo
    }

    static func scaledBilinear(_ image: GrayImage, by scale: Double) -> GrayImage {
        let width = Int(Double(image.width) * scale), height = Int(Double(image.height) * scale)
        var pixels = [UInt8](repeating: 0, count: width * height)
        for y in 0..<height {
            let sourceY = min(Double(image.height - 1), max(0, (Double(y) + 0.5) / scale - 0.5))
            let y0 = Int(sourceY), y1 = min(image.height - 1, y0 + 1), fy = sourceY - Double(y0)
            for x in 0..<width {
                let sourceX = min(Double(image.width - 1), max(0, (Double(x) + 0.5) / scale - 0.5))
                let x0 = Int(sourceX), x1 = min(image.width - 1, x0 + 1), fx = sourceX - Double(x0)
                let top = Double(image[x0, y0]) * (1 - fx) + Double(image[x1, y0]) * fx
                let bottom = Double(image[x0, y1]) * (1 - fx) + Double(image[x1, y1]) * fx
                pixels[y * width + x] = UInt8((top * (1 - fy) + bottom * fy).rounded())
            }
        }
        return GrayImage(width: width, height: height, pixels: pixels)
    }
}
