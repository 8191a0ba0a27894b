import SapuCore
import SapuHub
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
        let heading = try heading(store, made: made, clock: clock)
        let reading: Reading
        switch request.kind {
        case .stock:
            reading = .stock(try store.stockReport(asOf: request.day), sites: nil)
        case .qc, .makers:
            let detail: InspectionHistory.Detail = request.kind == .makers || request.grouping == .maker ? .makers : .batches
            reading = .history(try store.inspectionHistory(period, detail: detail))
        case .shipments:
            reading = .shipments(try store.shipmentsReport(period))
        }
        let defects = request.kind == .qc ? try store.defects() : []
        let names = request.kind == .makers && request.names
            ? Dictionary(try store.makers().map { ($0.code, $0.name ?? "") }, uniquingKeysWith: { first, _ in first })
            : nil
        return try lay(request, reading, heading: heading, defects: .catalogue(defects), names: names, language: language)
    }

    /// The same report made from the hub's copy of the sites' logs (docs/hub.md, "Reports"):
    /// for `site`, the figures that site's own report gives for the same events; for every
    /// site (nil), their sums, makers as `SITE/CODE`, the stock with a column per site.
    /// Makers' names never leave a site, so `names` is refused.
    public static func make(_ request: Request, hub url: HubURL, site: String?, language: Language, made: Instant,
                            clock: SiteClock) async throws(SapuError) -> Made {
        if request.names { throw .hub(.reportNamesStayAtSite) }
        let period: ReportPeriod
        if let asked = request.period { period = asked } else { period = try ReportPeriod() }
        let (reading, sites) = try await HubConnection.with(url) { hub async throws(SapuError) -> (Reading, [HubReports.Site]) in
            let reports = HubReports(hub)
            let sites = try await reports.sites(site)
            let across = site == nil
            switch request.kind {
            case .stock:
                var stocks: [SiteStock] = []
                for one in sites {
                    stocks.append(SiteStock(site: one.code, report: try await reports.stockReport(site: one.code, asOf: request.day)))
                }
                let sum = StockReport(asOf: request.day, sites: stocks)
                return (.stock(across ? sum : stocks.first?.report ?? sum, sites: across ? stocks : nil), sites)
            case .qc, .makers:
                let detail: InspectionHistory.Detail = request.kind == .makers || request.grouping == .maker ? .makers : .batches
                var histories: [(site: String, history: InspectionHistory)] = []
                for one in sites {
                    histories.append((one.code, try await reports.inspectionHistory(site: one.code, period, detail: detail)))
                }
                if !across, let only = histories.first { return (.history(only.history), sites) }
                return (.history(InspectionHistory(period: period, detail: detail, sites: histories)), sites)
            case .shipments:
                var shipments: [ShipmentOutcome] = []
                // Shipment ids carry their site's code (`ShipmentID`): no two sites share one.
                for one in sites { shipments += try await reports.shipmentsReport(site: one.code, period).shipments }
                return (.shipments(ShipmentsReport(period: period, shipments: shipments)), sites)
            }
        }
        let heading = ReportHeading(
            origin: .hub(url.shown, sites: sites.map { Site(code: $0.code, name: $0.name) }, across: site == nil),
            made: made, shown: clock.shown(made))
        // The defect catalogue is a site's own and is not in its log: the built-in names, and
        // any other code as itself.
        return try lay(request, reading, heading: heading, defects: .builtIn, names: nil, language: language)
    }

    /// What a report is made from, read from a site's store or from the hub.
    enum Reading: Sendable {
        /// The stock, and with a report across sites each site's own.
        case stock(StockReport, sites: [SiteStock]?)
        case history(InspectionHistory)
        case shipments(ShipmentsReport)
    }

    /// Where the QC report's defect names come from.
    enum DefectNaming {
        /// The site's own catalogue; a code no longer in it has no name.
        case catalogue([Defect])
        /// The catalogue every site starts with; any other code is named by itself.
        case builtIn
    }

    /// Lays out what was read, whoever read it: everything after the reads is shared, so a
    /// report from the hub prints as the site's own does.
    static func lay(_ request: Request, _ reading: Reading, heading: ReportHeading, defects naming: DefectNaming,
                    names: [String: String]?, language: Language) throws(SapuError) -> Made {
        switch reading {
        case .stock(let report, let sites):
            let document = sites.map { report.document(language, heading: heading, sites: $0) }
                ?? report.document(language, heading: heading)
            let empty: Message? = report.isEmpty ? (request.day == nil ? .noBundlesYet : .reportNoDataOnDay) : nil
            return Made(document: document, json: .stock(StockJSON(report, sites: sites)), empty: empty)
        case .history(let history) where request.kind == .makers:
            let report = try MakersReport(history, names: names)
            let document = report.document(language, heading: heading)
            return Made(document: document, json: .makers(MakersJSON(report)), empty: report.isEmpty ? .reportNoData : nil)
        case .history(let history):
            let report = QCReport(history, by: request.grouping)
            let defects: [Defect]
            switch naming {
            case .catalogue(let catalogue): defects = catalogue
            case .builtIn:
                let known = Set(Defect.standard.map(\.code))
                defects = Defect.standard + report.defects.map(\.code).filter { !known.contains($0) }
                    .map { Defect(code: $0, nameID: $0, nameEN: $0) }
            }
            let document = report.document(language, heading: heading, defects: defects)
            return Made(document: document, json: .qc(QCJSON(report, defects: defects, language: language)),
                        empty: report.isEmpty ? .reportNoData : nil)
        case .shipments(let report):
            let document = report.document(language, heading: heading)
            return Made(document: document, json: .shipments(ShipmentsJSON(report)), empty: report.isEmpty ? .reportNoData : nil)
        }
    }

    /// The heading of a report made now at this site.
    public static func heading(_ store: SQLiteStore, made: Instant, clock: SiteClock) throws(SapuError) -> ReportHeading {
        ReportHeading(site: try store.site(), made: made, shown: clock.shown(made))
    }
}
