/// A report laid out for reading, independent of the format it is printed in.
///
/// Each report builds one document in the user's language; the text, CSV and HTML
/// renderers only decide how cells, tables and charts look.
public struct ReportDocument: Sendable, Equatable {
    public var language: Language
    public var title: String
    /// Lines under the title: the period or day, the site, when it was made.
    public var subtitle: [String]
    /// The few figures a reader wants first; shown as tiles at the top of the HTML page.
    public var highlights: [Highlight]
    public var sections: [Section]

    public init(language: Language, title: String, subtitle: [String], highlights: [Highlight] = [], sections: [Section]) {
        self.language = language
        self.title = title
        self.subtitle = subtitle
        self.highlights = highlights
        self.sections = sections
    }

    /// One key figure with what it counts.
    public struct Highlight: Sendable, Equatable {
        public var label: String
        public var value: String

        public init(_ label: String, _ value: String) {
            self.label = label
            self.value = value
        }
    }

    public struct Section: Sendable, Equatable {
        public var heading: String?
        /// Drawn above the table, in HTML only.
        public var charts: [ReportChart]
        public var table: ReportTable
        /// Sentences under the table: totals in words, how to read it.
        public var notes: [String]

        public init(heading: String? = nil, charts: [ReportChart] = [], table: ReportTable, notes: [String] = []) {
            self.heading = heading
            self.charts = charts
            self.table = table
            self.notes = notes
        }
    }
}

/// What every report says under its title: where and when it was made.
public struct ReportHeading: Sendable, Equatable {
    /// Where the figures come from.
    public enum Origin: Sendable, Equatable {
        /// The site's own database.
        case site(Site)
        /// The hub (its address as shown, never with a password), for one site or, `across`,
        /// for every site it holds.
        case hub(String, sites: [Site], across: Bool)
    }

    public var origin: Origin
    public var made: Instant
    /// When it was made as people at the site read it (`2026-12-01 09:14:03 WIB`); the site's
    /// clock knows its zone's name, the domain does not.
    public var madeShown: String

    public init(site: Site, made: Instant, shown: String? = nil) {
        self.init(origin: .site(site), made: made, shown: shown)
    }

    public init(origin: Origin, made: Instant, shown: String? = nil) {
        self.origin = origin
        self.made = made
        madeShown = shown ?? "\(made.shown) \(made.offsetText)"
    }

    func lines(_ language: Language) -> [String] {
        switch origin {
        case .site(let site):
            [Message.reportGenerated(site: site.code, name: site.name, at: madeShown).text(language)]
        case .hub(let hub, let sites, let across):
            [Message.reportFromHub(hub, sites: sites.map { ($0.code, $0.name) }, across: across, at: madeShown).text(language)]
        }
    }
}

extension CalendarDate {
    /// The date as every table, report and label writes it, in both languages: `2025-11-21`,
    /// the form the options take too.
    public func written(_ language: Language) -> String { iso }
}

/// Rows and columns, with an optional total row.
public struct ReportTable: Sendable, Equatable {
    public struct Column: Sendable, Equatable {
        public var title: String
        /// Numbers line up on the right.
        public var numeric: Bool

        public init(_ title: String, numeric: Bool = true) {
            self.title = title
            self.numeric = numeric
        }
    }

    public var columns: [Column]
    public var rows: [[ReportCell]]
    public var total: [ReportCell]?

    public init(columns: [Column], rows: [[ReportCell]], total: [ReportCell]? = nil) {
        self.columns = columns
        self.rows = rows
        self.total = total
    }
}

/// One value in a table; how it is written depends on the format and the language.
public enum ReportCell: Sendable, Equatable {
    case text(String)
    case count(Int)
    /// A share between 0 and 1, written as a percentage with one decimal; nil when there is nothing to divide.
    case percent(Double?)

    /// The cell for people: grouped thousands, a decimal comma in Indonesian, a dash for no value.
    public func display(_ language: Language) -> String {
        switch self {
        case .text(let text): text
        case .count(let count): ReportNumber.grouped(count, language)
        case .percent(let share): share.map { ReportNumber.percent($0, language) } ?? "–"
        }
    }

    /// The cell for a spreadsheet: plain digits, the language's decimal mark, empty for no value.
    public func plain(_ language: Language) -> String {
        switch self {
        case .text(let text): text
        case .count(let count): String(count)
        case .percent(let share): share.map { ReportNumber.percent($0, language) } ?? ""
        }
    }
}

/// Numbers the way each language writes them.
public enum ReportNumber {
    /// `1.234.567` in Indonesian, `1,234,567` in English.
    public static func grouped(_ value: Int, _ language: Language) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(language == .id ? "." : ",") }
            result.append(digit)
        }
        return (value < 0 ? "-" : "") + result
    }

    /// A share for a key-figure tile: `92,5 %`, or a dash when there is none.
    public static func percentFigure(_ share: Double?, _ language: Language) -> String {
        share.map { percent($0, language) + " %" } ?? "–"
    }

    /// A share as a percentage with one decimal: `92,5` in Indonesian, `92.5` in English.
    public static func percent(_ share: Double, _ language: Language) -> String {
        let tenths = Int((share * 1000).rounded())
        return "\(tenths / 10)\(language == .id ? "," : ".")\(tenths % 10)"
    }
}
