import ArgumentParser
import SapuApp
import SapuCore

/// `sapu report qc`: pass rates by group, first-pass versus final yield, and the defect Pareto.
struct ReportQC: ReportSubcommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "qc", abstract: Message.helpReportQC.helpText) }

    @OptionGroup var period: ReportPeriodOptions
    @Option(help: Message.helpReportQCBy.help) var by: String = "batch"
    @OptionGroup var output: ReportOutputOptions
    @OptionGroup var global: GlobalOptions

    func produce(_ context: Context) throws(SapuError) {
        let period = try self.period.period()
        let grouping = try context.word(by, option: "--by", as: ReportGrouping.self)
        try output.deliver(Reporting.Request(.qc, period: period, grouping: grouping), context: context)
    }
}
