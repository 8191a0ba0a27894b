/// A quick choice of period on the reports pages: today, this week (from Monday), this month.
public enum ReportPreset: String, Sendable, CaseIterable, OptionWord {
    /// The raw value is the English word as an address carries it: `?period=this-week`.
    case today, week = "this-week", month = "this-month"

    /// `hari ini`, `this week`: the link's text and a word `?period=` takes.
    public var word: Message { Message.webReportPreset(self) }

    /// The days it covers, ending `today`.
    public func period(today: CalendarDate) throws(SapuError) -> ReportPeriod {
        let day = Instant.localDay(of: today)
        let first: Int64
        switch self {
        case .today: first = day
        // Day 0 (1970-01-01) was a Thursday: Monday is 3 days before it.
        case .week: first = day - ((day + 3) % 7 + 7) % 7
        case .month: first = day - Int64(today.day - 1)
        }
        return try ReportPeriod(from: Instant.date(ofLocalDay: first), to: today)
    }
}
