import ArgumentParser
import SapuApp
import SapuCore

/// `sapu report makers`: output per maker over a period, by code; names only when asked.
struct ReportMakers: ReportSubcommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "makers", abstract: Message.helpReportMakers.helpText,
        discussion: Message.helpReportMakersDiscussion.helpText) }

    @OptionGroup var period: ReportPeriodOptions
    @Flag(help: Message.helpReportMakersNames.help) var names = false
    @OptionGroup var output: ReportOutputOptions
    @OptionGroup var global: GlobalOptions

    func produce(_ context: Context) throws(SapuError) {
        let period = try self.period.period()
        // At the site names may be shown to whoever asks; with --hub they are refused (they never leave a site).
        try output.deliver(Reporting.Request(.makers, period: period, names: names), context: context)
    }
}
