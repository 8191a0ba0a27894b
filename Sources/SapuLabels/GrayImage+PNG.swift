import CPNG
import SapuCore

extension GrayImage {
    static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// The image as a grey PNG file that records its resolution in a pHYs chunk, so a
    /// printer driver prints it at its physical size.
    public func png(dotsPerInch dpi: Int) throws(SapuError) -> [UInt8] {
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        image.width = UInt32(width)
        image.height = UInt32(height)
        image.format = UInt32(PNG_FORMAT_GRAY)
        image.flags = UInt32(PNG_IMAGE_FLAG_FAST)
        var capacity = sapu_png_image_png_size_max(&image)
        var file = [UInt8](repeating: 0, count: capacity)
        let written = file.withUnsafeMutableBytes { memory in
            pixels.withUnsafeBytes { buffer in
                png_image_write_to_memory(&image, memory.baseAddress, &capacity, 0,
                                          buffer.baseAddress, Int32(width), nil)
            }
        }
        png_image_free(&image)
        guard written != 0 else { throw .fileUnwritable(path: "PNG") }
        file.removeSubrange(capacity...)
        return Self.insertingPhysicalResolution(into: file, dotsPerInch: dpi)
    }

    /// Adds a pHYs chunk right after IHDR: pixels per metre on both axes, unit metre.
    ///
    /// libpng's simplified writer has no way to set pHYs, and the chunk must come before
    /// the image data, so it is spliced in after the fixed-size IHDR.
    static func insertingPhysicalResolution(into file: [UInt8], dotsPerInch dpi: Int) -> [UInt8] {
        let ihdrEnd = 8 + 4 + 4 + 13 + 4
        let perMetre = UInt32((Double(dpi) / 0.0254).rounded())
        var body: [UInt8] = Array("pHYs".utf8)
        body += perMetre.bigEndianBytes + perMetre.bigEndianBytes + [1]
        var chunk = UInt32(9).bigEndianBytes + body
        chunk += CRC32.checksum(body).bigEndianBytes
        var result = Array(file[..<ihdrEnd])
        result += chunk
        result += file[ihdrEnd...]
        return result
    }

    /// Reads a PNG file of any colour type as grey, composing transparency onto white.
    static func decodingPNG(_ bytes: [UInt8]) -> GrayImage? {
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        let begun = bytes.withUnsafeBytes { buffer in
            png_image_begin_read_from_memory(&image, buffer.baseAddress, buffer.count)
        }
        guard begun != 0 else {
            png_image_free(&image)
            return nil
        }
        image.format = UInt32(PNG_FORMAT_GRAY)
        let width = Int(image.width), height = Int(image.height)
        var pixels = [UInt8](repeating: 255, count: width * height)
        var white = png_color(red: 255, green: 255, blue: 255)
        let finished = pixels.withUnsafeMutableBytes { buffer in
            png_image_finish_read(&image, &white, buffer.baseAddress, Int32(width), nil)
        }
        png_image_free(&image)
        guard finished != 0 else { return nil }
        return GrayImage(width: width, height: height, pixels: pixels)
    }
}

extension UInt32 {
    var bigEndianBytes: [UInt8] {
        [UInt8(self >> 24), UInt8(self >> 16 & 0xFF), UInt8(self >> 8 & 0xFF), UInt8(self & 0xFF)]
    }
}
