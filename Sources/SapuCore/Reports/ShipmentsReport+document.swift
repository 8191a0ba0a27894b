extension ShipmentsReport {
    /// Each shipment's outcome, then the totals per consignee with a chart.
    public func document(_ language: Language, heading: ReportHeading) -> ReportDocument {
        let outcomeColumns: [ReportTable.Column] = [
            .init(Message.columnSent.text(language)), .init(Message.columnReceived.text(language)),
            .init(Message.columnMissing.text(language)), .init(Message.columnDisputed.text(language)),
            .init(Message.columnInTransit.text(language)), .init(Message.columnExtra.text(language)),
            .init(Message.columnForged.text(language)),
        ]
        let perShipment = ReportTable(
            columns: [.init(Message.columnShipment.text(language), numeric: false), .init(Message.columnDate.text(language), numeric: false),
                      .init(Message.columnConsignee.text(language), numeric: false),
                      .init(Message.columnStatus.text(language), numeric: false)] + outcomeColumns,
            rows: shipments.map { shipment in
                [.text(shipment.id), .text(shipment.date.written(language)), .text(shipment.consignee),
                 .text(shipment.status.message.text(language)), .count(shipment.sent), .count(shipment.received),
                 .count(shipment.missing), .count(shipment.disputed), .count(shipment.inTransit), .count(shipment.extra),
                 .count(shipment.forged)]
            },
            total: [.text(Message.reportAllRows.text(language)), .text(""), .text(""), .text("")] + Self.cells(total))
        let consignees = self.consignees
        let chart = ReportChart.StackedBars(
            title: Message.reportConsigneesChart.text(language), categories: consignees.map(\.consignee),
            horizontal: true,
            series: [
                .init(name: BundleState.received.message.text(language).capitalisedFirst,
                      colour: ReportColour.state(.received), values: consignees.map(\.received)),
                .init(name: BundleState.missing.message.text(language).capitalisedFirst,
                      colour: ReportColour.state(.missing), values: consignees.map(\.missing)),
                .init(name: BundleState.disputed.message.text(language).capitalisedFirst,
                      colour: ReportColour.state(.disputed), values: consignees.map(\.disputed)),
                .init(name: Message.reportInTransitSeries.text(language),
                      colour: ReportColour.state(.shipped), values: consignees.map(\.inTransit)),
            ])
        let perConsignee = ReportTable(
            columns: [.init(Message.columnConsignee.text(language), numeric: false), .init(Message.columnShipments.text(language))]
                + outcomeColumns,
            rows: consignees.map { [.text($0.consignee), .count($0.shipments)] + Self.cells($0) },
            total: [.text(Message.reportAllRows.text(language)), .count(total.shipments)] + Self.cells(total))
        return ReportDocument(
            language: language, title: Message.reportShipmentsTitle.text(language),
            subtitle: [Message.reportPeriod(from: period.from, to: period.to).text(language)] + heading.lines(language),
            highlights: [
                .init(Message.highlightShipments.text(language), ReportNumber.grouped(total.shipments, language)),
                .init(Message.highlightSent.text(language), ReportNumber.grouped(total.sent, language)),
                .init(Message.highlightReceived.text(language), ReportNumber.grouped(total.received, language)),
                .init(Message.highlightMissing.text(language), ReportNumber.grouped(total.missing + total.disputed, language)),
            ],
            sections: [
                .init(table: perShipment),
                .init(heading: Message.reportConsigneesTitle.text(language), charts: [.stacked(chart)], table: perConsignee),
            ])
    }

    private static func cells(_ total: ConsigneeTotal) -> [ReportCell] {
        [.count(total.sent), .count(total.received), .count(total.missing), .count(total.disputed), .count(total.inTransit),
         .count(total.extra), .count(total.forged)]
    }
}
