/// A shipment's number in the style of an Indonesian delivery note: `001/SJ/PWT/XI/2025`.
///
/// A running number per site and year, `SJ` (*surat jalan*), the site, the month in Roman
/// numerals and the year. Typed or scanned forms may use spaces or dashes for the slashes.
public struct ShipmentID: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let number: Int
    public let site: String
    public let month: Int
    public let year: Int

    public init(number: Int, site: String, month: Int, year: Int) {
        self.number = number
        self.site = site
        self.month = month
        self.year = year
    }

    /// Running numbers a site can give in one year.
    public static let numbers = 1...99_999

    static let roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]

    public init?(typed text: String) {
        let parts = text.trimmingSpaces().uppercased()
            .split(whereSeparator: { $0 == "/" || $0 == " " || $0 == "-" || $0 == "_" }).map(String.init)
        guard parts.count == 5, parts[1] == "SJ", parts[0].count <= 5, parts[0].allSatisfy({ $0.isASCII && $0.isNumber }),
              let number = Int(parts[0]), Self.numbers.contains(number), let month = Self.roman.firstIndex(of: parts[3]),
              parts[4].count == 4, parts[4].allSatisfy({ $0.isASCII && $0.isNumber }), let year = Int(parts[4]),
              (2000...2099).contains(year),
              !parts[2].isEmpty, parts[2].unicodeScalars.allSatisfy(Code.isCodeCharacter) else { return nil }
        self.init(number: number, site: parts[2], month: month + 1, year: year)
    }

    public var description: String {
        let digits = String(number)
        let padded = digits.count >= 3 ? digits : String(repeating: "0", count: 3 - digits.count) + digits
        return "\(padded)/SJ/\(site)/\(Self.roman[month - 1])/\(year)"
    }

    /// The id as a file name stem: `001-SJ-PWT-XI-2025`.
    public var fileStem: String { description.replacingSlashes(with: "-") }

    public static func < (lhs: ShipmentID, rhs: ShipmentID) -> Bool {
        (lhs.year, lhs.number, lhs.site) < (rhs.year, rhs.number, rhs.site)
    }
}
