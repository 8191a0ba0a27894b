/// Finds a JSON object that names the same key twice.
///
/// RFC 8259 leaves the meaning of such an object to each parser: Foundation's decoder keeps
/// the first value, Python's `json` the last. A signed manifest or receipt must mean the same
/// to every reader, so one that repeats a key is refused before it is decoded.
public enum JSONKeys {
    /// True when some object in `bytes` has two members with the same key (compared after
    /// escapes are resolved, so `"a"` and `"\u0061"` are the same). Malformed JSON is left
    /// to the decoder.
    public static func hasDuplicateKey(_ bytes: [UInt8]) -> Bool {
        // One frame per open object or array: the keys seen so far (nil for an array), and
        // whether the next string in the object is a key.
        var frames: [(keys: Set<String>?, expectingKey: Bool)] = []
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "{"): frames.append((keys: [], expectingKey: true))
            case UInt8(ascii: "["): frames.append((keys: nil, expectingKey: false))
            case UInt8(ascii: "}"), UInt8(ascii: "]"): if !frames.isEmpty { frames.removeLast() }
            case UInt8(ascii: ","):
                if let last = frames.indices.last, frames[last].keys != nil { frames[last].expectingKey = true }
            case UInt8(ascii: "\""):
                let start = index
                var escaped = false
                index += 1
                while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                    if bytes[index] == UInt8(ascii: "\\") {
                        escaped = true
                        index += 1
                    }
                    index += 1
                }
                guard index < bytes.count else { return false }
                if let last = frames.indices.last, frames[last].expectingKey, frames[last].keys != nil {
                    frames[last].expectingKey = false
                    let content = bytes[(start + 1)..<index]
                    guard let key = escaped ? unescaped(content) : String(decoding: content, as: UTF8.self) else { return false }
                    if frames[last].keys?.insert(key).inserted == false { return true }
                }
            default: break
            }
            index += 1
        }
        return false
    }

    /// The text of a JSON string's content with its escapes resolved; nil when one is invalid.
    static func unescaped(_ content: ArraySlice<UInt8>) -> String? {
        var scalars = String.UnicodeScalarView()
        var plain: [UInt8] = []
        func flush() {
            scalars.append(contentsOf: String(decoding: plain, as: UTF8.self).unicodeScalars)
            plain.removeAll()
        }
        func hex(_ at: Int) -> UInt32? {
            guard at + 4 <= content.endIndex else { return nil }
            return UInt32(String(decoding: content[at..<(at + 4)], as: UTF8.self), radix: 16)
        }
        var index = content.startIndex
        while index < content.endIndex {
            guard content[index] == UInt8(ascii: "\\"), index + 1 < content.endIndex else {
                plain.append(content[index])
                index += 1
                continue
            }
            flush()
            let escape = content[index + 1]
            index += 2
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(Unicode.Scalar(escape))
            case UInt8(ascii: "b"): scalars.append("\u{08}")
            case UInt8(ascii: "f"): scalars.append("\u{0C}")
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "u"):
                guard var value = hex(index) else { return nil }
                index += 4
                if (0xD800...0xDBFF).contains(value) {
                    // A high surrogate must be followed by an escaped low one.
                    guard index + 1 < content.endIndex, content[index] == UInt8(ascii: "\\"),
                          content[index + 1] == UInt8(ascii: "u"), let low = hex(index + 2),
                          (0xDC00...0xDFFF).contains(low) else { return nil }
                    value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                    index += 6
                }
                guard let scalar = Unicode.Scalar(value) else { return nil }
                scalars.append(scalar)
            default: return nil
            }
        }
        flush()
        return String(scalars)
    }
}
