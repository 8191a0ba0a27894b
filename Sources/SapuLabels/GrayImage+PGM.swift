extension GrayImage {
    /// Reads a binary PGM (P5) file, the format `pdftoppm -gray` and many scanners write.
    ///
    /// The header is checked before the pixels: an image larger than `maximumPixels` is
    /// refused without decoding.
    static func decodingPGM(_ bytes: [UInt8]) -> Decoded {
        guard bytes.count > 2, bytes[0] == UInt8(ascii: "P"), bytes[1] == UInt8(ascii: "5") else {
            return .unreadable
        }
        var index = 2
        var header: [Int] = []
        while header.count < 3 {
            // Whitespace and `#` comments separate the three header numbers.
            while index < bytes.count, bytes[index] == UInt8(ascii: "#") || Self.isSpace(bytes[index]) {
                if bytes[index] == UInt8(ascii: "#") {
                    while index < bytes.count, bytes[index] != 0x0A { index += 1 }
                } else {
                    index += 1
                }
            }
            var number = 0, digits = 0
            while index < bytes.count, (0x30...0x39).contains(bytes[index]), digits < 9 {
                number = number * 10 + Int(bytes[index] - 0x30)
                index += 1
                digits += 1
            }
            guard digits > 0 else { return .unreadable }
            header.append(number)
        }
        // Exactly one whitespace byte ends the header.
        guard index < bytes.count, Self.isSpace(bytes[index]) else { return .unreadable }
        index += 1
        let (width, height, maximum) = (header[0], header[1], header[2])
        guard width > 0, height > 0, (1...65535).contains(maximum) else { return .unreadable }
        guard allows(width: width, height: height) else { return .tooLarge(width: width, height: height) }
        let sampleBytes = maximum > 255 ? 2 : 1
        guard bytes.count - index >= width * height * sampleBytes else { return .unreadable }
        var pixels = [UInt8](repeating: 0, count: width * height)
        for pixel in 0..<width * height {
            let sample = sampleBytes == 1
                ? Int(bytes[index + pixel])
                : Int(bytes[index + 2 * pixel]) << 8 | Int(bytes[index + 2 * pixel + 1])
            pixels[pixel] = UInt8(min(255, (sample * 255 + maximum / 2) / maximum))
        }
        return .image(GrayImage(width: width, height: height, pixels: pixels))
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C
    }
}
