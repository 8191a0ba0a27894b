/// An 8-bit grey image, row-major, 0 black to 255 white: what labels render to and what
/// the QR decoder reads.
public struct GrayImage: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// `width × height` bytes, one row after the other, no padding.
    public var pixels: [UInt8]

    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(width >= 0 && height >= 0 && pixels.count == width * height,
                     "pixels must hold width × height bytes")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// A blank image of one grey level, white unless told otherwise.
    public init(width: Int, height: Int, filledWith value: UInt8 = 255) {
        self.init(width: width, height: height, pixels: [UInt8](repeating: value, count: width * height))
    }

    public subscript(x: Int, y: Int) -> UInt8 {
        get { pixels[y * width + x] }
        set { pixels[y * width + x] = newValue }
    }

    /// Copies `other` into this image with its top left corner at (`x`, `y`), clipping
    /// whatever falls outside.
    public mutating func draw(_ other: GrayImage, atX x: Int, y: Int) {
        let left = max(0, x), right = min(width, x + other.width)
        guard left < right else { return }
        for row in max(0, y)..<min(height, y + other.height) {
            let source = (row - y) * other.width + (left - x)
            let target = row * width + left
            pixels.replaceSubrange(target..<target + (right - left),
                                   with: other.pixels[source..<source + (right - left)])
        }
    }
}

extension GrayImage {
    /// The image at half its width and height, each pixel the mean of a 2 × 2 block (an odd
    /// last row or column is dropped).
    func halved() -> GrayImage {
        let halfWidth = width / 2, halfHeight = height / 2
        var half = [UInt8](repeating: 0, count: halfWidth * halfHeight)
        pixels.withUnsafeBufferPointer { source in
            half.withUnsafeMutableBufferPointer { target in
                for y in 0..<halfHeight {
                    let top = 2 * y * width, bottom = top + width
                    for x in 0..<halfWidth {
                        let sum = Int(source[top + 2 * x]) + Int(source[top + 2 * x + 1])
                            + Int(source[bottom + 2 * x]) + Int(source[bottom + 2 * x + 1])
                        target[y * halfWidth + x] = UInt8((sum + 2) / 4)
                    }
                }
            }
        }
        return GrayImage(width: halfWidth, height: halfHeight, pixels: half)
    }
}

extension GrayImage {
    /// The image at twice its width and height, interpolated bilinearly: each new pixel
    /// weighs the old pixel it lies in by 3/4 and its neighbour on that side by 1/4, across
    /// and down (9, 3, 3, 1 sixteenths), so a small code's modules get more pixels without
    /// hard steps.
    func doubled() -> GrayImage {
        let doubleWidth = 2 * width, doubleHeight = 2 * height
        var double = [UInt8](repeating: 0, count: doubleWidth * doubleHeight)
        pixels.withUnsafeBufferPointer { source in
            double.withUnsafeMutableBufferPointer { target in
                for y in 0..<height {
                    let row = y * width
                    // The rows above and below, for the upper and lower new row (edges repeat).
                    let above = max(y - 1, 0) * width, below = min(y + 1, height - 1) * width
                    for (targetRow, neighbourRow) in [(2 * y, above), (2 * y + 1, below)] {
                        let out = targetRow * doubleWidth
                        for x in 0..<width {
                            let left = max(x - 1, 0), right = min(x + 1, width - 1)
                            // Down first: 3/4 this row, 1/4 the neighbour row, for three columns.
                            let middle = 3 * Int(source[row + x]) + Int(source[neighbourRow + x])
                            let leftColumn = 3 * Int(source[row + left]) + Int(source[neighbourRow + left])
                            let rightColumn = 3 * Int(source[row + right]) + Int(source[neighbourRow + right])
                            target[out + 2 * x] = UInt8((3 * middle + leftColumn + 8) / 16)
                            target[out + 2 * x + 1] = UInt8((3 * middle + rightColumn + 8) / 16)
                        }
                    }
                }
            }
        }
        return GrayImage(width: doubleWidth, height: doubleHeight, pixels: double)
    }
}
