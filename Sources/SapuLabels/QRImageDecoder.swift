import CZBar
import SapuCore

/// Finds and reads the QR codes in an image with zbar, the reader a partner's scanner app
/// is most likely to resemble.
public enum QRImageDecoder {
    /// The texts of every QR code in a JPEG, PNG or PGM file, in reading order.
    public static func decode(fileAt path: String) throws(SapuError) -> [String] {
        decode(try GrayImage(contentsOfFile: path))
    }

    /// The texts of every QR code in a JPEG, PNG or PGM image held in memory (an upload);
    /// `name` is how refusals name it.
    public static func decode(bytes: [UInt8], name: String) throws(SapuError) -> [String] {
        decode(try GrayImage(bytes: bytes, name: name))
    }

    /// The texts of every QR code in the image, in reading order: rows from top to
    /// bottom, left to right within a row. An image without a code gives no texts.
    ///
    /// zbar misses codes whose modules are too few pixels or too blurred, so a photo is
    /// read more than once and what each pass finds is merged:
    /// - at full size;
    /// - at half size, when its shorter side is at least `halfSizePassSide` pixels: a large,
    ///   slightly blurred code is sharp enough there;
    /// - at twice its size, when it has at most `doubledPassPixels` pixels: a code photographed
    ///   from afar (under about 2 pixels a module) gets enough pixels to be found. zbar scans
    ///   every second row and column there: as many scan lines as at full size, each finer.
    /// A code found by several passes at the same place counts once, so the same label twice
    /// in one picture is still two codes.
    public static func decode(_ image: GrayImage) -> [String] {
        var found = scan(image)
        func merge(_ codes: [Found], scale: (Int) -> Int) {
            for code in codes {
                let placed = Found(text: code.text, bounds: (scale(code.bounds.minX), scale(code.bounds.minY),
                                                             scale(code.bounds.maxX), scale(code.bounds.maxY)))
                if !found.contains(where: { $0.text == placed.text && $0.overlaps(placed) }) { found.append(placed) }
            }
        }
        if min(image.width, image.height) >= halfSizePassSide {
            merge(scan(image.halved())) { 2 * $0 }
        }
        if image.width * image.height <= doubledPassPixels {
            merge(scan(image.doubled(), density: 2)) { $0 / 2 }
        }
        return Self.readingOrder(found).map(\.text)
    }

    /// The shorter side from which an image is also read at half size: a phone photo, or
    /// an A4 sheet scanned at 150 dpi or more.
    static let halfSizePassSide = 1000

    /// The most pixels of an image that is also read at twice its size: a 16-megapixel
    /// photo becomes 64 megapixels, about four times the work of the full-size pass.
    static let doubledPassPixels = 16_000_000

    /// The codes zbar finds in one image, in the order it gives them, scanning every
    /// `density`-th row and column.
    static func scan(_ image: GrayImage, density: Int32 = 1) -> [Found] {
        guard image.width > 0, image.height > 0,
              let scanner = zbar_image_scanner_create() else { return [] }
        defer { zbar_image_scanner_destroy(scanner) }
        zbar_image_scanner_set_config(scanner, ZBAR_NONE, ZBAR_CFG_ENABLE, 0)
        zbar_image_scanner_set_config(scanner, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1)
        zbar_image_scanner_set_config(scanner, ZBAR_NONE, ZBAR_CFG_X_DENSITY, density)
        zbar_image_scanner_set_config(scanner, ZBAR_NONE, ZBAR_CFG_Y_DENSITY, density)

        guard let zimage = zbar_image_create() else { return [] }
        defer { zbar_image_destroy(zimage) }
        zbar_image_set_format(zimage, sapu_zbar_fourcc_y800())
        zbar_image_set_size(zimage, UInt32(image.width), UInt32(image.height))

        var found: [Found] = []
        image.pixels.withUnsafeBytes { buffer in
            // The pixels outlive the scan, so zbar gets no cleanup handler.
            zbar_image_set_data(zimage, buffer.baseAddress, UInt(buffer.count), nil)
            guard zbar_scan_image(scanner, zimage) > 0 else { return }
            var symbol = zbar_image_first_symbol(zimage)
            while let current = symbol {
                if zbar_symbol_get_type(current) == ZBAR_QRCODE, let data = zbar_symbol_get_data(current) {
                    let length = Int(zbar_symbol_get_data_length(current))
                    let bytes = UnsafeRawBufferPointer(start: data, count: length)
                    found.append(Found(text: String(decoding: bytes, as: UTF8.self),
                                       bounds: Self.bounds(of: current)))
                }
                symbol = zbar_symbol_next(current)
            }
            zbar_image_set_data(zimage, nil, 0, nil)
        }
        return found
    }

    struct Found {
        var text: String
        var bounds: (minX: Int, minY: Int, maxX: Int, maxY: Int)

        /// Whether the centre of either code lies within the other's bounds: the same code.
        func overlaps(_ other: Found) -> Bool {
            contains(centreOf: other) || other.contains(centreOf: self)
        }

        private func contains(centreOf other: Found) -> Bool {
            let x = (other.bounds.minX + other.bounds.maxX) / 2, y = (other.bounds.minY + other.bounds.maxY) / 2
            return (bounds.minX...max(bounds.minX, bounds.maxX)).contains(x)
                && (bounds.minY...max(bounds.minY, bounds.maxY)).contains(y)
        }
    }

    private static func bounds(of symbol: OpaquePointer) -> (minX: Int, minY: Int, maxX: Int, maxY: Int) {
        let points = (0..<zbar_symbol_get_loc_size(symbol)).map {
            (x: Int(zbar_symbol_get_loc_x(symbol, $0)), y: Int(zbar_symbol_get_loc_y(symbol, $0)))
        }
        return (points.map(\.x).min() ?? 0, points.map(\.y).min() ?? 0,
                points.map(\.x).max() ?? 0, points.map(\.y).max() ?? 0)
    }

    /// Groups codes into rows (a code whose centre lies within the first code's height
    /// joins its row), rows top to bottom, codes left to right.
    static func readingOrder(_ found: [Found]) -> [Found] {
        var remaining = found.sorted { ($0.bounds.minY, $0.bounds.minX) < ($1.bounds.minY, $1.bounds.minX) }
        var ordered: [Found] = []
        while let first = remaining.first {
            let inRow = remaining.filter {
                let centre = ($0.bounds.minY + $0.bounds.maxY) / 2
                return centre >= first.bounds.minY && centre <= first.bounds.maxY
            }
            let row = inRow.isEmpty ? [first] : inRow
            ordered += row.sorted { $0.bounds.minX < $1.bounds.minX }
            remaining.removeAll { candidate in
                row.contains { $0.bounds == candidate.bounds && $0.text == candidate.text }
            }
        }
        return ordered
    }
}
