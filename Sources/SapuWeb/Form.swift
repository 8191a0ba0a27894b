import Foundation
import SapuCore

#if canImport(Glibc)
import Glibc
#endif

/// The fields and files of a posted form, urlencoded or multipart, or a JSON body's top-level strings.
public struct Form: Sendable {
    /// One uploaded file: the name the browser gave it (never used as a path) and its bytes.
    public struct File: Sendable {
        public var fileName: String
        public var bytes: [UInt8]
    }

    public var fields: [String: [String]] = [:]
    public var files: [String: File] = [:]

    public init() {}

    /// The first value of `name`, trimmed; nil when missing or empty.
    public subscript(_ name: String) -> String? {
        guard let value = fields[name]?.first?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    /// Every value of `name` (checkboxes, repeated fields).
    public func all(_ name: String) -> [String] { fields[name] ?? [] }

    /// The value of a required field, or `formFieldMissing` naming it in the user's words.
    public func required(_ name: String, label: Message) throws(SapuError) -> String {
        guard let value = self[name] else { throw .formFieldMissing(field: label) }
        return value
    }

    /// A required file, non-empty.
    public func file(_ name: String, label: Message) throws(SapuError) -> File {
        guard let file = files[name], !file.bytes.isEmpty else { throw .formFieldMissing(field: label) }
        return file
    }

    // MARK: Reading bodies

    /// `a=1&b=x+y`: `+` is a space, `%XX` a byte; bytes that are not UTF-8 become U+FFFD.
    static func urlEncoded(_ body: [UInt8]) -> Form {
        var form = Form()
        for pair in body.split(separator: UInt8(ascii: "&")) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            let name = percentDecoded(parts[0])
            let value = parts.count > 1 ? percentDecoded(parts[1]) : ""
            form.fields[name, default: []].append(value)
        }
        return form
    }

    static func percentDecoded(_ bytes: ArraySlice<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "+") {
                out.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), index + 2 < bytes.endIndex,
                      let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                out.append(high << 4 | low)
                index += 2
            } else {
                out.append(byte)
            }
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// `multipart/form-data` (RFC 7578, RFC 2046 §5.1.1); nil when the body does not follow it.
    ///
    /// A delimiter is CRLF `--boundary` (the first may open the body): the same bytes inside a
    /// file, not at the start of a line, are the file's. A part must name its field; a body that
    /// ends before the closing `--boundary--` was cut.
    static func multipart(_ body: [UInt8], boundary: String) -> Form? {
        guard !boundary.isEmpty, boundary.utf8.count <= 70 else { return nil }
        let dashBoundary = Array(("--" + boundary).utf8)
        let delimiter: [UInt8] = [13, 10] + dashBoundary
        let all = body[...]
        // Before the first delimiter is a preamble; after the closing one an epilogue.
        var position: Int
        if all.starts(with: dashBoundary) {
            position = dashBoundary.count
        } else if let found = find(all, delimiter) {
            position = found + delimiter.count
        } else {
            return nil
        }
        var form = Form()
        while true {
            if all[position...].starts(with: [UInt8(ascii: "-"), UInt8(ascii: "-")]) { return form }
            // Transport padding, then the CRLF that ends the delimiter's line.
            while position < all.endIndex, all[position] == UInt8(ascii: " ") || all[position] == UInt8(ascii: "\t") { position += 1 }
            guard all[position...].starts(with: [13, 10]) else { return nil }
            position += 2
            // No next delimiter: the body was cut.
            guard let next = find(all, delimiter, from: position) else { return nil }
            let content = all[position..<next]
            position = next + delimiter.count
            // A part without headers names no field.
            guard !content.starts(with: [13, 10]), let headerEnd = find(content, [13, 10, 13, 10]) else { return nil }
            let headers = String(decoding: content[content.startIndex..<headerEnd], as: UTF8.self)
            let value = content[(headerEnd + 4)...]
            guard let disposition = headers.split(separator: "\r\n").first(where: {
                $0.lowercased().hasPrefix("content-disposition:")
            }), let name = parameter("name", in: String(disposition)) else { return nil }
            if let fileName = parameter("filename", in: String(disposition)) {
                form.files[name] = File(fileName: fileName, bytes: Array(value))
            } else {
                form.fields[name, default: []].append(String(decoding: value, as: UTF8.self))
            }
        }
    }

    /// `name="value"` inside a Content-Disposition header.
    private static func parameter(_ key: String, in header: String) -> String? {
        for item in header.split(separator: ";").dropFirst() {
            let pair = item.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == key else { continue }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }

    /// Where `needle` first occurs in `haystack` at or after `start`: memchr to each place its
    /// first byte is, memcmp there. A delimiter starts with CR, so a photo or 20 MiB of dashes
    /// is crossed in a few calls, not byte by byte.
    private static func find(_ haystack: ArraySlice<UInt8>, _ needle: [UInt8], from start: Int? = nil) -> Int? {
        let from = start ?? haystack.startIndex
        guard let first = needle.first, from >= haystack.startIndex, from <= haystack.endIndex,
              haystack.endIndex - from >= needle.count else { return nil }
        return haystack.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { pattern -> Int? in
                guard let base = hay.baseAddress, let wanted = pattern.baseAddress else { return nil }
                var offset = from - haystack.startIndex
                let last = hay.count - pattern.count
                while offset <= last {
                    guard let found = memchr(base + offset, Int32(first), last - offset + 1) else { return nil }
                    let at = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                    if memcmp(base + at, wanted, pattern.count) == 0 { return haystack.startIndex + at }
                    offset = at + 1
                }
                return nil
            }
        }
    }

    /// A JSON object's string, number and boolean members as fields (API calls).
    static func json(_ body: [UInt8]) -> Form? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else { return nil }
        var form = Form()
        for (key, value) in object {
            switch value {
            case let text as String: form.fields[key] = [text]
            case let number as NSNumber: form.fields[key] = [number.stringValue]
            case let list as [Any]: form.fields[key] = list.compactMap { ($0 as? String) ?? ($0 as? NSNumber)?.stringValue }
            default: continue
            }
        }
        return form
    }
}
