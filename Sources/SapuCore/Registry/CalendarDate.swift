/// A day on the site's calendar, without time or zone (`2025-11-21`).
public struct CalendarDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (2000...2099).contains(year), (1...12).contains(month),
              (1...CalendarDate.days(inMonth: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`.
    public init(iso text: String) throws(SapuError) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              let date = CalendarDate(year: y, month: m, day: d) else {
            throw .invalidDate(text)
        }
        self = date
    }

    /// Parses the label's `YYMMDD`.
    public init?(compact text: String) {
        guard text.count == 6, text.allSatisfy(\.isASCIIDigit) else { return nil }
        let digits = Array(text)
        guard let y = Int(String(digits[0...1])), let m = Int(String(digits[2...3])),
              let d = Int(String(digits[4...5])) else { return nil }
        guard let date = CalendarDate(year: 2000 + y, month: m, day: d) else { return nil }
        self = date
    }

    /// `YYYY-MM-DD`.
    public var iso: String { "\(year)-\(Self.pad(month))-\(Self.pad(day))" }

    /// `YYMMDD`, as on labels and in batch codes.
    public var compact: String { Self.pad(year % 100) + Self.pad(month) + Self.pad(day) }

    public var description: String { iso }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

extension Character {
    /// `0` to `9` only: `Int("+1")` and other digits Unicode knows are not dates or serials.
    public var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
