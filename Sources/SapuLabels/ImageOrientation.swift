/// How the stored pixels of a photo must be turned to stand upright: the EXIF
/// orientation tag (0x0112), which phones write instead of rotating the pixels.
///
/// The raw value is the tag's value. Each case names what is done to the stored image to
/// show it: `.rotatedClockwise` means "turn the stored image 90° clockwise".
public enum ImageOrientation: Int, Sendable, CaseIterable {
    /// 1: as stored.
    case up = 1
    /// 2: mirrored left to right.
    case mirrored = 2
    /// 3: turned half a turn.
    case upsideDown = 3
    /// 4: mirrored top to bottom.
    case mirroredUpsideDown = 4
    /// 5: mirrored along the diagonal from top left to bottom right (rows become columns).
    case transposed = 5
    /// 6: turned 90° clockwise.
    case rotatedClockwise = 6
    /// 7: mirrored along the other diagonal, from top right to bottom left.
    case transverse = 7
    /// 8: turned 90° anticlockwise.
    case rotatedAnticlockwise = 8

    /// Whether showing the image swaps its width and height.
    var swapsSides: Bool { rawValue >= 5 }
}

extension ImageOrientation {
    /// The orientation recorded in a JPEG file's EXIF block (APP1 `Exif\0\0`, IFD0 tag
    /// 0x0112), `.up` when there is none or it cannot be read.
    ///
    /// Every offset is checked against the bytes before it is read, only the segments before
    /// the image data are looked at, and each step moves forward, so hostile bytes can
    /// neither crash the reader nor keep it looping.
    public init(exifInJPEG bytes: [UInt8]) {
        self = .up
        guard bytes.count >= 4, bytes[0] == 0xFF, bytes[1] == 0xD8 else { return }
        var position = 2
        while position + 4 <= bytes.count {
            guard bytes[position] == 0xFF else { return }
            let marker = bytes[position + 1]
            if marker == 0xFF {
                // Fill bytes before a marker.
                position += 1
                continue
            }
            // Markers without a length: TEM, RSTn; SOS and EOI end the headers.
            if marker == 0x01 || (0xD0...0xD7).contains(marker) {
                position += 2
                continue
            }
            if marker == 0xDA || marker == 0xD9 { return }
            let length = Int(bytes[position + 2]) << 8 | Int(bytes[position + 3])
            guard length >= 2, position + 2 + length <= bytes.count else { return }
            let segment = bytes[(position + 4)..<(position + 2 + length)]
            if marker == 0xE1, let found = Self.exifOrientation(Array(segment)) {
                self = found
                return
            }
            position += 2 + length
        }
    }

    /// The orientation in one APP1 segment's payload, nil if it is no EXIF block or has no
    /// valid orientation tag.
    static func exifOrientation(_ payload: [UInt8]) -> ImageOrientation? {
        let exifHeader: [UInt8] = [0x45, 0x78, 0x69, 0x66, 0, 0]  // "Exif\0\0"
        guard payload.count >= exifHeader.count + 8, Array(payload[..<exifHeader.count]) == exifHeader else { return nil }
        let tiff = Array(payload[exifHeader.count...])
        let bigEndian: Bool
        switch (tiff[0], tiff[1]) {
        case (0x49, 0x49): bigEndian = false  // "II", Intel
        case (0x4D, 0x4D): bigEndian = true  // "MM", Motorola
        default: return nil
        }
        func number(at offset: Int, bytes count: Int) -> Int? {
            guard offset >= 0, count <= tiff.count, offset <= tiff.count - count else { return nil }
            var value = 0
            for index in 0..<count {
                let byte = Int(tiff[bigEndian ? offset + index : offset + count - 1 - index])
                value = value << 8 | byte
            }
            return value
        }
        guard number(at: 2, bytes: 2) == 42, let directory = number(at: 4, bytes: 4),
              let entries = number(at: directory, bytes: 2) else { return nil }
        // Only the entries that lie inside the block are looked at.
        let available = max(0, (tiff.count - directory - 2) / 12)
        for entry in 0..<min(entries, available) {
            let offset = directory + 2 + 12 * entry
            guard number(at: offset, bytes: 2) == 0x0112 else { continue }
            // SHORT (type 3), one value, held in the entry's value field.
            guard number(at: offset + 2, bytes: 2) == 3, number(at: offset + 4, bytes: 4) == 1,
                  let value = number(at: offset + 8, bytes: 2) else { return nil }
            return ImageOrientation(rawValue: value)
        }
        return nil
    }

    /// An APP1 segment holding a little EXIF block with only this orientation: what a
    /// phone writes, reduced to the one tag that matters here.
    static func exifSegment(_ orientation: ImageOrientation) -> [UInt8] {
        var tiff: [UInt8] = [0x4D, 0x4D, 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08]  // "MM", 42, IFD0 at 8
        tiff += [0x00, 0x01]  // one entry
        tiff += [0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01]  // orientation, SHORT, count 1
        tiff += [0x00, UInt8(orientation.rawValue), 0x00, 0x00]  // the value, left-justified
        tiff += [0x00, 0x00, 0x00, 0x00]  // no next IFD
        let payload: [UInt8] = [0x45, 0x78, 0x69, 0x66, 0, 0] + tiff
        let length = payload.count + 2
        return [0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)] + payload
    }
}

extension GrayImage {
    /// The image as it is shown when its stored pixels carry `orientation`.
    public func turnedUpright(_ orientation: ImageOrientation) -> GrayImage {
        guard orientation != .up else { return self }
        let (shownWidth, shownHeight) = orientation.swapsSides ? (height, width) : (width, height)
        // The stored pixel shown at (x, y) is origin + x × stepX + y × stepY.
        let lastX = width - 1, lastY = height - 1
        let (origin, stepX, stepY): (Int, Int, Int)
        switch orientation {
        case .up: (origin, stepX, stepY) = (0, 1, width)
        case .mirrored: (origin, stepX, stepY) = (lastX, -1, width)
        case .upsideDown: (origin, stepX, stepY) = (lastY * width + lastX, -1, -width)
        case .mirroredUpsideDown: (origin, stepX, stepY) = (lastY * width, 1, -width)
        case .transposed: (origin, stepX, stepY) = (0, width, 1)
        case .rotatedClockwise: (origin, stepX, stepY) = (lastY * width, -width, 1)
        case .transverse: (origin, stepX, stepY) = (lastY * width + lastX, -width, -1)
        case .rotatedAnticlockwise: (origin, stepX, stepY) = (lastX, width, -1)
        }
        var shown = [UInt8](repeating: 0, count: pixels.count)
        pixels.withUnsafeBufferPointer { source in
            shown.withUnsafeMutableBufferPointer { target in
                for y in 0..<shownHeight {
                    var stored = origin + y * stepY
                    for x in (y * shownWidth)..<((y + 1) * shownWidth) {
                        target[x] = source[stored]
                        stored += stepX
                    }
                }
            }
        }
        return GrayImage(width: shownWidth, height: shownHeight, pixels: shown)
    }
}
