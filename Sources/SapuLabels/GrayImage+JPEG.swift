import CJPEG
import SapuCore

extension GrayImage {
    /// SOI and the first byte of the next marker: every JPEG file starts so, whatever its name.
    static let jpegSignature: [UInt8] = [0xFF, 0xD8, 0xFF]

    /// Reads a JPEG (baseline or progressive, grey or colour, read as grey) and turns it
    /// upright as its EXIF orientation says.
    ///
    /// The frame header is read first: an image larger than `maximumPixels` is refused
    /// before any memory is taken for its pixels. Compressed data that ends early or is
    /// corrupt makes the file `.damaged`, not an image with made-up grey where data was missing.
    static func decodingJPEG(_ bytes: [UInt8]) -> Decoded {
        var storedWidth: UInt32 = 0, storedHeight: UInt32 = 0
        let header = bytes.withUnsafeBufferPointer { buffer in
            sapu_jpeg_read_size(buffer.baseAddress, buffer.count, &storedWidth, &storedHeight)
        }
        guard header == Int32(SAPU_JPEG_OK) else { return Self.failure(header) }
        let width = Int(storedWidth), height = Int(storedHeight)
        guard width > 0, height > 0 else { return .unreadable }
        guard allows(width: width, height: height) else { return .tooLarge(width: width, height: height) }
        var pixels = [UInt8](repeating: 255, count: width * height)
        let decoded = bytes.withUnsafeBufferPointer { file in
            pixels.withUnsafeMutableBufferPointer { target in
                sapu_jpeg_decode_gray(file.baseAddress, file.count, target.baseAddress, storedWidth, storedHeight)
            }
        }
        guard decoded == Int32(SAPU_JPEG_OK) else { return Self.failure(decoded) }
        let stored = GrayImage(width: width, height: height, pixels: pixels)
        return .image(stored.turnedUpright(ImageOrientation(exifInJPEG: bytes)))
    }

    private static func failure(_ status: Int32) -> Decoded {
        status == Int32(SAPU_JPEG_DAMAGED) ? .damaged : .unreadable
    }

    /// The image as a baseline grey JPEG at `quality` (1 to 100), with an EXIF block that
    /// records `orientation` when it is not `.up`: the file a phone writes when it keeps
    /// the sensor's pixels and says how to turn them.
    public func jpeg(quality: Int, orientation: ImageOrientation = .up) throws(SapuError) -> [UInt8] {
        guard width > 0, height > 0, width <= 65_500, height <= 65_500 else { throw .renderFailed("JPEG") }
        var file: UnsafeMutablePointer<UInt8>?
        var size: UInt = 0
        let status = pixels.withUnsafeBufferPointer { source in
            sapu_jpeg_encode_gray(source.baseAddress, UInt32(width), UInt32(height),
                                  Int32(min(100, max(1, quality))), &file, &size)
        }
        defer { sapu_jpeg_free(file) }
        guard status == Int32(SAPU_JPEG_OK), let file, size > 2 else { throw .renderFailed("JPEG") }
        let bytes = [UInt8](UnsafeBufferPointer(start: file, count: Int(size)))
        guard orientation != .up else { return bytes }
        // The APP1 segment goes right after SOI, as the EXIF standard places it (ahead of
        // libjpeg's JFIF APP0, which is where phones' files have it too).
        return Array(bytes[..<2]) + ImageOrientation.exifSegment(orientation) + bytes[2...]
    }
}
