extension StockReport {
    /// Bundles in any of these states.
    public func count(in states: Set<BundleState>) -> Int {
        counts.filter { states.contains($0.state) }.reduce(0) { $0 + $1.count }
    }

    /// The stock as a table of product and grade by state, with a chart of the same.
    public func document(_ language: Language, heading: ReportHeading) -> ReportDocument {
        let states = self.states
        let rows = self.rows
        let chart = ReportChart.StackedBars(
            title: Message.reportStockChart.text(language),
            categories: rows.map { "\($0.product) \(Message.grade($0.grade).text(language))" },
            horizontal: true,
            series: states.enumerated().map { index, state in
                .init(name: state.message.text(language).capitalisedFirst, colour: ReportColour.state(state), values: rows.map { $0.counts[index] })
            })
        let table = ReportTable(
            columns: [.init(Message.columnProduct.text(language), numeric: false), .init(Message.columnGrade.text(language), numeric: false)]
                + states.map { .init($0.message.text(language).uppercased()) } + [.init(Message.columnTotal.text(language))],
            rows: rows.map { row in
                [.text(row.product), .text(Message.grade(row.grade).text(language))] + row.counts.map(ReportCell.count) + [.count(row.total)]
            },
            total: [.text(Message.reportAllRows.text(language)), .text("")] + stateTotals.map(ReportCell.count) + [.count(total)])
        return ReportDocument(
            language: language, title: Message.reportStockTitle.text(language),
            subtitle: [Message.reportStockAsOf(asOf).text(language)] + heading.lines(language),
            highlights: [
                .init(Message.highlightBundles.text(language), ReportNumber.grouped(total, language)),
                .init(Message.highlightInStock.text(language), ReportNumber.grouped(count(in: [.inStock]), language)),
                .init(Message.highlightQuarantined.text(language), ReportNumber.grouped(count(in: [.quarantined]), language)),
                .init(Message.highlightOnTheWay.text(language), ReportNumber.grouped(count(in: [.packed, .shipped]), language)),
            ],
            sections: [.init(charts: [.stacked(chart)], table: table)])
    }
}
