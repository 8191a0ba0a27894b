/// The JSON a signed manifest or receipt may be: text every parser reads the same way.
///
/// Foundation's decoder also takes a byte-order mark, UTF-16 and UTF-32, a comma before a
/// closing bracket, and `9.0` or `9e0` for the integer 9; Python's `json` refuses some of
/// these and reads others as floats. A signed document must mean the same to every reader
/// (docs/shipments.md, "Signed JSON"), so Sapu refuses them before decoding, as it refuses
/// a repeated key (`JSONKeys`).
public enum StrictJSON {
    /// True when `bytes` is UTF-8 without a byte-order mark, holds no control character
    /// other than tab, LF and CR (which JSON allows only between tokens), has no comma
    /// before a closing `}` or `]`, and writes every number as an integer: an optional `-`
    /// and digits, with no fraction or exponent. Other syntax errors are left to the decoder.
    public static func isStrict(_ bytes: [UInt8]) -> Bool {
        guard String(validating: bytes, as: UTF8.self) != nil, !bytes.starts(with: [0xEF, 0xBB, 0xBF]) else { return false }
        var index = 0
        var previous: UInt8 = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                index += 1
                continue
            case 0x00..<0x20:
                return false
            case UInt8(ascii: "\""):
                index += 1
                while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                    if bytes[index] < 0x20 { return false }
                    index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
                }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if previous == UInt8(ascii: ",") { return false }
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                while index + 1 < bytes.count, isNumberByte(bytes[index + 1]) {
                    index += 1
                    guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) else { return false }
                }
            default:
                break
            }
            previous = byte
            index += 1
        }
        return true
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e")
            || byte == UInt8(ascii: "E") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
    }
}
