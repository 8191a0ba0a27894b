import ArgumentParser
import SapuApp
import SapuCore

/// `sapu report shipments`: what each shipment sent and what the partner confirmed.
struct ReportShipments: ReportSubcommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "shipments", abstract: Message.helpReportShipments.helpText) }

    @OptionGroup var period: ReportPeriodOptions
    @OptionGroup var output: ReportOutputOptions
    @OptionGroup var global: GlobalOptions

    func produce(_ context: Context) throws(SapuError) {
        let period = try self.period.period()
        try output.deliver(Reporting.Request(.shipments, period: period), context: context)
    }
}
