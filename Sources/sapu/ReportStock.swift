import ArgumentParser
import SapuApp
import SapuCore

/// `sapu report stock`: bundles by product, grade and state, now or replayed to a past day.
struct ReportStock: ReportSubcommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "stock", abstract: Message.helpReportStock.helpText) }

    @Option(help: Message.helpReportStockAt.help) var at: String?
    @OptionGroup var output: ReportOutputOptions
    @OptionGroup var global: GlobalOptions

    func produce(_ context: Context) throws(SapuError) {
        let day = try at.map { (text) throws(SapuError) -> CalendarDate in
            try CalendarDate(iso: text.trimmingSpaces())
        }
        try output.deliver(Reporting.Request(.stock, day: day), context: context)
    }
}
