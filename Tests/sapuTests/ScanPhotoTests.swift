import Foundation
import SapuLabels
import Testing

@Suite("sapu scan --image: JPEG photos from a phone")
struct ScanPhotoTests {
    /// Done-when: 20 label PNGs printed by `sapu label`, pasted at varied places and sizes on
    /// a 4000 × 3000 grey photo, the pixels turned a quarter as a phone's sensor keeps them,
    /// the EXIF tag saying how to turn them back, saved at quality 70: one scan applies all 20.
    @Test func aTwelveMegapixelPhotoOfTwentyLabelsAppliesAllTwenty() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        try sapu.ok("inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A", "--count", "12", "--yes")
        try sapu.ok("inspect", "--batch", batch, "--maker", "M043", "--pass", "--grade", "B", "--count", "8", "--yes")
        let ids = (1...20).map { "\(batch)-\(String(format: "%04d", $0))" }
        try sapu.ok(contentsOfArguments: ["label"] + ids + ["--format", "png", "--out", "labels"])
        let labels = try ids.map { try GrayImage(contentsOfFile: sapu.directory + "/labels/\($0).png") }

        var photo = GrayImage(width: 4000, height: 3000, filledWith: 150)
        for (index, label) in labels.enumerated() {
            let scale = 0.8 + 0.45 * Double((index * 7) % 10) / 9
            photo.draw(Self.scaled(label, by: scale), atX: (index % 5) * 800 + 30 + (index * 37) % 200,
                       y: (index / 5) * 750 + 20 + (index * 53) % 300)
        }
        let sensor = photo.turnedUpright(.rotatedAnticlockwise)
        #expect(sensor.width == 3000 && sensor.height == 4000)
        let file = try sensor.jpeg(quality: 70, orientation: .rotatedClockwise)
        try Data(file).write(to: URL(fileURLWithPath: sapu.directory + "/photo.jpg"))
        // The file is a real JPEG with orientation 6 in EXIF, as an independent tool sees it
        // (libmagic names 6 "upper-right"), and zbarimg finds the twenty codes in it.
        let described = try SapuRunner.execute("file", [sapu.directory + "/photo.jpg"]).stdout
        #expect(described.contains("JPEG image data, Exif standard") && described.contains("orientation=upper-right")
                    && described.contains("3000x4000"), "\(described)")
        let zbarimg = try SapuRunner.execute("zbarimg", ["--raw", "-q", "-Sdisable", "-Sqrcode.enable", sapu.directory + "/photo.jpg"])
        #expect(zbarimg.lines.count == 20, "\(zbarimg.stdout)")

        let run = try sapu.scan("receive", data: Data(), ["--image", "photo.jpg"])
        #expect(run.outcomes == Array(repeating: "accepted", count: 20), "\(run.answers)")
        #expect(Set(run.answers.compactMap(\.bundle)) == Set(ids))
        #expect(run.summary?["accepted"] == 20)
        let states = try sapu.states()
        #expect(ids.allSatisfy { states[$0] == "in-stock" }, "\(states)")
        #expect(try sapu.eventCounts("receive") == Dictionary(uniqueKeysWithValues: ids.map { ($0, 1) }))
        #expect(try sapu.sql("SELECT DISTINCT manual FROM event WHERE move = 'receive'") == ["0"])

        // The same photo again, plain text in both languages: twenty duplicates, nothing counted twice.
        for (language, word) in [("id", "DUPLIKAT"), ("en", "DUPLICATE")] {
            let again = try sapu.run(["scan", "--mode", "receive", "--lang", language, "--image", "photo.jpg"], inputData: Data())
            #expect(again.status == 0, "\(again.stderr)")
            #expect(again.lines.filter { $0.hasPrefix(word) }.count == 20, "\(again.stdout)")
        }
        #expect(try sapu.eventCounts("receive").values.allSatisfy { $0 == 1 })
    }

    /// A JPEG cut short, a GIF and a text file named .jpg, a JPEG declaring 100 megapixels,
    /// a PNG declaring as many, and a photo with no code: one line each in the user's
    /// language, exit status 1, nothing changed.
    @Test func badPhotosAreOneLineEachAndChangeNothing() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        try sapu.ok("inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A", "--count", "2")
        try sapu.ok("label", "\(batch)-0001", "--format", "png", "--out", "labels")
        let folder = sapu.directory + "/"
        var photo = GrayImage(width: 1600, height: 1200, filledWith: 140)
        photo.draw(try GrayImage(contentsOfFile: folder + "labels/\(batch)-0001.png"), atX: 300, y: 300)
        let whole = try photo.jpeg(quality: 70)
        try Data(whole.prefix(whole.count * 2 / 3)).write(to: URL(fileURLWithPath: folder + "cut.jpg"))
        try Data(Array("GIF89a".utf8) + [1, 0, 1, 0, 0, 0, 0, 0x3B]).write(to: URL(fileURLWithPath: folder + "anim.jpg"))
        try Data("IMG_2041: 12 ikat\n".utf8).write(to: URL(fileURLWithPath: folder + "notes.jpg"))
        try Data(try Self.jpegDeclaring(width: 10_000, height: 10_000)).write(to: URL(fileURLWithPath: folder + "huge.jpg"))
        try ScanDenialOfServiceTests.pngDeclaring(width: 10_000, height: 10_000).write(to: URL(fileURLWithPath: folder + "huge.png"))
        try Data(try GrayImage(width: 1600, height: 1200, filledWith: 140).jpeg(quality: 70))
            .write(to: URL(fileURLWithPath: folder + "floor.jpg"))
        let files = ["cut.jpg", "anim.jpg", "notes.jpg", "huge.jpg", "huge.png", "floor.jpg"]
        let before = try sapu.dump()

        let expected: [String: [String]] = [
            "en": ["JPEG image cut.jpg is damaged or cut short; not read (copy or take the photo again)",
                   "anim.jpg is not a readable image (JPEG, PNG or PGM)",
                   "notes.jpg is not a readable image (JPEG, PNG or PGM)",
                   "image huge.jpg is 10000 × 10000 pixels; at most 50 megapixels are read (scale the photo down)",
                   "image huge.png is 10000 × 10000 pixels; at most 50 megapixels are read (scale the photo down)",
                   "no QR code found in image floor.jpg"],
            "id": ["gambar JPEG cut.jpg rusak atau terpotong; tidak dibaca (salin atau ambil ulang fotonya)",
                   "anim.jpg bukan gambar yang bisa dibaca (JPEG, PNG atau PGM)",
                   "notes.jpg bukan gambar yang bisa dibaca (JPEG, PNG atau PGM)",
                   "gambar huge.jpg berukuran 10000 × 10000 piksel; paling besar 50 megapiksel yang dibaca (perkecil fotonya)",
                   "gambar huge.png berukuran 10000 × 10000 piksel; paling besar 50 megapiksel yang dibaca (perkecil fotonya)",
                   "tidak ada kode QR di gambar floor.jpg"],
        ]
        for (language, reasons) in expected {
            let run = try sapu.run(["scan", "--mode", "receive", "--json", "--lang", language, "--image"] + files, inputData: Data())
            #expect(run.status == 1, "\(language): \(run.stderr)")
            #expect(run.stderr.isEmpty, "\(run.stderr)")
            let answers = ScanRun(run).answers
            #expect(answers.map(\.outcome) == Array(repeating: "not-sapu", count: files.count), "\(answers)")
            #expect(answers.map { $0.reason ?? "" } == reasons)
            // Plain lines: one per file, then the summary.
            let plain = try sapu.run(["scan", "--mode", "receive", "--lang", language, "--image"] + files, inputData: Data())
            #expect(plain.status == 1)
            #expect(plain.lines.count == files.count + 1, "\(plain.stdout)")
            #expect(zip(plain.lines, reasons).allSatisfy { $0.hasSuffix($1) }, "\(plain.stdout)")
        }
        #expect(try sapu.dump() == before, "the database changed")

        // Each alone: a single unreadable photo is a failed command too, and the whole JPEG applies.
        for file in files {
            #expect(try sapu.run(["scan", "--mode", "receive", "--image", file], inputData: Data()).status == 1, "\(file)")
        }
        try Data(whole).write(to: URL(fileURLWithPath: folder + "whole.jpg"))
        let good = try sapu.scan("receive", data: Data(), ["--image", "whole.jpg"])
        #expect(good.outcomes == ["accepted"])
    }

    /// The partner photographs six bundles as they arrive: `sapu verify --image` reads the
    /// JPEG; a damaged JPEG stops it with one line, a photo with no code is one line and status 1.
    @Test func thePartnerVerifiesFromAJPEGPhoto() throws {
        let shop = try ShippedWorkshop()
        let partner = try shop.partner()
        let arrived = Array(shop.packed.prefix(6))
        var photo = GrayImage(width: 2400, height: 1600, filledWith: 170)
        for (index, id) in arrived.enumerated() {
            let label = try GrayImage(contentsOfFile: shop.sapu.directory + "/labels/\(id).png")
            photo.draw(label, atX: 100 + (index % 3) * 760, y: 150 + (index / 3) * 700)
        }
        let folder = partner.directory + "/"
        let file = try photo.turnedUpright(.upsideDown).jpeg(quality: 70, orientation: .upsideDown)
        try Data(file).write(to: URL(fileURLWithPath: folder + "arrived.jpg"))
        try Data(file.prefix(file.count / 2)).write(to: URL(fileURLWithPath: folder + "cut.jpg"))
        try Data(try GrayImage(width: 1200, height: 900, filledWith: 170).jpeg(quality: 70))
            .write(to: URL(fileURLWithPath: folder + "floor.jpg"))

        let read = try partner.run(shop.verifyArguments + ["--json", "--lang", "en", "--image", "arrived.jpg"])
        #expect(read.status == 0, "\(read.stderr)")
        let answers = read.lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            .filter { $0["outcome"] != nil }
        #expect(answers.compactMap { $0["bundle"] as? String } == arrived, "upright reading order: \(read.stdout)")
        #expect(answers.allSatisfy { $0["outcome"] as? String == "expected" }, "\(read.stdout)")

        let state = try String(contentsOfFile: folder + shop.stem + ".verify.jsonl", encoding: .utf8)
        for (language, damaged, none) in [
            ("id", "gambar JPEG cut.jpg rusak atau terpotong", "tidak ada kode QR di gambar floor.jpg"),
            ("en", "JPEG image cut.jpg is damaged or cut short", "no QR code found in image floor.jpg"),
        ] {
            let cut = try partner.run(shop.verifyArguments + ["--lang", language, "--image", "cut.jpg"])
            #expect(cut.status == 1 && cut.stderr.contains(damaged), "\(cut.stderr)")
            #expect(cut.stderr.split(separator: "\n").count == 1, "\(cut.stderr)")
            let empty = try partner.run(shop.verifyArguments + ["--lang", language, "--image", "floor.jpg"])
            #expect(empty.status == 1 && empty.stderr.contains(none), "\(empty.stderr)")
        }
        #expect(try String(contentsOfFile: folder + shop.stem + ".verify.jsonl", encoding: .utf8) == state,
                "nothing added to the partner's record")
    }

    /// A small real JPEG whose frame header (SOF0) declares `width` × `height`.
    static func jpegDeclaring(width: Int, height: Int) throws -> [UInt8] {
        var file = try GrayImage(width: 16, height: 16).jpeg(quality: 50)
        let sof = try #require((2..<(file.count - 9)).first { file[$0] == 0xFF && file[$0 + 1] == 0xC0 })
        file.replaceSubrange((sof + 5)..<(sof + 9),
                             with: [UInt8(height >> 8), UInt8(height & 0xFF), UInt8(width >> 8), UInt8(width & 0xFF)])
        return file
    }

    /// Bilinear scaling, as a camera sees a label nearer or farther away.
    static func scaled(_ image: GrayImage, by scale: Double) -> GrayImage {
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
