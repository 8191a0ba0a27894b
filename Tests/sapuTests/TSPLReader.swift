import Foundation
import SapuLabels

/// Reads a TSPL file as docs/label-templates.md describes it: per label, CR LF ended commands
/// `SIZE`, `GAP`, `DIRECTION`, `CLS`, `BITMAP x,y,widthBytes,height,0,<raw bytes>`, `PRINT 1,1`.
struct TSPLReader {
    struct Job {
        var size: String
        var gap: String
        var direction: String
        var x: Int, y: Int
        var widthBytes: Int
        var height: Int
        var mode: Int
        var print: String
        /// The bitmap as grey pixels: a 0 bit (a printed dot) black, a 1 bit white.
        var image: GrayImage
    }

    enum Problem: Error, CustomStringConvertible {
        case malformed(String)
        var description: String { if case .malformed(let text) = self { return text }; return "" }
    }

    static func jobs(_ data: [UInt8]) throws -> [Job] {
        var jobs: [Job] = []
        var index = 0
        func line() throws -> String {
            guard let end = (index..<data.count - 1).first(where: { data[$0] == 13 && data[$0 + 1] == 10 }) else {
                throw Problem.malformed("a command without CR LF at byte \(index)")
            }
            let text = String(decoding: data[index..<end], as: UTF8.self)
            index = end + 2
            return text
        }
        func command(_ name: String) throws -> String {
            let text = try line()
            guard text.hasPrefix(name + " ") || text == name else { throw Problem.malformed("expected \(name), found \(text)") }
            return String(text.dropFirst(name.count)).trimmingCharacters(in: .whitespaces)
        }
        while index < data.count {
            let size = try command("SIZE")
            let gap = try command("GAP")
            let direction = try command("DIRECTION")
            _ = try command("CLS")
            // BITMAP x,y,width,height,mode, then raw bytes (no CR LF inside the header).
            let prefix = Array("BITMAP ".utf8)
            guard Array(data[index..<min(data.count, index + prefix.count)]) == prefix else {
                throw Problem.malformed("expected BITMAP at byte \(index)")
            }
            index += prefix.count
            var fields: [Int] = []
            for _ in 0..<5 {
                var number = 0, digits = 0
                while index < data.count, (48...57).contains(data[index]) {
                    number = number * 10 + Int(data[index] - 48)
                    digits += 1
                    index += 1
                }
                guard digits > 0, index < data.count, data[index] == UInt8(ascii: ",") else {
                    throw Problem.malformed("a BITMAP header field is not a number followed by a comma")
                }
                index += 1
                fields.append(number)
            }
            let (x, y, widthBytes, height, mode) = (fields[0], fields[1], fields[2], fields[3], fields[4])
            let count = widthBytes * height
            guard index + count + 2 <= data.count else { throw Problem.malformed("the bitmap is cut short") }
            let bits = Array(data[index..<index + count])
            index += count
            guard data[index] == 13, data[index + 1] == 10 else { throw Problem.malformed("no CR LF after the bitmap") }
            index += 2
            let print = try command("PRINT")
            var pixels = [UInt8](repeating: 255, count: widthBytes * 8 * height)
            for row in 0..<height {
                for column in 0..<widthBytes * 8 where bits[row * widthBytes + column / 8] & (0x80 >> UInt8(column % 8)) == 0 {
                    pixels[row * widthBytes * 8 + column] = 0
                }
            }
            jobs.append(Job(size: size, gap: gap, direction: direction, x: x, y: y, widthBytes: widthBytes, height: height,
                            mode: mode, print: print, image: GrayImage(width: widthBytes * 8, height: height, pixels: pixels)))
        }
        return jobs
    }
}
