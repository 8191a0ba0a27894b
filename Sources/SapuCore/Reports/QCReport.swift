/// Counts of one group of inspections: first inspections by result, re-inspections, and
/// how many of the first-inspected bundles passed in the end.
public struct QCTally: Sendable, Equatable, Codable {
    /// Bundles inspected for the first time.
    public var inspected = 0
    public var gradeA = 0
    public var gradeB = 0
    public var failed = 0
    /// Re-inspections of bundles that had failed: after rework.
    public var reworks = 0
    /// First-inspected bundles whose latest result, as of the end of the period, is a pass.
    public var passedAfterRework = 0
    /// Re-inspections of bundles that had passed: a grade looked at again, or damage found later.
    public var regrades = 0

    public init() {}

    public init(inspected: Int, gradeA: Int, gradeB: Int, failed: Int, reworks: Int, passedAfterRework: Int,
                regrades: Int = 0) {
        self.inspected = inspected
        self.gradeA = gradeA
        self.gradeB = gradeB
        self.failed = failed
        self.reworks = reworks
        self.passedAfterRework = passedAfterRework
        self.regrades = regrades
    }

    public var passed: Int { gradeA + gradeB }

    /// First-pass yield: the share of first inspections that passed; nil with none.
    public var passRate: Double? { inspected == 0 ? nil : Double(passed) / Double(inspected) }

    /// The share of first-inspected bundles that passed in the end, after rework.
    public var finalYield: Double? { inspected == 0 ? nil : Double(passedAfterRework) / Double(inspected) }

    mutating func addFirst(_ result: QCResult, final: QCResult, count: Int) {
        inspected += count
        switch result {
        case .pass(.a): gradeA += count
        case .pass(.b): gradeB += count
        case .fail: failed += count
        }
        if final.passed { passedAfterRework += count }
    }

    static func + (lhs: QCTally, rhs: QCTally) -> QCTally {
        QCTally(inspected: lhs.inspected + rhs.inspected, gradeA: lhs.gradeA + rhs.gradeA, gradeB: lhs.gradeB + rhs.gradeB,
                failed: lhs.failed + rhs.failed, reworks: lhs.reworks + rhs.reworks,
                passedAfterRework: lhs.passedAfterRework + rhs.passedAfterRework, regrades: lhs.regrades + rhs.regrades)
    }

    /// Counts one re-inspection as a rework or a re-grade.
    mutating func addAgain(_ kind: InspectionHistory.Reinspection) {
        switch kind {
        case .rework: reworks += 1
        case .regrade: regrades += 1
        }
    }
}

/// One defect's place in the Pareto ranking.
public struct DefectShare: Sendable, Equatable, Codable {
    public var code: String
    /// Failed inspections that named this defect.
    public var count: Int
    /// Its share of all defects named.
    public var share: Double
    /// The running share of this and every defect ranked above it.
    public var cumulative: Double

    public init(code: String, count: Int, share: Double, cumulative: Double) {
        self.code = code
        self.count = count
        self.share = share
        self.cumulative = cumulative
    }

    /// Ranks defect counts, most frequent first (ties by code), with shares and running shares.
    public static func pareto(_ counts: [String: Int]) -> [DefectShare] {
        let total = counts.values.reduce(0, +)
        guard total > 0 else { return [] }
        var running = 0
        return counts.filter { $0.value > 0 }.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { code, count in
            running += count
            return DefectShare(code: code, count: count, share: Double(count) / Double(total),
                               cumulative: Double(running) / Double(total))
        }
    }
}

/// QC results of a period: pass rates by group, first-pass versus final yield, defect causes.
public struct QCReport: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var group: String
        public var tally: QCTally
    }

    public var period: ReportPeriod
    public var grouping: ReportGrouping
    public var rows: [Row]
    public var total: QCTally
    /// Defects of every failed inspection in the period, first inspections and re-inspections alike.
    public var defects: [DefectShare]
    public var failedInspections: Int
    /// The same counts by day of inspection, for the chart; empty when read by maker.
    public var days: [Row]

    public init(_ history: InspectionHistory, by grouping: ReportGrouping) {
        var groups: [String: QCTally] = [:]
        var days: [CalendarDate: QCTally] = [:]
        var defects: [String: Int] = [:]
        var failedInspections = 0
        var dayNames: [CalendarDate: String] = [:]
        func key(_ place: InspectionHistory.Place) -> String {
            switch grouping {
            case .batch: return place.batch ?? "?"
            case .maker: return place.maker ?? "?"
            case .product: return place.product
            case .day:
                guard let day = place.day else { return "?" }
                if let name = dayNames[day] { return name }
                dayNames[day] = day.iso
                return day.iso
            }
        }
        func countDefects(_ result: QCResult, _ count: Int) {
            guard !result.passed else { return }
            failedInspections += count
            for code in result.defects { defects[code, default: 0] += count }
        }
        history.visit(first: { place, result, final, count in
            groups[key(place), default: QCTally()].addFirst(result, final: final, count: count)
            if let day = place.day { days[day, default: QCTally()].addFirst(result, final: final, count: count) }
            countDefects(result, count)
        }, again: { place, result, kind in
            groups[key(place), default: QCTally()].addAgain(kind)
            if let day = place.day { days[day, default: QCTally()].addAgain(kind) }
            countDefects(result, 1)
        })
        self.period = history.period
        self.grouping = grouping
        self.rows = groups.map { (key: Self.readingOrder($0.key), row: Row(group: $0.key, tally: $0.value)) }
            .sorted { $0.key < $1.key }.map(\.row)
        self.total = rows.reduce(QCTally()) { $0 + $1.tally }
        self.defects = DefectShare.pareto(defects)
        self.failedInspections = failedInspections
        self.days = days.sorted { $0.key < $1.key }.map { Row(group: $0.key.iso, tally: $0.value) }
    }

    /// Sorts codes in reading order: batch `PWT251121Z` before `PWT251121AA`, like spreadsheet columns.
    static func readingOrder(_ code: String) -> ReadingOrder {
        let letters = code.reversed().prefix { $0.isLetter }.count
        let stem = String(code.dropLast(letters))
        return stem.isEmpty ? ReadingOrder(stem: code, letters: 0, code: code) : ReadingOrder(stem: stem, letters: letters, code: code)
    }

    struct ReadingOrder: Comparable {
        var stem: String
        var letters: Int
        var code: String

        static func < (lhs: ReadingOrder, rhs: ReadingOrder) -> Bool {
            (lhs.stem, lhs.letters, lhs.code) < (rhs.stem, rhs.letters, rhs.code)
        }
    }

    /// True when nothing was inspected or re-inspected in the period.
    public var isEmpty: Bool { total.inspected == 0 && total.reworks == 0 && total.regrades == 0 }
}
