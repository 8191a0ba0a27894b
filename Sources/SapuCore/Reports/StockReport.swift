/// How many bundles of one product and grade stand in one state.
public struct StockCount: Sendable, Equatable, Codable {
    public var product: String
    /// `A`, `B`, or `FAIL`.
    public var grade: String
    public var state: BundleState
    public var count: Int

    public init(product: String, grade: String, state: BundleState, count: Int) {
        self.product = product
        self.grade = grade
        self.state = state
        self.count = count
    }

    /// The grade column of a QC result: the grade, or `FAIL`.
    public static func grade(of result: QCResult) -> String { result.grade?.rawValue ?? "FAIL" }
}

/// Stock by product, grade and state, now or as of the end of a past day.
public struct StockReport: Sendable, Equatable {
    /// One product and grade with its count in each state.
    public struct Row: Sendable, Equatable {
        public var product: String
        public var grade: String
        /// Counts in the order of `StockReport.states`.
        public var counts: [Int]
        public var total: Int
    }

    /// The day replayed from the event log; nil for the current stock.
    public var asOf: CalendarDate?
    /// Every non-zero count, by product, grade and state.
    public var counts: [StockCount]

    public init(asOf: CalendarDate?, counts: [StockCount]) {
        self.asOf = asOf
        var merged: [String: StockCount] = [:]
        for count in counts where count.count != 0 {
            merged["\(count.product)|\(count.grade)|\(count.state.rawValue)", default: StockCount(
                product: count.product, grade: count.grade, state: count.state, count: 0)].count += count.count
        }
        self.counts = merged.values.filter { $0.count != 0 }
            .sorted { ($0.product, Self.gradeOrder($0.grade), $0.state) < ($1.product, Self.gradeOrder($1.grade), $1.state) }
    }

    public var isEmpty: Bool { counts.isEmpty }

    /// The states that hold any bundle, in lifecycle order.
    public var states: [BundleState] { Set(counts.map(\.state)).sorted() }

    /// One row per product and grade, with a count per state.
    public var rows: [Row] {
        let states = self.states
        var rows: [Row] = []
        for count in counts {
            if rows.last?.product != count.product || rows.last?.grade != count.grade {
                rows.append(Row(product: count.product, grade: count.grade, counts: Array(repeating: 0, count: states.count),
                                total: 0))
            }
            rows[rows.count - 1].counts[states.firstIndex(of: count.state)!] += count.count
            rows[rows.count - 1].total += count.count
        }
        return rows
    }

    /// The count in each state over every product and grade.
    public var stateTotals: [Int] {
        let states = self.states
        return states.map { state in counts.filter { $0.state == state }.reduce(0) { $0 + $1.count } }
    }

    public var total: Int { counts.reduce(0) { $0 + $1.count } }

    /// A before B before FAIL.
    static func gradeOrder(_ grade: String) -> Int {
        switch grade {
        case "A": 0
        case "B": 1
        default: 2
        }
    }
}
