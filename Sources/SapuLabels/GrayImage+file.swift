import Foundation
import SapuCore

#if canImport(Glibc)
import Glibc
#endif

extension GrayImage {
    /// The most pixels read from a file: a 50-megapixel phone photo still scans, while an
    /// image declaring 60000 × 60000 pixels (3.6 GB once decoded) is refused from its
    /// header, before any pixel memory is taken.
    public static let maximumPixels = 50_000_000

    /// The largest image file read: a 50-megapixel photo as 16-bit PGM, or as PNG or JPEG,
    /// with room to spare.
    public static let maximumFileBytes = 256 * 1_048_576

    /// Reads a PNG (any colour type, read as grey), JPEG (read as grey and turned upright
    /// as its EXIF orientation says) or binary PGM (P5) file, told apart by their first
    /// bytes, never by the file's name; files and images larger than `maximumFileBytes`
    /// and `maximumPixels` are refused.
    public init(contentsOfFile path: String) throws(SapuError) {
        try self.init(bytes: try Self.boundedContents(of: path), name: path)
    }

    /// Reads an image from its bytes (an upload), exactly as `init(contentsOfFile:)` reads a
    /// file; `name` is how refusals name it.
    public init(bytes: [UInt8], name path: String) throws(SapuError) {
        guard bytes.count <= Self.maximumFileBytes else { throw .imageFileTooLarge(path: path, limit: Self.maximumFileBytes) }
        let decoded: Decoded
        if bytes.starts(with: Self.pngSignature) {
            decoded = Self.decodingPNG(bytes)
        } else if bytes.starts(with: Self.jpegSignature) {
            decoded = Self.decodingJPEG(bytes)
        } else {
            decoded = Self.decodingPGM(bytes)
        }
        switch decoded {
        case .image(let image) where image.width > 0 && image.height > 0:
            self = image
        case .tooLarge(let width, let height):
            throw .imageTooLarge(path: path, width: width, height: height, limit: Self.maximumPixels)
        case .damaged:
            throw .imageDamaged(path: path)
        default:
            throw .imageUnreadable(path: path)
        }
    }

    /// What decoding an image file's bytes gave.
    enum Decoded {
        case image(GrayImage)
        /// The header declares more than `maximumPixels`: nothing was decoded.
        case tooLarge(width: Int, height: Int)
        /// A file of a known format whose data ends early or is corrupt.
        case damaged
        case unreadable
    }

    /// Whether an image of that size may be decoded; sizes come from a file's header.
    static func allows(width: Int, height: Int) -> Bool {
        let (pixels, overflow) = width.multipliedReportingOverflow(by: height)
        return !overflow && pixels <= maximumPixels
    }

    /// The file's bytes, read only if it is a regular file no larger than `maximumFileBytes`
    /// (a device or a growing file is not read without end).
    private static func boundedContents(of path: String) throws(SapuError) -> [UInt8] {
        do throws(BoundedFile.Refusal) {
            return try BoundedFile.read(path, limit: maximumFileBytes)
        } catch {
            switch error {
            case .unreadable: throw .imageUnreadable(path: path)
            case .tooLarge: throw .imageFileTooLarge(path: path, limit: maximumFileBytes)
            }
        }
    }
}
