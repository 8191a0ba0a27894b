import SapuCore
import SapuStore

/// One management report made from the store: `sapu report KIND` and the web app's reports
/// pages both ask here, so a report reads the same whichever front end printed it.
public enum Reporting {
    /// The four reports.
    public enum Kind: String, Sendable, CaseIterable {
        case stock, qc, makers, shipments
    }

    /// What a report is asked for: the choices of `sapu report KIND`'s options.
    public struct Request: Sendable, Equatable {
        public var kind: Kind
        /// The days covered (`--from`, `--to`): QC, makers and shipments; nil for all history.
        public var period: ReportPeriod?
        /// The day the stock report is replayed to (`--at`); nil for now.
        public var day: CalendarDate?
        /// What the QC report's rows stand for (`--by`).
        public var grouping: ReportGrouping
        /// The makers' local names beside their codes (`--names`). Whoever asks must be
        /// allowed to see them: the CLI runs at the site, the web app lets only admin.
        public var names: Bool

        public init(_ kind: Kind, period: ReportPeriod? = nil, day: CalendarDate? = nil,
                    grouping: ReportGrouping = .batch, names: Bool = false) {
            self.kind = kind
            self.period = period
            self.day = day
            self.grouping = grouping
            self.names = names
        }
    }

    /// A made report: the document every format prints from, its JSON, and, when there is
    /// nothing to show, what to say instead of an empty table.
    public struct Made: Sendable {
        public var document: ReportDocument
        public var json: ReportJSON
        public var empty: Message?
    }

    /// Reads what the report needs from the store and lays it out in `language`; `made` is
    /// the moment in its heading, shown on the site's clock.
    public static func make(_ request: Request, store: SQLiteStore, language: Language, made: Instant,
                            clock: SiteClock) throws(SapuError) -> Made {
        let period: ReportPeriod
        if let asked = request.period { period = asked } else { period = try ReportPeriod() }
        switch request.kind {
        case .stock:
            let report = try store.stockReport(asOf: request.day)
            let document = report.document(language, heading: try heading(store, made: made, clock: clock))
            let empty: Message? = report.isEmpty ? (request.day == nil ? .noBundlesYet : .reportNoDataOnDay) : nil
            return Made(document: document, json: .stock(StockJSON(report)), empty: empty)
        case .qc:
            let history = try store.inspectionHistory(period, detail: request.grouping == .maker ? .makers : .batches)
            let defects = try store.defects()
            let report = QCReport(history, by: request.grouping)
            let document = report.document(language, heading: try heading(store, made: made, clock: clock), defects: defects)
            return Made(document: document, json: .qc(QCJSON(report, defects: defects, language: language)),
                        empty: report.isEmpty ? .reportNoData : nil)
        case .makers:
            let history = try store.inspectionHistory(period, detail: .makers)
            let names = request.names
                ? Dictionary(try store.makers().map { ($0.code, $0.name ?? "") }, uniquingKeysWith: { first, _ in first })
                : nil
            let report = try MakersReport(history, names: names)
            let document = report.document(language, heading: try heading(store, made: made, clock: clock))
            return Made(document: document, json: .makers(MakersJSON(report)), empty: report.isEmpty ? .reportNoData : nil)
        case .shipments:
            let report = try store.shipmentsReport(period)
            let document = report.document(language, heading: try heading(store, made: made, clock: clock))
            return Made(document: document, json: .shipments(ShipmentsJSON(report)), empty: report.isEmpty ? .reportNoData : nil)
        }
    }

    /// The heading of a report made now at this site.
    public static func heading(_ store: SQLiteStore, made: Instant, clock: SiteClock) throws(SapuError) -> ReportHeading {
        ReportHeading(site: try store.site(), made: made, shown: clock.shown(made))
    }
}
