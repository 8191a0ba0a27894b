import CCairo
import Dispatch
import SapuCore
import Synchronization

extension LabelRenderer {
    /// One label as a grey PNG at the template's resolution, with a pHYs chunk.
    public func png(_ face: LabelFace) throws(SapuError) -> [UInt8] {
        try image(face).png(dotsPerInch: template.dpi)
    }

    /// Many labels as PNG files, in the order given, rendered on every core.
    ///
    /// The first failure (a payload too long for the template) is thrown once all are done.
    public func pngs(_ faces: [LabelFace], progress: WorkProgress = .silent) throws(SapuError) -> [[UInt8]] {
        let results = Mutex([Int: Result<[UInt8], SapuError>]())
        DispatchQueue.concurrentPerform(iterations: faces.count) { index in
            let result = Result { () throws(SapuError) -> [UInt8] in try png(faces[index]) }
            results.withLock { $0[index] = result }
            progress.advance()
        }
        return try results.withLock { results throws(SapuError) -> [[UInt8]] in
            var files: [[UInt8]] = []
            files.reserveCapacity(faces.count)
            for index in faces.indices { files.append(try results[index]!.get()) }
            return files
        }
    }

    /// One label as a grey image, one pixel per printer dot.
    ///
    /// Text goes through cairo; the QR modules are then written straight into the
    /// pixels, each exactly `moduleDots` square on the dot grid, so they are never
    /// smoothed or resampled, and the quiet zone is pure white whatever the text did.
    public func image(_ face: LabelFace) throws(SapuError) -> GrayImage {
        let matrix = try matrix(for: face)
        let width = template.widthDots, height = template.heightDots
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height)),
              cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            throw .renderFailed("PNG")
        }
        defer { cairo_surface_destroy(surface) }
        let shift = template.canvasPlacement(offset: offset)
        let drawn: LabelLayout? = FontLibrary.shared.withText {
            guard let context = cairo_create(surface) else { return nil }
            defer { cairo_destroy(context) }
            cairo_set_source_rgb(context, 1, 1, 1)
            cairo_paint(context)
            LabelFonts.apply(to: context)
            let layout = LabelLayout(face: face, template: template, meter: meter, ascii: false, region: shift.region)
            cairo_translate(context, Double(shift.dx), Double(shift.dy))
            drawText(of: layout, on: context)
            cairo_surface_flush(surface)
            return layout
        }
        guard let layout = drawn else { throw .renderFailed("PNG") }

        // A thermal head prints a dot or not; deciding here, at half coverage, keeps bold
        // text bold, where a driver dithering grey edges would make it ragged.
        var image = GrayImage(width: width, height: height,
                              pixels: Self.grey(of: surface, width: width, height: height,
                                                bilevel: template.kind == .thermal))
        Self.draw(matrix, on: &image, atX: layout.qrX + shift.dx, y: layout.qrY + shift.dy, moduleDots: template.qr.moduleDots,
                  quietZone: quietZone(around: matrix))
        return image
    }

    /// The green channel of an RGB24 surface; everything drawn is grey, so it is the
    /// grey. `bilevel` makes every pixel black or white, split at half grey.
    private static func grey(of surface: OpaquePointer, width: Int, height: Int, bilevel: Bool) -> [UInt8] {
        let stride = Int(cairo_image_surface_get_stride(surface))
        let data = UnsafeRawPointer(cairo_image_surface_get_data(surface)!)
        return [UInt8](unsafeUninitializedCapacity: width * height) { buffer, count in
            for y in 0..<height {
                let row = data + y * stride
                let target = buffer.baseAddress! + y * width
                // RGB24 is a native-endian 32-bit word: 0x00RRGGBB.
                if bilevel {
                    for x in 0..<width {
                        let grey = UInt8(truncatingIfNeeded: row.loadUnaligned(fromByteOffset: 4 * x, as: UInt32.self) >> 8)
                        target[x] = 0 &- (grey >> 7)
                    }
                } else {
                    for x in 0..<width {
                        target[x] = UInt8(truncatingIfNeeded: row.loadUnaligned(fromByteOffset: 4 * x, as: UInt32.self) >> 8)
                    }
                }
            }
            count = width * height
        }
    }

    /// Writes the symbol and its white quiet zone with its top left corner at (`x`, `y`).
    static func draw(_ matrix: QRMatrix, on image: inout GrayImage, atX x: Int, y: Int,
                     moduleDots: Int, quietZone: Int) {
        let side = (matrix.size + 2 * quietZone) * moduleDots
        let width = image.width
        image.pixels.withUnsafeMutableBufferPointer { pixels in
            for row in 0..<side {
                let start = (y + row) * width + x
                pixels[start..<start + side].update(repeating: 255)
            }
            let offset = quietZone * moduleDots
            for moduleY in 0..<matrix.size {
                for moduleX in 0..<matrix.size where matrix.isDark(x: moduleX, y: moduleY) {
                    for dotY in 0..<moduleDots {
                        let start = (y + offset + moduleY * moduleDots + dotY) * width
                            + x + offset + moduleX * moduleDots
                        pixels[start..<start + moduleDots].update(repeating: 0)
                    }
                }
            }
        }
    }
}
