/// A chart of a report section, drawn as inline SVG in the HTML report.
public enum ReportChart: Sendable, Equatable {
    /// Bars of several series stacked on each other, one bar per category.
    case stacked(StackedBars)
    /// Defects ranked: bars for counts, a line for the running share.
    case pareto(Pareto)

    /// One stacked series: its name in the legend, its colour, one value per category.
    public struct Series: Sendable, Equatable {
        public var name: String
        public var colour: String
        public var values: [Int]

        public init(name: String, colour: String, values: [Int]) {
            self.name = name
            self.colour = colour
            self.values = values
        }
    }

    public struct StackedBars: Sendable, Equatable {
        public var title: String
        public var categories: [String]
        public var series: [Series]
        /// Bars grow to the right with categories down the side (long lists, e.g. makers).
        public var horizontal: Bool

        public init(title: String, categories: [String], horizontal: Bool = false, series: [Series]) {
            self.title = title
            self.categories = categories
            self.series = series
            self.horizontal = horizontal
        }

        /// Each category's stacked total.
        public var totals: [Int] {
            // Only the drawing uses these: an absurd stored count gives a full bar, not a crash.
            categories.indices.map { index in
                series.reduce(0) { $0.saturatingAdding(index < $1.values.count ? $1.values[index] : 0) }
            }
        }
    }

    public struct Pareto: Sendable, Equatable {
        public var title: String
        public var categories: [String]
        public var counts: [Int]
        /// The running share after each category, 0 to 1.
        public var cumulative: [Double]
        public var countLabel: String
        public var cumulativeLabel: String

        public init(title: String, categories: [String], counts: [Int], cumulative: [Double], countLabel: String,
                    cumulativeLabel: String) {
            self.title = title
            self.categories = categories
            self.counts = counts
            self.cumulative = cumulative
            self.countLabel = countLabel
            self.cumulativeLabel = cumulativeLabel
        }
    }
}

/// The colours every chart uses for the same meaning.
public enum ReportColour {
    public static let gradeA = "#2e7d32"
    public static let gradeB = "#9ccc65"
    public static let failed = "#c62828"
    public static let rework = "#f9a825"
    public static let bar = "#4e6e8e"
    public static let line = "#d84315"

    /// A colour per lifecycle state, from work in progress (blues) to done (greens) and lost (reds).
    public static func state(_ state: BundleState) -> String {
        switch state {
        case .inspected: "#90a4ae"
        case .inStock: "#1e88e5"
        case .quarantined: "#f9a825"
        case .packed: "#5e35b1"
        case .shipped: "#8e24aa"
        case .received: "#2e7d32"
        case .missing: "#c62828"
        case .disputed: "#ef6c00"
        case .extra: "#00897b"
        case .returned: "#6d4c41"
        case .scrapped: "#424242"
        // Never charted: a voided bundle counts in no report.
        case .voided: "#bdbdbd"
        }
    }
}
