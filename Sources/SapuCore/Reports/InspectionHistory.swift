/// The inspections a QC or maker report is computed from, as the store reads them.
///
/// Bundles inspected only once are counted in groups (their single inspection tells
/// everything); bundles inspected more than once come with each of their inspections,
/// so that reworks and the result after rework can be told.
public struct InspectionHistory: Sendable, Equatable {
    /// Bundles with a single inspection, in the period, counted by day, batch, maker and result.
    public struct Tally: Sendable, Equatable {
        public var day: CalendarDate
        public var batch: String
        public var maker: String
        public var result: QCResult
        public var count: Int

        public init(day: CalendarDate, batch: String, maker: String, result: QCResult, count: Int) {
            self.day = day
            self.batch = batch
            self.maker = maker
            self.result = result
            self.count = count
        }
    }

    /// One inspection or re-inspection of a reworked bundle.
    public struct Inspection: Sendable, Equatable {
        /// The local day it happened.
        public var day: CalendarDate
        /// Orders inspections in time; the event's sequence number breaks ties.
        public var unixSeconds: Int64
        public var sequence: Int64
        /// True for the bundle's first inspection (`inspect`), false for a re-inspection.
        public var first: Bool
        public var result: QCResult

        public init(day: CalendarDate, unixSeconds: Int64, sequence: Int64 = 0, first: Bool, result: QCResult) {
            self.day = day
            self.unixSeconds = unixSeconds
            self.sequence = sequence
            self.first = first
            self.result = result
        }
    }

    /// A bundle inspected more than once, with its inspections up to the end of the period.
    public struct Reworked: Sendable, Equatable {
        public var batch: String
        public var maker: String
        public var inspections: [Inspection]

        public init(batch: String, maker: String, inspections: [Inspection]) {
            self.batch = batch
            self.maker = maker
            self.inspections = inspections
        }

        /// The inspections in time order.
        var chronological: [Inspection] { inspections.sorted { ($0.unixSeconds, $0.sequence) < ($1.unixSeconds, $1.sequence) } }
    }

    public var period: ReportPeriod
    public var once: [Tally]
    public var reworked: [Reworked]
    /// The product of each batch.
    public var batchProducts: [String: String]
    /// Brooms per bundle of each product.
    public var bundleSizes: [String: Int]

    public init(period: ReportPeriod, once: [Tally], reworked: [Reworked], batchProducts: [String: String],
                bundleSizes: [String: Int]) {
        self.period = period
        self.once = once
        self.reworked = reworked
        self.batchProducts = batchProducts
        self.bundleSizes = bundleSizes
    }

    /// Whether a day lies in the period.
    func covers(_ day: CalendarDate) -> Bool {
        if let from = period.from, day < from { return false }
        if let to = period.to, to < day { return false }
        return true
    }

    /// Every inspection fact in the period, one callback per group of equal facts.
    ///
    /// `first` counts first inspections (with the bundle's result after rework as of the
    /// end of the period); `rework` counts re-inspections that happened in the period.
    func visit(first: (_ day: CalendarDate, _ batch: String, _ maker: String, _ result: QCResult, _ final: QCResult, _ count: Int) -> Void,
               rework: (_ day: CalendarDate, _ batch: String, _ maker: String, _ result: QCResult) -> Void) {
        for tally in once {
            first(tally.day, tally.batch, tally.maker, tally.result, tally.result, tally.count)
        }
        for bundle in reworked {
            let known = bundle.chronological.filter { inspection in period.to.map { inspection.day <= $0 } ?? true }
            guard let latest = known.last else { continue }
            for inspection in known where covers(inspection.day) {
                if inspection.first {
                    first(inspection.day, bundle.batch, bundle.maker, inspection.result, latest.result, 1)
                } else {
                    rework(inspection.day, bundle.batch, bundle.maker, inspection.result)
                }
            }
        }
    }
}
