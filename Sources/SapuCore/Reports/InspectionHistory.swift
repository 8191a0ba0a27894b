/// The inspections a QC or maker report is computed from, as the store reads them.
///
/// Bundles inspected only once are counted in groups (their single inspection tells
/// everything); bundles inspected more than once come with each of their inspections,
/// so that reworks and the result after rework can be told.
public struct InspectionHistory: Sendable, Equatable {
    /// How finely bundles inspected once are counted; the coarser, the quicker to read.
    public enum Detail: Sendable, Equatable {
        /// By day, batch, product and result: for QC by batch, product or day.
        case batches
        /// By maker, product and result over the whole period: for QC by maker and output per maker.
        case makers
    }

    /// Bundles with a single inspection in the period, counted by what the detail keeps.
    public struct Tally: Sendable, Equatable {
        /// The day of the inspection, with `.batches`.
        public var day: CalendarDate?
        /// The batch, with `.batches`.
        public var batch: String?
        /// The maker, with `.makers`.
        public var maker: String?
        public var product: String
        public var result: QCResult
        public var count: Int

        public init(day: CalendarDate?, batch: String?, maker: String?, product: String, result: QCResult, count: Int) {
            self.day = day
            self.batch = batch
            self.maker = maker
            self.product = product
            self.result = result
            self.count = count
        }
    }

    /// One inspection or re-inspection of a bundle inspected more than once.
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

    /// A bundle inspected more than once, with its inspections.
    public struct Reworked: Sendable, Equatable {
        public var batch: String
        public var maker: String
        public var product: String
        public var inspections: [Inspection]

        public init(batch: String, maker: String, product: String, inspections: [Inspection]) {
            self.batch = batch
            self.maker = maker
            self.product = product
            self.inspections = inspections
        }

        /// The inspections in time order.
        var chronological: [Inspection] {
            inspections.sorted { ($0.unixSeconds, $0.sequence) < ($1.unixSeconds, $1.sequence) }
        }
    }

    /// Where one group of inspection facts belongs; fields the detail does not keep are nil.
    struct Place {
        var day: CalendarDate?
        var batch: String?
        var maker: String?
        var product: String
    }

    public var period: ReportPeriod
    public var detail: Detail
    public var once: [Tally]
    public var reworked: [Reworked]
    /// Brooms per bundle of each product.
    public var bundleSizes: [String: Int]

    public init(period: ReportPeriod, detail: Detail, once: [Tally], reworked: [Reworked], bundleSizes: [String: Int]) {
        self.period = period
        self.detail = detail
        self.once = once
        self.reworked = reworked
        self.bundleSizes = bundleSizes
    }

    /// Whether a day lies in the period.
    func covers(_ day: CalendarDate) -> Bool {
        if let from = period.from, day < from { return false }
        if let to = period.to, to < day { return false }
        return true
    }

    /// What a re-inspection was, told by the result it replaced (docs/reports.md).
    enum Reinspection {
        /// The bundle had failed: it was reworked and inspected again.
        case rework
        /// The bundle had passed: its grade was looked at again (or it was found damaged later).
        case regrade
    }

    /// Every inspection fact in the period, one callback per group of equal facts.
    ///
    /// `first` counts first inspections, with the bundle's latest result as of the end of
    /// the period; `again` counts re-inspections that happened in the period, each as a
    /// rework when the result it replaced was a fail and as a re-grade when it was a pass.
    /// Reworked bundles are placed with the same detail as the tallies.
    func visit(first: (_ place: Place, _ result: QCResult, _ final: QCResult, _ count: Int) -> Void,
               again: (_ place: Place, _ result: QCResult, _ kind: Reinspection) -> Void) {
        for tally in once {
            first(Place(day: tally.day, batch: tally.batch, maker: tally.maker, product: tally.product), tally.result,
                  tally.result, tally.count)
        }
        for bundle in reworked {
            let known = bundle.chronological.filter { inspection in period.to.map { inspection.day <= $0 } ?? true }
            guard let latest = known.last else { continue }
            var previous: QCResult?
            for inspection in known {
                defer { previous = inspection.result }
                guard covers(inspection.day) else { continue }
                let place = detail == .batches
                    ? Place(day: inspection.day, batch: bundle.batch, maker: nil, product: bundle.product)
                    : Place(day: nil, batch: nil, maker: bundle.maker, product: bundle.product)
                if inspection.first {
                    first(place, inspection.result, latest.result, 1)
                } else {
                    // Only a bundle that had failed is reworked; before its first inspection
                    // (a log without it) nothing had passed either.
                    again(place, inspection.result, previous?.passed == true ? .regrade : .rework)
                }
            }
        }
    }
}
