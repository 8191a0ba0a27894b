/// Why a report cannot be made; each case has a one-line reason in `Message+report.swift`.
///
/// Input problems of the report commands live here rather than in `SapuError`, which
/// belongs to the commands that change data; any `SapuError` (a bad date, a missing
/// database, a file that cannot be written) is carried through as is.
public enum ReportError: Error, Sendable, Equatable {
    case sapu(SapuError)
    case reversedRange(from: CalendarDate, to: CalendarDate)
    case unknownGrouping(String)
    case unknownFormat(String)
    /// The history generator only fills a database that has no bundles yet.
    case databaseNotEmpty(path: String)
}
