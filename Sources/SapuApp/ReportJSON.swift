import SapuCore

/// A report as JSON: what `sapu report KIND --json` prints and `/api/v1/reports/KIND` answers
/// (docs/reports.md). Percentages carry one decimal, like the tables.
public enum ReportJSON: Encodable, Sendable {
    case stock(StockJSON)
    case qc(QCJSON)
    case makers(MakersJSON)
    case shipments(ShipmentsJSON)

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .stock(let report): try report.encode(to: encoder)
        case .qc(let report): try report.encode(to: encoder)
        case .makers(let report): try report.encode(to: encoder)
        case .shipments(let report): try report.encode(to: encoder)
        }
    }

    /// A share as a percentage with one decimal, as a number.
    static func percent(_ share: Double) -> Double { (share * 1000).rounded() / 10 }
}

/// The stock report as JSON: every non-zero count, and the total.
public struct StockJSON: Encodable, Sendable {
    struct Line: Encodable, Sendable {
        var product, grade, state: String
        var count: Int
    }

    /// One site's own lines, in a report across sites.
    struct SiteLines: Encodable, Sendable {
        var site: String
        var lines: [Line]
        var total: Int
    }

    var report = "stock"
    var asOf: String?
    var lines: [Line]
    var total: Int
    /// Present only in a report across sites (`--hub` without `--site`).
    var sites: [SiteLines]?

    /// The stock, and with a report across sites each site's own.
    public init(_ report: StockReport, sites: [SiteStock]? = nil) {
        asOf = report.asOf?.iso
        lines = Self.lines(report)
        total = report.total
        self.sites = sites?.map { SiteLines(site: $0.site, lines: Self.lines($0.report), total: $0.report.total) }
    }

    private static func lines(_ report: StockReport) -> [Line] {
        report.counts.map { Line(product: $0.product, grade: $0.grade, state: $0.state.rawValue, count: $0.count) }
    }
}

/// The QC report as JSON.
public struct QCJSON: Encodable, Sendable {
    struct Counts: Encodable, Sendable {
        var group: String?
        var inspected, gradeA, gradeB, failed: Int
        var passPercent: Double?
        var reworks: Int
        var finalPercent: Double?
        var regrades: Int

        init(group: String?, _ tally: QCTally) {
            self.group = group
            inspected = tally.inspected
            gradeA = tally.gradeA
            gradeB = tally.gradeB
            failed = tally.failed
            passPercent = tally.passRate.map(ReportJSON.percent)
            reworks = tally.reworks
            finalPercent = tally.finalYield.map(ReportJSON.percent)
            regrades = tally.regrades
        }
    }

    struct Defect: Encodable, Sendable {
        var code, name: String
        var count: Int
        var sharePercent, cumulativePercent: Double
    }

    var report = "qc"
    var from, to: String?
    var by: String
    var rows: [Counts]
    var total: Counts
    var defects: [Defect]
    var failedInspections: Int

    public init(_ report: QCReport, defects catalogue: [SapuCore.Defect], language: Language) {
        from = report.period.from?.iso
        to = report.period.to?.iso
        by = report.grouping.rawValue
        rows = report.rows.map { Counts(group: $0.group, $0.tally) }
        total = Counts(group: nil, report.total)
        let names = Dictionary(catalogue.map { ($0.code, $0.name(language)) }, uniquingKeysWith: { first, _ in first })
        defects = report.defects.map {
            Defect(code: $0.code, name: names[$0.code] ?? "", count: $0.count, sharePercent: ReportJSON.percent($0.share),
                   cumulativePercent: ReportJSON.percent($0.cumulative))
        }
        failedInspections = report.failedInspections
    }
}

/// The makers report as JSON; `name` is present only when names were asked for.
public struct MakersJSON: Encodable, Sendable {
    struct Maker: Encodable, Sendable {
        var maker: String?
        var name: String?
        var bundles, brooms, gradeA, gradeB, failed: Int
        var passPercent: Double?
        var reworks, regrades: Int

        init(maker: String?, name: String?, _ tally: QCTally, brooms: Int) {
            self.maker = maker
            self.name = name
            bundles = tally.inspected
            self.brooms = brooms
            gradeA = tally.gradeA
            gradeB = tally.gradeB
            failed = tally.failed
            passPercent = tally.passRate.map(ReportJSON.percent)
            reworks = tally.reworks
            regrades = tally.regrades
        }
    }

    var report = "makers"
    var from, to: String?
    var makers: [Maker]
    var total: Maker

    public init(_ report: MakersReport) {
        from = report.period.from?.iso
        to = report.period.to?.iso
        makers = report.rows.map { Maker(maker: $0.maker, name: $0.name, $0.tally, brooms: $0.brooms) }
        total = Maker(maker: nil, name: nil, report.total, brooms: report.brooms)
    }
}

/// The shipments report as JSON.
public struct ShipmentsJSON: Encodable, Sendable {
    struct Outcome: Encodable, Sendable {
        var id, date, consignee, status: String
        var sent, received, missing, disputed, inTransit, extra, forged: Int
    }

    struct Total: Encodable, Sendable {
        var consignee: String?
        var shipments, sent, received, missing, disputed, inTransit, extra, forged: Int

        init(_ total: ShipmentsReport.ConsigneeTotal, named: Bool) {
            consignee = named ? total.consignee : nil
            shipments = total.shipments
            sent = total.sent
            received = total.received
            missing = total.missing
            disputed = total.disputed
            inTransit = total.inTransit
            extra = total.extra
            forged = total.forged
        }
    }

    var report = "shipments"
    var from, to: String?
    var shipments: [Outcome]
    var consignees: [Total]
    var total: Total

    public init(_ report: ShipmentsReport) {
        from = report.period.from?.iso
        to = report.period.to?.iso
        shipments = report.shipments.map {
            Outcome(id: $0.id, date: $0.date.iso, consignee: $0.consignee, status: $0.status.rawValue, sent: $0.sent,
                    received: $0.received, missing: $0.missing, disputed: $0.disputed, inTransit: $0.inTransit,
                    extra: $0.extra, forged: $0.forged)
        }
        consignees = report.consignees.map { Total($0, named: true) }
        total = Total(report.total, named: false)
    }
}
