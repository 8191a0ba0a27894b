/// One site's stock in a report across sites.
public struct SiteStock: Sendable, Equatable {
    public var site: String
    public var report: StockReport

    public init(site: String, report: StockReport) {
        self.site = site
        self.report = report
    }
}

extension StockReport {
    /// The stock of several sites added up, as of the same day (nil: now).
    public init(asOf day: CalendarDate?, sites: [SiteStock]) {
        self.init(asOf: day, counts: sites.flatMap(\.report.counts))
    }

    /// The stock across sites: the sums, as `document(_:heading:)` lays them out, then a
    /// section with each product and grade counted per site, one column a site.
    public func document(_ language: Language, heading: ReportHeading, sites: [SiteStock]) -> ReportDocument {
        var document = document(language, heading: heading)
        let columns = sites.map { ReportTable.Column($0.site) }
        let perSite = sites.map { site in
            Dictionary(site.report.rows.map { ("\($0.product)|\($0.grade)", $0.total) }, uniquingKeysWith: +)
        }
        let table = ReportTable(
            columns: [.init(Message.columnProduct.text(language), numeric: false),
                      .init(Message.columnGrade.text(language), numeric: false)] + columns
                + [.init(Message.columnTotal.text(language))],
            rows: rows.map { row in
                [.text(row.product), .text(Message.grade(row.grade).text(language))]
                    + perSite.map { .count($0["\(row.product)|\(row.grade)"] ?? 0) } + [.count(row.total)]
            },
            total: [.text(Message.reportAllRows.text(language)), .text("")] + sites.map { .count($0.report.total) }
                + [.count(total)])
        document.sections.append(.init(heading: Message.reportStockBySite.text(language), table: table))
        return document
    }
}
