/// The days a report covers, both ends included; an open end means "since the start" or "until now".
public struct ReportPeriod: Sendable, Equatable, Codable {
    public var from: CalendarDate?
    public var to: CalendarDate?

    public init(from: CalendarDate? = nil, to: CalendarDate? = nil) throws(SapuError) {
        if let from, let to, to < from { throw .reversedRange(from: from, to: to) }
        self.from = from
        self.to = to
    }

    /// Parses the `--from` and `--to` texts.
    public init(fromText: String?, toText: String?) throws(SapuError) {
        func parse(_ text: String?) throws(SapuError) -> CalendarDate? {
            guard let text else { return nil }
            return try CalendarDate(iso: text.trimmingSpaces())
        }
        try self.init(from: try parse(fromText), to: try parse(toText))
    }
}

/// What the rows of the QC report stand for.
public enum ReportGrouping: String, Sendable, CaseIterable, Codable {
    case batch, maker, product, day
}

/// How a report is printed.
public enum ReportFormat: String, Sendable, CaseIterable, Codable {
    case table, csv, json, html
}

extension Instant {
    /// The calendar date of a local day number.
    public static func date(ofLocalDay day: Int64) -> CalendarDate {
        Instant(unixSeconds: day * 86_400, utcOffset: 0).date
    }

    /// The local day number of a calendar date.
    public static func localDay(of date: CalendarDate) -> Int64 {
        days(fromCivil: date.year, date.month, date.day)
    }
}
