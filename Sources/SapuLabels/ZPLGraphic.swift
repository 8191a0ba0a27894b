/// A QR symbol as a ZPL `^GFA` graphic field: one bit per dot, 1 printing black, each
/// module `moduleDots` square.
///
/// The hex data uses ZPL's ASCII compression (Zebra's "alternative data compression
/// scheme"): a run of one hex digit is a count letter (`G`–`Y` for 1–19, `g`–`z` for
/// 20–400) before the digit, `,` ends a row early with zeros and `:` repeats the previous
/// row. Each module row repeats `moduleDots` times, so most rows are a single `:`.
struct ZPLGraphic {
    let bytesPerRow: Int
    let rows: Int
    let data: String

    init(_ matrix: QRMatrix, moduleDots: Int) {
        let side = matrix.size * moduleDots
        bytesPerRow = (side + 7) / 8
        rows = side
        var encoded = ""
        var previous: [UInt8]? = nil
        for moduleY in 0..<matrix.size {
            var row = [UInt8](repeating: 0, count: bytesPerRow)
            for dot in 0..<side where matrix.isDark(x: dot / moduleDots, y: moduleY) {
                row[dot / 8] |= 0x80 >> UInt8(dot % 8)
            }
            for _ in 0..<moduleDots {
                if row == previous {
                    encoded += ":"
                } else {
                    encoded += Self.compress(row)
                    previous = row
                }
            }
        }
        data = encoded
    }

    /// `^GFA,total bytes,total bytes,bytes per row,data` (the counts are of the
    /// uncompressed bitmap).
    var command: String {
        let total = bytesPerRow * rows
        return "^GFA,\(total),\(total),\(bytesPerRow),\(data)"
    }

    static let hexDigits = Array("0123456789ABCDEF")

    /// One row as run-length compressed hex.
    static func compress(_ row: [UInt8]) -> String {
        var nibbles: [Int] = []
        nibbles.reserveCapacity(row.count * 2)
        for byte in row {
            nibbles.append(Int(byte >> 4))
            nibbles.append(Int(byte & 0x0F))
        }
        // Trailing white is sent as a single comma.
        var end = nibbles.count
        while end > 0, nibbles[end - 1] == 0 { end -= 1 }
        var result = ""
        var index = 0
        while index < end {
            let digit = nibbles[index]
            var count = 1
            while index + count < end, nibbles[index + count] == digit { count += 1 }
            index += count
            while count > 0 {
                let chunk = min(count, maximumRun)
                result += repeatCount(chunk) + String(hexDigits[digit])
                count -= chunk
            }
        }
        if end < nibbles.count { result += "," }
        return result
    }

    /// The longest run one pair of count letters can express (`zY`).
    static let maximumRun = 419

    /// The count letters for a run of up to 419: `g`–`z` for the multiple of 20, then
    /// `G`–`Y` for the rest; a single digit needs none.
    static func repeatCount(_ count: Int) -> String {
        precondition(count <= maximumRun)
        guard count > 1 else { return "" }
        var result = ""
        let twenties = count / 20, units = count % 20
        if twenties > 0 { result += String(UnicodeScalar(UInt8(ascii: "f") + UInt8(twenties))) }
        if units > 0 { result += String(UnicodeScalar(UInt8(ascii: "F") + UInt8(units))) }
        return result
    }
}
