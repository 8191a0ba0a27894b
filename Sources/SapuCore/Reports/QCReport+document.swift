extension QCReport {
    /// Results by group with first-pass and final yields, then the defect causes ranked.
    ///
    /// `defects` names each defect code; a code no longer in the catalogue shows as is.
    public func document(_ language: Language, heading: ReportHeading, defects catalogue: [Defect]) -> ReportDocument {
        let names = Dictionary(catalogue.map { ($0.code, $0.name(language)) }, uniquingKeysWith: { first, _ in first })
        let groups = ReportTable(
            columns: [.init(Message.column(for: grouping).text(language), numeric: false)] + QCTally.columns(language),
            rows: rows.map { [.text(label($0.group, language))] + $0.tally.cells },
            total: [.text(Message.reportAllRows.text(language))] + total.cells)
        var notes = [Message.reportYields(inspected: ReportNumber.grouped(total.inspected, language),
                                          firstPass: total.passRate.map { ReportNumber.percent($0, language) } ?? "–",
                                          final: total.finalYield.map { ReportNumber.percent($0, language) } ?? "–",
                                          reworks: ReportNumber.grouped(total.reworks, language),
                                          regrades: ReportNumber.grouped(total.regrades, language)).text(language)]
        if defects.isEmpty { notes.append(Message.reportNoFailures.text(language)) }
        var sections = [ReportDocument.Section(charts: [.stacked(resultChart(language))], table: groups, notes: notes)]
        if !defects.isEmpty {
            let pareto = ReportChart.Pareto(
                title: Message.reportParetoChart.text(language), categories: defects.map(\.code), counts: defects.map(\.count),
                cumulative: defects.map(\.cumulative), countLabel: Message.reportDefectCount.text(language),
                cumulativeLabel: Message.reportCumulativeSeries.text(language))
            let table = ReportTable(
                columns: [.init(Message.columnDefect.text(language), numeric: false),
                          .init(Message.columnDefectName.text(language), numeric: false),
                          .init(Message.columnCount.text(language)), .init(Message.columnShare.text(language)),
                          .init(Message.columnCumulative.text(language))],
                rows: defects.map { [.text($0.code), .text(names[$0.code] ?? ""), .count($0.count), .percent($0.share),
                                     .percent($0.cumulative)] })
            sections.append(.init(heading: Message.reportDefectsTitle.text(language), charts: [.pareto(pareto)], table: table,
                                  notes: [Message.reportFailedInspections(ReportNumber.grouped(failedInspections, language))
                                    .text(language)]))
        }
        return ReportDocument(language: language, title: Message.reportQCTitle.text(language),
                              subtitle: [Message.reportPeriod(from: period.from, to: period.to).text(language)]
                                + heading.lines(language),
                              highlights: [
                                .init(Message.highlightInspected.text(language), ReportNumber.grouped(total.inspected, language)),
                                .init(Message.highlightFirstPass.text(language), ReportNumber.percentFigure(total.passRate, language)),
                                .init(Message.highlightFinal.text(language), ReportNumber.percentFigure(total.finalYield, language)),
                                .init(Message.highlightReworks.text(language), ReportNumber.grouped(total.reworks, language)),
                                .init(Message.highlightRegrades.text(language), ReportNumber.grouped(total.regrades, language)),
                              ],
                              sections: sections)
    }

    /// A day group reads as a date; other groups are codes.
    private func label(_ group: String, _ language: Language) -> String {
        guard grouping == .day, let day = try? CalendarDate(iso: group) else { return group }
        return day.written(language)
    }

    /// First-inspection results per maker when grouped by maker; else per batch when there
    /// are few batches, per day, or per month over long periods.
    func resultChart(_ language: Language) -> ReportChart.StackedBars {
        let buckets: [(String, QCTally)]
        let title: Message
        if grouping == .maker {
            buckets = rows.map { ($0.group, $0.tally) }
            title = .reportResultsPerMaker
        } else if grouping == .batch && rows.count <= 40 {
            buckets = rows.map { ($0.group, $0.tally) }
            title = .reportResultsPerBatch
        } else if days.count <= 62 {
            buckets = days.map { row in
                let day = try? CalendarDate(iso: row.group)
                return (day.map { Self.shortDay($0, language) } ?? row.group, row.tally)
            }
            title = .reportResultsPerDay
        } else {
            var months: [(String, QCTally)] = []
            for row in days {
                let month = String(row.group.prefix(7))
                if months.last?.0 == month {
                    months[months.count - 1].1 = months[months.count - 1].1 + row.tally
                } else {
                    months.append((month, row.tally))
                }
            }
            buckets = months.map { month, tally in
                (language == .id ? String(month.suffix(2)) + "-" + String(month.prefix(4)) : month, tally)
            }
            title = .reportResultsPerMonth
        }
        return ReportChart.StackedBars(
            title: title.text(language), categories: buckets.map(\.0), horizontal: grouping == .maker, series: [
            .init(name: "A", colour: ReportColour.gradeA, values: buckets.map(\.1.gradeA)),
            .init(name: "B", colour: ReportColour.gradeB, values: buckets.map(\.1.gradeB)),
            .init(name: Message.reportFailedSeries.text(language), colour: ReportColour.failed, values: buckets.map(\.1.failed)),
        ])
    }

    private static func shortDay(_ day: CalendarDate, _ language: Language) -> String {
        let iso = day.iso
        let month = iso.dropFirst(5).prefix(2)
        let dayOfMonth = iso.suffix(2)
        return language == .id ? "\(dayOfMonth)-\(month)" : "\(month)-\(dayOfMonth)"
    }
}

extension QCTally {
    /// The columns a tally fills, after the group's own column.
    static func columns(_ language: Language) -> [ReportTable.Column] {
        [.init(Message.columnInspected.text(language)), .init(Message.columnGradeA.text(language)),
         .init(Message.columnGradeB.text(language)), .init(Message.columnFailed.text(language)),
         .init(Message.columnPassRate.text(language)), .init(Message.columnReworks.text(language)),
         .init(Message.columnFinalYield.text(language)), .init(Message.columnRegrades.text(language))]
    }

    var cells: [ReportCell] {
        [.count(inspected), .count(gradeA), .count(gradeB), .count(failed), .percent(passRate), .count(reworks),
         .percent(finalYield), .count(regrades)]
    }
}
