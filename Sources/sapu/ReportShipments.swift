import ArgumentParser
import SapuCore
import SapuStore

/// `sapu report shipments`: what each shipment sent and what the partner confirmed.
struct ReportShipments: ReportSubcommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "shipments", abstract: Message.helpReportShipments.helpText) }

    @OptionGroup var period: ReportPeriodOptions
    @OptionGroup var output: ReportOutputOptions
    @OptionGroup var global: GlobalOptions

    func produce(_ context: Context) throws(SapuError) {
        let period = try self.period.period()
        _ = try output.resolved(context)
        let store = try context.store()
        let report = try store.shipmentsReport(period)
        let document = report.document(context.language, heading: try context.reportHeading(store))
        try output.deliver(document, json: ShipmentsJSON(report), empty: report.isEmpty ? .reportNoData : nil, context: context)
    }
}

/// The shipments report as JSON.
struct ShipmentsJSON: Encodable {
    struct Outcome: Encodable {
        var id, date, consignee, status: String
        var sent, received, missing, disputed, inTransit, extra, forged: Int
    }

    struct Total: Encodable {
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

    init(_ report: ShipmentsReport) {
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
