import CPNG
import SapuCore

extension GrayImage {
    static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// The image as a grey PNG file that records its resolution in a pHYs chunk, so a
    /// printer driver prints it at its physical size.
    ///
    /// An image of only black and white (a thermal label) is written with one bit per
    /// pixel: exactly what the print head does, and an eighth of the data to compress,
    /// which makes it several times faster to write. Anything else is 8-bit grey.
    public func png(dotsPerInch dpi: Int) throws(SapuError) -> [UInt8] {
        let indices = bilevelIndices()
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        image.width = UInt32(width)
        image.height = UInt32(height)
        // Larger files than the default, but several times faster, which matters for
        // thousands of labels; labels compress well either way.
        image.flags = UInt32(PNG_IMAGE_FLAG_FAST)
        if indices != nil {
            image.format = UInt32(PNG_FORMAT_GRAY) | PNG_FORMAT_FLAG_COLORMAP
            image.colormap_entries = 2
        } else {
            image.format = UInt32(PNG_FORMAT_GRAY)
        }
        var capacity = sapu_png_image_png_size_max(&image)
        var file = [UInt8](repeating: 0, count: capacity)
        let source = indices ?? pixels
        let blackAndWhite: [UInt8] = [0, 255]
        let written = file.withUnsafeMutableBytes { memory in
            source.withUnsafeBytes { buffer in
                blackAndWhite.withUnsafeBytes { colormap in
                    png_image_write_to_memory(&image, memory.baseAddress, &capacity, 0,
                                              buffer.baseAddress, Int32(width), colormap.baseAddress)
                }
            }
        }
        png_image_free(&image)
        guard written != 0 else { throw .renderFailed("PNG") }
        file.removeSubrange(capacity...)
        if indices != nil { file = Self.greyInsteadOfPalette(file) }
        return Self.insertingPhysicalResolution(into: file, dotsPerInch: dpi)
    }

    /// Colour-map indices (0 black, 1 white) if every pixel is black or white.
    private func bilevelIndices() -> [UInt8]? {
        var indices = [UInt8](repeating: 0, count: pixels.count)
        // Branch-free so the loop vectorises: 0 and 255 are the values that stay below 2
        // when one is added with wrap-around.
        var greys: UInt8 = 0
        pixels.withUnsafeBufferPointer { source in
            indices.withUnsafeMutableBufferPointer { target in
                for index in source.indices {
                    let value = source[index]
                    greys |= (value &+ 1) >> 1
                    target[index] = value & 1
                }
            }
        }
        return greys == 0 ? indices : nil
    }

    /// Turns a 1-bit palette PNG whose palette is black, white into the same pixels as
    /// 1-bit greyscale (where 0 is black and 1 white): IHDR's colour type becomes 0 and
    /// PLTE goes. libpng's simplified writer only writes 1-bit images with a palette.
    static func greyInsteadOfPalette(_ file: [UInt8]) -> [UInt8] {
        var result = Array(file[..<8])
        var offset = 8
        while offset + 12 <= file.count {
            let length = Int(file[offset..<offset + 4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
            let type = String(decoding: file[offset + 4..<offset + 8], as: UTF8.self)
            let end = offset + 12 + length
            guard end <= file.count else { return file }
            switch type {
            case "IHDR":
                // The chunk's type and data, which the CRC covers: bit depth is at 12,
                // colour type at 13.
                var body = Array(file[offset + 4..<offset + 8 + length])
                guard body[12] == 1, body[13] == 3 else { return file }
                body[13] = 0
                result += Array(file[offset..<offset + 4]) + body + CRC32.checksum(body).bigEndianBytes
            case "PLTE", "tRNS":
                break
            default:
                result += file[offset..<end]
            }
            offset = end
        }
        return result
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
    ///
    /// The header is read first: an image larger than `maximumPixels` is refused before
    /// any memory is taken for its pixels.
    static func decodingPNG(_ bytes: [UInt8]) -> Decoded {
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        let begun = bytes.withUnsafeBytes { buffer in
            png_image_begin_read_from_memory(&image, buffer.baseAddress, buffer.count)
        }
        guard begun != 0 else {
            png_image_free(&image)
            return .unreadable
        }
        image.format = UInt32(PNG_FORMAT_GRAY)
        let width = Int(image.width), height = Int(image.height)
        guard allows(width: width, height: height) else {
            png_image_free(&image)
            return .tooLarge(width: width, height: height)
        }
        var pixels = [UInt8](repeating: 255, count: width * height)
        var white = png_color(red: 255, green: 255, blue: 255)
        let finished = pixels.withUnsafeMutableBytes { buffer in
            png_image_finish_read(&image, &white, buffer.baseAddress, Int32(width), nil)
        }
        png_image_free(&image)
        guard finished != 0 else { return .unreadable }
        return .image(GrayImage(width: width, height: height, pixels: pixels))
    }
}

extension UInt32 {
    var bigEndianBytes: [UInt8] {
        [UInt8(self >> 24), UInt8(self >> 16 & 0xFF), UInt8(self >> 8 & 0xFF), UInt8(self & 0xFF)]
    }
}
