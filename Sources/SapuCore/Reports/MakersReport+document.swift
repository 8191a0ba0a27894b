extension MakersReport {
    /// Bundles and brooms per maker with the grade mix, pass rate, reworks and re-grades, and a chart of the same.
    public func document(_ language: Language, heading: ReportHeading) -> ReportDocument {
        let names = showsNames
        let chart = ReportChart.StackedBars(
            title: Message.reportMakersChart.text(language),
            categories: rows.map { row in names && !(row.name ?? "").isEmpty ? "\(row.maker) \(row.name!)" : row.maker },
            horizontal: true,
            series: [
                .init(name: "A", colour: ReportColour.gradeA, values: rows.map(\.tally.gradeA)),
                .init(name: "B", colour: ReportColour.gradeB, values: rows.map(\.tally.gradeB)),
                .init(name: Message.reportFailedSeries.text(language), colour: ReportColour.failed, values: rows.map(\.tally.failed)),
            ])
        let leading: [ReportTable.Column] = [.init(Message.columnMaker.text(language), numeric: false)]
            + (names ? [.init(Message.columnName.text(language), numeric: false)] : [])
        let table = ReportTable(
            columns: leading + [
                .init(Message.columnBundles.text(language)), .init(Message.columnBrooms.text(language)),
                .init(Message.columnGradeA.text(language)), .init(Message.columnGradeB.text(language)),
                .init(Message.columnFailed.text(language)), .init(Message.columnPassRate.text(language)),
                .init(Message.columnReworks.text(language)), .init(Message.columnRegrades.text(language)),
            ],
            rows: rows.map { row in
                [.text(row.maker)] + (names ? [.text(row.name ?? "")] : []) + Self.cells(row.tally, brooms: row.brooms)
            },
            total: [.text(Message.reportAllRows.text(language))] + (names ? [.text("")] : []) + Self.cells(total, brooms: brooms))
        return ReportDocument(
            language: language, title: Message.reportMakersTitle.text(language),
            subtitle: [Message.reportPeriod(from: period.from, to: period.to).text(language)] + heading.lines(language),
            highlights: [
                .init(Message.highlightMakers.text(language), ReportNumber.grouped(rows.count, language)),
                .init(Message.highlightMakerBundles.text(language), ReportNumber.grouped(total.inspected, language)),
                .init(Message.highlightBrooms.text(language), ReportNumber.grouped(brooms, language)),
                .init(Message.highlightFirstPass.text(language), ReportNumber.percentFigure(total.passRate, language)),
            ],
            sections: [.init(charts: [.stacked(chart)], table: table,
                             notes: [Message.reportMakersNote(makers: rows.count, bundles: ReportNumber.grouped(total.inspected, language),
                                                              brooms: ReportNumber.grouped(brooms, language)).text(language)])])
    }

    private static func cells(_ tally: QCTally, brooms: Int) -> [ReportCell] {
        [.count(tally.inspected), .count(brooms), .count(tally.gradeA), .count(tally.gradeB), .count(tally.failed),
         .percent(tally.passRate), .count(tally.reworks), .count(tally.regrades)]
    }
}
