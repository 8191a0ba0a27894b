/// Crockford's Base32, read strictly so that every changed character changes the bytes.
///
/// Crockford's own decoder maps `O` to `0` and `I`/`L` to `1`. Sapu does not: a label whose
/// signature could be altered without changing its meaning would defeat the point of
/// signing it. For the same reason the unused low bits of the last character must be zero.
public enum Crockford {
    /// The 32 symbols, in value order: no `I`, `L`, `O` or `U`.
    public static let alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

    /// The bytes as upper-case Base32 without padding: 5 bits per character, first bit first.
    public static func encode(_ bytes: [UInt8]) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(encodedLength(byteCount: bytes.count))
        var buffer: UInt32 = 0
        var bits = 0
        for byte in bytes {
            buffer = buffer << 8 | UInt32(byte)
            bits += 8
            while bits >= 5 {
                bits -= 5
                text.append(symbols[Int(buffer >> UInt32(bits) & 31)])
            }
            buffer &= (1 << UInt32(bits)) - 1
        }
        if bits > 0 {
            text.append(symbols[Int(buffer << UInt32(5 - bits) & 31)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The bytes the text encodes, or nil if it is not exactly what `encode` writes.
    ///
    /// Lower case is accepted; `I`, `L`, `O`, `U`, padding `=`, hyphens, non-zero trailing
    /// bits and lengths that `encode` never produces are not.
    public static func decode(_ text: some StringProtocol) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count * 5 / 8)
        var buffer: UInt32 = 0
        var bits = 0
        for unit in text.utf8 {
            guard unit < 128, case let value = values[Int(unit)], value >= 0 else { return nil }
            buffer = buffer << 5 | UInt32(value)
            bits += 5
            if bits >= 8 {
                bits -= 8
                bytes.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
                buffer &= (1 << UInt32(bits)) - 1
            }
        }
        // A whole character of padding, or padding bits that are not zero, would let two
        // texts mean the same bytes.
        guard bits < 5, buffer == 0 else { return nil }
        return bytes
    }

    /// How many characters `encode` writes for that many bytes: 52 for 32, 103 for 64.
    public static func encodedLength(byteCount: Int) -> Int {
        (byteCount * 8 + 4) / 5
    }

    private static let symbols: [UInt8] = Array(alphabet.utf8)

    /// The value of each ASCII code unit, -1 for those outside the alphabet.
    private static let values: [Int8] = {
        var table = [Int8](repeating: -1, count: 128)
        for (value, symbol) in symbols.enumerated() {
            table[Int(symbol)] = Int8(value)
            if symbol >= UInt8(ascii: "A") {
                table[Int(symbol + 32)] = Int8(value)  // lower case
            }
        }
        return table
    }()
}
