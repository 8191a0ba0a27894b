/// A moment with the site's UTC offset, written as ISO 8601 (`2025-11-21T09:14:03+07:00`).
public struct Instant: Sendable, Equatable, Comparable {
    /// Seconds since 1970-01-01T00:00:00Z.
    public let unixSeconds: Int64
    /// The offset from UTC where it happened, in seconds (WIB is +25200).
    public let utcOffset: Int

    public init(unixSeconds: Int64, utcOffset: Int) {
        self.unixSeconds = unixSeconds
        self.utcOffset = utcOffset
    }

    /// The local calendar day of this moment.
    public var date: CalendarDate {
        let (y, m, d) = Self.civil(fromDays: Self.floorDiv(unixSeconds + Int64(utcOffset), 86_400))
        return CalendarDate(year: y, month: m, day: d) ?? CalendarDate(year: 2000, month: 1, day: 1)!
    }

    /// ISO 8601 with the offset, to the second.
    public var iso8601: String {
        let local = unixSeconds + Int64(utcOffset)
        let days = Self.floorDiv(local, 86_400)
        let secs = Int(local - days * 86_400)
        let (y, m, d) = Self.civil(fromDays: days)
        let sign = utcOffset < 0 ? "-" : "+"
        let off = abs(utcOffset) / 60
        return "\(y)-\(p2(m))-\(p2(d))T\(p2(secs / 3600)):\(p2(secs / 60 % 60)):\(p2(secs % 60))"
            + "\(sign)\(p2(off / 60)):\(p2(off % 60))"
    }

    /// `2026-12-01 09:14:03`: the local date and time, the way every table shows them.
    public var shown: String {
        let iso = iso8601
        return String(iso.prefix(10)) + " " + String(iso.dropFirst(11).prefix(8))
    }

    /// `+07:00`: the offset as ISO 8601 writes it.
    public var offsetText: String { String(iso8601.suffix(6)) }

    /// Parses the form written by `iso8601`.
    public init?(iso8601 text: String) {
        let chars = Array(text)
        guard chars.count == 25, chars[4] == "-", chars[7] == "-", chars[10] == "T", chars[13] == ":", chars[16] == ":",
              chars[19] == "+" || chars[19] == "-", chars[22] == ":" else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            chars[range].allSatisfy(\.isASCIIDigit) ? Int(String(chars[range])) : nil
        }
        guard let y = number(0..<4), let mo = number(5..<7), let d = number(8..<10),
              let h = number(11..<13), let mi = number(14..<16), let s = number(17..<19),
              let oh = number(20..<22), let om = number(23..<25),
              y >= 1, (1...12).contains(mo), (1...CalendarDate.days(inMonth: mo, year: y)).contains(d), h < 24, mi < 60, s < 60,
              oh * 60 + om <= 18 * 60, om < 60 else { return nil }
        let offset = (oh * 3600 + om * 60) * (chars[19] == "-" ? -1 : 1)
        let days = Self.days(fromCivil: y, mo, d)
        self.init(unixSeconds: days * 86_400 + Int64(h * 3600 + mi * 60 + s) - Int64(offset), utcOffset: offset)
    }

    /// The first moment of a local day.
    public static func startOf(_ date: CalendarDate, utcOffset: Int) -> Instant {
        Instant(unixSeconds: days(fromCivil: date.year, date.month, date.day) * 86_400 - Int64(utcOffset),
                utcOffset: utcOffset)
    }

    public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.unixSeconds < rhs.unixSeconds }

    private func p2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    private static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }

    // Howard Hinnant's civil-from-days and days-from-civil algorithms.
    private static func civil(fromDays z0: Int64) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (Int(yoe + era * 400 + (m <= 2 ? 1 : 0)), Int(m), Int(d))
    }

    static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
