import Foundation
import SapuCore

extension GrayImage {
    /// Reads a PNG (any colour type, read as grey) or binary PGM (P5) file.
    public init(contentsOfFile path: String) throws(SapuError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .imageUnreadable(path: path)
        }
        let bytes = [UInt8](data)
        let image: GrayImage?
        if bytes.starts(with: Self.pngSignature) {
            image = Self.decodingPNG(bytes)
        } else {
            image = Self.decodingPGM(bytes)
        }
        guard let image, image.width > 0, image.height > 0 else { throw .imageUnreadable(path: path) }
        self = image
    }
}
