import CCairo
import SapuCore

extension LabelRenderer {
    /// One label as a grey PNG at the template's resolution, with a pHYs chunk.
    public func png(_ face: LabelFace) throws(SapuError) -> [UInt8] {
        try image(face).png(dotsPerInch: template.dpi)
    }

    /// One label as a grey image, one pixel per printer dot.
    ///
    /// Text goes through cairo; the QR modules are then written straight into the
    /// pixels, each exactly `moduleDots` square on the dot grid, so they are never
    /// smoothed or resampled, and the quiet zone is pure white whatever the text did.
    public func image(_ face: LabelFace) throws(SapuError) -> GrayImage {
        let matrix = try matrix(for: face)
        let width = template.widthDots, height = template.heightDots
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height)) else {
            throw .fileUnwritable(path: "PNG")
        }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let context = cairo_create(surface) else {
            throw .fileUnwritable(path: "PNG")
        }
        defer { cairo_destroy(context) }
        cairo_set_source_rgb(context, 1, 1, 1)
        cairo_paint(context)
        LabelFonts.apply(to: context)
        let layout = LabelLayout(face: face, template: template, meter: TextMeter(fonts: fonts), ascii: false)
        drawText(of: layout, on: context)
        cairo_surface_flush(surface)

        // A thermal head prints a dot or not; deciding here, at half coverage, keeps bold
        // text bold, where a driver dithering grey edges would make it ragged.
        var image = GrayImage(width: width, height: height,
                              pixels: Self.grey(of: surface, width: width, height: height,
                                                bilevel: template.kind == .thermal))
        Self.draw(matrix, on: &image, atX: layout.qrX, y: layout.qrY, moduleDots: template.qr.moduleDots,
                  quietZone: template.qr.quietZone)
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
                let target = y * width
                for x in 0..<width {
                    // RGB24 is a native-endian 32-bit word: 0x00RRGGBB.
                    let grey = UInt8(truncatingIfNeeded: row.loadUnaligned(fromByteOffset: 4 * x, as: UInt32.self) >> 8)
                    buffer[target + x] = bilevel ? (grey < 128 ? 0 : 255) : grey
                }
            }
            count = width * height
        }
    }

    /// Writes the symbol and its white quiet zone with its top left corner at (`x`, `y`).
    static func draw(_ matrix: QRMatrix, on image: inout GrayImage, atX x: Int, y: Int,
                     moduleDots: Int, quietZone: Int) {
        let side = (matrix.size + 2 * quietZone) * moduleDots
        image.pixels.withUnsafeMutableBufferPointer { pixels in
            for row in 0..<side {
                let start = (y + row) * image.width + x
                pixels[start..<start + side].update(repeating: 255)
            }
            let offset = quietZone * moduleDots
            for moduleY in 0..<matrix.size {
                for moduleX in 0..<matrix.size where matrix.isDark(x: moduleX, y: moduleY) {
                    for dotY in 0..<moduleDots {
                        let start = (y + offset + moduleY * moduleDots + dotY) * image.width
                            + x + offset + moduleX * moduleDots
                        pixels[start..<start + moduleDots].update(repeating: 0)
                    }
                }
            }
        }
    }
}
